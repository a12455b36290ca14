import { z } from 'zod';
import { AppointmentSchema, ServiceSchema } from '../schemas/appointment';
import { CustomerSchema } from '../schemas/customer';
import { DisclosureSchema } from '../schemas/disclosure';
import { GdprRequestSchema } from '../schemas/gdpr-request';
import { PrivacyFlagsRecordSchema, PrivacyNoticeVersionSchema, RequestAttachmentSchema } from '../schemas/privacy-records';
import { RetentionDecisionSchema } from '../schemas/retention';

/**
 * The backup document (docs/backup-format.md): one JSON document, inside one age file, that holds
 * the whole register in decrypted, open form, so that it can be read for decades with the
 * standard `age` tool and any JSON reader. No key slots and no passphrase material are in it.
 *
 * Integrity inside the document: the manifest lists, per table, the number of records and the
 * SHA-256 of the table's canonical JSON (keys sorted, no whitespace). A restore checks both before
 * anything changes. (The age file's own authentication already proves the bytes are as written;
 * the manifest additionally catches a document that was decrypted, edited and re-encrypted, and
 * our own bugs.)
 */
export const BACKUP_FORMAT = 'kirjuri-backup';
/** Bumped only for changes old readers cannot read; new optional tables do not bump it. */
export const BACKUP_FORMAT_VERSION = 1;

/** One erased person: enough to prove the erasure and to keep them from coming back, nothing more. */
export const ErasureEntrySchema = z.object({
  customerId: z.string().min(1).max(64),
  erasedAt: z.number().int().nonnegative(),
  erasedBy: z.string().min(1).max(64).nullable(),
  /** The GDPR request the erasure answered, when there was one. */
  requestId: z.string().min(1).max(64).nullable(),
  /** `M*** V***`: shows which erasure this was, without the name. */
  maskedName: z.string().max(40),
});
export type ErasureEntry = z.infer<typeof ErasureEntrySchema>;

/** The tables of the first release of format version 1: every document has them. */
const FIRST_TABLES = {
  customers: CustomerSchema,
  services: ServiceSchema,
  appointments: AppointmentSchema,
  erasureLedger: ErasureEntrySchema,
} as const;

/**
 * Tables added since (issue 7: the GDPR records). A document written before them simply has
 * none; callers that have none of these records may leave them out (`BackupTables`).
 * Attachments carry their bytes as base64.
 */
const ADDED_TABLES = {
  gdprRequests: GdprRequestSchema,
  requestAttachments: RequestAttachmentSchema,
  disclosures: DisclosureSchema,
  retentionDecisions: RetentionDecisionSchema,
  privacyFlags: PrivacyFlagsRecordSchema,
  privacyNotices: PrivacyNoticeVersionSchema,
} as const;

/**
 * The tables a backup holds, each with the schema its records must pass on restore. Adding a
 * table is backwards compatible (an older file simply has none of it); changing a record's
 * shape is a new schema version of that table (`schemaVersions`).
 */
export const BACKUP_TABLES = { ...FIRST_TABLES, ...ADDED_TABLES } as const;
export type BackupTableName = keyof typeof BACKUP_TABLES;
export type AddedBackupTableName = keyof typeof ADDED_TABLES;
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTableName[];
export const ADDED_BACKUP_TABLE_NAMES = Object.keys(ADDED_TABLES) as AddedBackupTableName[];
type Rows<T extends BackupTableName> = z.infer<(typeof BACKUP_TABLES)[T]>[];
/** Every table, as a checked document and a register's snapshot have them. */
export type CompleteBackupTables = { [T in BackupTableName]: Rows<T> };
/** What a backup can be made from or restored: the added tables may be missing (none of them). */
export type BackupTables = { [T in keyof typeof FIRST_TABLES]: Rows<T> } & { [T in AddedBackupTableName]?: Rows<T> };

/** The tables with every added table that is missing as an empty one. */
export function completeTables(tables: BackupTables): CompleteBackupTables {
  const complete = { ...tables } as Record<string, unknown[]>;
  for (const name of ADDED_BACKUP_TABLE_NAMES) complete[name] ??= [];
  return complete as CompleteBackupTables;
}

