import { describe, expect, it } from 'vitest';
import { deriveWrappingKey, KdfDowngradeError, newKdfParams, PBKDF2_FLOOR_ITERATIONS } from '../../../../renderer/src/db/kdf';
import { createVault, readVaultMeta, unlockVault, VaultExistsError, WrongPassphraseError } from '../../../../renderer/src/db/vault';
import { freshDatabase } from '../../../support/fresh-db';

const PASS = 'korppi-lumi-omena-puhelin';
const setup = { businessName: 'Testisalonki', ownerName: 'Omistaja Testi', passphrase: PASS };

describe('vault', () => {
  it('creates a vault whose owner can unlock it, and keeps no key in clear', async () => {
    const db = freshDatabase();
    const created = await createVault(db, setup);
    const meta = await readVaultMeta(db);
    expect(meta?.businessName).toBe('Testisalonki');
    expect(meta?.users).toEqual([expect.objectContaining({ id: created.user.id, role: 'owner', disabled: false })]);
    const session = await unlockVault(db, created.user.id, PASS);
    expect(session.user.id).toBe(created.user.id);
    const slots = await db.keySlots.toArray();
    expect(slots).toHaveLength(1);
    expect(slots[0]!.kdf.iterations).toBeGreaterThanOrEqual(PBKDF2_FLOOR_ITERATIONS);
    expect(slots[0]!.wrappedKey.byteLength).toBe(40);
  });

  it('unlocks to the same data key as setup gave', async () => {
    const db = freshDatabase();
    const created = await createVault(db, setup);
    const session = await unlockVault(db, created.user.id, PASS);
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, created.dataKey, new TextEncoder().encode('x'));
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, session.dataKey, ct);
    expect(new TextDecoder().decode(pt)).toBe('x');
  });

  it('refuses a wrong passphrase cleanly and changes nothing', async () => {
    const db = freshDatabase();
    const created = await createVault(db, setup);
    const before = await db.keySlots.toArray();
    await expect(unlockVault(db, created.user.id, `${PASS}x`)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await db.keySlots.toArray()).toEqual(before);
    expect(await db.meta.toArray()).toHaveLength(1);
  });

  it('gives a session key whose bytes cannot be exported', async () => {
    const db = freshDatabase();
    const created = await createVault(db, setup);
    const session = await unlockVault(db, created.user.id, PASS);
    expect(session.dataKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', session.dataKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('raw', created.dataKey)).rejects.toThrow();
  });

  it('refuses a key slot whose iterations are below the floor (downgrade)', async () => {
    const db = freshDatabase();
    const created = await createVault(db, setup);
    const [slot] = await db.keySlots.toArray();
    await db.keySlots.put({ ...slot!, kdf: { ...slot!.kdf, iterations: 5_000 } });
    await expect(unlockVault(db, created.user.id, PASS)).rejects.toBeInstanceOf(KdfDowngradeError);
    await expect(deriveWrappingKey(PASS, newKdfParams(PBKDF2_FLOOR_ITERATIONS - 1))).rejects.toBeInstanceOf(KdfDowngradeError);
  });

  it('refuses to create a second vault over the first', async () => {
    const db = freshDatabase();
    await createVault(db, setup);
    await expect(createVault(db, setup)).rejects.toBeInstanceOf(VaultExistsError);
    expect(await db.keySlots.count()).toBe(1);
  });

  it('treats a passphrase typed in another Unicode normal form as the same', async () => {
    const db = freshDatabase();
    const created = await createVault(db, { ...setup, passphrase: 'Äidin-sämpylä-kökkö-2026'.normalize('NFC') });
    await expect(unlockVault(db, created.user.id, 'Äidin-sämpylä-kökkö-2026'.normalize('NFD'))).resolves.toBeTruthy();
  });
});
