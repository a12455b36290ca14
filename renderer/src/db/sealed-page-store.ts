import { Dexie } from 'dexie';
import { associatedData, IntegrityError, seal, unseal } from './crypto';
import type { KirjuriDatabase, PageRow } from './database';

/**
 * Encrypted pages with a small change log (docs/performance.md, ARCHITECTURE.md "Storage").
 *
 * - Records of one store are packed `capacity` to a **page**, and each page is sealed as one
 *   AES-GCM ciphertext. Unlocking reads a few hundred rows instead of a hundred thousand, and
 *   parsing one JSON string per page is far cheaper than IndexedDB's structured clone of every
 *   object: this is why unlocking beats even plain, unencrypted Dexie.
 * - Saving one record does not re-seal its page: it appends one small sealed **change** (the
 *   record and its page number) to the store's log, which costs about what a plain put costs.
 *   When enough changes have accumulated, and when the store is closed, dirty pages are re-sealed
 *   and their changes deleted in one transaction (compaction).
 * - Deleting re-seals the page at once and deletes every logged change of the record in the same
 *   transaction: no ciphertext of a deleted record is left behind.
 *
 * All decrypted state lives in this object; `close()` drops it. Writes are serialised through one
 * queue and commit to memory only after IndexedDB has durably accepted them, so a failed write
 * changes nothing anywhere.
 */
export interface PageDamage {
  /** Page number, or the change's sequence number for `kind: 'change'`. */
  page: number;
  kind: 'page' | 'change';
  reason: 'integrity' | 'format' | 'future_version';
}

export interface LoadResult {
  damaged: PageDamage[];
}

/** Pages per read request when loading; small enough to overlap reading with decrypting. */
const LOAD_CHUNK_PAGES = 16;
/** Logged changes that trigger a compaction (re-sealing their pages). */
export const COMPACT_AFTER_CHANGES = 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A page's records as columns: `{ k: [field names], r: [[values], …] }`. Field names are written
 * once per page instead of once per record, which makes a customer page about a third smaller,
 * and unlocking reads, decrypts and parses that much less. A record whose fields differ from
 * the page's is kept as an object, so any record round-trips exactly.
 */
interface PageBody {
  k: string[];
  r: unknown[];
}

export function encodeRecords(records: readonly object[]): PageBody {
  const first = records.length > 0 ? Object.keys(records[0]!) : [];
  // Assigning a `__proto__` column would set a prototype, not a field: such records stay objects.
  const k = first.includes('__proto__') ? [] : first;
  const r = records.map((record) => {
    const keys = Object.keys(record);
    const isSameShape = k.length > 0 && keys.length === k.length && keys.every((key, i) => key === k[i]);
    return isSameShape ? k.map((key) => (record as Record<string, unknown>)[key]) : record;
  });
  return { k, r };
}

export function decodeRecords(body: unknown): object[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const { k, r } = body as Partial<PageBody>;
  if (!Array.isArray(k) || !Array.isArray(r)) return null;
  const out = new Array<object>(r.length);
  for (let i = 0; i < r.length; i += 1) {
    const row = r[i];
    if (!Array.isArray(row)) {
      if (typeof row !== 'object' || row === null) return null;
      out[i] = row;
      continue;
    }
    const record: Record<string, unknown> = {};
    for (let j = 0; j < k.length; j += 1) record[k[j] as string] = row[j];
    out[i] = record;
  }
  return out;
}

/** Seals a JSON value: AES-GCM bound to store, row number and schema version. */
async function sealJson(key: CryptoKey, store: string, page: number, version: number, value: unknown): Promise<PageRow> {
  const sealed = await seal(key, encoder.encode(JSON.stringify(value)), associatedData(store, String(page), version));
  return { store, page, v: version, iv: sealed.iv, ct: sealed.ct };
}

/** Seals one page of records (columnar JSON, then AES-GCM). */
export function sealPage(key: CryptoKey, store: string, page: number, version: number, records: readonly object[]): Promise<PageRow> {
  return sealJson(key, store, page, version, encodeRecords(records));
}

interface Change<T> {
  page: number;
  record: T;
}

/**
 * One queue for every write of a session's stores: writes run one after another, so a write that
 * spans several stores (a merge, an erasure, an import) can stage all of them and commit them in
 * one IndexedDB transaction without another write slipping in between.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(work: () => Promise<R>): Promise<R> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves when everything queued so far has finished (successfully or not). */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

/**
 * A store's part of a write, sealed and ready: the rows to put and delete, and what memory
 * becomes once they are durable. Commit several with `commitStaged` to make them one transaction.
 */
