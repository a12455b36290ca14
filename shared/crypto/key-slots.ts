/**
 * Key slots: the random data key wrapped (AES-KW, RFC 3394) under a key derived from a secret
 * (a user's passphrase or the recovery key) with PBKDF2-HMAC-SHA256. Pure WebCrypto through
 * `globalThis.crypto`, so the same code runs in the main process (Node 20 / Electron) and could
 * run in the renderer.
 *
 * Why these choices (docs/security.md, research §2):
 * - PBKDF2-SHA256 at 600,000 iterations is the OWASP figure and Bitwarden's default, and it is in
 *   WebCrypto everywhere (no WebAssembly Argon2 under our CSP). Parameters are stored with each
 *   slot, so they can be raised later without re-encrypting anything.
 * - AES-KW carries an integrity check: unwrapping with a wrong key fails, it never yields a wrong
 *   data key (no false accepts).
 *
 * Threats: a tampered slot with lowered parameters (a downgrade that makes guessing cheap) is
 * refused by the floor; a slot with absurd parameters (a denial of service that hangs sign-in) by
 * the ceiling.
 */

/** A WebCrypto key, named so it compiles against both the DOM and the Node type libraries. */
export type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export const KDF_ALG = 'pbkdf2-sha256';
/** Below this a slot is refused (downgrade protection). */
export const PBKDF2_FLOOR_ITERATIONS = 600_000;
/** What new slots get; slots below it (but at or above the floor) are re-wrapped at sign-in. */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
/** Above this a slot is refused too: a planted slot must not be able to hang sign-in. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const KDF_SALT_BYTES = 16;
export const DATA_KEY_BYTES = 32;
/** AES-KW output for a 256-bit key: the key plus an 8-byte integrity block. */
export const WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 8;

export interface KdfParams {
  readonly alg: typeof KDF_ALG;
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
}

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

/** Whether stored parameters may be used: right algorithm, salt size, floor ≤ iterations ≤ ceiling. */
export function isKdfAcceptable(params: KdfParams): boolean {
  return (
    params.alg === KDF_ALG &&
    Number.isSafeInteger(params.iterations) &&
    params.iterations >= PBKDF2_FLOOR_ITERATIONS &&
    params.iterations <= PBKDF2_MAX_ITERATIONS &&
    params.salt.byteLength === KDF_SALT_BYTES
  );
}

export function assertKdfAcceptable(params: KdfParams): void {
  if (!isKdfAcceptable(params)) throw new KdfParamsRejectedError('key slot parameters outside the accepted range');
}

/** Fresh parameters with a random salt; refuses an iteration count outside floor…ceiling. */
export function newKdfParams(iterations: number = PBKDF2_DEFAULT_ITERATIONS): KdfParams {
  const params: KdfParams = {
    alg: KDF_ALG,
    iterations,
    salt: globalThis.crypto.getRandomValues(new Uint8Array(KDF_SALT_BYTES)),
  };
  assertKdfAcceptable(params);
  return params;
}

/** Unicode-normalised (NFC) so `ä` typed as one or two code points gives the same key. */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(secret.normalize('NFC'));
}

/** Derives the AES-KW key that wraps and unwraps the data key. Never extractable. */
export async function deriveWrappingKey(secret: string, params: KdfParams): Promise<WebCryptoKey> {
  assertKdfAcceptable(params);
  const base = await subtle().importKey('raw', secretBytes(secret), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copyBytes(params.salt), iterations: params.iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
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

/** Wraps an (extractable) data key under `secret` with fresh parameters. */
export async function wrapDataKey(
  dataKey: WebCryptoKey,
  secret: string,
  iterations: number = PBKDF2_DEFAULT_ITERATIONS,
): Promise<WrappedDataKey> {
  const kdf = newKdfParams(iterations);
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
