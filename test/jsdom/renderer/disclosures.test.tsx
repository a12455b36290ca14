import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkBackupDocument } from '../../../shared/backup/format';
import { decryptBackup } from '../../../shared/backup/age-file';
import { BusinessSchema } from '../../../shared/schemas/business';
import { dateStamp } from '../../../electron/main/services/document-files';
import { sealBusiness } from '../../../renderer/src/db/settings-repository';
import type { Register } from '../../../renderer/src/db/register';
import { OWNER_PASSPHRASE, ownerSignedIn, type SignedInApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The disclosure log and its flows in the real app (issue 7): an authority's request exports the
 * chosen customers' access reports into the folder main's dialog answers with and records exactly
 * one disclosure; an invalid form or a cancelled dialog records nothing; the successor transfer
 * writes the package and records one disclosure of every customer; the log shows the entries.
 * Real data layer on fake-indexeddb, real main handlers behind the in-process bridge.
 */
const FLOW = 180_000;
const SLOW = { timeout: 60_000 };
const TRANSFER_PASS = 'siirto-lause-kuusi-omena-2027';

interface World extends SignedInApp {
  register: Register;
  ids: { aino: string; eero: string; ilona: string };
}

/**
 * The owner signed in with the business details sealed (setup does that; this harness creates
 * the vault directly), three customers (Ilona's processing restricted), on the disclosures view.
 */
async function ownerOnDisclosures(): Promise<World> {
  const app = await ownerSignedIn({ start: 'dashboard' });
  const first = app.store.getState();
  if (first.status !== 'unlocked') throw new Error('not unlocked');
  const ids = await act(async () => {
    const business = BusinessSchema.parse({ name: 'Kauneushoitola Sävy', businessId: '1234567-1', street: 'Testikatu 5 B', postalCode: '00990', city: 'Helsinki', privacyEmail: 'tietosuoja@example.test', privacyPhone: '' });
    await app.db.pages.put(await sealBusiness(first.dataKey, business));
    const aino = await first.register.customers.create({ ...syntheticCustomer(0), firstName: 'Aino', lastName: 'Mäkinen' });
    const eero = await first.register.customers.create({ ...syntheticCustomer(1), firstName: 'Eero', lastName: 'Virtanen' });
    const ilona = await first.register.customers.create({ ...syntheticCustomer(2), firstName: 'Ilona', lastName: 'Östman' });
    await first.register.privacy.restrict(ilona.id, { ground: 'accuracy_contested', note: '' });
    // Signing in again loads the sealed business details into the session, as after setup.
    await app.store.lock('manual');
    const outcome = await app.store.unlock(app.ownerId!, OWNER_PASSPHRASE);
    if (outcome.kind !== 'ok') throw new Error(`sign-in failed: ${outcome.kind}`);
    return { aino: aino.id, eero: eero.id, ilona: ilona.id };
  });
  await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, SLOW);
  const state = app.store.getState();
  if (state.status !== 'unlocked' || state.business === null) throw new Error('no business in the session');
  await app.user.click(within(screen.getByRole('navigation', { name: 'Tietosuojan osiot' })).getByRole('button', { name: 'Luovutukset' }));
  await screen.findByRole('heading', { name: 'Luovutukset', level: 1 });
  return { ...app, register: state.register, ids };
}

const newDir = () => mkdtemp(join(tmpdir(), 'kirjuri-disclosure-'));

