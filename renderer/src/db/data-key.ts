const DATA_KEY_BYTES = 32;

/**
 * The session's data key arrives from main once per sign-in (base64) and is imported here as a
 * non-extractable AES-GCM key: from then on no script in the page can read its bytes, and the
 * transient copy is zeroed.
 */
export async function importDataKey(base64: string): Promise<CryptoKey> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    // WebCrypto would take 16 bytes as AES-128 without complaint: the register's key is 256-bit.
    if (bytes.byteLength !== DATA_KEY_BYTES) throw new RangeError('a data key is 32 bytes');
    return await crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  } finally {
    bytes.fill(0);
  }
}
