import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, screen, waitFor } from '@testing-library/react';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkBackupDocument } from '../../../shared/backup/format';
import { JOURNAL_FILE_NAME } from '../../../electron/main/services/journal-service';
import type { JournalEntry } from '../../../shared/schemas/journal';
import { ownerSignedIn } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The owner's exports from the backups screen (issue 6), written by main to where its dialogs
 * point: the marketing list holds only customers with a consent in force for the channel (and
 * the contact it needs); the register as CSV files uses the separator chosen in settings; the
 * JSON is the backup document, readable. Each export is journaled without its contents.
 */
const FLOW = 120_000;

async function readJournal(dir: string): Promise<JournalEntry[]> {
  const text = await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry);
}
const SLOW = { timeout: 30_000 };

async function ownerOnExports() {
  const app = await ownerSignedIn();
  const { register, user } = app;
  const consent = { method: 'signed_form', scope: '', expiresAt: null } as const;
  await act(async () => {
    const withEmail = await register.customers.create({ ...syntheticCustomer(0), firstName: '=HYPERLINK("x")' });
    await register.customers.giveConsent(withEmail.id, { ...consent, kind: 'marketing_email' });
    const withdrawn = await register.customers.create(syntheticCustomer(1));
    const given = await register.customers.giveConsent(withdrawn.id, { ...consent, kind: 'marketing_email' });
    await register.customers.withdrawConsent(withdrawn.id, given.consents[0]!.id);
    const smsOnly = await register.customers.create(syntheticCustomer(2));
    await register.customers.giveConsent(smsOnly.id, { ...consent, kind: 'marketing_sms' });
    const noEmail = await register.customers.create({ ...syntheticCustomer(3), email: '' });
    await register.customers.giveConsent(noEmail.id, { ...consent, kind: 'marketing_email' });
    await register.customers.create(syntheticCustomer(4));
  });
  await user.click(screen.getByRole('button', { name: 'Varmuuskopiot' }));
  await screen.findByRole('heading', { name: 'Viennit' });
  return app;
}

