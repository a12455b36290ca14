import { Dexie } from 'dexie';

/**
 * Rows as they lie in IndexedDB. Only what queries need (opaque ids, page numbers, schema
 * versions) is in clear; every byte of customer data is inside `PageRow.ct`. Key slots and users
 * live with main (vault.json): the renderer only ever holds the data key of a signed-in session.
 */

/** Which vault (data key) these pages belong to; a mismatch means the key file is not theirs. */
export interface MetaRow {
  id: 'vault';
  vaultId: string;
  createdAt: number;
}

/** One encrypted page: many records of one store sealed together (see ARCHITECTURE.md). */
export interface PageRow {
  store: string;
  page: number;
  /** Schema version of the records inside; also bound into the AAD. */
  v: number;
  iv: Uint8Array;
  ct: Uint8Array;
}

export const DATABASE_NAME = 'kirjuri';

export class KirjuriDatabase extends Dexie {
  meta!: Dexie.Table<MetaRow, 'vault'>;
  pages!: Dexie.Table<PageRow, [string, number]>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: Chromium's default ("relaxed") acknowledges a write before it reaches
    // the disk, so a power cut could lose a customer the receptionist saw as saved.
    super(name, { chromeTransactionDurability: 'strict' });
    // Numbered migrations. A released version is never edited; add a new one below it.
    this.version(1).stores({
      meta: 'id',
      pages: '[store+page]',
    });
  }
}
