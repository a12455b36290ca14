import { readFile, stat, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerRepository } from '../../../../../renderer/src/db/customer-repository';
import { importDataKey } from '../../../../../renderer/src/db/data-key';
import { exportDataKey, PBKDF2_DEFAULT, type KdfSetting, type WebCryptoKey } from '../../../../../shared/crypto/key-slots';
import { LOCKOUT_BASE_DELAY_MS, LOCKOUT_THRESHOLD } from '../../../../../shared/domain/lockout';
import type { AtomicWriteFs } from '../../../../../electron/main/services/atomic-write';
import { HandlerError } from '../../../../../electron/main/ipc/handler-error';
import { VAULT_FILE_NAME, VaultFileError } from '../../../../../electron/main/services/vault-file';
import { createVaultService, type UnlockOutcome, type VaultService } from '../../../../../electron/main/services/vault-service';
import { OWNER } from '../../../../support/actors';
import { freshDatabase } from '../../../../support/fresh-db';
import { syntheticCustomer } from '../../../../support/synthetic';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The vault service on real files in temp folders, with the real KDFs (so each sign-in costs what
 * it costs in the app). Most tests use PBKDF2 at the floor, the cheaper of the two accepted
 * settings; the Argon2id default is covered on its own.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const RECEPTIONIST_ONE_TIME = 'kerta-kaytto-sana-2026';
const RECEPTIONIST_OWN = 'oma-lause-vastaanotossa';
const FAST: KdfSetting = PBKDF2_DEFAULT;
const SLOW = 30_000;

const tempDir = useTempDirs();

interface Clock {
  now: () => number;
  advance: (ms: number) => void;
}

function clock(start = Date.UTC(2026, 11, 1, 9, 0, 0)): Clock {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

/** A KDF setting, or the service's own default (Argon2id). */
type KdfChoice = KdfSetting | 'default';

async function newVault(options: { kdf?: KdfChoice; fs?: AtomicWriteFs; clock?: Clock } = {}) {
  const dir = await tempDir();
  const time = options.clock ?? clock();
  const make = (choice: KdfChoice = options.kdf ?? FAST, fs?: AtomicWriteFs): VaultService =>
    createVaultService(dir, { now: time.now, ...(choice === 'default' ? {} : { kdf: choice }), ...(fs ? { fs } : {}) });
  const vault = make(options.kdf ?? FAST, options.fs);
  const created = await vault.create({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS });
  const holder = { vaultId: created.vaultId, dataKey: created.dataKey };
  return { dir, vault, created, holder, time, make, file: path.join(dir, VAULT_FILE_NAME) };
}

function expectOk(outcome: UnlockOutcome): asserts outcome is Extract<UnlockOutcome, { status: 'ok' }> {
  expect(outcome.status).toBe('ok');
}

const rawKey = async (key: WebCryptoKey): Promise<string> => Buffer.from(await exportDataKey(key)).toString('hex');

/** A file system that throws at the `failAt`-th rename (1-based): a crash at that write. */
function crashingFs(failAt: number): AtomicWriteFs & { renames: number } {
  const fs = {
    renames: 0,
    open: nodeFs.open,
    unlink: nodeFs.unlink,
    async rename(from: string, to: string) {
      fs.renames += 1;
      if (fs.renames === failAt) throw Object.assign(new Error('simulated power cut'), { code: 'EIO' });
      await nodeFs.rename(from, to);
    },
  };
  return fs;
}

describe('vault service: creating the vault', () => {
  it(
    'writes vault.json (0600) with an owner slot and a recovery slot, Argon2id by default, no key in clear',
    async () => {
      const { vault, created, file } = await newVault({ kdf: 'default' });
      const text = await readFile(file, 'utf8');
      const document = JSON.parse(text) as { slots: { owner: string; kdf: Record<string, unknown> }[] };
      expect(document.slots.map((slot) => slot.owner).sort()).toEqual([created.owner.id, 'recovery'].sort());
      for (const slot of document.slots) {
        expect(slot.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 4 });
      }
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const raw = await exportDataKey(created.dataKey);
      expect(text).not.toContain(Buffer.from(raw).toString('base64'));
      expect(text).not.toContain(Buffer.from(raw).toString('hex'));
      expect(text).not.toContain(OWNER_PASS);
      expect(text).not.toContain(created.recoveryKey);
      expectOk(await vault.unlock(created.owner.id, OWNER_PASS));
    },
    SLOW,
  );

  it('refuses a second vault over the first, and never mistakes a damaged file for "no vault"', async () => {
    const { vault, file } = await newVault();
    const before = await readFile(file, 'utf8');
    await expect(vault.create({ businessName: 'Toinen', ownerName: 'Toinen Omistaja', passphrase: OWNER_PASS })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await readFile(file, 'utf8')).toBe(before);

    await writeFile(file, '{"formatVersion":1,"users":[');
    await expect(vault.status()).rejects.toBeInstanceOf(VaultFileError);
    await expect(vault.create({ businessName: 'Toinen', ownerName: 'Toinen Omistaja', passphrase: OWNER_PASS })).rejects.toMatchObject({
      code: 'io_failed',
    });
    expect(await readFile(file, 'utf8')).toBe('{"formatVersion":1,"users":[');
  });

  it('reports a vault from a future version as unreadable instead of rewriting it', async () => {
    const { vault, file } = await newVault();
    const document = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...document, formatVersion: 99 }));
    await expect(vault.read()).rejects.toMatchObject({ problem: 'unsupported_version', code: 'io_failed' });
  });
});

