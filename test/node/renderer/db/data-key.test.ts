import { describe, expect, it } from 'vitest';
import { importDataKey } from '../../../../renderer/src/db/data-key';
import { associatedData, seal, unseal } from '../../../../renderer/src/db/crypto';

/** The session's data key as the renderer holds it after sign-in. */
describe('importDataKey', () => {
  const raw = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
  const base64 = Buffer.from(raw).toString('base64');

  it('gives a key whose bytes no script can export', async () => {
    const key = await importDataKey(base64);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('is the same key main sent: a record sealed with the raw bytes opens', async () => {
    const reference = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const aad = associatedData('customers', '3', 1);
    const sealed = await seal(reference, new TextEncoder().encode('Mäki'), aad);
    expect(new TextDecoder().decode(await unseal(await importDataKey(base64), sealed, aad))).toBe('Mäki');
  });

  it('refuses anything that is not a 256-bit key', async () => {
    await expect(importDataKey(Buffer.from(raw.slice(0, 16)).toString('base64'))).rejects.toThrow();
    await expect(importDataKey('not base64 at all!')).rejects.toThrow();
  });
});
