import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { buildBackupDocument, checkBackupDocument, serialiseBackupDocument, type BackupTables } from '../../../../../shared/backup/format';
import { registerCsvFiles } from '../../../../../shared/backup/open-files';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import type { Channel, ChannelInput } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/ipc/result';
import type { JournalEntry } from '../../../../../shared/schemas/journal';
import { dateStamp } from '../../../../../electron/main/services/document-files';
import { JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { runAge } from '../../../../support/age-cli';
import { createInProcessBridge, type InProcessBridge } from '../../../../support/ipc-bridge';
import { syntheticStored } from '../../../../support/synthetic';
import { allText, readPdf } from '../../../shared/documents/pdf-text';
import { SAMPLE_NOW, sampleBusiness } from '../../helpers/document-samples';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The successor transfer channel (issue 7) through the REAL dispatcher, handler, session and
 * journal (in-process bridge), with a real folder behind the dialog and Debian's real `age`: the
 * package is written complete (0600), `register.age` opens with the transfer passphrase only and
 * holds the whole register, the note names the successor in the chosen language, and a bad
 * document or a weak passphrase writes nothing.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const TRANSFER_PASS = 'siirto-lause-kuusi-omena-2027';
const SUCCESSOR = 'Seuraajasalonki Kampaamo Oy';
const SLOW = 120_000;
const tempDir = useTempDirs();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}
const call = <C extends Channel>(bridge: InProcessBridge, channel: C, input: ChannelInput<C>) => bridge.api.invoke(channel, input);

interface World {
  bridge: InProcessBridge;
  dir: string;
  out: string;
  ownerId: string;
}

