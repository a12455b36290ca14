import { describe, expect, it } from 'vitest';
import { associatedData, generateDataKey, IntegrityError, seal, unseal } from '../../../../renderer/src/db/crypto';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('record encryption', () => {
  it('round-trips a record', async () => {
    const key = await generateDataKey();
    const aad = associatedData('customers', '7', 1);
    const sealed = await seal(key, bytes('Mäki'), aad);
    expect(new TextDecoder().decode(await unseal(key, sealed, aad))).toBe('Mäki');
  });

  it('uses a fresh IV for every write', async () => {
    const key = await generateDataKey();
    const aad = associatedData('customers', '7', 1);
    const ivs = new Set<string>();
    for (let i = 0; i < 500; i += 1) ivs.add(Buffer.from((await seal(key, bytes('x'), aad)).iv).toString('hex'));
    expect(ivs.size).toBe(500);
  });

  it.each([
    ['another record id', associatedData('customers', '8', 1)],
    ['another table', associatedData('settings', '7', 1)],
    ['another schema version', associatedData('customers', '7', 2)],
  ])('refuses a ciphertext moved to %s', async (_label, otherAad) => {
    const key = await generateDataKey();
    const sealed = await seal(key, bytes('secret'), associatedData('customers', '7', 1));
    await expect(unseal(key, sealed, otherAad)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('refuses a ciphertext with one flipped bit', async () => {
    const key = await generateDataKey();
    const aad = associatedData('customers', '1', 1);
    const sealed = await seal(key, bytes('secret'), aad);
    sealed.ct[3]! ^= 0x01;
    await expect(unseal(key, sealed, aad)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('refuses another key', async () => {
    const aad = associatedData('customers', '1', 1);
    const sealed = await seal(await generateDataKey(), bytes('secret'), aad);
    await expect(unseal(await generateDataKey(), sealed, aad)).rejects.toBeInstanceOf(IntegrityError);
  });
});
