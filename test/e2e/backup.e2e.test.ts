import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

/**
 * Backups in Chromium (issue 6), as the owner does them: choose the folder (the backup
 * passphrase is the owner's, chosen at setup), back up now, erase a customer, restore the older
 * backup (the erased customer stays erased, and the result says so), and then restore the same
 * file into a brand-new install on "another computer". Screenshots go to test/e2e/artifacts.
 */
const PASS = 'korppi-lumi-omena-puhelin';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

async function addCustomer(page: Page, first: string, last: string, phone: string) {
  await page.keyboard.press('Alt+n');
  await page.getByLabel(fieldLabel('Etunimi')).fill(first);
  await page.getByLabel(fieldLabel('Sukunimi')).fill(last);
  await page.getByLabel(fieldLabel('Puhelin')).fill(phone);
  await chooseSourceAndBasis(page);
  await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await page.getByRole('region', { name: `${first} ${last}` }).waitFor();
}

async function restoreFile(page: Page, app: RunningApp, file: string, passphrase: string) {
  app.setDialogAnswer('backupFile', file);
  await page.getByRole('button', { name: 'Valitse varmuuskopiotiedosto…' }).click();
  await page.getByLabel(fieldLabel('Varmuuskopion tunnuslause')).fill(passphrase);
  await page.getByRole('button', { name: 'Avaa ja tarkista' }).click();
  await page.getByRole('heading', { name: 'Varmuuskopion sisältö' }).waitFor({ timeout: 60_000 });
}

describe('backups in Chromium', () => {
  let app: RunningApp;
  let fresh: RunningApp | undefined;

  beforeAll(async () => {
    app = await startApp();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    await fresh?.close();
  });

  it('backs up, keeps an erased customer erased through a restore, and restores into a fresh install', async () => {
    const { page } = app;
    await page.goto(app.url);
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: PASS });
    await ownerHomeToCustomers(page);
    // The owner is told straight away that nothing is backed up yet.
    await page.getByText('Varmuuskopiokansiota ei ole valittu, joten varmuuskopioita ei tehdä.').waitFor();
    await addCustomer(page, 'Aino', 'Mäki', '040 123 4567');
    await addCustomer(page, 'Veikko', 'Virtanen', '050 765 4321');

    // --- the folder, then a backup now
    const folder = await mkdtemp(join(tmpdir(), 'kirjuri-e2e-backups-'));
    app.setDialogAnswer('backupFolder', folder);
    await nav(page).getByRole('button', { name: 'Varmuuskopiot' }).click();
    await page.getByRole('button', { name: 'Valitse kansio…' }).click();
    await page.getByText('Kansio vaihdettu.').waitFor();
    await page.getByRole('button', { name: 'Tee varmuuskopio nyt' }).click();
    const done = page.getByText(/^Varmuuskopio tehty ja tarkistettu: kirjuri-.*\.age\.$/);
    await done.waitFor({ timeout: 60_000 });
    const backupFile = join(folder, /(kirjuri-\S+\.age)/.exec(await done.innerText())![1]!);
    expect(await readdir(folder)).toContain(basename(backupFile));
    await page.getByRole('table', { name: /Tehdyt varmuuskopiot/ }).getByRole('row').nth(1).waitFor();
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.screenshot({ path: join(ARTIFACTS, 'backups.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // --- Veikko is erased after the backup
    await nav(page).getByRole('button', { name: 'Asiakkaat' }).click();
    await page.getByRole('combobox', { name: 'Hae asiakasta' }).fill('virtanen');
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: 'Veikko Virtanen' });
    await card.getByRole('button', { name: 'Poista', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Poista pysyvästi' }).click();
    await page.getByText('Asiakas poistettu.').waitFor();

    // --- restoring the older backup: a preview, then Veikko stays erased
    await nav(page).getByRole('button', { name: 'Varmuuskopiot' }).click();
    await restoreFile(page, app, backupFile, PASS);
    await page.getByText('1 varmuuskopion asiakkaista on poistettu (oikeus tulla unohdetuksi), eikä häntä palauteta.').waitFor();
    await page.locator('.restore-preview').screenshot({ path: join(ARTIFACTS, 'restore-preview.png') });
    await page.getByRole('button', { name: 'Palauta tämä varmuuskopio' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Korvaa ja palauta' }).click();
    await page.getByText(/^Palautettu\. Asiakkaita 1, .* 1 poistettu asiakas jätettiin palauttamatta\./).waitFor({ timeout: 60_000 });
    // The register before the restore is in a pre-restore backup next to the first one.
    await page.getByRole('table', { name: /Tehdyt varmuuskopiot/ }).getByRole('cell', { name: 'Ennen palautusta' }).waitFor();
    const files = await readdir(folder);
    expect(files).toContain(basename(backupFile));
    expect(files.some((name) => name.includes('pre-restore'))).toBe(true);
    await nav(page).getByRole('button', { name: 'Asiakkaat' }).click();
    await page.getByRole('combobox', { name: 'Hae asiakasta' }).fill('virtanen');
    await page.getByText('Ei osumia haulle.').waitFor();

    // --- another computer: a new install, set up, and the same file restored into it
    fresh = await startApp();
    const other = fresh.page;
    await other.goto(fresh.url);
    await setUpRegister(other, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: 'toinen-kone-lumi-kettu-88' });
    await ownerHomeToCustomers(other);
    await nav(other).getByRole('button', { name: 'Varmuuskopiot' }).click();
    // The backup opens with the passphrase it was made with, not with this install's.
    await restoreFile(other, fresh, backupFile, PASS);
    await other.getByRole('button', { name: 'Palauta tämä varmuuskopio' }).click();
    const dialog = other.getByRole('alertdialog');
    expect(await dialog.innerText()).toContain('Rekisteri on tyhjä');
    await dialog.getByRole('button', { name: 'Korvaa ja palauta' }).click();
    await other.getByText(/^Palautettu\. Asiakkaita 2,/).waitFor({ timeout: 60_000 });
    await nav(other).getByRole('button', { name: 'Asiakkaat' }).click();
    await other.getByRole('combobox', { name: 'Hae asiakasta' }).fill('virtanen');
    await other.getByRole('option', { name: /Virtanen Veikko/ }).waitFor();
    expect(app.problems).toEqual([]);
    expect(fresh.problems).toEqual([]);
  });
});
