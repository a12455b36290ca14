import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/domain/csv-import-limits';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The import wizard against the real app: real data layer (fake-indexeddb), real main handlers
 * behind the bridge, and a real file on disk that the file dialog's double "picks".
 */
async function openImport() {
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
  await user.keyboard('{Enter}');
  await ownerHomeToCustomers(user);
  const state = app.store.getState();
  if (state.status !== 'unlocked') throw new Error('not unlocked');
  const repository = state.register.customers;
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name: 'Tuonti' }));
  await screen.findByRole('heading', { name: 'Valitse tiedosto' });
  /** Writes `text` as the file the dialog will pick (Windows-1252 when asked, as old Excel saves). */
  const pick = async (name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8') => {
    const path = join(app.userDataDir, name);
    await writeFile(path, Buffer.from(text, encoding));
    app.bridge.setPickedFile(path);
    return path;
  };
  return { ...app, user, repository, pick };
}

/** A booking system's export: a customer number the guess must not take for a phone, and two bad rows. */
const EXPORT = [
  'Etunimi;Sukunimi;Asiakasnumero;Puhelin;Sähköposti;Uutiskirje',
  'Aino;Mäkinen;1001;040 111 2233;aino@example.test;kyllä',
  'Eero;Virtanen;1002;050 765 4321;eero@example.test;ei',
  'Ilona;Koski;1003;12;ilona@example.test;',
  ';Nieminen;1004;040 222 3344;;',
  'Sanni;Åberg;1005;045 123 4567;sanni@example.test;x',
  '',
].join('\r\n');

