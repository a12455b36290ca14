import { Dexie } from 'dexie';
import { associatedData, IntegrityError, seal, unseal } from './crypto';
import type { KirjuriDatabase, PageRow } from './database';

/**
 * Encrypted pages: records of one store are packed `capacity` to a page and each page is sealed
 * as one AES-GCM ciphertext. Unlocking reads a few hundred rows instead of a hundred thousand,
 * and parsing one JSON string per page is far cheaper than IndexedDB's structured-clone of every
 * object, which is why this beats even plain, unencrypted Dexie (docs/performance.md).
 *
 * All decrypted state lives in this object; `close()` drops it. Writes are serialised through
 * one queue and commit to memory only after IndexedDB has durably accepted them, so a failed
 * write changes nothing anywhere.
 */
export interface PageDamage {
  page: number;
  reason: 'integrity' | 'format' | 'future_version';
}

export interface LoadResult<T> {
  records: T[];
  damaged: PageDamage[];
}

/** Pages per read request when loading; small enough to overlap reading with decrypting. */
const LOAD_CHUNK_PAGES = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seals one page of records: JSON, then AES-GCM bound to store, page number and schema version. */
export async function sealPage<T>(key: CryptoKey, store: string, page: number, version: number, records: readonly T[]): Promise<PageRow> {
  const sealed = await seal(key, encoder.encode(JSON.stringify(records)), associatedData(store, String(page), version));
  return { store, page, v: version, iv: sealed.iv, ct: sealed.ct };
}

export class SealedPageStore<T extends { id: string }> {
  private readonly pages = new Map<number, T[]>();
  private readonly pageOf = new Map<string, number>();
  private readonly byId = new Map<string, T>();
  /** Pages that failed to decrypt: never written over, never given new records. */
  private readonly damaged = new Set<number>();
  private nextPage = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private key: CryptoKey | null;

  constructor(
    private readonly db: KirjuriDatabase,
    key: CryptoKey,
    readonly store: string,
    readonly schemaVersion: number,
    readonly capacity: number,
  ) {
    this.key = key;
  }

