import { argon2id } from 'hash-wasm';

/**
 * Key slots: the random data key wrapped (AES-KW, RFC 3394) under a key derived from a secret
 * (a user's passphrase or the recovery key). Pure WebCrypto through `globalThis.crypto`, plus
 * hash-wasm for Argon2id, so the same code runs in the main process (Node 20 / Electron) and in a
 * benchmark page. The app's renderer never imports it: its CSP has no `'wasm-unsafe-eval'`, and
 * it never needs a KDF, because main opens the slots.
 *
 * Why these choices (docs/security.md, research K1–K2):
 * - New slots use **Argon2id, 64 MiB, 3 passes, 4 lanes** (Bitwarden's default; above OWASP's
 *   19 MiB / 2 minimum). It is memory-hard: a guessing rig pays 64 MiB per guess, where PBKDF2
 *   costs it only compute that GPUs have plenty of. It runs in main, so the renderer's CSP can
 *   stay free of WebAssembly.
 * - **PBKDF2-HMAC-SHA256 at ≥ 600,000 iterations** (OWASP, Bitwarden's floor) is still accepted:
 *   it is WebCrypto-native, and vaults created before Argon2id have it. A slot weaker than the
 *   current default is re-wrapped at the next successful sign-in.
 * - Parameters are stored with each slot, so they can be raised later without re-encrypting.
 * - AES-KW carries an integrity check: unwrapping with a wrong key fails, it never yields a wrong
 *   data key (no false accepts).
 *
 * Threats: a tampered slot with lowered parameters (a downgrade that makes guessing cheap) is
 * refused by the floors; a slot with absurd parameters (a denial of service that hangs sign-in or
 * exhausts memory) by the ceilings.
 */

/** A WebCrypto key, named so it compiles against both the DOM and the Node type libraries. */
export type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export const KDF_ALGS = ['argon2id', 'pbkdf2-sha256'] as const;
export type KdfAlg = (typeof KDF_ALGS)[number];

/** How to derive: the algorithm and its cost, without the per-slot salt. */
export type KdfSetting =
  | { readonly alg: 'pbkdf2-sha256'; readonly iterations: number }
  | { readonly alg: 'argon2id'; readonly memoryKiB: number; readonly passes: number; readonly parallelism: number };

/** A slot's stored parameters: a setting plus its random salt. */
export type KdfParams = KdfSetting & { readonly salt: Uint8Array<ArrayBuffer> };

/** What new slots get (and what weaker slots are upgraded to). */
export const ARGON2ID_DEFAULT = { alg: 'argon2id', memoryKiB: 64 * 1024, passes: 3, parallelism: 4 } as const satisfies KdfSetting;
/** The WebCrypto-native alternative, at OWASP's figure. */
export const PBKDF2_DEFAULT = { alg: 'pbkdf2-sha256', iterations: 600_000 } as const satisfies KdfSetting;
export const KDF_DEFAULT: KdfSetting = ARGON2ID_DEFAULT;

/** Below these a slot is refused (downgrade protection); above them too (a planted slot must not hang sign-in). */
export const PBKDF2_FLOOR_ITERATIONS = 600_000;
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
/**
 * The Argon2id floor is the default's memory and passes (above OWASP's 19 MiB / 2 minimum): a slot
 * can only ever be as strong as new ones or stronger. Fewer lanes are allowed (they cost the
 * attacker no less).
 */
export const ARGON2ID_FLOOR = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 } as const;
export const ARGON2ID_MAX = { memoryKiB: 1024 * 1024, passes: 10, parallelism: 16 } as const;

export const KDF_SALT_BYTES = 16;
export const DATA_KEY_BYTES = 32;
/** AES-KW output for a 256-bit key: the key plus an 8-byte integrity block. */
export const WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 8;

/** The stored half of a key slot: how to derive the wrapping key, and the wrapped data key. */
export interface WrappedDataKey {
  readonly kdf: KdfParams;
  readonly wrappedKey: Uint8Array<ArrayBuffer>;
}

/** The slot's KDF parameters are outside the accepted range (or malformed). */
export class KdfParamsRejectedError extends Error {
  override readonly name = 'KdfParamsRejectedError';
}

/** The secret does not open the slot (AES-KW integrity check failed). */
export class WrongSecretError extends Error {
  override readonly name = 'WrongSecretError';
}

const subtle = (): typeof globalThis.crypto.subtle => globalThis.crypto.subtle;

const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
// A fresh array per call: WebCrypto's typings want a mutable one.
const dataKeyUsages = (): Array<'encrypt' | 'decrypt'> => ['encrypt', 'decrypt'];

const within = (value: number, min: number, max: number): boolean => Number.isSafeInteger(value) && value >= min && value <= max;

/** Whether a setting (cost only) is inside floor…ceiling for its algorithm. */
export function isKdfSettingAcceptable(setting: KdfSetting): boolean {
  switch (setting.alg) {
    case 'pbkdf2-sha256':
      return within(setting.iterations, PBKDF2_FLOOR_ITERATIONS, PBKDF2_MAX_ITERATIONS);
    case 'argon2id':
      return (
        within(setting.memoryKiB, ARGON2ID_FLOOR.memoryKiB, ARGON2ID_MAX.memoryKiB) &&
        within(setting.passes, ARGON2ID_FLOOR.passes, ARGON2ID_MAX.passes) &&
        within(setting.parallelism, ARGON2ID_FLOOR.parallelism, ARGON2ID_MAX.parallelism) &&
        // Argon2 needs at least 8 KiB per lane.
        setting.memoryKiB >= 8 * setting.parallelism
      );
    default:
      return false;
  }
}

