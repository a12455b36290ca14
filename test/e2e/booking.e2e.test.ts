import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

const OWNER = { name: 'Olga Omistaja', passphrase: 'korppi-lumi-omena-puhelin' };
const CUSTOMER = { first: 'Aino', last: 'Mäki', phone: '040 123 4567', email: 'aino.maki@example.test' };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });
const dayRow = (page: Page, name: RegExp) => page.getByRole('list', { name: /^Varaukset / }).getByRole('button', { name });

describe('booking in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the owner adds a service and a customer, books them today, sees it in the day and marks it attended', async () => {
    const { page } = app;
    await page.goto(app.url);
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: OWNER.name, passphrase: OWNER.passphrase });
    await ownerHomeToCustomers(page);

    // --- a service in the catalogue
    await nav(page).getByRole('button', { name: 'Palvelut' }).click();
    await page.getByLabel(fieldLabel('Palvelun nimi')).fill('Hiustenleikkaus');
    await page.getByLabel(fieldLabel('Kesto (min)')).fill('45');
    await page.getByLabel(fieldLabel('Hinta (€)')).fill('49,90');
    await page.keyboard.press('Enter');
    await page.getByText('Palvelu lisätty: Hiustenleikkaus.').waitFor();
    expect(await page.getByRole('table', { name: 'Palveluluettelo' }).getByRole('row').nth(1).innerText()).toMatch(/Hiustenleikkaus\s+45 min\s+49,90\s€\s+Käytössä/);

    // --- a new customer (the customer form's own fields, by role: it has checkboxes named like them)
    await nav(page).getByRole('button', { name: 'Asiakkaat' }).click();
    await page.keyboard.press('Alt+n');
    await page.getByRole('textbox', { name: fieldLabel('Etunimi') }).fill(CUSTOMER.first);
    await page.getByRole('textbox', { name: fieldLabel('Sukunimi') }).fill(CUSTOMER.last);
    await page.getByRole('textbox', { name: fieldLabel('Puhelin') }).fill(CUSTOMER.phone);
    await page.getByRole('textbox', { name: fieldLabel('Sähköposti') }).fill(CUSTOMER.email);
    await page.getByRole('combobox', { name: fieldLabel('Tietojen lähde') }).selectOption({ label: 'Puhelu' });
    await page.getByRole('radio', { name: 'Asiakassuhde' }).check();
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Asiakas lisätty.').waitFor();

    // --- booked for today, from the keyboard: Alt+B, search, Enter, the service with ↓ and Enter
    await nav(page).getByRole('button', { name: 'Päivä' }).click();
    await page.getByText('tänään', { exact: true }).waitFor();
    await page.keyboard.press('Alt+b');
    const search = page.getByRole('combobox', { name: /^Hae asiakas/ });
    await search.waitFor();
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('mäki');
    await page.getByRole('option', { name: /Aino Mäki/ }).waitFor();
    await page.keyboard.press('Enter');
    const picker = page.getByLabel('Lisättävä palvelu');
    await expect.poll(() => picker.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Hiustenleikkaus: hinta euroina').waitFor();
    expect(await page.getByLabel('Hiustenleikkaus: hinta euroina').inputValue()).toBe('49,90');
    await page.getByLabel(fieldLabel('Kellonaika')).fill('14.30');
    await page.getByLabel(fieldLabel('Tekijä')).fill('Anna');
    await page.getByText('Yhteensä 45 min, 49,90 €').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'booking-form.png') });
    await page.keyboard.press('Enter');
    await page.getByText(/^Varaus tallennettu: \d{1,2}\.\d{1,2}\.\d{4} klo 14\.30\.$/).waitFor();

    // --- in today's list, with the name as the only personal data; marked attended with Alt+C
    const row = dayRow(page, /^14\.30–15\.15, Aino Mäki, Hiustenleikkaus, Anna, Varattu$/);
    await row.waitFor();
    const listText = await page.getByRole('list', { name: /^Varaukset / }).innerText();
    expect(listText).toContain('Aino Mäki');
    expect(listText).not.toContain('4567');
    expect(listText).not.toContain('example.test');
    await row.focus();
    await page.keyboard.press('Alt+c');
    await dayRow(page, /^14\.30–15\.15, Aino Mäki, Hiustenleikkaus, Anna, Käynyt$/).waitFor();
    await page.getByText('14.30 Aino Mäki: Käynyt.').waitFor();
    // the week strip counts it for today
    expect(await page.getByRole('group', { name: /^Viikko \d+$/ }).locator('[aria-current="date"]').textContent()).toMatch(/: 1 varaus$/);

    // the appointment pane, then the screenshot of the whole day view
    await dayRow(page, /Aino Mäki/).press('Enter');
    await page.getByRole('heading', { name: 'Muutoshistoria' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'day-view.png') });

    // --- and in the customer card, among the customer's visits
    await page.getByRole('button', { name: 'Avaa asiakkaan tiedot' }).click();
    await page.getByRole('heading', { name: 'Aino Mäki' }).waitFor();
    const visits = page.getByRole('table', { name: 'Käynnit ja varaukset, uusimmat ensin' });
    await expect.poll(() => visits.getByRole('row').nth(1).innerText()).toMatch(/klo 14\.30\s+Hiustenleikkaus\s+Anna\s+Käynyt/);
    expect(app.problems).toEqual([]);
  });
});
