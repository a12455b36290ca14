import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { base64nopad } from '@scure/base';
import { Decrypter, Encrypter, Stanza, type Identity, type Recipient } from 'age-encryption';

/**
 * Backup files are age v1 files (https://age-encryption.org/v1) with exactly one recipient: a
 * passphrase through scrypt at work factor 18 — the only kind Debian's `age -d` asks a
 * passphrase for. Made and read with the `age-encryption` package; no post-quantum or plugin
 * stanzas, which older `age` builds cannot read.
 *
 * Writing then verifying a backup must not cost two scrypts (each is about a second): the
 * recipient below derives the scrypt key once, wraps the file key exactly as age's own scrypt
 * recipient does, and keeps the key so that the verification can unwrap the file's stanza with
 * it and then decrypt and check the whole payload. Everything else — restores, `kirjuri backup
 * verify`, `age -d` — derives the key from the passphrase as usual.
 */
export const SCRYPT_WORK_FACTOR = 18;
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
/** Readers refuse work factors above this (a planted file must not make us spend minutes). */
export const MAX_SCRYPT_WORK_FACTOR = 20;
const AGE_MAGIC = 'age-encryption.org/v1\n';

export type AgeProblem =
  /** Not an age file at all (another file was chosen). */
  | 'not_age'
  /** An age file, but not encrypted with a passphrase (a key file would be needed). */
  | 'not_passphrase'
  | 'wrong_passphrase'
  /** The scrypt work factor is above what we accept. */
  | 'work_factor_too_high'
  /** The header or the payload does not authenticate: cut short, damaged or tampered with. */
  | 'damaged';

export class AgeFileError extends Error {
  override readonly name = 'AgeFileError';
  constructor(readonly problem: AgeProblem) {
    super(`backup file: ${problem}`);
  }
}

/** age's scrypt: the passphrase and `label || salt`, N = 2^logN, r = 8, p = 1, 32 bytes. */
export function scryptKey(passphrase: string, salt: Uint8Array, logN: number): Uint8Array {
  const labelAndSalt = new Uint8Array(SCRYPT_LABEL.length + salt.length);
  labelAndSalt.set(new TextEncoder().encode(SCRYPT_LABEL));
  labelAndSalt.set(salt, SCRYPT_LABEL.length);
  return scrypt(passphrase, labelAndSalt, { N: 2 ** logN, r: 8, p: 1, dkLen: 32 });
}

/** age's scrypt recipient, remembering the derived key for the verification. */
class RememberingScryptRecipient implements Recipient {
  readonly salt = randomBytes(16);
  readonly key: Uint8Array;

  constructor(passphrase: string) {
    this.key = scryptKey(passphrase, this.salt, SCRYPT_WORK_FACTOR);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const body = chacha20poly1305(this.key, new Uint8Array(12)).encrypt(fileKey);
    return [new Stanza(['scrypt', base64nopad.encode(this.salt), String(SCRYPT_WORK_FACTOR)], body)];
  }
}

/** Unwraps the one scrypt stanza we wrote, with the key we derived for it. */
class KnownKeyIdentity implements Identity {
  constructor(private readonly recipient: RememberingScryptRecipient) {}

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    if (stanzas.length !== 1) throw new AgeFileError('damaged');
    const [stanza] = stanzas;
    const expectedSalt = base64nopad.encode(this.recipient.salt);
    if (stanza?.args[0] !== 'scrypt' || stanza.args[1] !== expectedSalt || stanza.args[2] !== String(SCRYPT_WORK_FACTOR)) {
      throw new AgeFileError('damaged');
    }
    try {
      return chacha20poly1305(this.recipient.key, new Uint8Array(12)).decrypt(stanza.body);
    } catch {
      throw new AgeFileError('damaged');
    }
  }
}

