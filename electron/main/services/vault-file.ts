import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { KDF_SALT_BYTES, WRAPPED_KEY_BYTES, type KdfParams, type WrappedDataKey } from '../../../shared/crypto/key-slots';
import { DEFAULT_RETENTION_REVIEW_MONTHS, RetentionReviewMonthsSchema } from '../../../shared/schemas/retention';
import { AutoLockMinutesSchema, RoleSchema, UserIdSchema } from '../../../shared/schemas/users';
import { HandlerError } from '../ipc/handler-error';
import { atomicWriteFile, type AtomicWriteFs } from './atomic-write';

/**
 * `vault.json`: who may open the register and with what. It holds the users (names and roles,
 * which the sign-in screen shows before anyone has signed in), their key slots (the data key
 * wrapped under each passphrase and under the recovery key), the lockout counters and the
 * auto-lock setting. It holds no customer data and no key in clear.
 *
 * The file is main's, written atomically with mode 0600 and parsed with zod on every read. A file
 * that does not parse is an error (`io_failed`), never "no vault": offering setup over a damaged
 * vault would write a new data key and orphan every record encrypted with the old one.
 */
export const VAULT_FILE_NAME = 'vault.json';
export const VAULT_FORMAT_VERSION = 1;
/** The `owner` of the recovery-key slot (a user id can never take this value). */
export const RECOVERY_SLOT_OWNER = 'recovery';

/** Canonical base64 of exactly `bytes` bytes (re-encoding must give the same text). */
const base64Of = (bytes: number) =>
  z.string().refine((text) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
    const decoded = Buffer.from(text, 'base64');
    return decoded.length === bytes && decoded.toString('base64') === text;
  }, 'base64 of the wrong size');

const EpochMs = z.number().int().nonnegative();

export const LockoutRecordSchema = z.object({
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: EpochMs.nullable(),
});

export const VaultUserRecordSchema = z.object({
  id: UserIdSchema.refine((id) => id !== RECOVERY_SLOT_OWNER, 'reserved id'),
  name: z.string().min(1).max(100),
  role: RoleSchema,
  disabled: z.boolean(),
  mustChangePassphrase: z.boolean(),
  createdAt: EpochMs,
  lockout: LockoutRecordSchema,
});
export type VaultUserRecord = z.infer<typeof VaultUserRecordSchema>;

// Range checks (floors, ceilings) happen at unlock, so a weak slot is reported, not a crash.
const Count = z.number().int().positive();
const Salt = base64Of(KDF_SALT_BYTES);
export const KdfRecordSchema = z.discriminatedUnion('alg', [
  z.object({ alg: z.literal('argon2id'), memoryKiB: Count, passes: Count, parallelism: Count, salt: Salt }),
  z.object({ alg: z.literal('pbkdf2-sha256'), iterations: Count, salt: Salt }),
]);

export const KeySlotRecordSchema = z.object({
  id: z.string().min(1).max(64),
  /** A user id, or `recovery` for the recovery-key slot. */
  owner: z.string().min(1).max(64),
  kdf: KdfRecordSchema,
  wrappedKey: base64Of(WRAPPED_KEY_BYTES),
  createdAt: EpochMs,
});
export type KeySlotRecord = z.infer<typeof KeySlotRecordSchema>;

export const VaultSettingsSchema = z.object({
  autoLockMinutes: AutoLockMinutesSchema,
  // Added after format 1 was first written: a file without it reads as "off".
  healthNotesEnabled: z.boolean().default(false),
  csvSeparator: z.enum([';', ',']).default(';'),
  // Added with the retention review (issue 7): a file written before reads as the default policy.
  // A value outside the choices is refused like any other damage, never silently replaced.
  retentionReviewMonths: RetentionReviewMonthsSchema.default(DEFAULT_RETENTION_REVIEW_MONTHS),
});
export type VaultSettings = z.infer<typeof VaultSettingsSchema>;

export const VaultDocumentSchema = z
  .object({
    formatVersion: z.literal(VAULT_FORMAT_VERSION),
    vaultId: z.string().min(1).max(64),
    createdAt: EpochMs,
    businessName: z.string().min(1).max(120),
    users: z.array(VaultUserRecordSchema).min(1),
    slots: z.array(KeySlotRecordSchema).min(1),
    settings: VaultSettingsSchema,
    /** Brute-force friction of the recovery key, like a user's. */
    recoveryLockout: LockoutRecordSchema,
  })
  .superRefine((vault, ctx) => {
    const userIds = new Set(vault.users.map((user) => user.id));
    if (userIds.size !== vault.users.length) ctx.addIssue({ code: 'custom', message: 'duplicate user id' });
    if (new Set(vault.slots.map((slot) => slot.id)).size !== vault.slots.length) {
      ctx.addIssue({ code: 'custom', message: 'duplicate slot id' });
    }
    for (const slot of vault.slots) {
      if (slot.owner !== RECOVERY_SLOT_OWNER && !userIds.has(slot.owner)) {
        ctx.addIssue({ code: 'custom', message: 'slot of an unknown user' });
      }
    }
  });
export type VaultDocument = z.infer<typeof VaultDocumentSchema>;

export type VaultFileProblem = 'unreadable' | 'not_json' | 'unsupported_version' | 'invalid';

/**
 * The vault file exists but cannot be used. Crosses IPC as `io_failed`; `problem` is for the log.
 */
export class VaultFileError extends HandlerError {
  readonly problem: VaultFileProblem;

  constructor(problem: VaultFileProblem, options?: ErrorOptions) {
    super('io_failed', `vault file ${problem}`, options);
    this.problem = problem;
  }
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** Reads and validates the vault; null only when the file does not exist. */
export async function readVaultFile(filePath: string): Promise<VaultDocument | null> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new VaultFileError('unreadable', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultFileError('not_json');
  }
  if (typeof json === 'object' && json !== null && 'formatVersion' in json && json.formatVersion !== VAULT_FORMAT_VERSION) {
    throw new VaultFileError('unsupported_version');
  }
  const parsed = VaultDocumentSchema.safeParse(json);
  if (!parsed.success) throw new VaultFileError('invalid');
  return parsed.data;
}

/** Writes the vault atomically (temp file, fsync, rename, fsync dir) with mode 0600. */
export async function writeVaultFile(filePath: string, vault: VaultDocument, fs?: AtomicWriteFs): Promise<void> {
  // Parsed before writing: main must never write a file it would refuse to read.
  const checked = VaultDocumentSchema.parse(vault);
  await atomicWriteFile(filePath, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600, ...(fs ? { fs } : {}) });
}

/** A slot record's bytes for the crypto layer. */
export function slotKeyMaterial(slot: KeySlotRecord): WrappedDataKey {
  const kdf: KdfParams = { ...slot.kdf, salt: toBytes(slot.kdf.salt) };
  return { kdf, wrappedKey: toBytes(slot.wrappedKey) };
}

/** A slot record from freshly wrapped key material. */
export function slotRecord(id: string, owner: string, material: WrappedDataKey, createdAt: number): KeySlotRecord {
  return { id, owner, kdf: { ...material.kdf, salt: toBase64(material.kdf.salt) }, wrappedKey: toBase64(material.wrappedKey), createdAt };
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function toBytes(base64: string): Uint8Array<ArrayBuffer> {
  const decoded = Buffer.from(base64, 'base64');
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return bytes;
}
