import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { readPdf } from '../node/shared/documents/pdf-text';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

/**
 * GDPR rights in Chromium (issue 7): the owner takes in a written erasure request, checks the
 * requester's identity, erases the customer from the request, saves the reply letter (its PDF text
 * read back), records the reply and sees the request done on the dashboard; then generates the Finnish privacy notice (its first page is
 * shown on screen and saved as PDF). Screenshots go to test/e2e/artifacts.
 */
const PASS = 'korppi-lumi-omena-puhelin';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

describe('GDPR requests in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('erases a customer on a verified written request, shows it done, and generates the Finnish privacy notice', async () => {
    const { page } = app;
    await page.goto(app.url);
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: PASS });
    await ownerHomeToCustomers(page);
    await page.keyboard.press('Alt+n');
    await page.getByLabel(fieldLabel('Etunimi')).fill('Maija');
    await page.getByLabel(fieldLabel('Sukunimi')).fill('Virtanen');
    await page.getByLabel(fieldLabel('Puhelin')).fill('040 765 4321');
    await chooseSourceAndBasis(page);
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByRole('region', { name: 'Maija Virtanen' }).waitFor();

    // --- the written request is taken in
    await nav(page).getByRole('button', { name: 'Pyynnöt' }).click();
    await page.getByRole('button', { name: 'Kirjaa uusi pyyntö' }).click();
    await page.getByLabel('Pyynnön laji').selectOption({ label: 'Tietojen poistaminen (oikeus tulla unohdetuksi)' });
    await page.getByLabel(fieldLabel('Pyytäjän nimi')).fill('Maija Virtanen');
    await page.getByLabel(fieldLabel('Pyytäjän yhteystieto (osoite, sähköposti tai puhelin)')).fill('maija@example.test');
    await page.getByLabel('Miten pyyntö saapui kirjallisena').selectOption({ label: 'Kirje' });
    await page.locator('input[name="customerQuery"]').fill('virtanen');
    await page.getByRole('button', { name: 'Maija Virtanen' }).click();
    await page.getByText('Valittu: Maija Virtanen').waitFor();
    await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
    await page.getByText(/^Pyyntö kirjattu\. Määräpäivä \d+\.\d+\.\d{4}\.$/).waitFor();

    // --- identity, then the erasure itself
    await page.getByRole('button', { name: 'Kirjaa henkilöllisyyden tarkistus' }).click();
    await page.getByLabel('Tapa').selectOption({ label: 'Henkilöllisyystodistus' });
    await page.getByLabel('Mitä tarkistettiin').fill('ajokortti');
    await page.getByRole('button', { name: 'Tallenna tarkistus' }).click();
    await page.getByText(/^Henkilöllisyys tarkistettu: Henkilöllisyystodistus \(ajokortti\)/).waitFor();
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: join(ARTIFACTS, 'request-details.png') });
    await page.getByRole('button', { name: 'Poista asiakkaan tiedot…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.innerText()).toMatch(/peitetty nimi \(M\*+ V\*+\)/);
    await dialog.getByRole('button', { name: 'Poista pysyvästi' }).click();
    await page.getByText('Asiakkaan tiedot poistettu. Kun vastaus on lähetetty, merkitse pyyntö valmiiksi.').waitFor();
    // The reply confirming the erasure is still addressed to the requester (held in memory only:
    // the stored request is masked now), in Finnish, with what is kept and why.
    const letterFile = join(await mkdtemp(join(tmpdir(), 'kirjuri-e2e-letter-')), 'vastaus.pdf');
    app.setDialogAnswer('saveFile', letterFile);
    await page.getByRole('button', { name: 'Tee vastauskirje (PDF)…' }).click();
    await page.getByText('Vastauskirje tallennettu.').waitFor({ timeout: 30_000 });
    const letter = (await readPdf(new Uint8Array(await readFile(letterFile)))).pages.flat().join(' ').replace(/\s+/g, ' ');
    expect(letter).toContain('Hyvä Maija Virtanen');
    expect(letter).toContain('Salonki Testi');
    expect(letter).toContain('Olemme poistaneet henkilötietosi asiakasrekisteristä');
    expect(letter).toContain('maija@example.test');
    await page.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
    await page.locator('.request-panel').getByRole('button', { name: 'Merkitse valmiiksi' }).click();
    await page.locator('.request-facts').getByText('Valmis', { exact: true }).waitFor();

    // --- the dashboard: nothing waiting
    await nav(page).getByRole('button', { name: 'Tietosuoja' }).click();
    await page.getByRole('heading', { name: 'Tietosuoja', level: 1 }).waitFor();
    for (const heading of ['Myöhässä olevat pyynnöt', 'Määräpäivä 7 päivän sisällä', 'Odottaa henkilöllisyyden tarkistusta']) {
      expect(await page.getByRole('region', { name: heading }).locator('.dashboard-count').innerText()).toBe('0');
    }
    await page.getByRole('region', { name: 'Lokikirjan eheys' }).getByText(/^ehjä/).waitFor();

    // --- the Finnish privacy notice, version 1: previewed on screen and saved as PDF
    const target = join(await mkdtemp(join(tmpdir(), 'kirjuri-e2e-notice-')), 'tietosuojaseloste.pdf');
    app.setDialogAnswer('saveFile', target);
    await page.getByRole('button', { name: 'Tee uusi versio ja tallenna…' }).click();
    await page.getByText('Tietosuojaseloste 1 tallennettu.').waitFor({ timeout: 30_000 });
    await page.getByText(/^Voimassa oleva versio: 1 /).waitFor();
    const preview = page.getByRole('document', { name: 'Esikatselu' });
    expect(await preview.innerText()).toContain('Salonki Testi');
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'privacy-notice.png') });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');

    // The erased customer is nowhere to be found.
    await nav(page).getByRole('button', { name: 'Asiakkaat' }).click();
    await page.getByRole('combobox', { name: 'Hae asiakasta' }).fill('virtanen');
    const results = page.getByRole('listbox');
    await results.waitFor({ state: 'attached' });
    expect(await results.getByRole('option').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
  it('answers an authority request from the disclosure log: reports for the chosen customers, one entry in the log', async () => {
    const { page } = app;
    // The same register, signed in again (the first test left it set up).
    await page.goto(app.url);
    await page.getByLabel('Tunnuslause').fill(PASS);
    await page.keyboard.press('Enter');
    await ownerHomeToCustomers(page);
    for (const [first, last, phone] of [
      ['Aino', 'Mäkinen', '040 111 2233'],
      ['Eero', 'Virtanen', '040 222 3344'],
    ] as const) {
      await page.keyboard.press('Alt+n');
      await page.getByLabel(fieldLabel('Etunimi')).fill(first);
      await page.getByLabel(fieldLabel('Sukunimi')).fill(last);
      await page.getByLabel(fieldLabel('Puhelin')).fill(phone);
      await chooseSourceAndBasis(page);
      await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
      await page.getByRole('region', { name: `${first} ${last}` }).waitFor();
    }

    await nav(page).getByRole('button', { name: 'Tietosuoja' }).click();
    await page.getByRole('navigation', { name: 'Tietosuojan osiot' }).getByRole('button', { name: 'Luovutukset' }).click();
    await page.getByRole('button', { name: 'Viranomaisen pyyntö…' }).click();
    await page.getByLabel(fieldLabel('Viranomaisen nimi')).fill('Helsingin poliisilaitos');
    await page.getByLabel(fieldLabel('Säännös, johon viranomainen vetoaa')).fill('Poliisilaki 4 luku 3 §');
    await page.getByLabel(fieldLabel('Viranomaisen diaarinumero tai viite')).fill('POL-2026-4711');
    for (const name of ['Aino Mäkinen', 'Eero Virtanen']) {
      await page.getByLabel('Hae asiakasta').fill(name.split(' ')[1]!);
      await page.getByRole('button', { name: `Lisää ${name}` }).click();
    }
    await page.getByText('Valittu 2 asiakasta').waitFor();
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: join(ARTIFACTS, 'authority-request.png'), fullPage: true });
    const out = await mkdtemp(join(tmpdir(), 'kirjuri-e2e-authority-'));
    app.setDialogAnswer('exportFolder', out);
    await page.getByRole('button', { name: 'Vie tiedot ja kirjaa luovutus' }).click();
    await page.getByText('Tiedot tallennettu (4 tiedostoa) ja luovutus kirjattu: 2 asiakasta.').waitFor({ timeout: 30_000 });
    // The form starts over for the next request, its customer search too.
    expect(await page.getByLabel('Hae asiakasta').inputValue()).toBe('');
    const [folder] = await readdir(out);
    const files = (await readdir(join(out, folder!))).sort();
    expect(files.filter((name) => name.endsWith('.pdf'))).toHaveLength(2);
    expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(2);
    const report = (await readPdf(new Uint8Array(await readFile(join(out, folder!, files.find((name) => name.endsWith('.pdf'))!))))).pages.flat().join(' ');
    expect(report).toMatch(/Etunimi (Aino|Eero) Sukunimi (Mäkinen|Virtanen)/);

    const log = page.getByRole('table', { name: /Luovutusloki/ });
    await log.getByRole('cell', { name: /Helsingin poliisilaitos/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'disclosure-log.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.problems).toEqual([]);
  });
});
