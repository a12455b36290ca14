import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, lockAndWaitForUsers, ownerHomeToCustomers, setUpRegister, signIn } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

const OWNER = { name: 'Olga Omistaja', passphrase: 'korppi-lumi-omena-puhelin' };
const RECEPTIONIST = { name: 'Ville Vastaanotto', oneTime: 'sininen-kettu-juoksee-metsassa', own: 'tuuli-kallio-peruna-lyhty' };
const CUSTOMER = { first: 'Aino', last: 'Mäki', phone: '040 123 4567', fullPhone: '+358 40 123 4567', email: 'aino.maki@example.test' };
const NOTE = 'Haluaa aamuajan, mieluiten tiistaisin';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

describe('owner and receptionist in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the receptionist works with masked lists and no owner powers; the owner sees it all in the journal', async () => {
    const { page } = app;
    await page.goto(app.url);

    // --- the owner sets up the register and adds a customer
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: OWNER.name, passphrase: OWNER.passphrase });
    await ownerHomeToCustomers(page);
    await page.getByRole('button', { name: 'Uusi asiakas' }).click();
    await page.getByLabel('Etunimi').fill(CUSTOMER.first);
    await page.getByLabel('Sukunimi').fill(CUSTOMER.last);
    await page.getByLabel('Puhelin').fill(CUSTOMER.phone);
    await page.getByLabel(fieldLabel('Sähköposti')).fill(CUSTOMER.email);
    await chooseSourceAndBasis(page);
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Asiakas lisätty.').waitFor();
    // the owner's list shows contacts in full
    await expect.poll(() => page.getByRole('listbox').getByRole('option').allInnerTexts()).toEqual([expect.stringContaining(CUSTOMER.fullPhone)]);

    // --- the owner adds a receptionist with a one-time passphrase
    await nav(page).getByRole('button', { name: 'Käyttäjät' }).click();
    await page.getByRole('heading', { name: 'Lisää vastaanottovirkailija' }).waitFor();
    await page.getByLabel(fieldLabel('Nimi')).fill(RECEPTIONIST.name);
    await page.getByLabel(fieldLabel('Kertakäyttöinen tunnuslause')).fill(RECEPTIONIST.oneTime);
    await page.getByLabel(fieldLabel('Kertakäyttöinen tunnuslause uudelleen')).fill(RECEPTIONIST.oneTime);
    await page.getByRole('button', { name: 'Lisää vastaanottovirkailija' }).click();
    await page.getByText(`${RECEPTIONIST.name} on lisätty.`).waitFor({ timeout: 15_000 });
    const receptionistRow = page.getByRole('row', { name: new RegExp(RECEPTIONIST.name) });
    await expect.poll(() => receptionistRow.innerText()).toMatch(/Vastaanottovirkailija[\s\S]*Oma tunnuslause asettamatta/);
    // nothing of the one-time passphrase stays in the form
    expect(await page.getByLabel(fieldLabel('Kertakäyttöinen tunnuslause')).inputValue()).toBe('');

    // --- lock: the sign-in screen lists both users
    await lockAndWaitForUsers(page, [OWNER.name, RECEPTIONIST.name]);
    expect(await page.getByRole('radiogroup', { name: 'Käyttäjä' }).getByRole('radio').count()).toBe(2);
    expect(await page.locator('body').innerText()).not.toContain(CUSTOMER.last);

    // --- the receptionist signs in with the one-time passphrase and must choose an own one
    await signIn(page, RECEPTIONIST.name, RECEPTIONIST.oneTime);
    await page.getByRole('heading', { name: 'Valitse oma tunnuslause' }).waitFor({ timeout: 15_000 });
    await page.getByText('Kirjauduit kertakäyttöisellä tunnuslauseella.', { exact: false }).waitFor();
    // no register, no navigation before the own passphrase is set
    expect(await nav(page).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(CUSTOMER.last);
    await page.getByLabel(fieldLabel('Uusi tunnuslause')).fill(RECEPTIONIST.own);
    await page.getByLabel(fieldLabel('Uusi tunnuslause uudelleen')).fill(RECEPTIONIST.own);
    await page.getByRole('button', { name: 'Vaihda tunnuslause' }).click();
    await page.getByRole('heading', { name: 'Asiakkaat' }).waitFor({ timeout: 15_000 });
    await page.getByText(`Kirjautuneena: ${RECEPTIONIST.name}`).waitFor();

    // --- the receptionist's list masks contact details
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count()).toBe(1);
    const listed = await options.first().innerText();
    expect(listed).toContain(`${CUSTOMER.last} ${CUSTOMER.first}`);
    expect(listed).toContain('•••');
    expect(listed).toContain('4567');
    expect(listed).not.toContain(CUSTOMER.fullPhone);
    expect(listed).not.toContain(CUSTOMER.email);
    expect(listed).toContain('@example.test');
    await page.getByText('Yhteystiedot näkyvät kokonaan, kun avaat asiakkaan.', { exact: false }).waitFor();

    // the nav is the receptionist's: customers and own passphrase only
    expect(await nav(page).getByRole('button').allInnerTexts()).toEqual(['Asiakkaat', 'Päivä', 'Pyynnöt', 'Oma tunnuslause']);
    await page.screenshot({ path: join(ARTIFACTS, 'receptionist-customers.png') });

    // --- main refuses owner channels to the receptionist's session, whatever the UI shows
    const refused = await page.evaluate(() => window.kirjuri?.invoke('users.list', undefined));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // --- opening shows the contact details in full; the receptionist edits the notes
    await options.first().click();
    await page.getByRole('heading', { name: `${CUSTOMER.first} ${CUSTOMER.last}` }).waitFor();
    expect(await page.locator('.details').getByText(CUSTOMER.fullPhone).isVisible()).toBe(true);
    expect(await page.locator('.details').getByText(CUSTOMER.email).isVisible()).toBe(true);
    // no delete for a receptionist
    expect(await page.getByRole('button', { name: /Poista/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await page.getByLabel('Erityistoiveet ja lisätiedot').fill(NOTE);
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Asiakas tallennettu.').waitFor();
    await page.locator('.details .notes').getByText(NOTE).waitFor();
    expect(await page.getByRole('button', { name: /Poista/ }).count()).toBe(0);

    // nothing of users, journal, settings, export or backup anywhere on the receptionist's screen
    const navText = await nav(page).innerText();
    for (const word of ['Käyttäjät', 'Lokikirja', 'Asetukset']) expect(navText).not.toContain(word);
    expect(await page.locator('body').innerText()).not.toMatch(/varmuuskop|vienti|vie tiedot|tiedot viety|export|backup/i);

    // --- the receptionist locks; the owner signs in
    await lockAndWaitForUsers(page, [OWNER.name, RECEPTIONIST.name]);
    expect(await page.locator('body').innerText()).not.toContain(CUSTOMER.last);
    await signIn(page, OWNER.name, OWNER.passphrase);
    await ownerHomeToCustomers(page);
    await page.getByText(`Kirjautuneena: ${OWNER.name}`).waitFor();

    // the owner now sees the users list with the receptionist's own passphrase set
    await nav(page).getByRole('button', { name: 'Käyttäjät' }).click();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(RECEPTIONIST.name) }).innerText()).toMatch(/Käytössä/);

    // --- the owner's journal: filtered by the receptionist
    await nav(page).getByRole('button', { name: 'Lokikirja' }).click();
    await page.getByRole('heading', { name: 'Lokikirja', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Näytetään \d+\/\d+ merkint/ }).waitFor();
    await page.getByLabel(fieldLabel('Käyttäjä')).selectOption({ label: RECEPTIONIST.name });
    const rows = page.locator('.journal-table tbody tr');
    const expectedActions = ['Kirjautuminen', 'Tunnuslause vaihdettu', 'Pääsy estetty', 'Asiakas avattu', 'Asiakasta muutettu', 'Lukitus'];
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        // Until the filtered page arrives the table still shows everyone's entries, which hold
        // the receptionist's actions too: wait for the filter itself, not just for the actions.
        return expectedActions.every((action) => texts.some((t) => t.includes(action))) && texts.every((t) => t.includes(RECEPTIONIST.name));
      })
      .toBe(true);
    const texts = await rows.allInnerTexts();
    // every row is the receptionist's, and nothing else (e.g. the owner's sign-ins) is there
    for (const text of texts) expect(text).toContain(RECEPTIONIST.name);
    expect(texts.some((t) => t.includes('Rekisteri luotu') || t.includes('Käyttäjä lisätty'))).toBe(false);
    // the refusal names the channel that was refused
    expect(texts.find((t) => t.includes('Pääsy estetty'))).toContain('käyttäjälista');
    // the journal holds ids only: no customer's name or contacts
    const tableText = await page.locator('.journal-table').innerText();
    for (const personal of [CUSTOMER.first, CUSTOMER.last, CUSTOMER.email, CUSTOMER.fullPhone, NOTE]) expect(tableText).not.toContain(personal);
    await page.getByText(`Näytetään ${texts.length}/${texts.length} merkint`, { exact: false }).waitFor();

    // --- the hash chain verifies
    await page.getByRole('button', { name: 'Tarkista lokikirja' }).click();
    await page.getByText(/^Lokikirja on eheä: \d+ merkint(ä|ää) tarkistettu\.$/).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'ongelma' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'owner-journal.png'), fullPage: true });

    // no console errors or CSP violations in the whole flow
    expect(app.problems).toEqual([]);
  });
});