const errorRows = () =>
  within(screen.getByRole('table', { name: 'Virheet riveittäin' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('import wizard', () => {
  it('shows errors with row numbers, imports nothing until the mapping is fixed and the bad rows are skipped, then imports in one go', async () => {
    const { user, repository, pick, bridge } = await openImport();
    // Eero is already a customer: his row is a duplicate by phone.
    await act(() => repository.create({ ...syntheticCustomer(2), firstName: 'Eero', lastName: 'Virtanen', phone: '050 765 4321', email: '' }));
    await pick('vienti.csv', EXPORT, 'latin1');

    await user.click(screen.getByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    const mappingHeading = await screen.findByRole('heading', { name: 'Yhdistä sarakkeet' });
    expect(document.activeElement).toBe(mappingHeading);
    const facts = screen.getByRole('region', { name: 'Valittu tiedosto' });
    expect(facts.textContent).toContain('vienti.csv');
    expect(facts.textContent).toContain('Windows-1252');
    expect(facts.textContent).toContain('puolipiste (;)');
    expect(facts.textContent).toMatch(/Asiakasrivejä\s*5/);
    // The guess: names, phone, e-mail and the newsletter consent; the customer number stays out.
    expect(screen.getByLabelText<HTMLSelectElement>(/^Puhelin/).value).toBe('3');
    expect(screen.getByLabelText<HTMLSelectElement>('Sähköpostimarkkinointi').value).toBe('5');
    const preview = screen.getByRole('table', { name: /Esikatselu/ });
    expect(within(preview).getAllByRole('row')).toHaveLength(6);
    expect(preview.textContent).toContain('Åberg');

    // A mistake: the customer number taken as the phone. And no system name yet.
    await user.selectOptions(screen.getByLabelText(/^Puhelin/), 'Sarake C: Asiakasnumero');
    await user.click(screen.getByRole('button', { name: 'Tarkista rivit' }));
    expect(await screen.findByText('Pakollinen tieto.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Tarkista tuonti' })).toBeNull();
    await user.type(screen.getByLabelText(/^Ajanvarausjärjestelmän nimi/), 'Ajanvaraus Oy');
    await user.click(screen.getByRole('button', { name: 'Tarkista rivit' }));

    await screen.findByRole('heading', { name: 'Tarkista tuonti' });
    expect(screen.getByText('5 rivillä on virheitä')).toBeTruthy();
    expect(errorRows()).toEqual([
      ['2', 'Puhelin', '1001', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
      ['3', 'Puhelin', '1002', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
      ['4', 'Puhelin', '1003', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
      ['5', 'Etunimi', '(tyhjä)', 'Pakollinen tieto.'],
      ['5', 'Puhelin', '1004', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
      ['6', 'Puhelin', '1005', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
    ]);
    expect(screen.getByText(/Mitään ei tuoda, ennen kuin korjaat sarakkeet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Tuo 0 asiakasta$/ }).hasAttribute('disabled')).toBe(true);
    expect(repository.count).toBe(1);

    // Back to the columns: the right phone column leaves only the two really bad rows.
    await user.click(screen.getByRole('button', { name: 'Takaisin sarakkeisiin' }));
    await user.selectOptions(await screen.findByLabelText(/^Puhelin/), 'Sarake D: Puhelin');
    await user.click(screen.getByRole('button', { name: 'Tarkista rivit' }));
    await screen.findByRole('heading', { name: 'Tarkista tuonti' });
    expect(screen.getByText('3 riviä on kunnossa')).toBeTruthy();
    expect(screen.getByText('2 rivillä on virheitä')).toBeTruthy();
    expect(screen.getByText('1 rivi näyttää olevan jo rekisterissä tai aiemmin tiedostossa')).toBeTruthy();
    expect(errorRows()).toEqual([
      ['4', 'Puhelin', '12', 'Tarkista puhelinnumero, esim. 040 123 4567 tai +358 40 123 4567.'],
      ['5', 'Etunimi', '(tyhjä)', 'Pakollinen tieto.'],
    ]);
    const duplicates = screen.getByRole('table', { name: 'Mahdolliset kaksoiskappaleet' });
    expect(duplicates.textContent).toContain('Sama puhelinnumero kuin rekisterin asiakkaalla Eero Virtanen');
    const importButton = screen.getByRole('button', { name: 'Tuo 2 asiakasta' });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    expect(repository.count).toBe(1);

    // Explicitly skipping the bad rows (keyboard: Space on the checkbox) enables the import.
    screen.getByRole('checkbox', { name: 'Ohita 2 virheellistä riviä ja tuo muut' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: /^Ohitetaan \(suositus\)/ })).toHaveProperty('checked', true);
    expect(importButton.hasAttribute('disabled')).toBe(false);
    importButton.focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('2 asiakasta tuotiin järjestelmästä Ajanvaraus Oy.')).toBeTruthy();
    expect(screen.getByText('2 virheellistä riviä ohitettiin.')).toBeTruthy();
    expect(screen.getByText('1 mahdollinen kaksoiskappale ohitettiin.')).toBeTruthy();
    expect(repository.count).toBe(3);
    const aino = repository.get(repository.search('Aino Mäkinen')[0]!)!;
    expect(aino).toMatchObject({ phone: '+358401112233', source: 'booking_system', sourceDetail: 'Ajanvaraus Oy', legalBasis: 'customer_relationship' });
    expect(aino.consents.map((c) => [c.kind, c.method])).toEqual([['marketing_email', 'booking_system']]);
    expect(repository.get(repository.search('Sanni Åberg')[0]!)!.consents.map((c) => c.kind)).toEqual(['marketing_email']);
    const journal = await bridge.services.journal.list({ action: 'customer.imported' });
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]?.recordId).toMatch(/^[0-9a-f-]{36}$/);
    expect(journal.entries[0]?.detail).toBeNull();

    // The next export of the same system: the mapping and the system name are remembered.
    await user.click(screen.getByRole('button', { name: 'Tuo toinen tiedosto' }));
    await user.click(await screen.findByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    await screen.findByRole('heading', { name: 'Yhdistä sarakkeet' });
    expect(screen.getByText(/samoin kuin edellisessä tuonnissa/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>(/^Puhelin/).value).toBe('3');
    expect(screen.getByLabelText<HTMLInputElement>(/^Ajanvarausjärjestelmän nimi/).value).toBe('Ajanvaraus Oy');
  }, 30_000);

  it('explains files it will not read, and a cancelled dialog changes nothing', async () => {
    const { user, pick, repository } = await openImport();
    await user.click(screen.getByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    expect(await screen.findByText('Tiedostoa ei valittu.')).toBeTruthy();

    const big = await pick('iso.csv', '');
    await truncate(big, MAX_IMPORT_FILE_BYTES + 1);
    await user.click(screen.getByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/liian suuri tuotavaksi: enintään 20 Mt/);

    await pick('rikki.csv', 'Etunimi;Sukunimi\nAino;"Mäki\nEero;Virtanen\n');
    await user.click(screen.getByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Rivillä 2 on lainausmerkki, jota ei ole suljettu/);

    await pick('tyhja.csv', '\r\n\r\n');
    await user.click(screen.getByRole('button', { name: 'Valitse CSV-tiedosto…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Tiedosto on tyhjä/);
    expect(screen.getByRole('heading', { name: 'Valitse tiedosto' })).toBeTruthy();
    expect(repository.count).toBe(0);
  }, 30_000);
});
