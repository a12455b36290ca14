import { z } from 'zod';
import { ColumnMappingSchema, fitMapping, type ColumnMapping } from '../../../../shared/domain/csv-import';
import type { KirjuriDatabase } from '../../db/database';
import { SealedPageStore } from '../../db/sealed-page-store';

/**
 * Column mappings the owner used, remembered by the file's header signature, with the booking
 * system's name: the next export of the same system is mapped the same way at once. They hold no
 * customer data, but header names and system names are the salon's business, so they are sealed
 * in the register like everything else (a store of their own, `import-mappings`).
 */
export const IMPORT_MAPPING_STORE = 'import-mappings';
const IMPORT_MAPPING_VERSION = 1;
/** Mappings kept; the oldest goes when a new one would exceed this. */
export const MAX_REMEMBERED_MAPPINGS = 20;
/** Signatures longer than this (hundreds of long headers) are not worth remembering. */
const MAX_SIGNATURE_LENGTH = 10_000;

const RememberedMappingSchema = z.object({
  id: z.string().min(1).max(MAX_SIGNATURE_LENGTH),
  mapping: ColumnMappingSchema,
  systemName: z.string().max(100),
  savedAt: z.number().int().nonnegative(),
});
type RememberedMapping = z.infer<typeof RememberedMappingSchema>;

export interface Recalled {
  readonly mapping: ColumnMapping;
  readonly systemName: string;
}

export class ImportMappingMemory {
  private constructor(private readonly store: SealedPageStore<RememberedMapping>) {}

  /** Decrypts the remembered mappings (a damaged page just means nothing is remembered). */
  static async open(db: KirjuriDatabase, dataKey: CryptoKey): Promise<ImportMappingMemory> {
    const store = new SealedPageStore<RememberedMapping>(db, dataKey, {
      store: IMPORT_MAPPING_STORE,
      schemaVersion: IMPORT_MAPPING_VERSION,
      capacity: MAX_REMEMBERED_MAPPINGS,
    });
    await store.load();
    return new ImportMappingMemory(store);
  }

  /** The mapping last used for files with this signature, fitted to `columnCount` columns. */
  recall(signature: string, columnCount: number): Recalled | null {
    const parsed = RememberedMappingSchema.safeParse(this.store.get(signature));
    if (!parsed.success) return null;
    return { mapping: fitMapping(parsed.data.mapping, columnCount), systemName: parsed.data.systemName };
  }

  /** The system name of the most recent import, to offer for a file of a new format. */
  lastSystemName(): string {
    let latest: RememberedMapping | null = null;
    for (const record of this.store.values()) if (latest === null || record.savedAt > latest.savedAt) latest = record;
    return latest?.systemName ?? '';
  }

  /** Remembers a mapping that was used for an import; forgets the oldest beyond the limit. */
  async remember(signature: string, mapping: ColumnMapping, systemName: string, now = Date.now()): Promise<void> {
    const record = RememberedMappingSchema.safeParse({ id: signature, mapping, systemName: systemName.trim(), savedAt: now });
    if (!record.success) return;
    await this.store.put(record.data);
    const surplus = [...this.store.values()].sort((a, b) => b.savedAt - a.savedAt).slice(MAX_REMEMBERED_MAPPINGS);
    if (surplus.length > 0) await this.store.deleteMany(surplus.map((old) => old.id));
  }

  /** Seals what changed and drops the key reference (the screen closed or the register locked). */
  close(): Promise<void> {
    return this.store.close();
  }
}