describe('exports', () => {
  it(
    'writes a marketing list of exactly the consented customers with a contact, as Excel-safe CSV',
    async () => {
      const { user, bridge, userDataDir, register } = await ownerOnExports();
      expect(screen.getByText('Listalle tulee 1 asiakas.')).toBeTruthy();
      const target = join(await mkdtemp(join(tmpdir(), 'kirjuri-export-')), 'lista.csv');
      bridge.setDialogAnswer('saveFile', target);
      await user.click(screen.getByRole('button', { name: 'Vie markkinointilista (CSV)…' }));
      expect(await screen.findByText('Vienti tallennettu (1 tiedosto).', {}, SLOW)).toBeTruthy();
      const text = await readFile(target, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
      expect(rows[0]).toEqual(['Etunimi', 'Sukunimi', 'Sähköposti', 'Kieli', 'Suostumus annettu']);
      expect(rows).toHaveLength(2);
      // The formula in a name is text in the file.
      expect(rows[1]![0]).toBe(`'=HYPERLINK("x")`);
      expect(rows[1]![2]).toBe(String(syntheticCustomer(0).email));

      await user.selectOptions(screen.getByLabelText('Kanava'), 'Tekstiviesti');
      expect(screen.getByText('Listalle tulee 1 asiakas.')).toBeTruthy();
      bridge.setDialogAnswer('saveFile', null);
      await user.click(screen.getByRole('button', { name: 'Vie markkinointilista (CSV)…' }));
      expect(await screen.findByText('Vientiä ei tallennettu.')).toBeTruthy();

      // An objection to direct marketing takes them off the list, whatever the consent says.
      await user.selectOptions(screen.getByLabelText('Kanava'), 'Sähköposti');
      const [withEmail] = [...register.customers.values()].filter((c) => c.firstName.startsWith('='));
      await act(() => register.privacy.object(withEmail!.id));
      expect(await screen.findByText('Listalle tulee 0 asiakasta.')).toBeTruthy();

      const journal = await readJournal(userDataDir);
      const exports = journal.filter((entry) => entry.action === 'export.created');
      expect(exports.map((entry) => entry.detail)).toEqual(['marketing-csv']);
      expect(JSON.stringify(journal)).not.toContain('example.test');
    },
    FLOW,
  );

  it(
    'writes the whole register as CSV files with the chosen separator, and as the JSON document',
    async () => {
      const { user, bridge, store, register } = await ownerOnExports();
      await user.selectOptions(screen.getByLabelText('CSV-tiedostojen erotin'), 'Pilkku (,)');
      await waitFor(() => {
        const state = store.getState();
        expect(state.status === 'unlocked' && state.session.settings.csvSeparator).toBe(',');
      });
      // A customer whose processing is restricted is left out of the register export.
      const restricted = [...register.customers.values()].find((c) => c.lastName === String(syntheticCustomer(4).lastName))!;
      await act(() => register.privacy.restrict(restricted.id, { ground: 'accuracy_contested', note: '' }));
      const folder = await mkdtemp(join(tmpdir(), 'kirjuri-export-'));
      bridge.setDialogAnswer('exportFolder', folder);
      await user.click(screen.getByRole('button', { name: 'Vie CSV-tiedostoina…' }));
      const saved = await screen.findByText(/^Vienti tallennettu \(\d+ tiedostoa\)\.$/, {}, SLOW);
      const [dir] = await readdir(folder);
      const files = await readdir(join(folder, dir!));
      expect(saved.textContent).toBe(`Vienti tallennettu (${files.length} tiedostoa).`);
      expect(files).toEqual(expect.arrayContaining(['appointments.csv', 'consents.csv', 'customers.csv', 'erasure-ledger.csv', 'services.csv', 'gdpr-requests.csv']));
      const customers = Papa.parse<Record<string, string>>((await readFile(join(folder, dir!, 'customers.csv'), 'utf8')).slice(1), { header: true, delimiter: ',', skipEmptyLines: true });
      expect(customers.errors).toEqual([]);
      expect(customers.data).toHaveLength(4);
      expect(customers.data.map((row) => row.id)).not.toContain(restricted.id);

      const target = join(folder, 'rekisteri.json');
      bridge.setDialogAnswer('saveFile', target);
      await user.click(screen.getByRole('button', { name: 'Vie JSON-tiedostona…' }));
      expect(await screen.findByText('Vienti tallennettu (1 tiedosto).', {}, SLOW)).toBeTruthy();
      const checked = await checkBackupDocument(await readFile(target, 'utf8'));
      expect(checked.ok && checked.document.tables.customers.length).toBe(4);
      expect(register.disclosures.values()).toEqual([]);

      // Made for an authority: the disclosure needs its provision, then is recorded with every customer in the file.
      await user.click(screen.getByLabelText(/^Vienti luovutetaan vastaanottajalle/));
      await user.type(screen.getByLabelText(/^Vastaanottajan nimi/), 'Poliisi, Helsingin poliisilaitos');
      const forAuthority = join(folder, 'viranomainen.json');
      bridge.setDialogAnswer('saveFile', forAuthority);
      await user.click(screen.getByRole('button', { name: 'Vie JSON-tiedostona…' }));
      expect(await screen.findByText('Pakollinen tieto.')).toBeTruthy();
      await expect(readFile(forAuthority)).rejects.toThrow();
      await user.type(screen.getByLabelText(/^Säännös tai tarkennus/), 'Poliisilaki 4:3');
      await user.click(screen.getByRole('button', { name: 'Vie JSON-tiedostona…' }));
      expect(await screen.findByText('Vienti tallennettu (1 tiedosto). Luovutus kirjattu.', {}, SLOW)).toBeTruthy();
      const authorityCopy = await checkBackupDocument(await readFile(forAuthority, 'utf8'));
      expect(authorityCopy.ok && authorityCopy.document.tables.customers.map((c) => c.id)).toContain(restricted.id);
      const [disclosure] = register.disclosures.values();
      expect(disclosure).toMatchObject({ recipientKind: 'authority', recipientName: 'Poliisi, Helsingin poliisilaitos', legalBasisDetail: 'Poliisilaki 4:3' });
      expect(disclosure!.customerIds).toHaveLength(5);
    },
    FLOW,
  );
});