/** Whether stored parameters may be used: a known algorithm, its cost within range, a full salt. */
export function isKdfAcceptable(params: KdfParams): boolean {
  return isKdfSettingAcceptable(params) && params.salt.byteLength === KDF_SALT_BYTES;
}

export function assertKdfAcceptable(params: KdfParams): void {
  if (!isKdfAcceptable(params)) throw new KdfParamsRejectedError('key slot parameters outside the accepted range');
}

/**
 * Whether a slot should be re-wrapped to reach `target`: PBKDF2 when the target is Argon2id, or
 * the same algorithm at a lower cost in any dimension. Never the other way (Argon2id → PBKDF2).
 */
export function isWeakerThan(params: KdfSetting, target: KdfSetting): boolean {
  if (params.alg !== target.alg) return params.alg === 'pbkdf2-sha256';
  if (params.alg === 'pbkdf2-sha256' && target.alg === 'pbkdf2-sha256') return params.iterations < target.iterations;
  if (params.alg === 'argon2id' && target.alg === 'argon2id') {
    return params.memoryKiB < target.memoryKiB || params.passes < target.passes || params.parallelism < target.parallelism;
  }
  return false;
}

/** Fresh parameters with a random salt; refuses a setting outside floor…ceiling. */
export function newKdfParams(setting: KdfSetting = KDF_DEFAULT): KdfParams {
  const params: KdfParams = { ...setting, salt: globalThis.crypto.getRandomValues(new Uint8Array(KDF_SALT_BYTES)) };
  assertKdfAcceptable(params);
  return params;
}

/** The setting a slot was made with (its parameters without the salt). */
export function settingOf(params: KdfParams): KdfSetting {
  return params.alg === 'pbkdf2-sha256'
    ? { alg: params.alg, iterations: params.iterations }
    : { alg: params.alg, memoryKiB: params.memoryKiB, passes: params.passes, parallelism: params.parallelism };
}

/** Unicode-normalised (NFC) so `ä` typed as one or two code points gives the same key. */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(secret.normalize('NFC'));
}

/** Derives the AES-KW key that wraps and unwraps the data key. Never extractable. */
export async function deriveWrappingKey(secret: string, params: KdfParams): Promise<WebCryptoKey> {
  assertKdfAcceptable(params);
  const usages: Array<'wrapKey' | 'unwrapKey'> = ['wrapKey', 'unwrapKey'];
  if (params.alg === 'pbkdf2-sha256') {
    const base = await subtle().importKey('raw', secretBytes(secret), 'PBKDF2', false, ['deriveKey']);
    return subtle().deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: copyBytes(params.salt), iterations: params.iterations },
      base,
      { name: 'AES-KW', length: 256 },
      false,
      usages,
    );
  }
  const password = secretBytes(secret);
  const raw = await argon2id({
    password,
    salt: copyBytes(params.salt),
    iterations: params.passes,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  try {
    return await subtle().importKey('raw', copyBytes(raw), 'AES-KW', false, usages);
  } finally {
    // The derived bytes and the encoded secret do not outlive the import.
    raw.fill(0);
    password.fill(0);
  }
}

/** A new random AES-256-GCM data key. Extractable, because it must be wrapped into slots. */
export async function generateDataKey(): Promise<WebCryptoKey> {
  return subtle().generateKey(DATA_KEY_ALGORITHM, true, dataKeyUsages());
}

/** The raw 32 bytes of an extractable data key (to hand to the renderer, or to compare keys). */
export async function exportDataKey(dataKey: WebCryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().exportKey('raw', dataKey));
}

/** Imports raw data-key bytes as an AES-256-GCM key. */
export async function importDataKey(raw: Uint8Array, extractable: boolean): Promise<WebCryptoKey> {
  if (raw.byteLength !== DATA_KEY_BYTES) throw new RangeError('a data key is 32 bytes');
  return subtle().importKey('raw', copyBytes(raw), DATA_KEY_ALGORITHM, extractable, dataKeyUsages());
}

/** Wraps an (extractable) data key under `secret` with fresh parameters of `setting`. */
export async function wrapDataKey(dataKey: WebCryptoKey, secret: string, setting: KdfSetting = KDF_DEFAULT): Promise<WrappedDataKey> {
  const kdf = newKdfParams(setting);
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  const wrapped = await subtle().wrapKey('raw', dataKey, wrappingKey, 'AES-KW');
  return { kdf, wrappedKey: new Uint8Array(wrapped) };
}

/**
 * Unwraps a slot's data key. Throws `KdfParamsRejectedError` for parameters outside the range
 * (before any work is done) and `WrongSecretError` when the secret does not open the slot.
 * `extractable: false` gives a key whose bytes script cannot read; main needs `true` only to wrap
 * the key into further slots.
 */
export async function unwrapDataKey(
  slot: WrappedDataKey,
  secret: string,
  { extractable }: { readonly extractable: boolean },
): Promise<WebCryptoKey> {
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  if (slot.wrappedKey.byteLength !== WRAPPED_KEY_BYTES) throw new WrongSecretError('wrapped key has the wrong size');
  try {
    return await subtle().unwrapKey(
      'raw',
      copyBytes(slot.wrappedKey),
      wrappingKey,
      'AES-KW',
      DATA_KEY_ALGORITHM,
      extractable,
      dataKeyUsages(),
    );
  } catch {
    // AES-KW's integrity check fails for a wrong wrapping key: no false accepts.
    throw new WrongSecretError('unwrap failed');
  }
}

/** Constant-time comparison of two byte strings of equal length (lengths are not secret). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** A copy backed by a plain ArrayBuffer (what WebCrypto's BufferSource accepts in both type libs). */
function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}
