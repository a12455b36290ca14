import { generateDataKey, toBytes } from './crypto';
import type { KeySlotRow, KirjuriDatabase, PageRow, VaultMetaRow, VaultUser } from './database';
import { deriveWrappingKey, KdfParamsSchema, newKdfParams, PBKDF2_DEFAULT_ITERATIONS } from './kdf';

/**
 * The vault: one random AES-256-GCM data key encrypts everything; each user's key slot holds it
 * wrapped (AES-KW) under a key derived from that user's passphrase. Changing a passphrase
 * re-wraps the data key; the data is never re-encrypted. In a session the data key is a
 * non-extractable CryptoKey: script running in the page cannot read its bytes.
 */
export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
}
export class VaultExistsError extends Error {
  override readonly name = 'VaultExistsError';
}
export class UserUnavailableError extends Error {
  override readonly name = 'UserUnavailableError';
}

export interface VaultSession {
  dataKey: CryptoKey;
  user: VaultUser;
}

export interface CreateVaultInput {
  businessName: string;
  ownerName: string;
  passphrase: string;
  /** For tests and calibration only; never below the floor (the KDF refuses it). */
  iterations?: number;
  now?: number;
}

const SESSION_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

export function readVaultMeta(db: KirjuriDatabase): Promise<VaultMetaRow | undefined> {
  return db.meta.get('vault');
}

/**
 * Creates the vault. `initialPages` seals records that must exist from the first moment (the
 * business settings) with the new key; they are written in the same transaction as the key
 * slot, so setup either completes in full or leaves the database empty.
 */
export async function createVault(
  db: KirjuriDatabase,
  input: CreateVaultInput,
  initialPages: (dataKey: CryptoKey) => Promise<PageRow[]> = () => Promise.resolve([]),
): Promise<VaultSession> {
  if (await readVaultMeta(db)) throw new VaultExistsError('a vault already exists');
  const now = input.now ?? Date.now();
  const owner: VaultUser = { id: crypto.randomUUID(), name: input.ownerName, role: 'owner', disabled: false };
  const extractableKey = await generateDataKey();
  const slot = await wrapIntoSlot(extractableKey, owner.id, input.passphrase, input.iterations, now);
  const meta: VaultMetaRow = { id: 'vault', formatVersion: 1, createdAt: now, businessName: input.businessName, users: [owner] };
  // Unwrapping the slot we are about to store proves it works and gives the session a
  // non-extractable copy; the extractable key goes out of scope here.
  const dataKey = await unwrapSlot(slot, input.passphrase);
  const pages = await initialPages(dataKey);
  await db.transaction('rw', db.meta, db.keySlots, db.pages, async () => {
    if (await db.meta.get('vault')) throw new VaultExistsError('a vault already exists');
    await db.meta.put(meta);
    await db.keySlots.put(slot);
    await db.pages.bulkPut(pages);
  });
  return { dataKey, user: owner };
}

export async function unlockVault(db: KirjuriDatabase, userId: string, passphrase: string): Promise<VaultSession> {
  const meta = await readVaultMeta(db);
  const user = meta?.users.find((u) => u.id === userId);
  if (!user || user.disabled) throw new UserUnavailableError('no such active user');
  const slots = await db.keySlots.where('userId').equals(userId).toArray();
  for (const slot of slots) {
    try {
      return { dataKey: await unwrapSlot(slot, passphrase), user };
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
    }
  }
  throw new WrongPassphraseError('passphrase does not open any key slot of this user');
}

async function wrapIntoSlot(
  dataKey: CryptoKey,
  userId: string,
  passphrase: string,
  iterations = PBKDF2_DEFAULT_ITERATIONS,
  now: number,
): Promise<KeySlotRow> {
  const kdf = newKdfParams(iterations);
  const wrappingKey = await deriveWrappingKey(passphrase, kdf);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, 'AES-KW');
  return { id: crypto.randomUUID(), userId, kind: 'passphrase', kdf, wrappedKey: new Uint8Array(wrapped), createdAt: now };
}

/** Unwraps a slot's data key as non-extractable. Throws KdfDowngradeError for weak parameters. */
async function unwrapSlot(slot: KeySlotRow, passphrase: string): Promise<CryptoKey> {
  const kdf = KdfParamsSchema.parse({ ...slot.kdf, salt: toBytes(slot.kdf.salt) });
  const wrappingKey = await deriveWrappingKey(passphrase, kdf);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      toBytes(slot.wrappedKey),
      wrappingKey,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      false,
      SESSION_KEY_USAGES,
    );
  } catch {
    // AES-KW's integrity check fails for a wrong wrapping key: no false accepts.
    throw new WrongPassphraseError('unwrap failed');
  }
}
