/**
 * Record encryption: AES-256-GCM with a fresh random 96-bit IV per write and additional
 * authenticated data that names the table, the record and the schema version. A ciphertext
 * copied onto another record, table or version therefore fails to decrypt instead of quietly
 * showing someone else's data.
 *
 * WebCrypto calls are async and must never run inside an IndexedDB transaction (the transaction
 * would auto-commit): callers encrypt first and write afterwards.
 */
const AAD_PREFIX = 'kirjuri:v1';
const IV_BYTES = 12;
const encoder = new TextEncoder();

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

/** Thrown when a stored record fails authentication: tampered, damaged or moved. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
}

export function associatedData(table: string, recordId: string, schemaVersion: number): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${AAD_PREFIX}:${table}:${recordId}:${schemaVersion}`);
}

export async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext);
  return { iv, ct: new Uint8Array(ct) };
}

export async function unseal(key: CryptoKey, sealed: Sealed, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: toBytes(sealed.iv), additionalData: aad }, key, toBytes(sealed.ct));
    return new Uint8Array(pt);
  } catch {
    throw new IntegrityError('record failed authentication');
  }
}

/**
 * Bytes read back from IndexedDB may come from another realm (jsdom, fake-indexeddb), where
 * `instanceof Uint8Array` is false; WebCrypto wants bytes of this realm.
 */
export function toBytes(value: ArrayBufferView | ArrayBuffer): Uint8Array<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) {
    const copy = new Uint8Array(value.byteLength);
    copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return copy;
  }
  return new Uint8Array(value.slice(0));
}

/** A new random data key. Extractable only so it can be wrapped into key slots at creation. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
