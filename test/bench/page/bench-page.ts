import { Dexie } from 'dexie';
import { z } from 'zod';
import { decryptBackup, encryptBackup } from '../../../shared/backup/age-file';
import { buildBackupText, checkBackupDocument, type BackupTables } from '../../../shared/backup/format';
import {
  deriveWrappingKey,
  exportDataKey,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
  type WrappedDataKey,
} from '../../../shared/crypto/key-slots';
import { addDays, dayRange } from '../../../shared/domain/appointments';
import { toCsv } from '../../../shared/domain/csv-export';
import { guessMapping, planImport, validateImport, type ImportChoices } from '../../../shared/domain/csv-import';
import { demoCustomers, demoRegister, seededRandom } from '../../../shared/domain/demo-data';
import { foldText } from '../../../shared/domain/text-fold';
import type { Appointment, Service } from '../../../shared/schemas/appointment';
import { CustomerDraftSchema, type Customer } from '../../../shared/schemas/customer';
import { associatedData, toBytes, unseal } from '../../../renderer/src/db/crypto';
import { CustomerIndex } from '../../../renderer/src/db/customer-index';
import { CUSTOMER_PAGE_CAPACITY } from '../../../renderer/src/db/customer-repository';
import { KirjuriDatabase } from '../../../renderer/src/db/database';
import { importDataKey } from '../../../renderer/src/db/data-key';
import { Register } from '../../../renderer/src/db/register';
import { commitStaged, decodeRecords, sealPage } from '../../../renderer/src/db/sealed-page-store';
import { commitImport } from '../../../renderer/src/features/import/commit-import';
import { readPickedFile } from '../../../renderer/src/features/import/picked-file';
import { scryptClock } from './timed-scrypt';

/**
 * The benchmark page: the app's REAL data layer (the Register with its sealed-page stores, search
 * index and appointment indexes; the CSV importer; the backup document and age file code) next to
 * reference measurements with plain, unencrypted Dexie in the same page. The runner
 * (test/bench/run.ts) drives it through Playwright and does the statistics.
 *
 * Data: `demoRegister` (shared/domain/demo-data.ts), the generator `kirjuri demo-backup` uses,
 * with a fixed "today" so every run books the same appointments on the same days.
 */
z.config({ jitless: true });

const PASSPHRASE = 'bench-korppi-lumi-omena-puhelin';
const BACKUP_PASSPHRASE = 'bench-varmuuskopio-kuusi-sammal-lyhty';
const BENCH_OWNER = { userId: 'bench-owner', role: 'owner' } as const;
/** "Today" of the synthetic register: 2026-11-25 12:00 UTC. */
const BENCH_NOW = Date.UTC(2026, 10, 25, 12);
const SEED = 42;
const OURS = 'kirjuri-bench';
const REFERENCE = 'kirjuri-bench-reference';
const IMPORT_OURS = 'kirjuri-bench-import';
const IMPORT_REFERENCE = 'kirjuri-bench-import-reference';
/** The import wizard's defaults (ImportScreen.tsx): rows with errors block, duplicates are left out. */
const IMPORT_CHOICES: ImportChoices = { skipInvalid: false, duplicates: 'skip' };
const LANGUAGE_CELL = { fi: 'suomi', sv: 'ruotsi', en: 'englanti' } as const;

/** Plain Dexie with the same records: what an unencrypted app would keep, with the index its day view needs. */
class ReferenceDb extends Dexie {
  customers!: Dexie.Table<Customer, string>;
  services!: Dexie.Table<Service, string>;
  appointments!: Dexie.Table<Appointment, string>;
  constructor(name = REFERENCE) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ customers: 'id', services: 'id', appointments: 'id, start' });
  }
}

/** The register being measured, and what the measurements need to know about it. */
let tables: BackupTables | null = null;
let referenceText = '';
let backupBytes: Uint8Array | null = null;
/** The owner's key slot, as main keeps it in vault.json (the same key-slot code, run here). */
let slot: WrappedDataKey | null = null;
let register: Register | null = null;
let ids: string[] = [];
let days: { start: number; end: number }[] = [];
let referenceHay: { id: string; text: string }[] = [];
let importBase64 = '';