/** An owner signed in, with the export-folder dialog answering with an empty temp dir. */
async function world(): Promise<World> {
  const dir = await tempDir();
  const out = await tempDir();
  const bridge = createInProcessBridge({ userDataDir: dir, origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT, now: () => SAMPLE_NOW });
  const created = value(await call(bridge, 'vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  bridge.setDialogAnswer('exportFolder', out);
  return { bridge, dir, out, ownerId: created.session.user.id };
}

/** Three synthetic customers: one restricted, one who objected to marketing. */
async function register(): Promise<{ text: string; tables: BackupTables }> {
  const customers = [0, 1, 2].map(syntheticStored);
  const tables: BackupTables = {
    customers,
    services: [],
    appointments: [],
    erasureLedger: [],
    privacyFlags: [
      { customerId: customers[0]!.id, restrictions: [{ restrictedSince: 10, ground: 'unlawful_processing', requestId: null, note: '', liftedAt: null, liftedBy: null, liftReason: '' }], objections: [] },
      { customerId: customers[1]!.id, restrictions: [], objections: [{ objectedAt: 10, requestId: null, recordedBy: 'user-1', withdrawnAt: null, withdrawnBy: null }] },
    ],
  };
  const document = await buildBackupDocument({ appVersion: 'test', createdAt: new Date(SAMPLE_NOW), settings: {}, tables });
  return { text: serialiseBackupDocument(document), tables };
}

const request = (text: string, tables: BackupTables, overrides: Partial<ChannelInput<'transfers.saveSuccessorPackage'>> = {}): ChannelInput<'transfers.saveSuccessorPackage'> => ({
  document: text,
  passphrase: TRANSFER_PASS,
  csvSeparator: ';',
  note: {
    language: 'fi',
    business: sampleBusiness(),
    successor: { name: SUCCESSOR, businessId: '7654321-2', controllerContact: 'Sanna Seuraaja, sanna@example.test' },
    reference: 'Kauppakirja 12/2026',
    date: '2026-11-25',
  },
  ...overrides,
});

async function journal(dir: string): Promise<JournalEntry[]> {
  const text = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry);
}

describe('transfers.saveSuccessorPackage', () => {
  it(
    'writes register.age (opens with the transfer passphrase only, every customer), the CSV files and the Finnish note, all 0600; journals without names',
    async () => {
      const w = await world();
      const { text, tables } = await register();
      const input = request(text, tables);
      // Main makes the CSV files itself, from the checked document less the restricted customer.
      const csvNames = Object.keys(registerCsvFiles({ tables }, { separator: ';' }));
      expect(value(await call(w.bridge, 'transfers.saveSuccessorPackage', input))).toEqual({
        status: 'ok',
        fileCount: csvNames.length + 2,
        customerIds: ['synthetic-1', 'synthetic-2'],
        leftOutRestricted: 1,
      });

      const folder = path.join(w.out, `kirjuri-successor-${dateStamp(SAMPLE_NOW)}`);
      expect(await readdir(w.out)).toEqual([path.basename(folder)]);
      const names = (await readdir(folder)).sort();
      expect(names).toEqual([...csvNames, 'handover-note.pdf', 'register.age'].sort());
      for (const name of names) expect((await stat(path.join(folder, name))).mode & 0o777, name).toBe(0o600);

      // The restricted customer stays with the salon (Art. 18): not in the CSV files, not in the archive.
      const rows = Papa.parse<string[]>((await readFile(path.join(folder, 'customers.csv'), 'utf8')).replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
      expect(rows.slice(1).map((row) => row[0])).toEqual(['synthetic-1', 'synthetic-2']);

      // The reference age tool opens it with the transfer passphrase, and only with it.
      const decrypted = path.join(await tempDir(), 'register.json');
      const opened = await runAge(TRANSFER_PASS, ['-d', '-o', decrypted, path.join(folder, 'register.age')]);
      expect(opened.code, opened.output).toBe(0);
      const plain = await readFile(decrypted, 'utf8');
      const checked = await checkBackupDocument(plain);
      if (!checked.ok) throw new Error(`decrypted document does not check out: ${checked.problem.kind}`);
      expect(checked.document.tables.customers.map((customer) => customer.id)).toEqual(['synthetic-1', 'synthetic-2']);
      // The objection travels with the data; the restricted customer's flags stayed behind.
      expect(checked.document.tables.privacyFlags.map((record) => record.customerId)).toEqual(['synthetic-1']);
      expect(plain).not.toContain('synthetic-0');
      const wrongOut = path.join(await tempDir(), 'nope.json');
      const wrong = await runAge(OWNER_PASS, ['-d', '-o', wrongOut, path.join(folder, 'register.age')]);
      expect(wrong.code).not.toBe(0);
      await expect(stat(wrongOut)).rejects.toThrow();

      const note = allText(await readPdf(new Uint8Array(await readFile(path.join(folder, 'handover-note.pdf')))));
      for (const expected of [
        'Luovutuskirja: asiakasrekisterin siirto seuraajayritykselle',
        SUCCESSOR,
        'Sanna Seuraaja, sanna@example.test',
        'Kauppakirja 12/2026',
        'Mitä luovutetaan',
        'Rajoitetut tiedot jäävät, markkinointikiellot siirtyvät',
        'Siirrosta jätettiin pois 1 asiakasta, joiden tietojen käsittelyä on rajoitettu',
        'Siirrossa on 1 asiakasta, jotka ovat kieltäneet suoramarkkinoinnin',
        'Seuraajayrityksestä tulee rekisterinpitäjä',
        'Näin salattu tiedosto avataan',
        'age -d -o register.json register.age',
        'Tunnuslause toimitetaan erikseen',
        'CSV-tiedostot ovat salaamattomia',
      ]) {
        expect(note).toContain(expected);
      }
      // Main's own counts, from the package: two customers.
      expect(note).toMatch(/Asiakkaat 2/);
      expect(note).not.toContain(TRANSFER_PASS);

      const entries = (await journal(w.dir)).filter((entry) => entry.action === 'export.created');
      expect(entries).toEqual([expect.objectContaining({ userId: w.ownerId, recordId: null, detail: 'successor-package' })]);
      const journalText = await readFile(path.join(w.dir, JOURNAL_FILE_NAME), 'utf8');
      for (const secret of [SUCCESSOR, 'Sanna', 'Aino', 'Mäkinen', 'Kauppakirja', TRANSFER_PASS, sampleBusiness().name]) expect(journalText).not.toContain(secret);
    },
    SLOW,
  );

  it(
    'prints the note in Swedish or English when asked',
    async () => {
      const w = await world();
      const { text, tables } = await register();
      const base = request(text, tables);
      value(await call(w.bridge, 'transfers.saveSuccessorPackage', { ...base, note: { ...base.note, language: 'sv' } }));
      const folder = path.join(w.out, `kirjuri-successor-${dateStamp(SAMPLE_NOW)}`);
      const sv = allText(await readPdf(new Uint8Array(await readFile(path.join(folder, 'handover-note.pdf')))));
      for (const expected of ['Överlåtelsebrev', SUCCESSOR, 'Vad som lämnas ut', 'Begränsade uppgifter stannar, invändningar följer med', 'Det efterträdande företaget blir personuppgiftsansvarig', 'Så här öppnas den krypterade filen']) {
        expect(sv).toContain(expected);
      }
      expect(sv).not.toContain('Luovutuskirja');
    },
    SLOW,
  );

  it(
    'refuses a document that does not check out, a short, weak or backup passphrase, and a bad note: nothing written, nothing journaled',
    async () => {
      const w = await world();
      const { text, tables } = await register();
      const BACKUP_PASS = 'varmuus-kopio-lause-2026';
      value(await call(w.bridge, 'backups.setPassphrase', { passphrase: BACKUP_PASS }));
      const before = (await journal(w.dir)).length;
      // A record changed after the manifest was made (a renderer's slip or a planted document).
      const tampered = text.replace('"Aino"', '"Anna"');
      expect(tampered).not.toBe(text);
      const base = request(text, tables);
      const refused: ChannelInput<'transfers.saveSuccessorPackage'>[] = [
        { ...base, document: tampered },
        { ...base, document: '{"format":"something-else"}' },
        { ...base, passphrase: 'lyhyt' },
        { ...base, note: { ...base.note, successor: { ...base.note.successor, name: '' } } },
        { ...base, note: { ...base.note, business: { ...sampleBusiness(), businessId: 'ei-kelpaa' } } },
        { ...base, csvSeparator: '\t' as ';' },
      ];
      for (const input of refused) {
        expect(await w.bridge.dispatch('transfers.saveSuccessorPackage', input)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      }
      // Long enough for the contract, but guessable: main judges the strength itself. And the
      // salon's own backup passphrase would let the successor open the salon's backups. Both are
      // refusals the form shows at the passphrase field.
      expect(value(await call(w.bridge, 'transfers.saveSuccessorPackage', { ...base, passphrase: 'aaaaaaaaaaaaaaaa' }))).toEqual({ status: 'refused', reason: 'passphrase_weak' });
      expect(value(await call(w.bridge, 'transfers.saveSuccessorPackage', { ...base, passphrase: BACKUP_PASS }))).toEqual({ status: 'refused', reason: 'passphrase_is_backup' });
      expect(value(await call(w.bridge, 'transfers.saveSuccessorPackage', { ...base, passphrase: OWNER_PASS }))).toEqual({ status: 'refused', reason: 'passphrase_is_own' });
      expect(await readdir(w.out)).toEqual([]);
      expect((await journal(w.dir)).length).toBe(before);
    },
    SLOW,
  );

  it(
    'a cancelled dialog writes nothing and journals nothing',
    async () => {
      const w = await world();
      const { text, tables } = await register();
      w.bridge.setDialogAnswer('exportFolder', null);
      const before = (await journal(w.dir)).length;
      expect(value(await call(w.bridge, 'transfers.saveSuccessorPackage', request(text, tables)))).toEqual({ status: 'cancelled' });
      expect(await readdir(w.out)).toEqual([]);
      expect((await journal(w.dir)).length).toBe(before);
    },
    SLOW,
  );
});