/** Schema version of each table's records in this app version. */
export const TABLE_SCHEMA_VERSIONS: Record<BackupTableName, number> = {
  customers: 2,
  services: 1,
  appointments: 1,
  erasureLedger: 1,
  gdprRequests: 1,
  requestAttachments: 1,
  disclosures: 1,
  retentionDecisions: 1,
  privacyFlags: 1,
  privacyNotices: 1,
};

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const ManifestEntrySchema = z.object({ count: z.number().int().nonnegative(), sha256: Sha256Hex });
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type Manifest = Record<BackupTableName, ManifestEntry>;

/** The parts of the document outside the tables; `settings` is the register's own (business, etc.). */
export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(40),
  createdAt: z.string().datetime(),
  schemaVersions: z.record(z.string(), z.number().int().positive()),
  manifest: z.record(z.string(), ManifestEntrySchema),
  settings: z.record(z.string(), z.unknown()),
});

export interface BackupDocument {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly appVersion: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly schemaVersions: Record<BackupTableName, number>;
  readonly manifest: Manifest;
  /** Business details and register settings, as the app keeps them. */
  readonly settings: Record<string, unknown>;
  readonly tables: CompleteBackupTables;
}

/** JSON with object keys sorted at every level and no whitespace: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return canonical(value, undefined);
}

function canonical(value: unknown, known: WeakMap<object, string> | undefined): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // `undefined`, functions and symbols have no JSON form; a record never holds them.
    if (text === undefined) throw new TypeError('value has no JSON form');
    return text;
  }
  const seen = known?.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null, known)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key], known)}`);
  return `{${entries.join(',')}}`;
}


const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a table's canonical JSON (WebCrypto: the same in main, the renderer and the CLI). */
export async function tableChecksum(records: readonly unknown[]): Promise<string> {
  return textChecksum(canonicalJson(records));
}

const textChecksum = async (text: string): Promise<string> => hex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

export async function computeManifest(tables: BackupTables): Promise<Manifest> {
  const complete = completeTables(tables);
  const entries = await Promise.all(
    BACKUP_TABLE_NAMES.map(async (name) => [name, { count: complete[name].length, sha256: await tableChecksum(complete[name]) }] as const),
  );
  return Object.fromEntries(entries) as Manifest;
}

export interface BuildBackupInput {
  readonly appVersion: string;
  readonly createdAt: Date;
  readonly settings: Record<string, unknown>;
  readonly tables: BackupTables;
}

/** The document for `tables`, manifest included. */
export async function buildBackupDocument(input: BuildBackupInput): Promise<BackupDocument> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    createdAt: input.createdAt.toISOString(),
    schemaVersions: { ...TABLE_SCHEMA_VERSIONS },
    manifest: await computeManifest(input.tables),
    settings: input.settings,
    tables: completeTables(input.tables),
  };
}

/** The document as written into the age file: canonical JSON, so its checksums can be recomputed by anyone. */
export const serialiseBackupDocument = (document: BackupDocument): string => canonicalJson(document);

/**
 * The document for `tables` and its text at once, serialising each table only once: the text a
 * table's checksum is taken from is the text written into the document (a backup's largest cost
 * after scrypt is this serialisation; docs/performance.md). The document holds frozen copies of
 * the table arrays, texts made from them before anything else runs: a caller changing its own
 * arrays afterwards cannot make the text and the document differ. (Records are not copied; like
 * every backup input they must not be changed while a backup is made.)
 */
export async function buildBackupText(input: BuildBackupInput): Promise<{ document: BackupDocument; text: string }> {
  const given = completeTables(input.tables);
  const tables = Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, Object.freeze([...given[name]])])) as unknown as CompleteBackupTables;
  const texts = new Map<object, string>(BACKUP_TABLE_NAMES.map((name) => [tables[name], canonicalJson(tables[name])]));
  const entries = await Promise.all(BACKUP_TABLE_NAMES.map(async (name) => [name, { count: tables[name].length, sha256: await textChecksum(texts.get(tables[name])!) }] as const));
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    createdAt: input.createdAt.toISOString(),
    schemaVersions: { ...TABLE_SCHEMA_VERSIONS },
    manifest: Object.fromEntries(entries) as Manifest,
    settings: input.settings,
    tables,
  };
  const known = new WeakMap<object, string>();
  for (const [table, text] of texts) known.set(table, text);
  return { document, text: canonical(document, known) };
}