export interface StagedWrite {
  readonly puts: readonly PageRow[];
  readonly deletes: readonly [string, number][];
  /** Called only after the transaction committed. */
  readonly apply: () => void;
}

/** Writes staged parts of one or more stores in one strict transaction, then updates memory. */
export async function commitStaged(db: KirjuriDatabase, staged: readonly StagedWrite[]): Promise<void> {
  const puts = staged.flatMap((part) => part.puts);
  const deletes = staged.flatMap((part) => part.deletes);
  if (puts.length > 0 || deletes.length > 0) {
    await db.transaction('rw', db.pages, async () => {
      if (deletes.length > 0) await db.pages.bulkDelete(deletes);
      if (puts.length > 0) await db.pages.bulkPut(puts);
    });
  }
  for (const part of staged) part.apply();
}

export interface SealedPageStoreOptions<T> {
  readonly store: string;
  /** Version of the records this code writes; bound into every row's AAD. */
  readonly schemaVersion: number;
  /** Records per sealed page. */
  readonly capacity: number;
  /**
   * Order of records inside a sealed page. Pages sealed in the order the search index wants
   * arrive at unlock as ready-made sorted runs, which the index's sort merges instead of
   * sorting from scratch.
   */
  readonly order?: ((a: T, b: T) => number) | undefined;
  /** The session's shared write queue; a store of its own gets a private one. */
  readonly queue?: WriteQueue | undefined;
  /**
   * Turns a record sealed under an older schema version into today's shape. Without it, older
   * rows are read as they are. A record that cannot be upgraded marks its page as `format`-damaged.
   */
  readonly upgrade?: ((record: unknown, fromVersion: number) => T) | undefined;
}

type Opened<P> = { value: P } | { reason: PageDamage['reason'] };

export class SealedPageStore<T extends { id: string }> {
  private readonly pages = new Map<number, T[]>();
  /** Which page holds which record; built on the first write, not at unlock (it is not needed to read). */
  private pageIndex: Map<string, number> | null = null;
  private readonly byId = new Map<string, T>();
  /** Pages that failed to decrypt: never written over, never given new records. */
  private readonly damaged = new Set<number>();
  /** Pages whose sealed copy is older than memory; their changes are in the log. */
  private readonly changesOfPage = new Map<number, number[]>();
  private readonly logStore: string;
  private nextPage = 0;
  private nextChange = 0;
  private readonly queue: WriteQueue;
  private key: CryptoKey | null;
  readonly store: string;
  readonly schemaVersion: number;
  readonly capacity: number;
  private readonly order: ((a: T, b: T) => number) | undefined;
  private readonly upgrade: ((record: unknown, fromVersion: number) => T) | undefined;

  constructor(
    private readonly db: KirjuriDatabase,
    key: CryptoKey,
    options: SealedPageStoreOptions<T>,
  ) {
    this.key = key;
    this.store = options.store;
    this.schemaVersion = options.schemaVersion;
    this.capacity = options.capacity;
    this.order = options.order;
    this.upgrade = options.upgrade;
    this.queue = options.queue ?? new WriteQueue();
    this.logStore = `${this.store}.log`;
  }