const now = () => performance.now();

function requireTables(): BackupTables {
  if (!tables) throw new Error('generate first');
  return tables;
}

function requireRegister(): Register {
  if (!register) throw new Error('not unlocked');
  return register;
}

const base64Of = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * What a sign-in costs: main derives the wrapping key and unwraps the data key (the same
 * shared/crypto/key-slots code main runs), the key crosses IPC as base64, and the renderer imports
 * it non-extractable (renderer/src/db/data-key.ts). Only the IPC hop itself is left out.
 */
async function signIn(): Promise<CryptoKey> {
  if (slot === null) throw new Error('seed first');
  const opened = await unwrapDataKey(slot, PASSPHRASE, { extractable: true });
  return importDataKey(base64Of(await exportDataKey(opened)));
}

/** Starts counting scrypt time (timed-scrypt.ts); the returned function gives the time of exactly one scrypt since. */
function startScryptClock(): () => number {
  const { ms, calls } = scryptClock;
  return () => {
    if (scryptClock.calls !== calls + 1) throw new Error(`expected one timed scrypt, saw ${scryptClock.calls - calls} (is the alias in run.ts applied?)`);
    return scryptClock.ms - ms;
  };
}

/**
 * Times `fn`; repeats it until at least 1 ms has passed so sub-millisecond work is measurable
 * (the page is cross-origin isolated: the clock's resolution is 5 µs, 0.5% of the window).
 */
function timeSync(fn: () => unknown): number {
  let runs = 0;
  const start = now();
  let elapsed: number;
  do {
    fn();
    runs += 1;
    elapsed = now() - start;
  } while (elapsed < 1);
  return elapsed / runs;
}

