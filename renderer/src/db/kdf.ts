import { z } from 'zod';

/**
 * Passphrase → key-encryption key. PBKDF2-HMAC-SHA256 through WebCrypto: no WebAssembly (the
 * CSP forbids 'wasm-unsafe-eval'), and the OWASP 2025 figure of 600,000 iterations costs about
 * 70 ms in Chromium here. Parameters are stored with each key slot so they can be raised later;
 * an unlock with parameters below the floor is refused, so a tampered slot cannot downgrade the
 * work an attacker must do.
 */
export const PBKDF2_FLOOR_ITERATIONS = 600_000;
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;

export const KdfParamsSchema = z.object({
  alg: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().positive(),
  salt: z.custom<Uint8Array>((v) => ArrayBuffer.isView(v) && v.byteLength === SALT_BYTES),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export class KdfDowngradeError extends Error {
  override readonly name = 'KdfDowngradeError';
}

export function newKdfParams(iterations = PBKDF2_DEFAULT_ITERATIONS): KdfParams {
  return { alg: 'pbkdf2-sha256', iterations, salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)) };
}

/** Refuses parameters weaker than the floor (downgrade) or absurdly high (a denial of service). */
export function assertKdfAcceptable(params: KdfParams): void {
  if (params.iterations < PBKDF2_FLOOR_ITERATIONS || params.iterations > PBKDF2_MAX_ITERATIONS) {
    throw new KdfDowngradeError('key slot parameters outside the accepted range');
  }
}

/** Unicode-normalised so `ä` typed as one or two code points gives the same key. */
export function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

/** Derives the AES-KW key that wraps and unwraps the data key. Never extractable. */
export async function deriveWrappingKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  assertKdfAcceptable(params);
  const base = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  const salt = new Uint8Array(params.salt.byteLength);
  salt.set(params.salt);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: params.iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