  /**
   * Reads and decrypts every page of the store and replays its change log. A damaged page or
   * change is reported; everything else loads.
   *
   * Pages are fetched in chunks that are all requested at once, and each chunk is decrypted and
   * handed to `onRecords` as soon as it arrives: IndexedDB reads (in the browser process) overlap
   * with decryption (WebCrypto's threads) and with parsing and indexing (this thread).
   */
  async load(onRecords?: (records: T[]) => void): Promise<LoadResult> {
    const key = this.requireKey();
    const damaged: PageDamage[] = [];
    const latest = await this.loadChanges(key, damaged);
    const keys = await this.range(this.store).primaryKeys();
    const chunks: (typeof keys)[] = [];
    for (let i = 0; i < keys.length; i += LOAD_CHUNK_PAGES) chunks.push(keys.slice(i, i + LOAD_CHUNK_PAGES));
    const deliver = (batch: T[]) => {
      if (batch.length > 0) onRecords?.(batch);
    };
    await Promise.all(
      chunks.map(async (chunk) => {
        const rows = await this.db.pages.bulkGet(chunk);
        const opened = await Promise.all(rows.map((row) => (row ? this.open<T[]>(key, row, (value) => this.decodePage(value, row.v)) : Promise.resolve(null))));
        const batch: T[] = [];
        for (const [i, result] of opened.entries()) {
          if (result === null) continue;
          const page = rows[i]!.page;
          this.nextPage = Math.max(this.nextPage, page + 1);
          if ('reason' in result) {
            this.damaged.add(page);
            damaged.push({ page, kind: 'page', reason: result.reason });
            continue;
          }
          // A logged change is newer than its page: it replaces the sealed version.
          const content = result.value.map((record) => latest.get(record.id)?.record ?? record);
          for (const record of content) latest.delete(record.id);
          this.adopt(page, content);
          for (const record of content) batch.push(record);
        }
        deliver(batch);
      }),
    );
    // Changes left over are new records whose page had not been sealed with them yet.
    const added: T[] = [];
    for (const { page, record } of latest.values()) {
      if (this.damaged.has(page)) continue;
      this.nextPage = Math.max(this.nextPage, page + 1);
      this.adopt(page, [...(this.pages.get(page) ?? []), record]);
      added.push(record);
    }
    deliver(added);
    damaged.sort((a, b) => (a.kind === b.kind ? a.page - b.page : a.kind === 'page' ? -1 : 1));
    return { damaged };
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  values(): IterableIterator<T> {
    return this.byId.values();
  }

  /** Number of logged changes not yet compacted into pages (for tests and diagnostics). */
  get pendingChanges(): number {
    let count = 0;
    for (const seqs of this.changesOfPage.values()) count += seqs.length;
    return count;
  }

  /** Saves one record as a small sealed change; its page is re-sealed later (compaction). */
  put(record: T): Promise<void> {
    return this.enqueue(() => this.logChange(record));
  }

  /**
   * Read-modify-write of one record inside the write queue: `change` gets the record as it is
   * when the write runs, so a copy read earlier never undoes a write queued just before it (a
   * double press, an erasure, a merge). `change` may throw (nothing is written) or return null
   * (nothing to change). Resolves with the record before and after.
   */
  modify(id: string, change: (current: T | undefined) => T | null): Promise<{ before: T | undefined; after: T | null }> {
    return this.queue.run(async () => {
      const before = this.byId.get(id);
      const after = change(before);
      if (after !== null) await this.logChange(after);
      return { before, after };
    });
  }

  /** `put` inside the queue. */
  private async logChange(record: T): Promise<void> {
    const page = this.pageOf(record.id) ?? this.pageWithRoom(new Map());
    const seq = this.nextChange;
    const change: Change<T> = { page, record };
    const row = await sealJson(this.requireKey(), this.logStore, seq, this.schemaVersion, [change]);
    await this.db.transaction('rw', this.db.pages, () => this.db.pages.put(row));
    this.nextChange = seq + 1;
    this.nextPage = Math.max(this.nextPage, page + 1);
    const content = [...(this.pages.get(page) ?? [])];
    const at = content.findIndex((r) => r.id === record.id);
    if (at >= 0) content[at] = record;
    else content.push(record);
    this.adopt(page, content);
    this.changesOfPage.set(page, [...(this.changesOfPage.get(page) ?? []), seq]);
    if (this.pendingChanges >= COMPACT_AFTER_CHANGES) void this.compact().catch(() => undefined);
  }

  /** Inserts or replaces many records by re-sealing their pages in one all-or-nothing transaction. */
  putMany(records: readonly T[]): Promise<void> {
    return this.enqueue(async () => commitStaged(this.db, [await this.stage({ put: records })]));
  }

  /** Removes records: their pages are re-sealed without them and their logged changes deleted. */
  deleteMany(ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => commitStaged(this.db, [await this.stage({ remove: ids })]));
  }

  delete(id: string): Promise<void> {
    return this.deleteMany([id]);
  }

  /**
   * Seals what `put` and `remove` make of this store's pages, without writing anything: the
   * caller commits it (with other stores' parts) through `commitStaged`, inside the session's
   * queue (`runExclusive`). Records to put replace those with the same id; removed records leave
   * no logged change behind. Nothing in memory changes until the commit applies it.
   */
  async stage({ put = [], remove = [] }: { readonly put?: readonly T[]; readonly remove?: readonly string[] }): Promise<StagedWrite> {
    const next = new Map<number, T[]>();
    const pageContent = (page: number): T[] => {
      let content = next.get(page);
      if (!content) {
        content = [...(this.pages.get(page) ?? [])];
        next.set(page, content);
      }
      return content;
    };
    const removed = new Set(remove);
    for (const id of removed) {
      const page = this.pageOf(id);
      if (page === undefined) continue;
      next.set(
        page,
        pageContent(page).filter((r) => r.id !== id),
      );
    }
    const placement = new Map<string, number>();
    let open: number | null = null;
    for (const record of put) {
      if (removed.has(record.id)) throw new Error('a record cannot be put and removed in one write');
      const existing = placement.get(record.id) ?? this.pageOf(record.id);
      if (existing !== undefined) {
        const content = pageContent(existing);
        const at = content.findIndex((r) => r.id === record.id);
        if (at >= 0) content[at] = record;
        else content.push(record);
        placement.set(record.id, existing);
        continue;
      }
      if (open === null || pageContent(open).length >= this.capacity) open = this.pageWithRoom(next);
      pageContent(open).push(record);
      placement.set(record.id, open);
    }
    const staged = await this.stagePages(next);
    return {
      ...staged,
      apply: () => {
        staged.apply();
        for (const id of removed) {
          this.pageIndex?.delete(id);
          this.byId.delete(id);
        }
      },
    };
  }