/** Why a decrypted document cannot be restored; each gets its own message in the UI and the CLI. */
export type BackupProblem =
  | { readonly kind: 'not_json' }
  | { readonly kind: 'not_kirjuri' }
  | { readonly kind: 'future_version'; readonly formatVersion: number }
  | { readonly kind: 'future_schema'; readonly table: string }
  | { readonly kind: 'manifest_mismatch'; readonly table: string }
  | { readonly kind: 'invalid_record'; readonly table: string; readonly index: number };

export type BackupCheck = { readonly ok: true; readonly document: BackupDocument } | { readonly ok: false; readonly problem: BackupProblem };

/**
 * Parses and checks a decrypted document, in the order a person would want to hear about
 * problems: not JSON, not ours, too new, manifest wrong (counts or checksums), a record that does
 * not pass its schema. Never throws; never returns half a document.
 */
export async function checkBackupDocument(text: string): Promise<BackupCheck> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not_json' } };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { kind: 'not_kirjuri' } };
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    return { ok: false, problem: { kind: 'future_version', formatVersion: version } };
  }
  const header = BackupHeaderSchema.safeParse(json);
  const rawTables = (json as { tables?: unknown }).tables;
  if (!header.success || typeof rawTables !== 'object' || rawTables === null) return { ok: false, problem: { kind: 'not_kirjuri' } };
  for (const name of BACKUP_TABLE_NAMES) {
    const theirs = header.data.schemaVersions[name];
    if (theirs !== undefined && theirs > TABLE_SCHEMA_VERSIONS[name]) return { ok: false, problem: { kind: 'future_schema', table: name } };
  }
  // Every table's manifest entry first, then the records: a damaged or edited file is reported as
  // such, wherever its first invalid record happens to be.
  const rawRecords = {} as Record<BackupTableName, unknown[]>;
  for (const name of BACKUP_TABLE_NAMES) {
    const records = (rawTables as Record<string, unknown>)[name] ?? [];
    const entry = header.data.manifest[name];
    // A table the file's version did not have is simply empty; one it lists must match exactly.
    if (!Array.isArray(records) || (entry === undefined && records.length > 0)) return { ok: false, problem: { kind: 'manifest_mismatch', table: name } };
    if (entry !== undefined && (entry.count !== records.length || entry.sha256 !== (await checksumOrNull(records)))) {
      return { ok: false, problem: { kind: 'manifest_mismatch', table: name } };
    }
    rawRecords[name] = records;
  }
  const tables = {} as Record<BackupTableName, unknown[]>;
  for (const name of BACKUP_TABLE_NAMES) {
    const schema = BACKUP_TABLES[name];
    const parsed: unknown[] = [];
    for (const [index, record] of rawRecords[name].entries()) {
      const result = schema.safeParse(record);
      if (!result.success) return { ok: false, problem: { kind: 'invalid_record', table: name, index } };
      parsed.push(result.data);
    }
    tables[name] = parsed;
  }
  return {
    ok: true,
    document: {
      format: BACKUP_FORMAT,
      formatVersion: header.data.formatVersion,
      appVersion: header.data.appVersion,
      createdAt: header.data.createdAt,
      schemaVersions: { ...TABLE_SCHEMA_VERSIONS, ...header.data.schemaVersions },
      manifest: header.data.manifest as Manifest,
      settings: header.data.settings,
      tables: tables as CompleteBackupTables,
    },
  };
}

/**
 * The checksum of records read from a file, or null when they cannot be checksummed: JSON nested
 * deeper than the stack (a planted file) must come out as a mismatch, not as a thrown RangeError.
 */
async function checksumOrNull(records: readonly unknown[]): Promise<string | null> {
  try {
    return await tableChecksum(records);
  } catch {
    return null;
  }
}

/** Counts per table, for previews and history (no personal data). */
export function backupCounts(document: { readonly tables: BackupTables }): Record<BackupTableName, number> {
  const tables = completeTables(document.tables);
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, tables[name].length])) as Record<BackupTableName, number>;
}