describe('disclosures', () => {
  it(
    'an authority request: a missing provision and a cancelled dialog record nothing; then two customers’ PDFs and JSONs and one disclosure',
    async () => {
      const { user, bridge, register, ids } = await ownerOnDisclosures();
      expect(screen.getByText('Tietoja ei ole luovutettu.')).toBeTruthy();
      const out = await newDir();
      bridge.setDialogAnswer('exportFolder', out);

      await user.click(screen.getByRole('button', { name: 'Viranomaisen pyyntö…' }));
      await user.type(screen.getByLabelText(/^Viranomaisen nimi/), 'Helsingin poliisilaitos');
      await user.type(screen.getByLabelText(/^Viranomaisen diaarinumero/), 'POL-2026-4711');
      await user.type(screen.getByLabelText('Hae asiakasta'), 'Mäkinen');
      await user.click(await screen.findByRole('button', { name: 'Lisää Aino Mäkinen' }));
      await user.clear(screen.getByLabelText('Hae asiakasta'));
      await user.type(screen.getByLabelText('Hae asiakasta'), 'Östman');
      await user.click(await screen.findByRole('button', { name: 'Lisää Ilona Östman' }));
      expect(screen.getByText('Valittu 2 asiakasta')).toBeTruthy();
      // A third one added and removed again.
      await user.clear(screen.getByLabelText('Hae asiakasta'));
      await user.type(screen.getByLabelText('Hae asiakasta'), 'Virtanen');
      await user.click(await screen.findByRole('button', { name: 'Lisää Eero Virtanen' }));
      await user.click(screen.getByRole('button', { name: 'Poista Eero Virtanen valinnasta' }));
      expect(screen.getByText('Valittu 2 asiakasta')).toBeTruthy();

      // No provision: the translated error, nothing written, nothing recorded.
      await user.click(screen.getByRole('button', { name: 'Vie tiedot ja kirjaa luovutus' }));
      const provision = screen.getByLabelText(/^Säännös, johon viranomainen vetoaa/);
      await waitFor(() => expect(provision.getAttribute('aria-invalid')).toBe('true'));
      expect(screen.getAllByText('Pakollinen tieto.').length).toBe(1);
      expect(await readdir(out)).toEqual([]);
      expect(register.disclosures.values()).toEqual([]);

      // Cancelled dialog: nothing recorded.
      await user.type(provision, 'Poliisilaki 4 luku 3 §');
      bridge.setDialogAnswer('exportFolder', null);
      await user.click(screen.getByRole('button', { name: 'Vie tiedot ja kirjaa luovutus' }));
      expect(await screen.findByText('Tallennus peruttiin. Luovutusta ei kirjattu.', {}, SLOW)).toBeTruthy();
      expect(register.disclosures.values()).toEqual([]);
      expect(await readdir(out)).toEqual([]);

      bridge.setDialogAnswer('exportFolder', out);
      await user.click(screen.getByRole('button', { name: 'Vie tiedot ja kirjaa luovutus' }));
      expect(await screen.findByText('Tiedot tallennettu (4 tiedostoa) ja luovutus kirjattu: 2 asiakasta.', {}, SLOW)).toBeTruthy();
      const folder = join(out, `kirjuri-access-reports-${dateStamp(Date.now())}`);
      expect((await readdir(folder)).sort()).toEqual(
        [`access-report-${ids.aino}.json`, `access-report-${ids.aino}.pdf`, `access-report-${ids.ilona}.json`, `access-report-${ids.ilona}.pdf`].sort(),
      );
      const json = JSON.parse(await readFile(join(folder, `access-report-${ids.ilona}.json`), 'utf8')) as { customer: { id: string; lastName: string } };
      expect(json.customer).toMatchObject({ id: ids.ilona, lastName: 'Östman' });

      const disclosures = register.disclosures.values();
      expect(disclosures).toHaveLength(1);
      expect(disclosures[0]).toMatchObject({
        recipientKind: 'authority',
        recipientName: 'Helsingin poliisilaitos',
        legalBasis: 'legal_obligation',
        legalBasisDetail: 'Poliisilaki 4 luku 3 §',
        reference: 'POL-2026-4711',
        requestId: null,
      });
      expect([...disclosures[0]!.customerIds].sort()).toEqual([ids.aino, ids.ilona].sort());

      // The log shows it, with the customers behind their names.
      const table = await screen.findByRole('table', { name: 'Luovutusloki' });
      const row = within(table).getAllByRole('row')[1]!;
      expect(within(row).getByText('Helsingin poliisilaitos')).toBeTruthy();
      expect(within(row).getByText('Poliisilaki 4 luku 3 §')).toBeTruthy();
      expect(within(row).getByText('POL-2026-4711')).toBeTruthy();
      expect(within(row).getByText('Olga Omistaja')).toBeTruthy();
      expect(within(row).getByText('2 asiakasta')).toBeTruthy();
      expect(within(row).getByRole('button', { name: 'Aino Mäkinen' })).toBeTruthy();
      expect(within(row).getByRole('button', { name: 'Ilona Östman' })).toBeTruthy();
    },
    FLOW,
  );

  it(
    'a successor transfer writes the package without the restricted customer and records one disclosure of those in it; the log and its CSV show it, erased customers as a count',
    async () => {
      const { user, bridge, register, ids } = await ownerOnDisclosures();
      const out = await newDir();
      bridge.setDialogAnswer('exportFolder', out);

      await user.click(screen.getByRole('button', { name: 'Siirto seuraajayritykselle…' }));
      // Nothing filled in: the errors, nothing written.
      await user.click(screen.getByRole('button', { name: 'Tallenna siirtopaketti ja kirjaa luovutus' }));
      await waitFor(() => expect(screen.getAllByText('Pakollinen tieto.').length).toBe(3));
      expect(await readdir(out)).toEqual([]);

      await user.type(screen.getByLabelText(/^Seuraajayrityksen nimi/), 'Seuraajasalonki Oy');
      await user.type(screen.getByLabelText(/^Rekisterinpitäjän yhteyshenkilö/), 'Sanna Seuraaja, 040 555 0199');
      await user.type(screen.getByLabelText(/^Kauppakirja tai muu viite/), 'Kauppakirja 12/2026');
      await user.type(screen.getByLabelText(/^Siirron tunnuslause( \*)?$/), TRANSFER_PASS);
      await user.type(screen.getByLabelText(/^Siirron tunnuslause uudelleen/), 'eri-lause-kuin-ylla-2027');
      await user.click(screen.getByRole('button', { name: 'Tallenna siirtopaketti ja kirjaa luovutus' }));
      expect(await screen.findByText('Tunnuslauseet eivät täsmää.', {}, SLOW)).toBeTruthy();
      expect(register.disclosures.values()).toEqual([]);

      // The salon's backup passphrase is refused by main, at the field: the successor must not be
      // able to open the salon's backups.
      const BACKUP_PASS = 'varmuus-kopio-lause-hirvi-2026';
      expect(await bridge.dispatch('backups.setPassphrase', { passphrase: BACKUP_PASS })).toMatchObject({ ok: true });
      for (const label of [/^Siirron tunnuslause( \*)?$/, /^Siirron tunnuslause uudelleen/]) {
        await user.clear(screen.getByLabelText(label));
        await user.type(screen.getByLabelText(label), BACKUP_PASS);
      }
      await user.click(screen.getByRole('button', { name: 'Tallenna siirtopaketti ja kirjaa luovutus' }));
      expect(await screen.findByText(/^Tämä on salongin varmuuskopioiden tunnuslause\./, {}, SLOW)).toBeTruthy();
      expect(await readdir(out)).toEqual([]);
      expect(register.disclosures.values()).toEqual([]);

      for (const label of [/^Siirron tunnuslause( \*)?$/, /^Siirron tunnuslause uudelleen/]) {
        await user.clear(screen.getByLabelText(label));
        await user.type(screen.getByLabelText(label), TRANSFER_PASS);
      }
      await user.click(screen.getByRole('button', { name: 'Tallenna siirtopaketti ja kirjaa luovutus' }));
      expect(await screen.findByText(/^Siirtopaketti tallennettu \(\d+ tiedostoa\) ja luovutus kirjattu: 2 asiakasta\. 1 asiakas, jonka tietojen käsittelyä on rajoitettu, jätettiin pois/, {}, SLOW)).toBeTruthy();

      const folder = join(out, `kirjuri-successor-${dateStamp(Date.now())}`);
      const names = await readdir(folder);
      expect(names).toEqual(expect.arrayContaining(['register.age', 'handover-note.pdf', 'customers.csv', 'restrictions.csv']));
      // The restricted customer stays with the salon (Art. 18): in neither the CSV nor the encrypted register.
      const customersCsv = Papa.parse<string[]>((await readFile(join(folder, 'customers.csv'), 'utf8')).replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
      expect(customersCsv.slice(1).map((row) => row[0]).sort()).toEqual([ids.aino, ids.eero].sort());
      const age = await readFile(join(folder, 'register.age'));
      const checked = await checkBackupDocument(await decryptBackup(new Uint8Array(age), TRANSFER_PASS));
      if (!checked.ok) throw new Error(checked.problem.kind);
      expect(checked.document.tables.customers.map((c) => c.id).sort()).toEqual([ids.aino, ids.eero].sort());

      const [successor] = register.disclosures.values();
      expect(register.disclosures.values()).toHaveLength(1);
      expect(successor).toMatchObject({ recipientKind: 'successor', recipientName: 'Seuraajasalonki Oy', legalBasis: 'legitimate_interests', reference: 'Kauppakirja 12/2026' });
      expect([...successor!.customerIds].sort()).toEqual([ids.aino, ids.eero].sort());
      expect(successor!.scope).toContain('2 asiakasta');
      // The passphrase fields are emptied once the package is written.
      expect(screen.getByLabelText<HTMLInputElement>(/^Siirron tunnuslause( \*)?$/).value).toBe('');

      // An erasure afterwards: the entry keeps the count, the name leaves.
      await act(() => register.eraseCustomer(ids.eero));
      const table = await screen.findByRole('table', { name: 'Luovutusloki' });
      const row = within(table).getAllByRole('row')[1]!;
      expect(within(row).getByText('Seuraajayrityksen rekisterinpitäjä')).toBeTruthy();
      expect(within(row).getByText('Seuraajasalonki Oy')).toBeTruthy();
      expect(within(row).getByText('2 asiakasta')).toBeTruthy();
      expect(within(row).getByText('1 poistettu')).toBeTruthy();
      expect(within(row).queryByRole('button', { name: 'Eero Virtanen' })).toBeNull();
      expect(within(row).getByRole('button', { name: 'Aino Mäkinen' })).toBeTruthy();
      expect(within(row).queryByRole('button', { name: 'Ilona Östman' })).toBeNull();

      // The log as CSV: ids and counts, no customer names.
      const target = join(await newDir(), 'loki.csv');
      bridge.setDialogAnswer('saveFile', target);
      await user.click(screen.getByRole('button', { name: 'Vie luovutusloki (CSV)…' }));
      expect(await screen.findByText('Luovutusloki tallennettu.', {}, SLOW)).toBeTruthy();
      const csv = await readFile(target, 'utf8');
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
      expect(rows[0]).toEqual(['Päivämäärä', 'Vastaanottajan laji', 'Vastaanottaja', 'Oikeusperuste', 'Säännös tai peruste', 'Laajuus', 'Asiakkaita', 'Joista poistettu', 'Asiakastunnisteet', 'Viite', 'Kirjannut', 'Kirjattu']);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toEqual(expect.arrayContaining(['Seuraajayrityksen rekisterinpitäjä', 'Seuraajasalonki Oy', 'Oikeutettu etu', '2', '1', 'Kauppakirja 12/2026', 'Olga Omistaja']));
      expect(rows[1]![8]!.split(' ')).toEqual([ids.aino]);
      for (const name of ['Aino', 'Mäkinen', 'Eero', 'Virtanen', 'Östman']) expect(csv).not.toContain(name);
      await waitFor(async () => {
        const journal = await bridge.services.journal.list({ limit: 100 });
        const details = journal.entries.filter((entry) => entry.action === 'export.created').map((entry) => entry.detail);
        expect(details).toEqual(expect.arrayContaining(['successor-package', 'disclosures-csv']));
      });
    },
    FLOW,
  );
});
