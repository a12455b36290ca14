import { describe, expect, it } from 'vitest';
import {
  ARGON2ID_DEFAULT,
  exportDataKey,
  generateDataKey,
  isKdfAcceptable,
  isWeakerThan,
  KdfParamsRejectedError,
  newKdfParams,
  PBKDF2_DEFAULT,
  unwrapDataKey,
  wrapDataKey,
  WrongSecretError,
  type KdfParams,
} from '../../../../shared/crypto/key-slots';

const salt = () => crypto.getRandomValues(new Uint8Array(16));

describe('key slots', () => {
  it.each([
    ['Argon2id', ARGON2ID_DEFAULT],
    ['PBKDF2', PBKDF2_DEFAULT],
  ] as const)('%s: wraps and unwraps the same data key; a wrong secret fails cleanly', async (_label, setting) => {
    const dataKey = await generateDataKey();
    const slot = await wrapDataKey(dataKey, 'korppi-lumi-omena-puhelin', setting);
    expect(slot.kdf).toMatchObject(setting);
    expect(slot.wrappedKey.byteLength).toBe(40);
    const opened = await unwrapDataKey(slot, 'korppi-lumi-omena-puhelin', { extractable: false });
    await expect(crypto.subtle.exportKey('raw', opened)).rejects.toThrow();
    const again = await unwrapDataKey(slot, 'korppi-lumi-omena-puhelin', { extractable: true });
    expect(await exportDataKey(again)).toEqual(await exportDataKey(dataKey));
    await expect(unwrapDataKey(slot, 'korppi-lumi-omena-puhelix', { extractable: true })).rejects.toBeInstanceOf(WrongSecretError);
  }, 20_000);

  it('treats a passphrase typed in another Unicode normal form as the same', async () => {
    const dataKey = await generateDataKey();
    const slot = await wrapDataKey(dataKey, 'Äidin-sämpylä-kökkö-2026'.normalize('NFC'), PBKDF2_DEFAULT);
    await expect(unwrapDataKey(slot, 'Äidin-sämpylä-kökkö-2026'.normalize('NFD'), { extractable: false })).resolves.toBeTruthy();
  });

  it('refuses parameters below the floors or above the ceilings before doing any work', async () => {
    const weak: KdfParams[] = [
      { alg: 'pbkdf2-sha256', iterations: 599_999, salt: salt() },
      { alg: 'pbkdf2-sha256', iterations: 10_000_001, salt: salt() },
      { alg: 'argon2id', memoryKiB: 32 * 1024, passes: 3, parallelism: 4, salt: salt() },
      { alg: 'argon2id', memoryKiB: 64 * 1024, passes: 2, parallelism: 4, salt: salt() },
      { alg: 'argon2id', memoryKiB: 2 * 1024 * 1024, passes: 3, parallelism: 4, salt: salt() },
      { alg: 'argon2id', memoryKiB: 64 * 1024, passes: 3, parallelism: 0, salt: salt() },
      { alg: 'pbkdf2-sha256', iterations: 600_000, salt: new Uint8Array(8) },
      { alg: 'scrypt', iterations: 600_000, salt: salt() } as unknown as KdfParams,
    ];
    for (const kdf of weak) {
      expect(isKdfAcceptable(kdf), JSON.stringify({ ...kdf, salt: kdf.salt.length })).toBe(false);
      await expect(unwrapDataKey({ kdf, wrappedKey: new Uint8Array(40) }, 'x', { extractable: false })).rejects.toBeInstanceOf(
        KdfParamsRejectedError,
      );
    }
    expect(() => newKdfParams({ alg: 'pbkdf2-sha256', iterations: 1_000 })).toThrow(KdfParamsRejectedError);
  });

  it('calls PBKDF2 and cheaper Argon2id weaker than the default, never the other way round', () => {
    expect(isWeakerThan(PBKDF2_DEFAULT, ARGON2ID_DEFAULT)).toBe(true);
    expect(isWeakerThan(ARGON2ID_DEFAULT, PBKDF2_DEFAULT)).toBe(false);
    expect(isWeakerThan({ ...ARGON2ID_DEFAULT, parallelism: 1 }, ARGON2ID_DEFAULT)).toBe(true);
    expect(isWeakerThan({ ...ARGON2ID_DEFAULT, memoryKiB: 128 * 1024 }, ARGON2ID_DEFAULT)).toBe(false);
    expect(isWeakerThan(ARGON2ID_DEFAULT, ARGON2ID_DEFAULT)).toBe(false);
    expect(isWeakerThan({ alg: 'pbkdf2-sha256', iterations: 600_000 }, { alg: 'pbkdf2-sha256', iterations: 800_000 })).toBe(true);
  });
});
