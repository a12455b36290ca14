import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Register } from '../../../renderer/src/db/register';
import { importDataKey } from '../../../renderer/src/db/data-key';
import { BackupRunner } from '../../../renderer/src/features/backups/backup-runner';
import { PBKDF2_DEFAULT } from '../../../shared/crypto/key-slots';
import { RENDERER_API_KEY } from '../../../shared/ipc/renderer-api';
import type { Result } from '../../../shared/ipc/result';
import { freshDatabase } from '../../support/fresh-db';
import { createInProcessBridge } from '../../support/ipc-bridge';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The renderer's backup runner against the real main handlers and real files: it counts the
 * register's changes, makes the backup main says is due (after N changes), answers a closing
 * backup at once, and after a verified backup makes merges final. A receptionist's session
 * supplies scheduled backups too, but cannot back up at will.
 */
const FLOW = 120_000;
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const BACKUP_PASS = 'varmuus-kopio-lause-kettu-2026';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function world() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kirjuri-runner-'));
  const folder = await mkdtemp(join(tmpdir(), 'kirjuri-runner-backups-'));
  const bridge = createInProcessBridge({ userDataDir, origin: window.location.origin, kdf: PBKDF2_DEFAULT });
  window[RENDERER_API_KEY] = bridge.api;
  const created = value(await bridge.api.invoke('vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  bridge.setDialogAnswer('backupFolder', folder);
  value(await bridge.api.invoke('backups.chooseFolder', undefined));
  value(await bridge.api.invoke('backups.setPassphrase', { passphrase: BACKUP_PASS }));
  const settings = value(await bridge.api.invoke('backups.settings', undefined));
  value(await bridge.api.invoke('backups.setSettings', { schedule: { ...settings.schedule, daily: false, atTime: null, afterChanges: 3 } }));
  const register = await Register.open(freshDatabase(), await importDataKey(created.dataKey), { userId: created.session.user.id, role: 'owner' });
  const runner = new BackupRunner({ register, business: null, settings: created.session.settings, appVersion: 'test' }, { firstPollMs: 3_600_000, pollMs: 3_600_000 });
  stops.push(runner.start());
  await register.appointments.ready;
  return { bridge, register, runner, folder };
}

describe('the backup runner', () => {
  it(
    'makes the backup due after N changes, then starts counting again; a verified backup makes merges final',
    async () => {
      const { bridge, register, runner } = await world();
      const a = await register.customers.create(syntheticCustomer(1));
      const b = await register.customers.create(syntheticCustomer(2));
      expect(runner.changeCount).toBe(2);
      expect(await runner.check()).toBeNull();
      const merge = await register.merge(a.id, b.id, {});
      expect(register.canUndoMerge(merge.id)).toBe(true);
      expect(runner.changeCount).toBeGreaterThanOrEqual(3);

      const outcome = await runner.check();
      expect(outcome).toMatchObject({ ok: true, entry: { kind: 'changes', verified: true, counts: { customers: 1 } } });
      expect(runner.changeCount).toBe(0);
      expect(register.canUndoMerge(merge.id)).toBe(false);
      expect(runner.currentStatus).toMatchObject({ warning: null });
      expect(await runner.check()).toBeNull();
      expect(value(await bridge.api.invoke('backups.history', undefined)).map((e) => e.kind)).toEqual(['changes']);
    },
    FLOW,
  );

  it(
    'answers a closing backup as soon as main asks, and main hears that it is written',
    async () => {
      const { bridge, register } = await world();
      await register.customers.create(syntheticCustomer(3));
      const token = await bridge.services.backupChannels.closingToken();
      expect(token).not.toBeNull();
      const settled = bridge.services.backupChannels.settled(token!, 60_000);
      bridge.emit('backups.closing', { token: token! });
      expect(await settled).toBe(true);
      const history = value(await bridge.api.invoke('backups.history', undefined));
      expect(history.map((e) => [e.kind, e.verified, e.counts.customers])).toEqual([['closing', true, 1]]);
    },
    FLOW,
  );

  it(
    "backs up a receptionist's session when main says so, but a receptionist cannot back up at will",
    async () => {
      const { bridge, register } = await world();
      await register.customers.create(syntheticCustomer(4));
      const added = value(await bridge.api.invoke('users.add', { name: 'Riikka Vastaanotto', oneTimePassphrase: 'kerta-lause-vastaanotto-77' }));
      value(await bridge.api.invoke('session.signOut', { reason: 'manual' }));
      const signedIn = value(await bridge.api.invoke('session.signIn', { userId: added.id, passphrase: 'kerta-lause-vastaanotto-77' }));
      if (signedIn.status !== 'ok') throw new Error(signedIn.status);
      const receptionist = await Register.open(freshDatabase(), await importDataKey(signedIn.dataKey), { userId: added.id, role: 'receptionist' });
      const runner = new BackupRunner({ register: receptionist, business: null, settings: signedIn.session.settings, appVersion: 'test' }, { firstPollMs: 3_600_000, pollMs: 3_600_000 });
      stops.push(runner.start());
      await receptionist.appointments.ready;
      expect(await runner.backUpNow('manual')).toEqual({ ok: false, code: 'forbidden' });
      for (let i = 0; i < 3; i++) await receptionist.customers.create(syntheticCustomer(10 + i));
      expect(await runner.check()).toMatchObject({ ok: true, entry: { kind: 'changes', verified: true } });
    },
    FLOW,
  );
});
