import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { associatedData, toBytes, unseal } from '../../renderer/src/db/crypto';
import type { KirjuriDatabase, PageRow } from '../../renderer/src/db/database';

/**
 * Looking at IndexedDB from outside the data layer, for tests: the raw rows as an observer of
 * the disk would see them, every row decrypted with the key (what an attacker holding the key
 * would see), exact snapshots of the table, and a way to make a write fail inside a transaction.
 */

/** Every value of a row as text; byte fields as UTF-8, Latin-1 and UTF-16 so nothing hides in them. */
export function rawText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')].join('\n');
  }
  if (Array.isArray(value)) return value.map(rawText).join('\n');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}\n${rawText(v)}`).join('\n');
  return '';
}

/** A value in every form a careless copy could take: case, NFC/NFD, accents stripped, phone digits. */
export function variants(value: string): string[] {
  const base = [value, value.toLowerCase(), value.toUpperCase()];
  const forms = base.flatMap((v) => [v.normalize('NFC'), v.normalize('NFD'), v.normalize('NFD').replace(/\p{M}/gu, '')]);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 6) forms.push(digits, digits.slice(-7), `0${digits.slice(3)}`);
  return [...new Set(forms)].filter((v) => v.length >= 4);
}

/** The whole database as raw text, decrypting nothing. */
export async function rawDump(db: KirjuriDatabase): Promise<string> {
  return [rawText(await db.meta.toArray()), rawText(await db.pages.toArray())].join('\n');
}

export interface OpenedRow {
  store: string;
  page: number;
  v: number;
  plaintext: string;
}

/** Decrypts every row of `pages` with the key and its own AAD; a row that does not open throws. */
export async function decryptAll(db: KirjuriDatabase, key: CryptoKey): Promise<OpenedRow[]> {
  const rows = await db.pages.toArray();
  return Promise.all(
    rows.map(async (row) => {
      const bytes = await unseal(key, { iv: toBytes(row.iv), ct: toBytes(row.ct) }, associatedData(row.store, String(row.page), row.v));
      return { store: row.store, page: row.page, v: row.v, plaintext: new TextDecoder().decode(bytes) };
    }),
  );
}

/** The `pages` table exactly (bytes as hex), in key order: equal snapshots mean an identical disk. */
export async function pagesSnapshot(db: KirjuriDatabase): Promise<{ store: string; page: number; v: number; iv: string; ct: string }[]> {
  const rows: PageRow[] = await db.pages.toArray();
  return rows.map((row) => ({
    store: row.store,
    page: row.page,
    v: row.v,
    iv: Buffer.from(toBytes(row.iv)).toString('hex'),
    ct: Buffer.from(toBytes(row.ct)).toString('hex'),
  }));
}

/** Rows of one store (e.g. `customers.log`). */
export function rowsOf(db: KirjuriDatabase, store: string): Promise<PageRow[]> {
  return db.pages.where('[store+page]').between([store, -Infinity], [store, Infinity]).toArray();
}

export interface WriteFaults {
  /** Fails the next write request that `matches`, inside whatever transaction it runs in. */
  failNext(matches: (request: DBCoreMutateRequest) => boolean): void;
  /** How many requests were failed so far. */
  readonly failed: number;
  /** Every mutate request seen on `pages`, by type, since the database opened. */
  readonly seen: readonly DBCoreMutateRequest['type'][];
}

/**
 * Installs a Dexie DBCore middleware (before the database opens) that can make one write fail
 * inside its transaction, as a full disk or a crash of the IndexedDB backend would: the
 * transaction aborts and IndexedDB rolls back whatever it already did. Nothing else is changed.
 */
export function injectWriteFaults(db: KirjuriDatabase): WriteFaults {
  let pending: ((request: DBCoreMutateRequest) => boolean) | null = null;
  let failed = 0;
  const seen: DBCoreMutateRequest['type'][] = [];
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-write-faults',
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const table = down.table(name);
        if (name !== 'pages') return table;
        return {
          ...table,
          mutate: (request) => {
            seen.push(request.type);
            if (pending?.(request)) {
              pending = null;
              failed += 1;
              return Promise.reject(new Error('injected write failure'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  if (db.isOpen()) throw new Error('install write faults before the database opens');
  db.use(middleware);
  return {
    failNext: (matches) => {
      pending = matches;
    },
    get failed() {
      return failed;
    },
    seen,
  };
}
