import { Dexie, type EntityTable } from 'dexie';
import type { KdfParams } from './kdf';

/**
 * Rows as they lie in IndexedDB. Only what must be readable before unlock (vault metadata, key
 * slots) or what queries need (opaque ids, page numbers, schema versions) is in clear; every
 * byte of customer data is inside `PageRow.ct`.
 */

/** Vault metadata, readable before unlock: the sign-in screen needs the business and user names. */
export interface VaultMetaRow {
  id: 'vault';
  formatVersion: 1;
  createdAt: number;
  businessName: string;
  users: VaultUser[];
}

export interface VaultUser {
  id: string;
  name: string;
  role: 'owner' | 'receptionist';
  disabled: boolean;
}

/** The data key wrapped under one user's passphrase (LUKS-style key slot). */
export interface KeySlotRow {
  id: string;
  userId: string;
  kind: 'passphrase';
  kdf: KdfParams;
  /** AES-KW(wrapping key, data key): 40 bytes; unwrapping fails on a wrong passphrase. */
  wrappedKey: Uint8Array;
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
  meta!: EntityTable<VaultMetaRow, 'id'>;
  keySlots!: EntityTable<KeySlotRow, 'id'>;
  pages!: Dexie.Table<PageRow, [string, number]>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: Chromium's default ("relaxed") acknowledges a write before it reaches
    // the disk, so a power cut could lose a customer the receptionist saw as saved.
    super(name, { chromeTransactionDurability: 'strict' });
    // Numbered migrations. A released version is never edited; add a new one below it.
    this.version(1).stores({
      meta: 'id',
      keySlots: 'id, userId',
      pages: '[store+page]',
    });
  }
}
