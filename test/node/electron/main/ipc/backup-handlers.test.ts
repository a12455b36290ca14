import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { decryptBackup } from '../../../../../shared/backup/age-file';
import { buildBackupDocument, checkBackupDocument, serialiseBackupDocument } from '../../../../../shared/backup/format';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import { demoRegister } from '../../../../../shared/domain/demo-data';
import type { Channel, ChannelInput } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/ipc/result';
import { BACKUP_HISTORY_FILE, BACKUP_SETTINGS_FILE } from '../../../../../electron/main/services/backup-service';
import { JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { createInProcessBridge, type InProcessBridge } from '../../../../support/ipc-bridge';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Backups through the real dispatcher, handlers, session and backup service, with real files
 * and the real scrypt: owner set-up, manual backups, scheduled ones through single-use tokens
 * (a receptionist's session too), opening for a restore with every kind of failure, exports.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const BACKUP_PASS = 'varmuus-kopio-lause-2026';
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const SLOW = 120_000;
const tempDir = useTempDirs();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}
const call = <C extends Channel>(bridge: InProcessBridge, channel: C, input: ChannelInput<C>) => bridge.api.invoke(channel, input);

async function documentText(customers = 3): Promise<string> {
  return serialiseBackupDocument(
    await buildBackupDocument({ appVersion: 'test', createdAt: new Date(NOW), settings: { business: { name: 'Testisalonki' } }, tables: demoRegister({ customers, now: NOW }) }),
  );
}

async function ownerWithBackups() {
  const dir = await tempDir();
  const backupDir = await tempDir();
  let clock = NOW;
  const bridge = createInProcessBridge({ userDataDir: dir, origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT, now: () => clock });
  const created = value(await call(bridge, 'vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  bridge.setDialogAnswer('backupFolder', backupDir);
  value(await call(bridge, 'backups.chooseFolder', undefined));
  value(await call(bridge, 'backups.setPassphrase', { passphrase: BACKUP_PASS }));
  return { dir, backupDir, bridge, ownerId: created.session.user.id, advance: (ms: number) => (clock += ms) };
}

describe('backup channels', () => {
  it(
    'makes a verified, 0600 backup in the chosen folder that age and the history agree on; the passphrase never leaves main in clear',
    async () => {
      const { bridge, dir, backupDir } = await ownerWithBackups();
      expect(value(await call(bridge, 'backups.status', undefined))).toEqual({ lastVerifiedAt: null, warning: 'never' });
      const text = await documentText();
      const entry = value(await call(bridge, 'backups.create', { document: text, kind: 'manual' }));
      expect(entry).toMatchObject({ verified: true, kind: 'manual', folder: backupDir, counts: { customers: 3, services: 10, appointments: 15, erasureLedger: 0 } });
      const file = path.join(backupDir, entry.fileName);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await decryptBackup(new Uint8Array(await readFile(file)), BACKUP_PASS)).toBe(text);
      expect(value(await call(bridge, 'backups.history', undefined))).toEqual([entry]);
      expect(value(await call(bridge, 'backups.status', undefined))).toEqual({ lastVerifiedAt: entry.createdAt, warning: null });
      // Main's own files hold no passphrase in clear, and no customer data.
      const settingsText = await readFile(path.join(dir, BACKUP_SETTINGS_FILE), 'utf8');
      expect(settingsText).not.toContain(BACKUP_PASS);
      const historyText = await readFile(path.join(dir, BACKUP_HISTORY_FILE), 'utf8');
      const journal = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
      const someone = demoRegister({ customers: 3, now: NOW }).customers[0]!;
      for (const secret of [someone.lastName, someone.phone, BACKUP_PASS].filter(Boolean)) {
        expect(historyText).not.toContain(secret);
        expect(journal).not.toContain(secret);
      }
      expect(journal).toContain('"backup.created"');
    },
    SLOW,
  );

  it('refuses a document that does not check out, and writes nothing', async () => {
    const { bridge, backupDir } = await ownerWithBackups();
    const text = await documentText(1);
    const tampered = text.replace('"count":1', '"count":2');
    expect(await call(bridge, 'backups.create', { document: tampered, kind: 'manual' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call(bridge, 'backups.create', { document: '{"not":"ours"}', kind: 'manual' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await readdir(backupDir)).toEqual([]);
  }, SLOW);

  it(
    'lets any session supply a due backup once, through the token main issued, and never at will',
    async () => {
      const { bridge, backupDir, advance } = await ownerWithBackups();
      const receptionist = value(await call(bridge, 'users.add', { name: 'Riikka Vastaanotto', oneTimePassphrase: 'kerta-kaytto-sana-2026' }));
      value(await call(bridge, 'session.signOut', { reason: 'manual' }));
      value(await call(bridge, 'session.signIn', { userId: receptionist.id, passphrase: 'kerta-kaytto-sana-2026' }));
      value(await call(bridge, 'session.changePassphrase', { newPassphrase: 'oma-lause-vastaanotossa' }));

      const text = await documentText(2);
      expect(await call(bridge, 'backups.create', { document: text, kind: 'manual' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(bridge, 'backups.runDue', { token: 'made-up', document: text })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // Never backed up: a daily backup is due at once.
      const due = value(await call(bridge, 'backups.due', { changes: 0 }));
      expect(due.due).toBe('scheduled');
      const entry = value(await call(bridge, 'backups.runDue', { token: due.token!, document: text }));
      expect(entry).toMatchObject({ kind: 'scheduled', verified: true });
      expect(await call(bridge, 'backups.runDue', { token: due.token!, document: text })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(value(await call(bridge, 'backups.due', { changes: 0 }))).toEqual({ due: null, token: null });
      // Many changes make one due sooner; the default schedule is 200.
      expect(value(await call(bridge, 'backups.due', { changes: 250 })).due).toBe('changes');
      // A day later, due again.
      advance(25 * 60 * 60 * 1000);
      expect(value(await call(bridge, 'backups.due', { changes: 0 })).due).toBe('scheduled');
      expect((await readdir(backupDir)).filter((name) => name.endsWith('.age'))).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'opens a chosen backup for a restore, and names each failure: wrong passphrase, not age, damaged, expired',
    async () => {
      const { bridge, backupDir } = await ownerWithBackups();
      const text = await documentText(2);
      const entry = value(await call(bridge, 'backups.create', { document: text, kind: 'manual' }));
      const file = path.join(backupDir, entry.fileName);

      bridge.setDialogAnswer('backupFile', file);
      const chosen = value(await call(bridge, 'backups.chooseForRestore', undefined));
      if (chosen.status !== 'ok') throw new Error('not chosen');
      expect(chosen.fileName).toBe(entry.fileName);
      expect(value(await call(bridge, 'backups.open', { token: chosen.token, passphrase: 'vaara-lause-tassa' }))).toEqual({ status: 'failed', problem: 'wrong_passphrase' });
      const opened = value(await call(bridge, 'backups.open', { token: chosen.token, passphrase: BACKUP_PASS }));
      if (opened.status !== 'ok') throw new Error(opened.problem);
      expect((await checkBackupDocument(opened.document)).ok).toBe(true);
      // The token is used up by the successful open.
      expect(value(await call(bridge, 'backups.open', { token: chosen.token, passphrase: BACKUP_PASS }))).toEqual({ status: 'failed', problem: 'expired' });

      const notAge = path.join(backupDir, 'notes.txt');
      await writeFile(notAge, 'jotain muuta');
      bridge.setDialogAnswer('backupFile', notAge);
      const other = value(await call(bridge, 'backups.chooseForRestore', undefined));
      if (other.status !== 'ok') throw new Error('not chosen');
      expect(value(await call(bridge, 'backups.open', { token: other.token, passphrase: BACKUP_PASS }))).toEqual({ status: 'failed', problem: 'not_age' });

      const bytes = await readFile(file);
      bytes[bytes.length - 10]! ^= 1;
      const damaged = path.join(backupDir, 'damaged.age');
      await writeFile(damaged, bytes);
      bridge.setDialogAnswer('backupFile', damaged);
      const third = value(await call(bridge, 'backups.chooseForRestore', undefined));
      if (third.status !== 'ok') throw new Error('not chosen');
      expect(value(await call(bridge, 'backups.open', { token: third.token, passphrase: BACKUP_PASS }))).toEqual({ status: 'failed', problem: 'damaged' });

      bridge.setDialogAnswer('backupFile', null);
      expect(value(await call(bridge, 'backups.chooseForRestore', undefined))).toEqual({ status: 'cancelled' });
    },
    SLOW,
  );

  it(
    'keeps the pre-restore backup out of rotation for a month, then rotates it like any other',
    async () => {
      const { bridge, advance } = await ownerWithBackups();
      const settings = value(await call(bridge, 'backups.settings', undefined));
      value(await call(bridge, 'backups.setSettings', { rotation: { ...settings.rotation, daily: 1, weekly: 0, monthly: 0 } }));
      const text = await documentText(1);
      const pre = value(await call(bridge, 'backups.create', { document: text, kind: 'pre-restore' }));
      advance(60_000);
      value(await call(bridge, 'backups.create', { document: text, kind: 'manual' }));
      advance(60_000);
      value(await call(bridge, 'backups.create', { document: text, kind: 'manual' }));
      const kept = (history: { fileName: string; rotatedAway: boolean }[]) => history.filter((e) => !e.rotatedAway).map((e) => e.fileName);
      expect(kept(value(await call(bridge, 'backups.history', undefined)))).toContain(pre.fileName);
      advance(31 * 24 * 60 * 60 * 1000);
      value(await call(bridge, 'backups.create', { document: text, kind: 'manual' }));
      expect(kept(value(await call(bridge, 'backups.history', undefined)))).not.toContain(pre.fileName);
    },
    SLOW,
  );

  it(
    'picks a backup from the history by its file name only: a name the history lacks, or a path, is not found',
    async () => {
      const { bridge } = await ownerWithBackups();
      const entry = value(await call(bridge, 'backups.create', { document: await documentText(2), kind: 'manual' }));
      const picked = value(await call(bridge, 'backups.chooseFromHistory', { fileName: entry.fileName }));
      if (picked.status !== 'ok') throw new Error('not found');
      const opened = value(await call(bridge, 'backups.open', { token: picked.token, passphrase: BACKUP_PASS }));
      expect(opened.status).toBe('ok');
      for (const fileName of ['../vault.json', `../${entry.fileName}`, 'kirjuri-19990101-000000.age']) {
        expect(value(await call(bridge, 'backups.chooseFromHistory', { fileName }))).toEqual({ status: 'not_found' });
      }
    },
    SLOW,
  );

  it('issues a closing token only when closing backups are on and settles when the backup is written', async () => {
    const { bridge } = await ownerWithBackups();
    const token = await bridge.services.backupChannels.closingToken();
    expect(token).not.toBeNull();
    const settled = bridge.services.backupChannels.settled(token!, 60_000);
    value(await call(bridge, 'backups.runDue', { token: token!, document: await documentText(1) }));
    expect(await settled).toBe(true);
    const settings = value(await call(bridge, 'backups.settings', undefined));
    value(await call(bridge, 'backups.setSettings', { schedule: { ...settings.schedule, onClose: false } }));
    expect(await bridge.services.backupChannels.closingToken()).toBeNull();
    value(await call(bridge, 'session.signOut', { reason: 'manual' }));
    expect(await bridge.services.backupChannels.closingToken()).toBeNull();
  }, SLOW);

  it('saves an export where the owner chose, 0600, journaled by kind only', async () => {
    const { bridge, dir } = await ownerWithBackups();
    const exportDir = await tempDir();
    bridge.setDialogAnswer('saveFile', path.join(exportDir, 'lista.csv'));
    expect(value(await call(bridge, 'exports.save', { kind: 'marketing-csv', files: { 'markkinointi.csv': '\uFEFFa;b\r\n' } }))).toEqual({ status: 'ok', fileCount: 1 });
    expect(await readFile(path.join(exportDir, 'lista.csv'), 'utf8')).toBe('\uFEFFa;b\r\n');
    expect((await stat(path.join(exportDir, 'lista.csv'))).mode & 0o777).toBe(0o600);
    bridge.setDialogAnswer('exportFolder', exportDir);
    expect(value(await call(bridge, 'exports.save', { kind: 'register-csv', files: { 'customers.csv': 'x', 'services.csv': 'y' } }))).toEqual({ status: 'ok', fileCount: 2 });
    const [folder] = (await readdir(exportDir)).filter((name) => name.startsWith('kirjuri-register-csv-'));
    expect((await readdir(path.join(exportDir, folder!))).sort()).toEqual(['customers.csv', 'services.csv']);
    expect(await call(bridge, 'exports.save', { kind: 'register-csv', files: { '../escape.csv': 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const journal = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
    expect(journal.match(/"export.created"/g)).toHaveLength(2);
  });
});
