import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCustomers } from '../../shared/domain/demo-data';
import { fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

const OWNER = { name: 'Olga Omistaja', passphrase: 'korppi-lumi-omena-puhelin' };
const SYSTEM = 'Ajanvaraus Oy';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

/** The five bad rows (spreadsheet row numbers: the header is row 1) and what is wrong in each. */
const BAD = new Map<number, { field: 'phone' | 'email' | 'postalCode' | 'firstName' | 'language'; value: string; label: string; message: RegExp }>([
  [11, { field: 'phone', value: '040 12', label: 'Puhelin', message: /Tarkista puhelinnumero/ }],
  [51, { field: 'email', value: 'pirjo@', label: 'Sähköposti', message: /Tarkista sähköpostiosoite/ }],
  [101, { field: 'postalCode', value: '123', label: 'Postinumero', message: /Postinumerossa on viisi numeroa/ }],
  [151, { field: 'firstName', value: '', label: 'Etunimi', message: /Pakollinen tieto/ }],
  [201, { field: 'language', value: 'saksa', label: 'Asiointikieli', message: /Kieltä ei tunnistettu/ }],
]);

/**
 * 200 synthetic customers as a Finnish Excel saves a booking system's export: Windows-1252,
 * semicolons, quoted notes with semicolons and line breaks. Phones are made unique so that the
 * only problems are the five bad rows.
 */
function bookingExport(): Buffer {
  const header = ['Etunimi', 'Sukunimi', 'Matkapuhelin', 'Sähköposti', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Lisätiedot', 'Kieli', 'Markkinointilupa'];
  const lines = demoCustomers(200, 42).map((customer, i) => {
    const rowNumber = i + 2;
    const subscriber = String(1_000_000 + i * 7919);
    const cells = {
      firstName: customer.firstName,
      lastName: customer.lastName,
      phone: `040 ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`,
      email: customer.email ?? '',
      street: customer.street ?? '',
      postalCode: customer.postalCode ?? '',
      city: customer.city ?? '',
      notes: i % 40 === 0 ? 'Toivoo aamuja; ei maanantaisin.\nMieto shampoo.' : (customer.notes ?? ''),
      language: customer.language === 'sv' ? 'ruotsi' : 'suomi',
      consent: i % 2 === 0 ? 'Kyllä' : 'Ei',
    };
    const bad = BAD.get(rowNumber);
    if (bad) cells[bad.field] = bad.value;
    return Object.values(cells).map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';');
  });
  return Buffer.from([header.join(';'), ...lines, ''].join('\r\n'), 'latin1');
}

/** Rows of customer pages in IndexedDB, read straight from the browser's database (no decryption). */
const customerPages = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kirjuri');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const db = open.result;
          const range = IDBKeyRange.bound(['customers', -Infinity], ['customers.log', Infinity]);
          const count = db.transaction('pages').objectStore('pages').count(range);
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(new Error('cannot count'));
        };
      }),
  );

describe('import in Chromium', () => {
  let app: RunningApp;
  let filesDir: string;

  beforeAll(async () => {
    app = await startApp();
    filesDir = await mkdtemp(join(tmpdir(), 'kirjuri-e2e-import-'));
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('a 200-row CSV with 5 bad rows: errors by row number, nothing imported until the bad rows are skipped, then 195 at once', async () => {
    const { page } = app;
    await page.goto(app.url);
    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: OWNER.name, passphrase: OWNER.passphrase });
    await ownerHomeToCustomers(page);

    const file = join(filesDir, 'ajanvaraus-vienti.csv');
    await writeFile(file, bookingExport());
    app.setPickedFile(file);

    await nav(page).getByRole('button', { name: 'Tuonti' }).click();
    await page.getByRole('button', { name: 'Valitse CSV-tiedosto…' }).click();
    await page.getByRole('heading', { name: 'Yhdistä sarakkeet' }).waitFor();
    const facts = page.getByRole('region', { name: 'Valittu tiedosto' });
    await expect.poll(() => facts.innerText()).toMatch(/ajanvaraus-vienti\.csv[\s\S]*Windows-1252[\s\S]*puolipiste \(;\)[\s\S]*200/);
    // The guess maps every column, the generic marketing permission as e-mail marketing.
    expect(await page.getByLabel(fieldLabel('Puhelin')).inputValue()).toBe('2');
    expect(await page.getByLabel('Sähköpostimarkkinointi').inputValue()).toBe('9');
    expect(await page.getByRole('table', { name: /Esikatselu/ }).getByRole('row').count()).toBe(6);

    await page.getByLabel(fieldLabel('Ajanvarausjärjestelmän nimi')).fill(SYSTEM);
    await page.screenshot({ path: join(ARTIFACTS, 'import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Tarkista rivit' }).click();
    await page.getByRole('heading', { name: 'Tarkista tuonti' }).waitFor({ timeout: 15_000 });

    await page.getByText('195 riviä on kunnossa').waitFor();
    await page.getByText('5 rivillä on virheitä').waitFor();
    const errors = page.getByRole('table', { name: 'Virheet riveittäin' });
    const shown = (await errors.getByRole('row').allInnerTexts()).slice(1);
    expect(shown).toHaveLength(5);
    for (const [i, [rowNumber, bad]] of [...BAD].entries()) {
      const cells = shown[i]!.split('\t').map((cell) => cell.trim());
      expect(cells[0]).toBe(String(rowNumber));
      expect(cells[1]).toBe(bad.label);
      expect(cells[2]).toBe(bad.value === '' ? '(tyhjä)' : bad.value);
      expect(cells[3]).toMatch(bad.message);
    }
    const importButton = page.getByRole('button', { name: 'Tuo 195 asiakasta' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByText('Mitään ei tuoda, ennen kuin korjaat sarakkeet').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'import-errors.png'), fullPage: true });
    expect(await customerPages(page)).toBe(0);

    // Going back to the columns and checking again still imports nothing.
    await page.getByRole('button', { name: 'Takaisin sarakkeisiin' }).click();
    await page.getByRole('button', { name: 'Tarkista rivit' }).click();
    await page.getByRole('heading', { name: 'Tarkista tuonti' }).waitFor();
    expect(await customerPages(page)).toBe(0);

    // Explicitly skipping the five, keyboard only.
    await page.getByRole('checkbox', { name: 'Ohita 5 virheellistä riviä ja tuo muut' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => importButton.isDisabled()).toBe(false);
    await importButton.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`195 asiakasta tuotiin järjestelmästä ${SYSTEM}.`).waitFor({ timeout: 15_000 });
    await page.getByText('5 virheellistä riviä ohitettiin.').waitFor();
    expect(await customerPages(page)).toBeGreaterThan(0);

    await nav(page).getByRole('button', { name: 'Asiakkaat' }).click();
    await page.getByText('195 asiakasta').waitFor();
    expect(app.problems).toEqual([]);
  });
});