describe('vault service: slots and users', () => {
  it(
    'gives every slot the same data key: owner, receptionist and recovery key',
    async () => {
      const { vault, created, holder } = await newVault();
      const receptionist = await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
      expect(receptionist).toMatchObject({ role: 'receptionist', mustChangePassphrase: true, disabled: false });
      const owner = await vault.unlock(created.owner.id, OWNER_PASS);
      const desk = await vault.unlock(receptionist.id, RECEPTIONIST_ONE_TIME);
      const recovered = await vault.unlockWithRecoveryKey(created.recoveryKey);
      expectOk(owner);
      expectOk(desk);
      expectOk(recovered);
      const expected = await rawKey(created.dataKey);
      expect(await rawKey(owner.dataKey)).toBe(expected);
      expect(await rawKey(desk.dataKey)).toBe(expected);
      expect(await rawKey(recovered.dataKey)).toBe(expected);
      expect(recovered.user.id).toBe(created.owner.id);
    },
    SLOW,
  );

  it('tells whether a passphrase is the user’s own without signing in: nothing written, no failed attempt counted', async () => {
    const { vault, created, file } = await newVault();
    const before = await readFile(file, 'utf8');
    expect(await vault.isUserPassphrase(created.owner.id, OWNER_PASS)).toBe(true);
    for (let i = 0; i < 12; i += 1) expect(await vault.isUserPassphrase(created.owner.id, 'ei-tama-lause-vaan-toinen')).toBe(false);
    expect(await vault.isUserPassphrase('nobody', OWNER_PASS)).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(before);
    expectOk(await vault.unlock(created.owner.id, OWNER_PASS));
  });

  it('lists active users for the sign-in screen, and refuses a second user with the same name', async () => {
    const { vault, holder } = await newVault();
    await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
    await expect(vault.addUser(holder, { name: '  riikka vastaanotto ', oneTimePassphrase: RECEPTIONIST_ONE_TIME })).rejects.toMatchObject({
      code: 'conflict',
    });
    const status = await vault.status();
    expect(status.users.map((user) => user.name)).toEqual(['Olga Omistaja', 'Riikka Vastaanotto']);
    expect(status.businessName).toBe('Testisalonki');
    // Nothing secret about a user reaches the sign-in screen.
    expect(Object.keys(status.users[0] ?? {}).sort()).toEqual(['id', 'name', 'role']);
  });

  it(
    'keeps a disabled user out until re-enabled, and hides them from the sign-in screen',
    async () => {
      const { vault, created, holder } = await newVault();
      const receptionist = await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
      expect((await vault.setDisabled(created.owner.id, receptionist.id, true)).changed).toBe(true);
      expect(await vault.unlock(receptionist.id, RECEPTIONIST_ONE_TIME)).toEqual({ status: 'unavailable', reason: 'disabled' });
      expect((await vault.status()).users.map((user) => user.id)).toEqual([created.owner.id]);
      expect((await vault.setDisabled(created.owner.id, receptionist.id, true)).changed).toBe(false);
      await vault.setDisabled(created.owner.id, receptionist.id, false);
      expectOk(await vault.unlock(receptionist.id, RECEPTIONIST_ONE_TIME));
    },
    SLOW,
  );

  it('never removes or disables the last owner, nor lets a user remove or disable themself', async () => {
    const { vault, created, holder, file } = await newVault();
    const receptionist = await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
    const before = await readFile(file, 'utf8');
    await expect(vault.removeUser(receptionist.id, created.owner.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(vault.setDisabled(receptionist.id, created.owner.id, true)).rejects.toMatchObject({ code: 'conflict' });
    await expect(vault.removeUser(created.owner.id, created.owner.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(vault.setDisabled(created.owner.id, created.owner.id, true)).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it(
    'removes a user together with their key slot',
    async () => {
      const { vault, created, holder } = await newVault();
      const receptionist = await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
      await vault.removeUser(created.owner.id, receptionist.id);
      const document = await vault.read();
      expect(document?.users.map((user) => user.id)).toEqual([created.owner.id]);
      expect(document?.slots.some((slot) => slot.owner === receptionist.id)).toBe(false);
      expect(await vault.unlock(receptionist.id, RECEPTIONIST_ONE_TIME)).toEqual({ status: 'unavailable', reason: 'unknown_user' });
    },
    SLOW,
  );
});

describe('vault service: passphrase change', () => {
  it(
    're-wraps the data key only: every stored record ciphertext is byte-identical afterwards',
    async () => {
      const { vault, created, holder } = await newVault();
      const db = freshDatabase();
      const repository = await CustomerRepository.open(db, await importDataKey(Buffer.from(await exportDataKey(created.dataKey)).toString('base64')), OWNER);
      await repository.createMany(Array.from({ length: 300 }, (_, i) => syntheticCustomer(i)));
      await repository.update(repository.search('')[0]!, syntheticCustomer(999));
      await repository.close();
      const before = await db.pages.toArray();
      expect(before.length).toBeGreaterThan(1);

      const changed = await vault.changePassphrase({
        userId: created.owner.id,
        holder,
        currentPassphrase: OWNER_PASS,
        newPassphrase: 'uusi-pitka-lause-syksylla',
        requireCurrent: true,
      });
      expect(changed.status).toBe('ok');
      expect(await db.pages.toArray()).toEqual(before);

      expect((await vault.unlock(created.owner.id, OWNER_PASS)).status).toBe('wrong_passphrase');
      const reopened = await vault.unlock(created.owner.id, 'uusi-pitka-lause-syksylla');
      expectOk(reopened);
      const again = await CustomerRepository.open(db, await importDataKey(Buffer.from(await exportDataKey(reopened.dataKey)).toString('base64')), OWNER);
      expect(again.count).toBe(300);
      expect(again.damaged).toEqual([]);
    },
    SLOW,
  );

  it('asks for the right current passphrase, counts a wrong one like a failed sign-in, and changes nothing', async () => {
    const { vault, created, holder } = await newVault();
    const slotsBefore = (await vault.read())?.slots;
    const outcome = await vault.changePassphrase({
      userId: created.owner.id,
      holder,
      currentPassphrase: 'vaara-nykyinen-lause',
      newPassphrase: 'uusi-pitka-lause-syksylla',
      requireCurrent: true,
    });
    expect(outcome).toMatchObject({ status: 'wrong_passphrase', failedAttempts: 1 });
    expect((await vault.read())?.slots).toEqual(slotsBefore);
    expect((await vault.read())?.users[0]?.lockout.failedAttempts).toBe(1);
    await expect(
      vault.changePassphrase({ userId: created.owner.id, holder, currentPassphrase: OWNER_PASS, newPassphrase: OWNER_PASS, requireCurrent: true }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it(
    'survives a crash between "write the new slot" and "remove the old one": both passphrases open the vault',
    async () => {
      const dir = await tempDir();
      const time = clock();
      const setup = createVaultService(dir, { now: time.now, kdf: FAST });
      const created = await setup.create({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS });
      // The change makes two writes: step 1 (new slot added) and step 2 (old slot removed). Crash at step 2.
      const fs = crashingFs(2);
      const crashing = createVaultService(dir, { now: time.now, kdf: FAST, fs });
      await expect(
        crashing.changePassphrase({
          userId: created.owner.id,
          holder: { vaultId: created.vaultId, dataKey: created.dataKey },
          currentPassphrase: OWNER_PASS,
          newPassphrase: 'uusi-pitka-lause-syksylla',
          requireCurrent: true,
        }),
      ).rejects.toThrow('simulated power cut');
      expect(fs.renames).toBe(2);

      // After the "restart": a fresh service over the same folder.
      const restarted = createVaultService(dir, { now: time.now, kdf: FAST });
      const expected = await rawKey(created.dataKey);
      const old = await restarted.unlock(created.owner.id, OWNER_PASS);
      expectOk(old);
      expect(await rawKey(old.dataKey)).toBe(expected);
      const fresh = await restarted.unlock(created.owner.id, 'uusi-pitka-lause-syksylla');
      expectOk(fresh);
      expect(await rawKey(fresh.dataKey)).toBe(expected);
      // No temp file is left behind by the failed rename.
      expect((await nodeFs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'leaves the old passphrase working when the very first write fails',
    async () => {
      const dir = await tempDir();
      const setup = createVaultService(dir, { kdf: FAST });
      const created = await setup.create({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS });
      const before = await readFile(path.join(dir, VAULT_FILE_NAME), 'utf8');
      const crashing = createVaultService(dir, { kdf: FAST, fs: crashingFs(1) });
      await expect(
        crashing.changePassphrase({
          userId: created.owner.id,
          holder: { vaultId: created.vaultId, dataKey: created.dataKey },
          currentPassphrase: OWNER_PASS,
          newPassphrase: 'uusi-pitka-lause-syksylla',
          requireCurrent: true,
        }),
      ).rejects.toThrow('simulated power cut');
      expect(await readFile(path.join(dir, VAULT_FILE_NAME), 'utf8')).toBe(before);
      expectOk(await createVaultService(dir, { kdf: FAST }).unlock(created.owner.id, OWNER_PASS));
    },
    SLOW,
  );

  it(
    'makes a receptionist replace the one-time passphrase with a different one',
    async () => {
      const { vault, holder } = await newVault();
      const receptionist = await vault.addUser(holder, { name: 'Riikka Vastaanotto', oneTimePassphrase: RECEPTIONIST_ONE_TIME });
      await expect(
        vault.changePassphrase({ userId: receptionist.id, holder, newPassphrase: RECEPTIONIST_ONE_TIME, requireCurrent: false }),
      ).rejects.toMatchObject({ code: 'conflict' });
      const changed = await vault.changePassphrase({ userId: receptionist.id, holder, newPassphrase: RECEPTIONIST_OWN, requireCurrent: false });
      expect(changed).toMatchObject({ status: 'ok', user: { mustChangePassphrase: false } });
      expect((await vault.unlock(receptionist.id, RECEPTIONIST_ONE_TIME)).status).toBe('wrong_passphrase');
      expectOk(await vault.unlock(receptionist.id, RECEPTIONIST_OWN));
    },
    SLOW,
  );
});

describe('vault service: KDF floors and upgrades', () => {
  it(
    'upgrades a PBKDF2 slot to the Argon2id default at the next successful sign-in, keeping the key',
    async () => {
      const { created, make, file } = await newVault({ kdf: PBKDF2_DEFAULT });
      const upgraded = make('default');
      const opened = await upgraded.unlock(created.owner.id, OWNER_PASS);
      expectOk(opened);
      const document = JSON.parse(await readFile(file, 'utf8')) as { slots: { owner: string; kdf: { alg: string } }[] };
      const ownerSlots = document.slots.filter((slot) => slot.owner === created.owner.id);
      expect(ownerSlots.map((slot) => slot.kdf.alg)).toEqual(['argon2id']);
      // The recovery slot is upgraded when the recovery key is used, not before.
      expect(document.slots.find((slot) => slot.owner === 'recovery')?.kdf.alg).toBe('pbkdf2-sha256');
      const again = await upgraded.unlock(created.owner.id, OWNER_PASS);
      expectOk(again);
      expect(await rawKey(again.dataKey)).toBe(await rawKey(created.dataKey));
    },
    SLOW,
  );

  it(
    'upgrades PBKDF2 iterations below the configured count, and never downgrades Argon2id to PBKDF2',
    async () => {
      const { created, make, file } = await newVault({ kdf: PBKDF2_DEFAULT });
      expectOk(await make({ alg: 'pbkdf2-sha256', iterations: 700_000 }).unlock(created.owner.id, OWNER_PASS));
      const slotOf = async () =>
        (JSON.parse(await readFile(file, 'utf8')) as { slots: { owner: string; kdf: Record<string, unknown> }[] }).slots.find(
          (slot) => slot.owner === created.owner.id,
        )?.kdf;
      expect(await slotOf()).toMatchObject({ alg: 'pbkdf2-sha256', iterations: 700_000 });
      expectOk(await make('default').unlock(created.owner.id, OWNER_PASS));
      expect(await slotOf()).toMatchObject({ alg: 'argon2id' });
      expectOk(await make(PBKDF2_DEFAULT).unlock(created.owner.id, OWNER_PASS));
      expect(await slotOf()).toMatchObject({ alg: 'argon2id' });
    },
    SLOW,
  );

  it.each([
    ['PBKDF2 below the floor', { alg: 'pbkdf2-sha256', iterations: 5_000 }],
    ['PBKDF2 above the ceiling (would hang sign-in)', { alg: 'pbkdf2-sha256', iterations: 2_000_000_000 }],
    ['Argon2id with 1 MiB', { alg: 'argon2id', memoryKiB: 1024, passes: 3, parallelism: 4 }],
    ['Argon2id with one pass', { alg: 'argon2id', memoryKiB: 65536, passes: 1, parallelism: 4 }],
    ['Argon2id with 8 GiB (would exhaust memory)', { alg: 'argon2id', memoryKiB: 8 * 1024 * 1024, passes: 3, parallelism: 4 }],
  ])('refuses a slot tampered down or up: %s', async (_label, kdf) => {
    const { created, file } = await newVault();
    const document = JSON.parse(await readFile(file, 'utf8')) as { slots: { owner: string; kdf: Record<string, unknown> }[] };
    for (const slot of document.slots) slot.kdf = { ...kdf, salt: slot.kdf.salt };
    await writeFile(file, JSON.stringify(document));
    const logger = createRecordingLogger();
    const tampered = createVaultService(path.dirname(file), { kdf: FAST, logger: logger.logger });
    expect(await tampered.unlock(created.owner.id, OWNER_PASS)).toEqual({ status: 'unavailable', reason: 'weak_slot' });
    expect(await tampered.unlockWithRecoveryKey(created.recoveryKey)).toEqual({ status: 'unavailable', reason: 'weak_slot' });
    expect(logger.lines.join('\n')).toContain('kdf_out_of_range');
  });

  it('refuses to be configured with a KDF setting below the floor', async () => {
    const dir = await tempDir();
    expect(() => createVaultService(dir, { kdf: { alg: 'pbkdf2-sha256', iterations: 100_000 } })).toThrow(RangeError);
    expect(() => createVaultService(dir, { kdf: { alg: 'argon2id', memoryKiB: 4096, passes: 3, parallelism: 1 } })).toThrow(RangeError);
  });
});

describe('vault service: brute-force friction', () => {
  it(
    'makes a user wait after 5 failures, doubling, and remembers it across a restart',
    async () => {
      const time = clock();
      const { created, make } = await newVault({ clock: time });
      let vault = make();
      for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt += 1) {
        expect(await vault.unlock(created.owner.id, `vaara-${attempt}-lause-tassa`)).toMatchObject({
          status: 'wrong_passphrase',
          failedAttempts: attempt,
          retryAt: null,
          lockoutStarted: false,
        });
      }
      expect(await vault.unlock(created.owner.id, 'vaara-viides-lause')).toEqual({
        status: 'wrong_passphrase',
        failedAttempts: LOCKOUT_THRESHOLD,
        retryAt: time.now() + LOCKOUT_BASE_DELAY_MS,
        lockoutStarted: true,
      });
      // Even the right passphrase is not tried while the wait lasts, and a restart does not reset it.
      vault = make();
      expect(await vault.unlock(created.owner.id, OWNER_PASS)).toEqual({ status: 'locked_out', retryAt: time.now() + LOCKOUT_BASE_DELAY_MS });

      time.advance(LOCKOUT_BASE_DELAY_MS);
      expect(await vault.unlock(created.owner.id, 'vaara-kuudes-lause')).toMatchObject({
        status: 'wrong_passphrase',
        retryAt: time.now() + 2 * LOCKOUT_BASE_DELAY_MS,
      });
      time.advance(2 * LOCKOUT_BASE_DELAY_MS - 1);
      expect((await make().unlock(created.owner.id, OWNER_PASS)).status).toBe('locked_out');
      time.advance(1);
      expectOk(await make().unlock(created.owner.id, OWNER_PASS));
      // Success resets the count.
      expect((await make().read())?.users[0]?.lockout).toEqual({ failedAttempts: 0, lockedUntil: null });
    },
    60_000,
  );

  it('counts wrong recovery keys separately, and refuses malformed ones without counting', async () => {
    const { vault } = await newVault();
    await expect(vault.unlockWithRecoveryKey('not-a-key')).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await vault.read())?.recoveryLockout.failedAttempts).toBe(0);
    const wrong = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
    expect(await vault.unlockWithRecoveryKey(wrong)).toMatchObject({ status: 'wrong_passphrase', failedAttempts: 1 });
    expect((await vault.read())?.recoveryLockout.failedAttempts).toBe(1);
    expect((await vault.read())?.users[0]?.lockout.failedAttempts).toBe(0);
  });
});

describe('vault service: recovery key', () => {
  it(
    'opens the vault however the key is typed, and a replaced key stops working at once',
    async () => {
      const { vault, created, holder } = await newVault();
      const typed = created.recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
      expectOk(await vault.unlockWithRecoveryKey(typed));

      const replacement = await vault.replaceRecoveryKey(holder);
      expect(replacement).not.toBe(created.recoveryKey);
      expect((await vault.unlockWithRecoveryKey(created.recoveryKey)).status).toBe('wrong_passphrase');
      const opened = await vault.unlockWithRecoveryKey(replacement);
      expectOk(opened);
      expect(await rawKey(opened.dataKey)).toBe(await rawKey(created.dataKey));
      expect((await vault.read())?.slots.filter((slot) => slot.owner === 'recovery')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'lets the owner set a new passphrase after a recovery sign-in, without the forgotten one',
    async () => {
      const { vault, created, holder } = await newVault();
      const recovered = await vault.unlockWithRecoveryKey(created.recoveryKey);
      expectOk(recovered);
      const changed = await vault.changePassphrase({
        userId: recovered.user.id,
        holder: { vaultId: holder.vaultId, dataKey: recovered.dataKey },
        newPassphrase: 'muistettava-uusi-lause',
        requireCurrent: false,
      });
      expect(changed.status).toBe('ok');
      expect((await vault.unlock(created.owner.id, OWNER_PASS)).status).toBe('wrong_passphrase');
      expectOk(await vault.unlock(created.owner.id, 'muistettava-uusi-lause'));
      // The recovery key still works: it is a separate slot.
      expectOk(await vault.unlockWithRecoveryKey(created.recoveryKey));
    },
    SLOW,
  );

  it('refuses a session key from another vault', async () => {
    const first = await newVault();
    const second = await newVault();
    await expect(first.vault.replaceRecoveryKey(second.holder)).rejects.toBeInstanceOf(HandlerError);
    await expect(first.vault.addUser(second.holder, { name: 'Vieras', oneTimePassphrase: RECEPTIONIST_ONE_TIME })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