export interface SealedBackup {
  readonly bytes: Uint8Array;
  /**
   * Decrypts `bytes` read back from disk with this backup's own key (no second scrypt) and
   * returns the plaintext; throws `AgeFileError('damaged')` if anything differs.
   */
  readonly readBack: (bytes: Uint8Array) => Promise<string>;
}

/** Encrypts `text` into an age file under `passphrase` (scrypt, work factor 18, the only stanza). */
export async function encryptBackup(text: string, passphrase: string): Promise<SealedBackup> {
  const recipient = new RememberingScryptRecipient(passphrase);
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const bytes = await encrypter.encrypt(text);
  return {
    bytes,
    readBack: async (written) => {
      const decrypter = new Decrypter();
      decrypter.addIdentity(new KnownKeyIdentity(recipient));
      try {
        return await decrypter.decrypt(written, 'text');
      } catch (error) {
        if (error instanceof AgeFileError) throw error;
        throw new AgeFileError('damaged');
      }
    },
  };
}

/** What the header says, read without any passphrase (for a precise message before scrypt runs). */
export function inspectAgeHeader(bytes: Uint8Array): { readonly kind: 'scrypt'; readonly logN: number } | { readonly kind: 'other' } {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (!head.startsWith(AGE_MAGIC)) throw new AgeFileError('not_age');
  const stanzas = head
    .slice(AGE_MAGIC.length)
    .split('\n')
    .filter((line) => line.startsWith('-> '));
  const first = stanzas[0]?.slice(3).split(' ') ?? [];
  if (stanzas.length === 1 && first[0] === 'scrypt' && /^[1-9][0-9]*$/.test(first[2] ?? '')) return { kind: 'scrypt', logN: Number(first[2]) };
  return { kind: 'other' };
}

/**
 * Decrypts an age backup with a passphrase. Each failure is its own `AgeFileError` problem, told
 * apart before the expensive part where possible: not age, no passphrase stanza, a work factor too
 * high; then a wrong passphrase (the stanza does not open) versus a damaged file (it opens, but
 * the header MAC or a payload chunk does not authenticate, or the file is cut short).
 */
export interface DecryptOptions {
  /**
   * The scrypt to use; `scryptKey` unless a caller that decrypts the same file many times (the
   * corruption tests: a thousand damaged copies) passes a memoising wrapper of it.
   */
  readonly deriveKey?: (passphrase: string, salt: Uint8Array, logN: number) => Uint8Array;
}

export async function decryptBackup(bytes: Uint8Array, passphrase: string, options: DecryptOptions = {}): Promise<string> {
  const deriveKey = options.deriveKey ?? scryptKey;
  const header = inspectAgeHeader(bytes);
  if (header.kind !== 'scrypt') throw new AgeFileError('not_passphrase');
  if (header.logN > MAX_SCRYPT_WORK_FACTOR) throw new AgeFileError('work_factor_too_high');
  const decrypter = new Decrypter();
  decrypter.addIdentity({
    unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
      const [stanza] = stanzas;
      if (stanzas.length !== 1 || stanza?.args[0] !== 'scrypt' || stanza.args.length !== 3) throw new AgeFileError('not_passphrase');
      let salt: Uint8Array;
      try {
        salt = base64nopad.decode(stanza.args[1] ?? '');
      } catch {
        throw new AgeFileError('damaged');
      }
      if (salt.length !== 16 || stanza.body.length !== 32) throw new AgeFileError('damaged');
      const key = deriveKey(passphrase, salt, Number(stanza.args[2]));
      try {
        return chacha20poly1305(key, new Uint8Array(12)).decrypt(stanza.body);
      } catch {
        throw new AgeFileError('wrong_passphrase');
      }
    },
  });
  try {
    return await decrypter.decrypt(bytes, 'text');
  } catch (error) {
    if (error instanceof AgeFileError) throw error;
    // The header would not parse, its MAC or a payload chunk did not authenticate, or the file
    // ends early: with the passphrase right (the stanza opened) or not, the file is damaged.
    throw new AgeFileError('damaged');
  }
}