  /**
   * Stages replacing the whole store with `records` (a restore): every page and logged change of
   * the store goes, damaged ones included, and the records are sealed into fresh pages in order.
   * Like `stage`, nothing changes until the commit applies it; call it inside `runExclusive`.
   */
  async stageReplaceAll(records: readonly T[]): Promise<StagedWrite> {
    const key = this.requireKey();
    const [pageKeys, logKeys] = await Promise.all([this.range(this.store).primaryKeys(), this.range(this.logStore).primaryKeys()]);
    const sorted = this.order ? [...records].sort(this.order) : [...records];
    const chunks: T[][] = [];
    for (let i = 0; i < sorted.length; i += this.capacity) chunks.push(sorted.slice(i, i + this.capacity));
    const puts = await Promise.all(chunks.map((chunk, page) => sealPage(key, this.store, page, this.schemaVersion, chunk)));
    const written = new Set(puts.map((row) => row.page));
    return {
      puts,
      // Rows the new pages overwrite need no delete; every other old row goes.
      deletes: [...pageKeys.filter(([, page]) => !written.has(page)), ...logKeys] as [string, number][],
      apply: () => {
        this.pages.clear();
        this.byId.clear();
        this.pageIndex = null;
        this.damaged.clear();
        this.changesOfPage.clear();
        chunks.forEach((chunk, page) => this.adopt(page, chunk));
        this.nextPage = chunks.length;
      },
    };
  }

  /** Runs `work` in the session's write queue (for writes that span stores). */
  runExclusive<R>(work: () => Promise<R>): Promise<R> {
    return this.queue.run(work);
  }

  /** Re-seals every page that has logged changes and deletes those changes, atomically. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      const dirty = new Map<number, T[]>();
      // A damaged page is never written over; its logged changes stay, and must not block the rest.
      for (const page of this.changesOfPage.keys()) if (!this.damaged.has(page)) dirty.set(page, this.pages.get(page) ?? []);
      await commitStaged(this.db, [await this.stagePages(dirty)]);
    });
  }

  /** Compacts what it can, then forgets every decrypted record and the key. */
  async close(): Promise<void> {
    if (this.key && this.changesOfPage.size > 0) await this.compact().catch(() => undefined);
    await this.queue.idle();
    this.pages.clear();
    this.pageIndex = null;
    this.byId.clear();
    this.damaged.clear();
    this.changesOfPage.clear();
    this.key = null;
  }

  private requireKey(): CryptoKey {
    if (!this.key) throw new Error('store is closed');
    return this.key;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    return this.queue.run(work);
  }

  private range(store: string) {
    return this.db.pages.where('[store+page]').between([store, Dexie.minKey], [store, Dexie.maxKey]);
  }

  /** Decrypts the change log; keeps the newest change per record. */
  private async loadChanges(key: CryptoKey, damaged: PageDamage[]): Promise<Map<string, Change<T>>> {
    const rows = await this.range(this.logStore).toArray();
    const opened = await Promise.all(rows.map((row) => this.open<Change<T>[]>(key, row, (value) => this.decodeChanges(value, row.v))));
    const latest = new Map<string, Change<T> & { seq: number }>();
    for (const [i, result] of opened.entries()) {
      const seq = rows[i]!.page;
      this.nextChange = Math.max(this.nextChange, seq + 1);
      if ('reason' in result) {
        damaged.push({ page: seq, kind: 'change', reason: result.reason });
        continue;
      }
      for (const change of result.value) {
        const seen = latest.get(change.record.id);
        if (!seen || seen.seq < seq) latest.set(change.record.id, { ...change, seq });
        this.changesOfPage.set(change.page, [...(this.changesOfPage.get(change.page) ?? []), seq]);
      }
    }
    return latest;
  }

