import { Dexie } from 'dexie';
import { z } from 'zod';
import { associatedData, toBytes, unseal } from '../../../renderer/src/db/crypto';
import { CustomerIndex } from '../../../renderer/src/db/customer-index';
import { CUSTOMER_PAGE_CAPACITY, CustomerRepository } from '../../../renderer/src/db/customer-repository';
import { decodeRecords, sealPage } from '../../../renderer/src/db/sealed-page-store';
import { KirjuriDatabase } from '../../../renderer/src/db/database';
import { importDataKey } from '../../../renderer/src/db/data-key';
import {
  deriveWrappingKey,
  exportDataKey,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
  type WrappedDataKey,
} from '../../../shared/crypto/key-slots';
import { demoCustomers, seededRandom } from '../../../shared/domain/demo-data';
import { foldText } from '../../../shared/domain/text-fold';
import { CustomerDraftSchema, type Customer } from '../../../shared/schemas/customer';

/**
 * The benchmark page: the app's REAL data layer (vault, sealed pages, repository, search) next
 * to reference measurements with plain, unencrypted Dexie in the same page. The runner
 * (test/bench/run.ts) drives it through Playwright and does the statistics.
 */
z.config({ jitless: true });

const PASSPHRASE = 'bench-korppi-lumi-omena-puhelin';
const BENCH_OWNER = { userId: 'bench-owner', role: 'owner' } as const;
const OURS = 'kirjuri-bench';
const REFERENCE = 'kirjuri-bench-reference';

class ReferenceDb extends Dexie {
  customers!: Dexie.Table<Customer, string>;
  constructor() {
    super(REFERENCE, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ customers: 'id' });
  }
}

/** The owner's key slot, as main keeps it in vault.json (the same key-slot code, run here). */
let slot: WrappedDataKey | null = null;
let repository: CustomerRepository | null = null;
let ids: string[] = [];
let referenceHay: { id: string; text: string }[] = [];

const now = () => performance.now();

async function freshDatabases(): Promise<void> {
  repository = null;
  await Dexie.delete(OURS);
  await Dexie.delete(REFERENCE);
}

const base64Of = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

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

/** Times `fn`; repeats it until at least 2 ms have passed so sub-millisecond work is measurable. */
function timeSync(fn: () => unknown): number {
  let runs = 0;
  const start = now();
  let elapsed: number;
  do {
    fn();
    runs += 1;
    elapsed = now() - start;
  } while (elapsed < 2);
  return elapsed / runs;
}

const api = {
  /** Fresh databases holding the same `size` customers: ours encrypted, the reference plain. */
  async seed(size: number) {
    await freshDatabases();
    const db = new KirjuriDatabase(OURS);
    const extractable = await generateDataKey();
    slot = await wrapDataKey(extractable, PASSPHRASE);
    const repo = await CustomerRepository.open(db, await importDataKey(base64Of(await exportDataKey(extractable))), BENCH_OWNER);
    const created = await repo.createMany(demoCustomers(size, 42));
    const ref = new ReferenceDb();
    await ref.customers.bulkPut(created);
    ids = created.map((c) => c.id);
    const jsonBytes = new TextEncoder().encode(JSON.stringify(created)).byteLength;
    await repo.close();
    db.close();
    ref.close();
    return { jsonBytes };
  },

  /** Correct passphrase → searchable register, split into KDF+unwrap and the rest. */
  async unlock() {
    repository = null;
    const db = new KirjuriDatabase(OURS);
    const t0 = now();
    const dataKey = await signIn();
    const t1 = now();
    repository = await CustomerRepository.open(db, dataKey, BENCH_OWNER);
    repository.search('a');
    const t2 = now();
    return { kdfMs: t1 - t0, dataMs: t2 - t1, count: repository.count };
  },

  /** Reference: the same KDF, then plain Dexie toArray of the same customers. */
  async referenceUnlock() {
    if (slot === null) throw new Error('seed first');
    const t0 = now();
    await deriveWrappingKey(PASSPHRASE, slot.kdf);
    const t1 = now();
    const ref = new ReferenceDb();
    const rows = await ref.customers.toArray();
    const t2 = now();
    ref.close();
    return { kdfMs: t1 - t0, dataMs: t2 - t1, count: rows.length };
  },

  /** 200 realistic front-desk queries built from the register itself. */
  queries(count: number): string[] {
    const customers = demoCustomers(Math.min(ids.length, 2_000), 42);
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
    const repo = repository;
    if (!repo) throw new Error('not unlocked');
    return queries.map((q) => timeSync(() => repo.search(q)));
  },

  /** Reference: a plain linear substring scan over pre-lowercased strings. */
  async prepareReferenceSearch() {
    const ref = new ReferenceDb();
    const rows = await ref.customers.toArray();
    ref.close();
    referenceHay = rows.map((c) => ({ id: c.id, text: `${c.firstName} ${c.lastName} ${c.email} ${c.phone}`.toLowerCase() }));
  },

  referenceSearch(queries: string[]): number[] {
    return queries.map((q) =>
      timeSync(() => {
        const needle = q.toLowerCase();
        const found: string[] = [];
        for (const row of referenceHay) if (row.text.includes(needle)) found.push(row.id);
        return found;
      }),
    );
  },

  /**
   * Edit and save one customer (validate, seal the change, strict write, index update), and the
   * reference: a plain single put with strict durability. The two alternate, so the disk's
   * hiccups (fsync latency on a shared machine) fall on both alike.
   */
  async save(count: number): Promise<{ ours: number[]; reference: number[] }> {
    const repo = repository;
    if (!repo) throw new Error('not unlocked');
    const ref = new ReferenceDb();
    const random = seededRandom(11);
    const ours: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = repo.get(id)!;
      const t0 = now();
      await repo.update(id, { ...current, notes: `Muokattu ${i}` });
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
    await db.pages.put(sealed);
    const t7 = now();
    // one save through the change log: validate, seal one record, strict put, index update
    const target = records[records.length >> 1]!;
    const t8 = now();
    const draft = CustomerDraftSchema.parse({ ...target, notes: 'muutettu' });
    const t9 = now();
    const change = await sealPage(dataKey, 'customers.log', 999_999, 1, [{ page: 0, record: { ...target, ...draft } }]); // same cost as the log's own sealing
    const t10 = now();
    await db.transaction('rw', db.pages, () => db.pages.put(change));
    const t11 = now();
    index.upsert({ ...target, ...draft });
    const t12 = now();
    await db.pages.delete(['customers.log', 999_999]);
    db.close();
    return {
      readMs: t1 - t0, decryptMs: t2 - t1, parseMs: t3 - t2, indexAddMs: t3b - t3, indexSortMs: t4 - t3b, sealPageMs: t6 - t5, putPageMs: t7 - t6, pageBytes: sealed.ct.byteLength, pages: rows.length,
      saveValidateMs: t9 - t8, saveSealMs: t10 - t9, savePutMs: t11 - t10, saveIndexMs: t12 - t11,
    };
  },

  async lock() {
    await repository?.close();
    repository = null;
    referenceHay = [];
  },
};

Object.assign(window, { kirjuriBench: api });
export type BenchApi = typeof api;
document.getElementById('status')!.textContent = 'ready';