  /**
   * Reads and decrypts every page of the store. A damaged page is reported, the rest load.
   *
   * Pages are fetched in chunks that are all requested at once, and each chunk is decrypted
   * and handed to `onRecords` as soon as it arrives: IndexedDB reads (in the browser process)
   * overlap with decryption (WebCrypto's threads) and with parsing and indexing (this thread).
   */
  async load(onRecords?: (records: T[]) => void): Promise<LoadResult<T>> {
    const key = this.requireKey();
    const range = this.db.pages.where('[store+page]').between([this.store, Dexie.minKey], [this.store, Dexie.maxKey]);
    const keys = await range.primaryKeys();
    const chunks: (typeof keys)[] = [];
    for (let i = 0; i < keys.length; i += LOAD_CHUNK_PAGES) chunks.push(keys.slice(i, i + LOAD_CHUNK_PAGES));
    const damaged: PageDamage[] = [];
    const records: T[] = [];
    await Promise.all(
      chunks.map(async (chunk) => {
        const rows = await this.db.pages.bulkGet(chunk);
        const opened = await Promise.all(rows.map((row) => (row ? this.openPage(key, row) : null)));
        const chunkRecords: T[] = [];
        for (const [i, result] of opened.entries()) {
          if (result === null) continue;
          const page = rows[i]!.page;
          this.nextPage = Math.max(this.nextPage, page + 1);
          if ('reason' in result) {
            this.damaged.add(page);
            damaged.push(result);
            continue;
          }
          this.pages.set(page, result.records);
          for (const record of result.records) {
            this.pageOf.set(record.id, page);
            this.byId.set(record.id, record);
            chunkRecords.push(record);
          }
        }
        for (const record of chunkRecords) records.push(record);
        onRecords?.(chunkRecords);
      }),
    );
    damaged.sort((a, b) => a.page - b.page);
    return { records, damaged };
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

  /** Inserts or replaces records in one all-or-nothing IndexedDB transaction. */
  putMany(records: readonly T[]): Promise<void> {
    return this.enqueue(async () => {
      const next = new Map<number, T[]>();
      const placement = new Map<string, number>();
      const pageContent = (page: number): T[] => {
        let content = next.get(page);
        if (!content) {
          content = [...(this.pages.get(page) ?? [])];
          next.set(page, content);
        }
        return content;
      };
      let open: number | null = null;
      for (const record of records) {
        const existing = placement.get(record.id) ?? this.pageOf.get(record.id);
        if (existing !== undefined) {
          const content = pageContent(existing);
          const at = content.findIndex((r) => r.id === record.id);
          if (at >= 0) content[at] = record;
          else content.push(record);
          placement.set(record.id, existing);
          continue;
        }
        if (open === null || pageContent(open).length >= this.capacity) {
          open = this.pageWithRoom(next);
        }
        pageContent(open).push(record);
        placement.set(record.id, open);
      }
      await this.writePages(next);
      for (const [id, page] of placement) this.pageOf.set(id, page);
      for (const record of records) this.byId.set(record.id, record);
    });
  }

  put(record: T): Promise<void> {
    return this.putMany([record]);
  }

  /** Removes records; their page is re-sealed without them (a fresh IV: no old ciphertext stays). */
  deleteMany(ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      const next = new Map<number, T[]>();
      for (const id of ids) {
        const page = this.pageOf.get(id);
        if (page === undefined) continue;
        const content = next.get(page) ?? [...(this.pages.get(page) ?? [])];
        next.set(
          page,
          content.filter((r) => r.id !== id),
        );
      }
      await this.writePages(next);
      for (const id of ids) {
        this.pageOf.delete(id);
        this.byId.delete(id);
      }
    });
  }

  delete(id: string): Promise<void> {
    return this.deleteMany([id]);
  }

  /** Waits for queued writes, then forgets every decrypted record and the key. */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.pages.clear();
    this.pageOf.clear();
    this.byId.clear();
    this.damaged.clear();
    this.key = null;
  }

  private requireKey(): CryptoKey {
    if (!this.key) throw new Error('store is closed');
    return this.key;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
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

  /** Seals every changed page first (WebCrypto outside the transaction), then writes them together. */
  private async writePages(changed: Map<number, T[]>): Promise<void> {
    if (changed.size === 0) return;
    const key = this.requireKey();
    const writes = await Promise.all(
      [...changed].map(async ([page, records]): Promise<PageRow | number> => {
        if (this.damaged.has(page)) throw new Error('refusing to write over a damaged page');
        if (records.length === 0) return page;
        return sealPage(key, this.store, page, this.schemaVersion, records);
      }),
    );
    await this.db.transaction('rw', this.db.pages, async () => {
      for (const write of writes) {
        if (typeof write === 'number') await this.db.pages.delete([this.store, write]);
        else await this.db.pages.put(write);
      }
    });
    for (const [page, records] of changed) {
      if (records.length === 0) this.pages.delete(page);
      else this.pages.set(page, records);
    }
  }

  private aad(page: number, version: number): Uint8Array<ArrayBuffer> {
    return associatedData(this.store, String(page), version);
  }

  /**
   * Decrypts one page. Records inside an authenticated page are exactly what `writePages`
   * sealed after the repository validated them, so they are not parsed field by field again:
   * GCM's tag is the integrity check, and a shape check guards against our own bugs.
   */
  private async openPage(key: CryptoKey, row: PageRow): Promise<{ records: T[] } | PageDamage> {
    if (row.v > this.schemaVersion) return { page: row.page, reason: 'future_version' };
    let bytes: Uint8Array;
    try {
      bytes = await unseal(key, { iv: row.iv as Uint8Array<ArrayBuffer>, ct: row.ct as Uint8Array<ArrayBuffer> }, this.aad(row.page, row.v));
    } catch (error) {
      if (error instanceof IntegrityError) return { page: row.page, reason: 'integrity' };
      throw error;
    }
    try {
      const records: unknown = JSON.parse(decoder.decode(bytes));
      if (!Array.isArray(records) || !records.every((r) => typeof (r as { id?: unknown })?.id === 'string')) {
        return { page: row.page, reason: 'format' };
      }
      return { records: records as T[] };
    } catch {
      return { page: row.page, reason: 'format' };
    }
  }
}