  private pageOf(id: string): number | undefined {
    if (!this.pageIndex) {
      this.pageIndex = new Map();
      for (const [page, content] of this.pages) for (const record of content) this.pageIndex.set(record.id, page);
    }
    return this.pageIndex.get(id);
  }

  /** Makes `content` the in-memory state of `page`. */
  private adopt(page: number, content: T[]): void {
    this.pages.set(page, content);
    for (const record of content) {
      this.pageIndex?.set(record.id, page);
      this.byId.set(record.id, record);
    }
  }

  /** The first undamaged page with room, else a new page number. */
  private pageWithRoom(pending: Map<number, T[]>): number {
    for (const [page, content] of this.pages) {
      if (this.damaged.has(page)) continue;
      const size = pending.get(page)?.length ?? content.length;
      if (size < this.capacity) return page;
    }
    for (const [page, content] of pending) {
      if (!this.pages.has(page) && content.length < this.capacity) return page;
    }
    return this.nextPage++;
  }

  /**
   * Seals every changed page (WebCrypto outside any transaction) and lists the rows to write and
   * the logged changes those pages make obsolete. Memory changes only in `apply`, after commit.
   */
  private async stagePages(changed: Map<number, T[]>): Promise<StagedWrite> {
    const key = this.requireKey();
    const writes = await Promise.all(
      [...changed].map(async ([page, records]): Promise<PageRow | number> => {
        if (this.damaged.has(page)) throw new Error('refusing to write over a damaged page');
        if (records.length === 0) return page;
        if (this.order) records.sort(this.order);
        return sealPage(key, this.store, page, this.schemaVersion, records);
      }),
    );
    const obsoleteChanges = [...changed.keys()].flatMap((page) => (this.changesOfPage.get(page) ?? []).map((seq): [string, number] => [this.logStore, seq]));
    return {
      puts: writes.filter((write): write is PageRow => typeof write !== 'number'),
      deletes: [...writes.filter((write): write is number => typeof write === 'number').map((page): [string, number] => [this.store, page]), ...obsoleteChanges],
      apply: () => {
        for (const [page, records] of changed) {
          this.changesOfPage.delete(page);
          if (records.length === 0) this.pages.delete(page);
          else this.adopt(page, records);
        }
      },
    };
  }

  /** A page's records, upgraded to today's shape when sealed under an older version. */
  private decodePage(value: unknown, version: number): T[] | null {
    const records = decodeRecordList<unknown>(value);
    return records === null ? null : this.upgraded(records, version);
  }

  private decodeChanges(value: unknown, version: number): Change<T>[] | null {
    const changes = decodeChangeList<unknown>(value);
    if (changes === null) return null;
    const records = this.upgraded(
      changes.map((change) => change.record),
      version,
    );
    return records === null ? null : changes.map((change, i) => ({ page: change.page, record: records[i]! }));
  }

  private upgraded(records: unknown[], version: number): T[] | null {
    if (version === this.schemaVersion || this.upgrade === undefined) return records as T[];
    const upgrade = this.upgrade;
    try {
      return records.map((record) => upgrade(record, version));
    } catch {
      return null;
    }
  }

  /**
   * Decrypts one sealed row. Records inside an authenticated row are exactly what this store
   * sealed after the repository validated them, so they are not parsed field by field again:
   * GCM's tag is the integrity check, and a shape check guards against our own bugs.
   */
  private async open<P>(key: CryptoKey, row: PageRow, decode: (value: unknown) => P | null): Promise<Opened<P>> {
    if (row.v > this.schemaVersion) return { reason: 'future_version' };
    let bytes: Uint8Array;
    try {
      bytes = await unseal(key, { iv: row.iv as Uint8Array<ArrayBuffer>, ct: row.ct as Uint8Array<ArrayBuffer> }, associatedData(row.store, String(row.page), row.v));
    } catch (error) {
      if (error instanceof IntegrityError) return { reason: 'integrity' };
      throw error;
    }
    try {
      const value = decode(JSON.parse(decoder.decode(bytes)));
      return value === null ? { reason: 'format' } : { value };
    } catch {
      return { reason: 'format' };
    }
  }
}

const hasId = (r: unknown) => typeof (r as { id?: unknown } | null)?.id === 'string';

function decodeRecordList<T>(value: unknown): T[] | null {
  const records = decodeRecords(value);
  return records?.every(hasId) ? (records as T[]) : null;
}

function decodeChangeList<T>(value: unknown): Change<T>[] | null {
  const isChanges = Array.isArray(value) && value.every((c) => Number.isInteger((c as Change<T>)?.page) && hasId((c as Change<T>)?.record));
  return isChanges ? (value as Change<T>[]) : null;
}
