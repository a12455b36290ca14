import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import type { Result } from '../../../../../shared/ipc/result';
import type { JournalEntry } from '../../../../../shared/schemas/journal';
import { DEFAULT_RETENTION_POLICY, RETENTION_REVIEW_MONTH_CHOICES, retentionPolicyOf } from '../../../../../shared/schemas/retention';
import { RegisterSettingsSchema } from '../../../../../shared/schemas/users';
import { JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { VAULT_FILE_NAME } from '../../../../../electron/main/services/vault-file';
import { createInProcessBridge, type InProcessBridge } from '../../../../support/ipc-bridge';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The retention policy as a register setting (issue 7): main keeps `retentionReviewMonths` in
 * vault.json, a vault written before the setting existed opens with the default (36 months),
 * and `settings.set` takes only the choices the settings screen offers — anything else is
 * refused with `invalid_request` and leaves the file and the journal as they were. Real
 * dispatcher, handlers, vault and journal behind the in-process bridge.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const SLOW = 30_000;

const tempDir = useTempDirs();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

const bridgeAt = (dir: string) => createInProcessBridge({ userDataDir: dir, origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT });

/** A new register, its owner signed in (vault.create signs them in). */
async function newRegister(): Promise<{ dir: string; bridge: InProcessBridge; ownerId: string }> {
  const dir = await tempDir();
  const bridge = bridgeAt(dir);
  const created = value(await bridge.api.invoke('vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  return { dir, bridge, ownerId: created.session.user.id };
}

async function signIn(bridge: InProcessBridge, userId: string) {
  const result = value(await bridge.api.invoke('session.signIn', { userId, passphrase: OWNER_PASS }));
  if (result.status !== 'ok') throw new Error(`sign-in: ${result.status}`);
  return result.session;
}

async function settingChanges(dir: string): Promise<(string | null)[]> {
  const text = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry)
    .filter((entry) => entry.action === 'settings.changed')
    .map((entry) => entry.detail);
}

describe('retention policy setting', () => {
  it('turns settings into the policy in force; the register setting takes only the offered choices', () => {
    expect(retentionPolicyOf({ retentionReviewMonths: 60 })).toEqual({ reviewAfterMonths: 60 });
    expect(DEFAULT_RETENTION_POLICY).toEqual({ reviewAfterMonths: 36 });
    const base = { autoLockMinutes: 5, healthNotesEnabled: false, csvSeparator: ';' };
    for (const months of RETENTION_REVIEW_MONTH_CHOICES) expect(RegisterSettingsSchema.safeParse({ ...base, retentionReviewMonths: months }).success).toBe(true);
    for (const bad of [0, 6, 30, 36.5, 132, '36', null]) expect(RegisterSettingsSchema.safeParse({ ...base, retentionReviewMonths: bad }).success, String(bad)).toBe(false);
    // The renderer never sees settings without a policy: main always sends one.
    expect(RegisterSettingsSchema.safeParse(base).success).toBe(false);
  });

  it(
    'a new register reviews customers after 36 months, and sign-in carries the setting to the renderer',
    async () => {
      const { dir, bridge, ownerId } = await newRegister();
      expect(value(await bridge.api.invoke('settings.get', undefined))).toMatchObject({ retentionReviewMonths: 36 });
      const vault = JSON.parse(await readFile(path.join(dir, VAULT_FILE_NAME), 'utf8')) as { settings: Record<string, unknown> };
      expect(vault.settings['retentionReviewMonths']).toBe(36);
      value(await bridge.api.invoke('session.signOut', { reason: 'manual' }));
      expect((await signIn(bridge, ownerId)).settings.retentionReviewMonths).toBe(36);
    },
    SLOW,
  );

  it(
    'opens a vault.json written before the setting existed with the default 36 months, and can change it',
    async () => {
      const { dir, bridge, ownerId } = await newRegister();
      value(await bridge.api.invoke('session.signOut', { reason: 'manual' }));
      const file = path.join(dir, VAULT_FILE_NAME);
      const vault = JSON.parse(await readFile(file, 'utf8')) as { settings: Record<string, unknown> };
      delete vault.settings['retentionReviewMonths'];
      await writeFile(file, JSON.stringify(vault, null, 2), { mode: 0o600 });

      // A fresh main (an app start) over the old file.
      const restarted = bridgeAt(dir);
      const status = value(await restarted.api.invoke('vault.status', undefined));
      expect(status.exists).toBe(true);
      const session = await signIn(restarted, ownerId);
      expect(session.settings).toEqual({ autoLockMinutes: 5, healthNotesEnabled: false, csvSeparator: ';', retentionReviewMonths: 36 });
      expect(value(await restarted.api.invoke('settings.set', { retentionReviewMonths: 48 }))).toMatchObject({ retentionReviewMonths: 48 });
      const written = JSON.parse(await readFile(file, 'utf8')) as { settings: Record<string, unknown> };
      expect(written.settings).toMatchObject({ autoLockMinutes: 5, retentionReviewMonths: 48 });
    },
    SLOW,
  );

  it(
    'refuses a value not among the choices and changes nothing; a valid choice is saved and journaled once',
    async () => {
      const { dir, bridge, ownerId } = await newRegister();
      const file = path.join(dir, VAULT_FILE_NAME);
      const before = await readFile(file, 'utf8');
      const changesBefore = await settingChanges(dir);
      for (const bad of [30, 0, 36.5, 132, -12, '60', null]) {
        expect(await bridge.dispatch('settings.set', { retentionReviewMonths: bad }), String(bad)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      }
      // One bad value in a request refuses the whole request: the good setting beside it is not saved either.
      expect(await bridge.dispatch('settings.set', { autoLockMinutes: 15, retentionReviewMonths: 30 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(await readFile(file, 'utf8')).toBe(before);
      expect(await settingChanges(dir)).toEqual(changesBefore);
      expect(value(await bridge.api.invoke('settings.get', undefined))).toMatchObject({ autoLockMinutes: 5, retentionReviewMonths: 36 });

      expect(value(await bridge.api.invoke('settings.set', { retentionReviewMonths: 60 }))).toEqual({
        autoLockMinutes: 5,
        healthNotesEnabled: false,
        csvSeparator: ';',
        retentionReviewMonths: 60,
      });
      // The same value again is no change, and is not journaled again.
      value(await bridge.api.invoke('settings.set', { retentionReviewMonths: 60 }));
      expect(await settingChanges(dir)).toEqual([...changesBefore, 'retentionReviewMonths']);
      value(await bridge.api.invoke('session.signOut', { reason: 'manual' }));
      expect((await signIn(bridge, ownerId)).settings.retentionReviewMonths).toBe(60);
    },
    SLOW,
  );
});