const api = {
  /**
   * The synthetic register of `size` customers with `perCustomer` appointments each, kept in the
   * page for every repetition; also its plain JSON (the references' input) and, when backups are
   * measured at this size, one age backup file of it made with the real backup code (not timed).
   */
  async generate(size: number, perCustomer: number, withBackup: boolean) {
    tables = null;
    referenceText = '';
    backupBytes = null;
    const t0 = now();
    tables = demoRegister({ customers: size, appointmentsPerCustomer: perCustomer, seed: SEED, now: BENCH_NOW });
    const t1 = now();
    referenceText = JSON.stringify({ customers: tables.customers, services: tables.services, appointments: tables.appointments });
    const jsonBytes = new Blob([referenceText]).size;
    if (withBackup) {
      const { text } = await buildBackupText({ appVersion: 'bench', createdAt: new Date(BENCH_NOW), settings: { bench: true }, tables });
      backupBytes = (await encryptBackup(text, BACKUP_PASSPHRASE)).bytes;
    }
    ids = tables.customers.map((c) => c.id);
    // 50 days spread over the three years of history and the month ahead (midnight to midnight).
    const first = addDays(BENCH_NOW, -3 * 365);
    days = Array.from({ length: 50 }, (_, i) => dayRange(addDays(first, Math.floor((i * (3 * 365 + 30)) / 50) + 1)));
    return {
      jsonBytes,
      customers: tables.customers.length,
      appointments: tables.appointments.length,
      backupBytes: backupBytes?.byteLength ?? 0,
      generateMs: t1 - t0,
      totalMs: now() - t0,
    };
  },

  /**
   * Fresh databases holding the register: ours through the real restore of the backup file
   * (decrypt with scrypt, checkBackupDocument, Register.restore with its read-back check) — which
   * is the `backup_restore` measurement — or, at sizes where backups are not measured, sealed
   * directly by the stores (stageReplaceAll + one commit, untimed). The reference: JSON.parse of
   * the same data and a plain bulkPut of it in one strict transaction.
   */
  async seed(referenceFirst: boolean) {
    const data = requireTables();
    await register?.close();
    register = null;
    await Dexie.delete(OURS);
    await Dexie.delete(REFERENCE);
    const extractable = await generateDataKey();
    slot = await wrapDataKey(extractable, PASSPHRASE);
    const dataKey = await importDataKey(base64Of(await exportDataKey(extractable)));

    const reference = async () => {
      const ref = new ReferenceDb();
      await ref.open();
      const t0 = now();
      const parsed = JSON.parse(referenceText) as Pick<BackupTables, 'customers' | 'services' | 'appointments'>;
      const t1 = now();
      await ref.transaction('rw', [ref.customers, ref.services, ref.appointments], () =>
        Promise.all([ref.customers.bulkPut(parsed.customers), ref.services.bulkPut(parsed.services), ref.appointments.bulkPut(parsed.appointments)]),
      );
      const t2 = now();
      ref.close();
      return { parseMs: t1 - t0, putMs: t2 - t1, totalMs: t2 - t0 };
    };
    const ours = async () => {
      const db = new KirjuriDatabase(OURS);
      const empty = await Register.open(db, dataKey, BENCH_OWNER);
      await empty.appointments.ready;
      let result: { scryptMs: number; decryptMs: number; checkMs: number; restoreMs: number; totalMs: number; direct?: true };
      if (backupBytes) {
        const clock = startScryptClock();
        const t0 = now();
        const text = await decryptBackup(backupBytes, BACKUP_PASSPHRASE);
        const t1 = now();
        const scryptMs = clock();
        const checked = await checkBackupDocument(text);
        if (!checked.ok) throw new Error(`backup does not check: ${checked.problem.kind}`);
        const t2 = now();
        const restored = await empty.restore(checked.document.tables);
        const t3 = now();
        if (restored.restored.customers !== data.customers.length || restored.restored.appointments !== data.appointments.length) throw new Error('restore count mismatch');
        result = { scryptMs, decryptMs: t1 - t0 - scryptMs, checkMs: t2 - t1, restoreMs: t3 - t2, totalMs: t3 - t0 };
      } else {
        const t0 = now();
        await empty.customers.runExclusive(async () =>
          commitStaged(db, [
            await empty.customers.stageReplaceAll(data.customers),
            await empty.services.stageReplaceAll(data.services),
            await empty.appointments.stageReplaceAll(data.appointments),
          ]),
        );
        result = { scryptMs: 0, decryptMs: 0, checkMs: 0, restoreMs: now() - t0, totalMs: now() - t0, direct: true };
      }
      await empty.close();
      db.close();
      return result;
    };
    const referenceResult = referenceFirst ? await reference() : null;
    const oursResult = await ours();
    return { ours: oursResult, reference: referenceResult ?? (await reference()) };
  },

  /**
   * Correct passphrase → searchable register (Register.open: customers and services decrypted,
   * search index built), then → appointments decrypted and indexed (`appointments.ready`).
   */
  async unlock() {
    await register?.close();
    register = null;
    const db = new KirjuriDatabase(OURS);
    const t0 = now();
    const dataKey = await signIn();
    const t1 = now();
    const opened = await Register.open(db, dataKey, BENCH_OWNER);
    opened.customers.search('a');
    const t2 = now();
    await opened.appointments.ready;
    const t3 = now();
    register = opened;
    return { kdfMs: t1 - t0, dataMs: t2 - t1, appointmentsMs: t3 - t1, count: opened.customers.count, appointments: opened.appointments.count };
  },

  /** Reference: the same KDF, then plain Dexie toArray of the same customers, then of the appointments. */
  async referenceUnlock() {
    if (slot === null) throw new Error('seed first');
    const t0 = now();
    await deriveWrappingKey(PASSPHRASE, slot.kdf);
    const t1 = now();
    const ref = new ReferenceDb();
    const rows = await ref.customers.toArray();
    const t2 = now();
    const appointments = await ref.appointments.toArray();
    const t3 = now();
    ref.close();
    // The plain scan's haystack, from the rows just read (untimed; the search reference uses it).
    referenceHay = rows.map((c) => ({ id: c.id, text: `${c.firstName} ${c.lastName} ${c.email} ${c.phone}`.toLowerCase() }));
    return { kdfMs: t1 - t0, dataMs: t2 - t1, appointmentsMs: t3 - t1, count: rows.length, appointments: appointments.length };
  },

  /** 200 realistic front-desk queries built from the register itself. */
  queries(count: number): string[] {
    const customers = demoCustomers(Math.min(ids.length, 2_000), SEED);
    const out: string[] = [];
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    while (out.length < count) {
      const c = pick(customers);
      const digits = (c.phone ?? '').replace(/\D/g, '');
      const kind = out.length % 10;
      if (kind === 0) out.push(c.lastName.slice(0, 3));
      else if (kind === 1) out.push(foldText(c.lastName).slice(0, 4));
      else if (kind === 2) out.push(`${c.firstName} ${c.lastName.slice(0, 2)}`);
      else if (kind === 3) out.push(`${digits.slice(0, 3)} ${digits.slice(3, 6)}`);
      else if (kind === 4) out.push(`+358${digits.slice(1, 7)}`);
      else if (kind === 5) out.push(digits.slice(2, 8));
      else if (kind === 6) out.push((c.email || 'aino.').slice(0, 6));
      else if (kind === 7) out.push(c.firstName.slice(0, 2));
      else if (kind === 8) out.push(foldText(c.firstName));
      else out.push(c.lastName);
    }
    return out;
  },

  search(queries: string[]): number[] {
    const customers = requireRegister().customers;
    return queries.map((q) => timeSync(() => customers.search(q)));
  },

  /** Reference: a plain linear substring scan over pre-lowercased strings (built by referenceUnlock). */
  referenceSearch(queries: string[]): number[] {
    if (referenceHay.length !== ids.length) throw new Error('reference unlock first');
    const times = queries.map((q) =>
      timeSync(() => {
        const needle = q.toLowerCase();
        const found: string[] = [];
        for (const row of referenceHay) if (row.text.includes(needle)) found.push(row.id);
        return found;
      }),
    );
    referenceHay = [];
    return times;
  },

  /**
   * One day's appointments as the day view asks for them (DayView.tsx: `appointments.between`
   * of the day's range), for 50 days across the register's history.
   */
  dayView(): { times: number[]; appointments: number } {
    const appointments = requireRegister().appointments;
    if (!appointments.isLoaded) throw new Error('appointments not loaded');
    let found = 0;
    const times = days.map((day) => {
      found += appointments.between(day.start, day.end).length;
      return timeSync(() => appointments.between(day.start, day.end));
    });
    return { times, appointments: found };
  },

  /** Reference: a plain Dexie range query on the `start` index, for the same 50 days. */
  async referenceDayView(): Promise<{ times: number[]; appointments: number }> {
    const ref = new ReferenceDb();
    await ref.open();
    let found = 0;
    const times: number[] = [];
    for (const day of days) {
      const t0 = now();
      const rows = await ref.appointments.where('start').between(day.start, day.end, true, false).toArray();
      times.push(now() - t0);
      found += rows.length;
    }
    ref.close();
    return { times, appointments: found };
  },

  /**
   * Edit and save one customer (validate, seal the change, strict write, index update), and the
   * reference: a plain single put with strict durability. The two alternate, so the disk's
   * hiccups (fsync latency on a shared machine) fall on both alike.
   */
  async save(count: number): Promise<{ ours: number[]; reference: number[] }> {
    const customers = requireRegister().customers;
    const ref = new ReferenceDb();
    const random = seededRandom(11);
    const ours: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = customers.get(id)!;
      const t0 = now();
      await customers.update(id, { ...current, notes: `Muokattu ${i}` });
      const t1 = now();
      const plain = (await ref.customers.get(id))!;
      const t2 = now();
      await ref.customers.put({ ...plain, notes: `Muokattu ${i}` });
      const t3 = now();
      ours.push(t1 - t0);
      reference.push(t3 - t2);
    }
    ref.close();
    return { ours, reference };
  },

  /**
   * A backup of the unlocked register through the real code: the renderer's part (snapshot,
   * buildBackupDocument with its manifest checksums, canonical serialisation) and main's
   * (backup-files.ts writeVerifiedBackup: check the document, age-encrypt with scrypt 18, read
   * back with the remembered key, compare) — everything but the disk write and the
   * IPC hop. `createMs` is up to the encryption; `verifiedMs` adds main's checks and read-back.
   */
  async backupCreate(verify: boolean) {
    const open = requireRegister();
    const t0 = now();
    const snapshot = await open.snapshot();
    const t1 = now();
    // Built and serialised in one pass (each table serialised once); `serialiseMs` is now ~0.
    const { text } = await buildBackupText({ appVersion: 'bench', createdAt: new Date(BENCH_NOW), settings: { bench: true }, tables: snapshot });
    const t2 = now();
    const t3 = now();
    if (verify) {
      const before = await checkBackupDocument(text);
      if (!before.ok) throw new Error(`document does not check: ${before.problem.kind}`);
    }
    const t4 = now();
    const clock = startScryptClock();
    const sealed = await encryptBackup(text, BACKUP_PASSPHRASE);
    const t5 = now();
    const scryptMs = clock();
    if (verify && (await sealed.readBack(sealed.bytes)) !== text) throw new Error('read-back differs');
    // (Main does not check the read-back again: it is byte for byte the text it checked.)
    const t6 = now();
    const steps = { snapshotMs: t1 - t0, buildMs: t2 - t1, serialiseMs: t3 - t2, encryptMs: t5 - t4, ...(verify ? { checkMs: t4 - t3, readBackMs: t6 - t5 } : {}) };
    return { createMs: t3 - t0 + (t5 - t4), scryptMs, verifiedMs: verify ? t6 - t0 : null, steps, bytes: sealed.bytes.byteLength };
  },

  /** Reference: plain Dexie toArray of the same tables, then JSON.stringify. */
  async referenceBackupCreate() {
    const ref = new ReferenceDb();
    const t0 = now();
    const [customers, services, appointments] = await Promise.all([ref.customers.toArray(), ref.services.toArray(), ref.appointments.toArray()]);
    const text = JSON.stringify({ customers, services, appointments });
    const t1 = now();
    ref.close();
    return { ms: t1 - t0, chars: text.length };
  },

  /**
   * A CSV file of `rows` synthetic customers as another booking system might export it (Finnish
   * headers, `;`, BOM, a marketing-consent column), base64 as main hands a picked file over.
   */
  prepareImport(rows: number) {
    const drafts = demoCustomers(rows, 977);
    const random = seededRandom(13);
    const header = ['Etunimi', 'Sukunimi', 'Puhelin', 'Sähköposti', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Kieli', 'Lisätiedot', 'Markkinointilupa'];
    const csv = toCsv(
      header,
      drafts.map((d) => [d.firstName, d.lastName, d.phone, d.email, d.street, d.postalCode, d.city, LANGUAGE_CELL[d.language ?? 'fi'], d.notes, random() < 0.3 ? 'kyllä' : '']),
    );
    const bytes = new TextEncoder().encode(csv);
    importBase64 = base64Of(bytes);
    return { bytes: bytes.byteLength };
  },

  /**
   * The import wizard's whole path into an empty register (ImportScreen.tsx): read the picked
   * file (decode, parse, limits), guess the mapping, validate every row and find duplicates, plan,
   * and commit all rows in one write (commit-import.ts). Then the reference: the same customer
   * records into an empty plain Dexie with one bulkPut.
   */
  async runImport() {
    await Dexie.delete(IMPORT_OURS);
    await Dexie.delete(IMPORT_REFERENCE);
    const db = new KirjuriDatabase(IMPORT_OURS);
    const dataKey = await importDataKey(base64Of(await exportDataKey(await generateDataKey())));
    const target = await Register.open(db, dataKey, BENCH_OWNER);
    await target.appointments.ready;
    const t0 = now();
    const read = readPickedFile(importBase64);
    if (!read.ok) throw new Error(`import file refused: ${read.problem}`);
    const mapping = guessMapping(read.file.headers);
    const t1 = now();
    const validation = validateImport(read.file.rows, mapping, { systemName: 'Vanha ajanvaraus', existing: target.customers.values() });
    const plan = planImport(validation, IMPORT_CHOICES);
    if (plan.status !== 'ready') throw new Error(`import blocked: ${plan.reason}`);
    const t2 = now();
    const result = await commitImport(target.customers, plan, { journal: () => Promise.resolve() });
    const t3 = now();
    const records = [...target.customers.values()];
    await target.close();
    db.close();

    const ref = new ReferenceDb(IMPORT_REFERENCE);
    await ref.open();
    const r0 = now();
    await ref.customers.bulkPut(records);
    const r1 = now();
    ref.close();
    return {
      ms: t3 - t0,
      referenceMs: r1 - r0,
      imported: result.count,
      invalid: validation.invalid.length,
      duplicates: plan.skippedDuplicates,
      steps: { readMs: t1 - t0, validateMs: t2 - t1, commitMs: t3 - t2 },
    };
  },

  /** Where the time goes: the unlock and save paths split into their steps (for docs/performance.md). */
  async breakdown() {
    const db = new KirjuriDatabase(OURS);
    const dataKey = await signIn();
    const t0 = now();
    const rows = await db.pages.where('[store+page]').between(['customers', Dexie.minKey], ['customers', Dexie.maxKey]).toArray();
    const t1 = now();
    const plain = await Promise.all(rows.map((r) => unseal(dataKey, { iv: toBytes(r.iv), ct: toBytes(r.ct) }, associatedData('customers', String(r.page), r.v))));
    const t2 = now();
    const decoder = new TextDecoder();
    const records = plain.flatMap((bytes) => decodeRecords(JSON.parse(decoder.decode(bytes))) as Customer[]);
    const t3 = now();
    const index = new CustomerIndex();
    index.add(records);
    const t3b = now();
    index.finish();
    const t4 = now();
    const page = records.slice(0, CUSTOMER_PAGE_CAPACITY);
    const t5 = now();
    const sealed = await sealPage(dataKey, 'customers', 0, 1, page);
    const t6 = now();
    // Sealed under a page number no store uses, and deleted again: the register stays as it was.
    await db.pages.put({ ...sealed, store: 'bench.scratch' });
    const t7 = now();
    // one save through the change log: validate, seal one record, strict put, index update
    const target = records[records.length >> 1]!;
    const t8 = now();
    const draft = CustomerDraftSchema.parse({ ...target, notes: 'muutettu' });
    const t9 = now();
    const change = await sealPage(dataKey, 'bench.scratch.log', 0, 1, [{ page: 0, record: { ...target, ...draft } }]); // same cost as the log's own sealing
    const t10 = now();
    await db.transaction('rw', db.pages, () => db.pages.put(change));
    const t11 = now();
    index.upsert({ ...target, ...draft });
    const t12 = now();
    const appointmentRows = await db.pages.where('[store+page]').between(['appointments', Dexie.minKey], ['appointments', Dexie.maxKey]).toArray();
    const t13 = now();
    await db.pages.bulkDelete([
      ['bench.scratch', 0],
      ['bench.scratch.log', 0],
    ]);
    db.close();
    return {
      readMs: t1 - t0,
      decryptMs: t2 - t1,
      parseMs: t3 - t2,
      indexAddMs: t3b - t3,
      indexSortMs: t4 - t3b,
      sealPageMs: t6 - t5,
      putPageMs: t7 - t6,
      pageBytes: sealed.ct.byteLength,
      pages: rows.length,
      saveValidateMs: t9 - t8,
      saveSealMs: t10 - t9,
      savePutMs: t11 - t10,
      saveIndexMs: t12 - t11,
      appointmentPages: appointmentRows.length,
      appointmentReadMs: t13 - t12,
      appointmentBytes: appointmentRows.reduce((sum, row) => sum + row.ct.byteLength, 0),
    };
  },

  async lock() {
    await register?.close();
    register = null;
    referenceHay = [];
  },

  /** Frees the generated register (between sizes). */
  async forget() {
    await api.lock();
    tables = null;
    referenceText = '';
    backupBytes = null;
    ids = [];
  },
};

Object.assign(window, { kirjuriBench: api });
export type BenchApi = typeof api;
document.getElementById('status')!.textContent = 'ready';
