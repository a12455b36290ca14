import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

const PASS = 'korppi-lumi-omena-puhelin';

/**
 * The full customer record in Chromium (issue 5), keyboard first: a new customer with source,
 * basis and consents; the card with its consent history; a likely duplicate shown before saving;
 * merging it side by side; undoing the merge. Screenshots for review go to test/e2e/artifacts.
 */
describe('customer record in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a customer with consents, shows the card, warns of a duplicate, merges and undoes', async () => {
    const { page } = app;
    /** A window tall enough for the whole detail pane, scrolled to the top (or to `at`). */
    async function shoot(name: string, height: number, at?: Locator) {
      await page.setViewportSize({ width: 1280, height });
      if (at) await at.scrollIntoViewIfNeeded();
      else await page.locator('.detail-pane').evaluate((pane) => pane.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, name) });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await page.goto(app.url);
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: PASS });
    await ownerHomeToCustomers(page);

    // --- a new customer, with the consents given at the desk
    await page.keyboard.press('Alt+n');
    await page.getByLabel(fieldLabel('Etunimi')).fill('Aino');
    await page.getByLabel(fieldLabel('Sukunimi')).fill('Mäkinen');
    await page.getByLabel(fieldLabel('Puhelin')).fill('040 123 4567');
    await page.getByLabel(fieldLabel('Sähköposti')).fill('aino.makinen@example.test');
    await page.getByLabel(fieldLabel('Katuosoite')).fill('Testikatu 5');
    await page.getByLabel(fieldLabel('Postinumero')).fill('00100');
    await page.getByLabel(fieldLabel('Postitoimipaikka')).fill('Helsinki');
    await chooseSourceAndBasis(page, 'Ajanvaraus verkossa');
    const publication = page.locator('.consent-choice').filter({ hasText: 'Julkaiseminen' });
    await page.getByLabel('Julkaiseminen', { exact: true }).check();
    await publication.getByLabel(fieldLabel('Miten suostumus annettiin')).selectOption({ label: 'Allekirjoitetulla lomakkeella' });
    await publication.getByLabel(fieldLabel('Mitä julkaiseminen koskee')).fill('Ennen–jälkeen-kuvat salongin Instagramissa, kasvot eivät näy');
    await publication.getByLabel('Voimassa asti (valinnainen)').fill('31.12.2099');
    const sms = page.locator('.consent-choice').filter({ hasText: 'Markkinointi tekstiviestillä' });
    await page.getByLabel('Markkinointi tekstiviestillä').check();
    await sms.getByLabel(fieldLabel('Miten suostumus annettiin')).selectOption({ label: 'Suullisesti paikan päällä' });
    await page.getByLabel('Erityistoiveet ja lisätiedot').fill('Toivoo hiljaista aikaa, ei kahvia');
    await shoot('customer-form.png', 1900);
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    const card = page.getByRole('region', { name: 'Aino Mäkinen' });
    await card.waitFor();

    // --- on the card: a consent given and withdrawn again stays in the history
    await card.getByRole('button', { name: 'Kirjaa suostumus' }).click();
    await page.getByLabel(fieldLabel('Mihin suostumus annettiin')).selectOption({ label: 'Markkinointi sähköpostilla' });
    await page.getByLabel(fieldLabel('Miten suostumus annettiin')).selectOption({ label: 'Sähköpostilla' });
    await page.getByRole('button', { name: 'Tallenna suostumus' }).click();
    await page.getByText('Suostumus kirjattu: Markkinointi sähköpostilla.').waitFor();
    const emailRow = card.getByRole('row').filter({ hasText: 'Markkinointi sähköpostilla' });
    await emailRow.getByRole('button', { name: 'Peru suostumus' }).click();
    await emailRow.getByText('Peruttu', { exact: true }).waitFor();
    expect(await card.getByRole('list', { name: 'Voimassa olevat suostumukset' }).getByRole('listitem').count()).toBe(2);
    expect(await card.getByText('Käsittelyä ei ole rajoitettu.').isVisible()).toBe(true);

    await shoot('customer-card.png', 1400);

    // --- a likely duplicate is shown before anything is saved
    await page.keyboard.press('Alt+n');
    await page.getByLabel(fieldLabel('Etunimi')).fill('Aino');
    await page.getByLabel(fieldLabel('Sukunimi')).fill('Makinen');
    await page.getByLabel(fieldLabel('Puhelin')).fill('+358 40 123 4567');
    await page.getByLabel(fieldLabel('Sähköposti')).fill('aino.m@example.test');
    await chooseSourceAndBasis(page, 'Puhelu');
    await page.getByLabel('Erityistoiveet ja lisätiedot').fill('Tulee usein lounastauolla');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    const warning = page.getByRole('region', { name: 'Rekisterissä voi jo olla sama henkilö' });
    await warning.waitFor();
    expect(await warning.getByText('Syy: sama puhelinnumero, sama tai lähes sama nimi').isVisible()).toBe(true);
    expect(await page.getByRole('listbox').getByRole('option').count()).toBe(1);
    await shoot('customer-duplicates.png', 800, warning);

    // --- save and merge into the existing customer, side by side
    await warning.getByRole('button', { name: 'Tallenna ja yhdistä tähän asiakkaaseen' }).click();
    await page.getByRole('heading', { name: 'Yhdistä asiakkaat' }).waitFor();
    const emailChoice = page.getByRole('radiogroup', { name: 'Sähköposti' });
    await emailChoice.locator('label').filter({ hasText: 'aino.m@example.test' }).click();
    expect(await emailChoice.getByRole('radio', { name: /^Yhdistetään/ }).isChecked()).toBe(true);
    expect(await emailChoice.locator('output').innerText()).toContain('aino.m@example.test');
    await shoot('customer-merge.png', 1100);
    await page.getByRole('button', { name: 'Yhdistä asiakkaat', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yhdistä asiakkaat' }).click();
    await page.getByText(/Asiakkaat yhdistetty/).waitFor();
    await card.waitFor();
    expect(await card.locator('.details').getByText('aino.m@example.test').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(1);

    // --- undo it from the list of recent merges
    await page.getByRole('button', { name: 'Yhdistämiset (1)' }).click();
    const merges = page.getByRole('region', { name: 'Viimeisimmät yhdistämiset' });
    await merges.getByRole('button', { name: 'Kumoa yhdistäminen' }).click();
    await page.getByText(/Yhdistäminen kumottu/).waitFor();
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(2);

    expect(app.problems).toEqual([]);
  });
});
