import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../../../renderer/src/db/errors';
import { Register } from '../../../../../renderer/src/db/register';
import { importDataKey } from '../../../../../renderer/src/db/data-key';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import { CHANNELS, contract, OWNER_CHANNELS, type Channel, type ChannelInput, type OwnerChannel } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/ipc/result';
import type { JournalEntry } from '../../../../../shared/schemas/journal';
import type { SignInResult } from '../../../../../shared/schemas/users';
import { buildBackupDocument, serialiseBackupDocument } from '../../../../../shared/backup/format';
import { JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { VAULT_FILE_NAME } from '../../../../../electron/main/services/vault-file';
import { freshDatabase } from '../../../../support/fresh-db';
import { createInProcessBridge, type InProcessBridge } from '../../../../support/ipc-bridge';
import { syntheticCustomer } from '../../../../support/synthetic';
import { sampleBusiness, sampleCustomer, samplePrivacyNotice, sampleReplyLetter, sampleReport } from '../../helpers/document-samples';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The role matrix (issue 4): every privileged operation × {owner, receptionist}, through the REAL
 * dispatcher, handlers, session, vault and journal (in-process bridge), and through the REAL data
 * layer for what the renderer enforces itself (erasing a customer).
 *
 * A receptionist's attempt must be refused with the stable code `forbidden` and leave no trace but
 * one `access.denied` journal entry. The owner's same request must get through.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const DESK_ONE_TIME = 'kerta-kaytto-sana-2026';
const DESK_OWN = 'oma-lause-vastaanotossa';

const tempDir = useTempDirs();

interface World {
  backupDir: string;
  exportDir: string;
  /** A valid (empty) backup document, for the backup channels' samples. */
  document: string;
  bridge: InProcessBridge;
  dir: string;
  ownerId: string;
  receptionistId: string;
  recoveryKey: string;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

async function call<C extends Channel>(bridge: InProcessBridge, channel: C, input: ChannelInput<C>) {
  return bridge.api.invoke(channel, input);
}

async function signIn(bridge: InProcessBridge, userId: string, passphrase: string): Promise<SignInResult> {
  return value(await call(bridge, 'session.signIn', { userId, passphrase }));
}

/** Owner creates the register and a receptionist, who signs in once and sets an own passphrase. */
async function world(): Promise<World> {
  const dir = await tempDir();
  const bridge = createInProcessBridge({ userDataDir: dir, origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT });
  const created = value(await call(bridge, 'vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  const receptionist = value(await call(bridge, 'users.add', { name: 'Riikka Vastaanotto', oneTimePassphrase: DESK_ONE_TIME }));
  // Backups and exports set up by the owner, with real folders behind the dialogs.
  const backupDir = await tempDir();
  const exportDir = await tempDir();
  bridge.setDialogAnswer('backupFolder', backupDir);
  bridge.setDialogAnswer('exportFolder', exportDir);
  bridge.setDialogAnswer('saveFile', path.join(exportDir, 'vienti.csv'));
  bridge.setDialogAnswer('backupFile', path.join(backupDir, 'ei-ole.age'));
  expect(value(await call(bridge, 'backups.chooseFolder', undefined))).toMatchObject({ status: 'ok' });
  value(await call(bridge, 'backups.setPassphrase', { passphrase: 'varmuus-kopio-lause-2026' }));
  const document = serialiseBackupDocument(
    await buildBackupDocument({ appVersion: 'test', createdAt: new Date(0), settings: {}, tables: { customers: [], services: [], appointments: [], erasureLedger: [] } }),
  );
  value(await call(bridge, 'session.signOut', { reason: 'manual' }));
  const first = await signIn(bridge, receptionist.id, DESK_ONE_TIME);
  expect(first).toMatchObject({ status: 'ok', session: { mustChangePassphrase: true, user: { role: 'receptionist' } } });
  expect(value(await call(bridge, 'session.changePassphrase', { newPassphrase: DESK_OWN }))).toMatchObject({ status: 'ok' });
  value(await call(bridge, 'session.signOut', { reason: 'manual' }));
  return { bridge, dir, backupDir, exportDir, document, ownerId: created.session.user.id, receptionistId: receptionist.id, recoveryKey: created.recoveryKey };
}

/**
 * A valid request for each owner channel, so a refusal is about the role and not the payload.
 * Typed by the contract: a new owner channel without a sample here does not compile.
 */
function ownerRequests(w: World): { [C in OwnerChannel]: () => ChannelInput<C> } {
  return {
    'users.list': () => undefined,
    'users.add': () => ({ name: 'Uusi Vastaanotto', oneTimePassphrase: 'toinen-kerta-sana-2026' }),
    'users.setDisabled': () => ({ userId: w.receptionistId, disabled: true }),
    'users.remove': () => ({ userId: w.receptionistId }),
    'recovery.replace': () => undefined,
    'settings.set': () => ({ autoLockMinutes: 10 }),
    'journal.list': () => ({}),
    'journal.verify': () => undefined,
    // The bridge's file dialog answers "cancelled" unless a test picks a file: nothing is read.
    'import.pickCsv': () => undefined,
    'backups.settings': () => undefined,
    'backups.chooseFolder': () => undefined,
    'backups.setSettings': () => ({ rotation: { daily: 5, weekly: 4, monthly: 6 } }),
    'backups.setPassphrase': () => ({ passphrase: 'uusi-varmuus-lause-2027' }),
    'backups.create': () => ({ document: w.document, kind: 'manual' }),
    'backups.history': () => undefined,
    'backups.chooseForRestore': () => undefined,
    'backups.chooseFromHistory': () => ({ fileName: 'kirjuri-20261201-120000.age' }),
    // A token main never issued: the answer is "expired", and nothing is read.
    'backups.open': () => ({ token: 'not-issued', passphrase: 'varmuus-kopio-lause-2026' }),
    'backups.restored': () => ({ customers: 0, skippedErased: 0 }),
    'exports.save': () => ({ kind: 'marketing-csv', files: { 'markkinointi.csv': '\uFEFFetunimi;sukunimi\r\n' } }),
    // Documents render in main and are written where the save dialog answers (the export folder).
    'documents.saveAccessReport': () => ({ format: 'json', reports: [sampleReport(sampleCustomer(1))] }),
    'documents.savePrivacyNotice': () => ({ ...samplePrivacyNotice(), format: 'html' }),
    'documents.renderPrivacyNoticePreview': () => samplePrivacyNotice(),
    'documents.saveReplyLetter': () => sampleReplyLetter(),
    // The package is written into the export folder the dialog answers with.
    'transfers.saveSuccessorPackage': () => ({
      document: w.document,
      passphrase: 'siirto-lause-kuusi-omena-2027',
      csvSeparator: ';',
      note: { language: 'fi', business: sampleBusiness(), successor: { name: 'Seuraaja Oy', businessId: '', controllerContact: 'Sanna Seuraaja, 040 555 0199' }, reference: 'Kauppakirja 1/2026', date: '2026-11-25' },
    }),
  };
}

async function journalEntries(dir: string): Promise<JournalEntry[]> {
  const text = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** Every file main keeps or writes (data folder, backup folder, export folder), but the journal. */
async function mainFiles(w: Pick<World, 'dir' | 'backupDir' | 'exportDir'>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const dir of [w.dir, w.backupDir, w.exportDir]) {
    for (const name of (await readdir(dir, { recursive: true })).sort()) {
      if (name === JOURNAL_FILE_NAME) continue;
      const full = path.join(dir, name);
      out[full] = await readFile(full, 'utf8').catch(() => '(folder)');
    }
  }
  return out;
}

describe('role matrix', () => {
  let w: World;

  beforeEach(async () => {
    w = await world();
  }, 30_000);

  it('lists every owner channel in the matrix, and the contract marks the privileged ones owner-only', () => {
    expect(Object.keys(ownerRequests(w)).sort()).toEqual([...OWNER_CHANNELS].sort());
    for (const channel of ['users.list', 'users.add', 'users.setDisabled', 'users.remove', 'recovery.replace', 'settings.set', 'journal.list', 'journal.verify', 'import.pickCsv', 'backups.create', 'backups.open', 'backups.chooseForRestore', 'backups.setPassphrase', 'exports.save', 'documents.saveAccessReport', 'documents.savePrivacyNotice', 'documents.renderPrivacyNoticePreview', 'documents.saveReplyLetter', 'transfers.saveSuccessorPackage'] as const) {
      expect(contract[channel].access).toBe('owner');
    }
    // Taking in a written request is front-desk work.
    expect(contract['requests.pickAttachment'].access).toBe('session');
  });

  it.each([...OWNER_CHANNELS])(
    'receptionist → %s: forbidden, nothing changed, one access.denied entry',
    async (channel) => {
      expect((await signIn(w.bridge, w.receptionistId, DESK_OWN)).status).toBe('ok');
      const filesBefore = await mainFiles(w);
      const journalBefore = await journalEntries(w.dir);

      const request = ownerRequests(w)[channel]() as never;
      const result = await w.bridge.api.invoke(channel, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      expect(await mainFiles(w)).toEqual(filesBefore);
      const journalAfter = await journalEntries(w.dir);
      expect(journalAfter.slice(0, journalBefore.length)).toEqual(journalBefore);
      expect(journalAfter.slice(journalBefore.length)).toEqual([
        expect.objectContaining({ action: 'access.denied', userId: w.receptionistId, detail: channel }),
      ]);
    },
    30_000,
  );

  it.each([...OWNER_CHANNELS])(
    'owner → %s: allowed',
    async (channel) => {
      expect((await signIn(w.bridge, w.ownerId, OWNER_PASS)).status).toBe('ok');
      const request = ownerRequests(w)[channel]() as never;
      const result = await w.bridge.api.invoke(channel, request);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const denied = (await journalEntries(w.dir)).filter((entry) => entry.action === 'access.denied');
      expect(denied).toEqual([]);
    },
    30_000,
  );

  it('refuses every non-public channel to nobody signed in, with not_signed_in and no journal entry', async () => {
    const before = await journalEntries(w.dir);
    for (const channel of CHANNELS.filter((c) => contract[c].access !== 'public')) {
      const result = await w.bridge.dispatch(channel, undefined);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    }
    expect(await journalEntries(w.dir)).toEqual(before);
  });

  it('checks the role before the payload: a receptionist learns nothing from a malformed owner request', async () => {
    await signIn(w.bridge, w.receptionistId, DESK_OWN);
    expect(await w.bridge.dispatch('users.add', { name: 42 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a receptionist do the front-desk work: read settings, journal a customer, change own passphrase', async () => {
    await signIn(w.bridge, w.receptionistId, DESK_OWN);
    // A request's written copy: the dialog (cancelled here) is the receptionist's to open.
    expect(value(await call(w.bridge, 'requests.pickAttachment', undefined))).toEqual({ status: 'cancelled' });
    expect(value(await call(w.bridge, 'settings.get', undefined))).toEqual({ autoLockMinutes: 5, healthNotesEnabled: false, csvSeparator: ';', retentionReviewMonths: 36 });
    value(await call(w.bridge, 'journal.record', { action: 'customer.opened', recordId: 'customer-1' }));
    const last = (await journalEntries(w.dir)).at(-1);
    expect(last).toMatchObject({ action: 'customer.opened', userId: w.receptionistId, recordId: 'customer-1' });
  });

  it('journals who did it from main session, never from the request', async () => {
    await signIn(w.bridge, w.receptionistId, DESK_OWN);
    const spoofed = await w.bridge.dispatch('journal.record', { action: 'customer.opened', recordId: 'customer-1', userId: w.ownerId });
    expect(spoofed.ok).toBe(true);
    expect((await journalEntries(w.dir)).at(-1)).toMatchObject({ userId: w.receptionistId });
    // The renderer may report only what it did with customers, not sign-ins or backups.
    expect(await w.bridge.dispatch('journal.record', { action: 'backup.created', recordId: 'x' })).toMatchObject({
      error: { code: 'invalid_request' },
    });
  });

  it('the data layer refuses a receptionist erasing a customer or editing the catalogue, untouched pages; the owner may', async () => {
    const signedIn = await signIn(w.bridge, w.receptionistId, DESK_OWN);
    if (signedIn.status !== 'ok') throw new Error('not signed in');
    const db = freshDatabase();
    const dataKey = await importDataKey(signedIn.dataKey);
    const desk = await Register.open(db, dataKey, { userId: w.receptionistId, role: 'receptionist' });
    const customer = await desk.customers.create(syntheticCustomer(1));
    await desk.customers.update(customer.id, { ...syntheticCustomer(1), notes: 'Vastaanotto muokkasi' });
    const before = await db.pages.toArray();
    await expect(desk.eraseCustomer(customer.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(desk.services.create({ name: 'Leikkaus', durationMin: 30, priceCents: 3000, active: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.pages.toArray()).toEqual(before);
    expect(desk.customers.get(customer.id)?.notes).toBe('Vastaanotto muokkasi');
    expect(desk.customers.get(customer.id)?.updatedBy).toBe(w.receptionistId);
    await desk.close();

    const owner = await Register.open(db, dataKey, { userId: w.ownerId, role: 'owner' });
    await owner.eraseCustomer(customer.id);
    expect(owner.customers.get(customer.id)).toBeUndefined();
    await owner.services.create({ name: 'Leikkaus', durationMin: 30, priceCents: 3000, active: true });
  });
});

describe('sessions', () => {
  let w: World;

  beforeEach(async () => {
    w = await world();
  }, 30_000);

  it('journals sign-ins, failures and locks with ids only', async () => {
    await signIn(w.bridge, w.ownerId, 'vaara-lause-tassa-nyt');
    await signIn(w.bridge, w.ownerId, OWNER_PASS);
    value(await call(w.bridge, 'session.signOut', { reason: 'idle' }));
    const tail = (await journalEntries(w.dir)).slice(-3);
    expect(tail).toEqual([
      expect.objectContaining({ action: 'session.sign_in_failed', userId: null, recordId: w.ownerId, detail: 'wrong_passphrase' }),
      expect.objectContaining({ action: 'session.signed_in', userId: w.ownerId }),
      expect.objectContaining({ action: 'session.locked', userId: w.ownerId, detail: 'idle' }),
    ]);
    const text = await readFile(path.join(w.dir, JOURNAL_FILE_NAME), 'utf8');
    for (const secret of ['Olga', 'Riikka', 'Testisalonki', OWNER_PASS, DESK_OWN]) expect(text).not.toContain(secret);
  });

  it('a recovery-key sign-in must set a new passphrase; the forgotten one then stops working', async () => {
    const recovered = value(await call(w.bridge, 'session.recover', { recoveryKey: w.recoveryKey }));
    expect(recovered).toMatchObject({ status: 'ok', session: { mustChangePassphrase: true, user: { id: w.ownerId } } });
    expect(value(await call(w.bridge, 'session.changePassphrase', { newPassphrase: 'muistettava-uusi-lause' }))).toMatchObject({
      status: 'ok',
      session: { mustChangePassphrase: false },
    });
    value(await call(w.bridge, 'session.signOut', { reason: 'manual' }));
    expect((await signIn(w.bridge, w.ownerId, OWNER_PASS)).status).toBe('wrong_passphrase');
    expect((await signIn(w.bridge, w.ownerId, 'muistettava-uusi-lause')).status).toBe('ok');
    expect((await journalEntries(w.dir)).some((entry) => entry.action === 'session.recovered')).toBe(true);
  });

  it('an owner replaces the recovery key; the old one no longer signs in', async () => {
    await signIn(w.bridge, w.ownerId, OWNER_PASS);
    const { recoveryKey } = value(await call(w.bridge, 'recovery.replace', undefined));
    value(await call(w.bridge, 'session.signOut', { reason: 'manual' }));
    expect(value(await call(w.bridge, 'session.recover', { recoveryKey: w.recoveryKey }))).toMatchObject({ status: 'wrong_passphrase' });
    expect(value(await call(w.bridge, 'session.recover', { recoveryKey }))).toMatchObject({ status: 'ok' });
  });

  it('a disabled receptionist cannot sign in; session.current tells the renderer nothing secret', async () => {
    await signIn(w.bridge, w.ownerId, OWNER_PASS);
    const current = value(await call(w.bridge, 'session.current', undefined));
    expect(Object.keys(current ?? {}).sort()).toEqual(['mustChangePassphrase', 'settings', 'user', 'vaultId']);
    value(await call(w.bridge, 'users.setDisabled', { userId: w.receptionistId, disabled: true }));
    value(await call(w.bridge, 'session.signOut', { reason: 'manual' }));
    expect(await signIn(w.bridge, w.receptionistId, DESK_OWN)).toEqual({ status: 'unavailable' });
    const vault = JSON.parse(await readFile(path.join(w.dir, VAULT_FILE_NAME), 'utf8')) as { users: { id: string; disabled: boolean }[] };
    expect(vault.users.find((user) => user.id === w.receptionistId)?.disabled).toBe(true);
  });

  it('after a lock (suspend), calls needing a session fail until someone signs in again', async () => {
    await signIn(w.bridge, w.ownerId, OWNER_PASS);
    expect((await call(w.bridge, 'settings.get', undefined)).ok).toBe(true);
    await w.bridge.services.sessions.signOut('suspend');
    expect(await call(w.bridge, 'settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await call(w.bridge, 'journal.record', { action: 'customer.opened', recordId: 'c' })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(value(await call(w.bridge, 'session.current', undefined))).toBeNull();
  });
});

describe('register settings', () => {
  let w: World;

  beforeEach(async () => {
    w = await world();
  }, 30_000);

  it('changes only the settings named, journals each change once, and refuses unknown ones', async () => {
    await signIn(w.bridge, w.ownerId, OWNER_PASS);
    expect(value(await call(w.bridge, 'settings.set', { healthNotesEnabled: true }))).toEqual({ autoLockMinutes: 5, healthNotesEnabled: true, csvSeparator: ';', retentionReviewMonths: 36 });
    expect(value(await call(w.bridge, 'settings.set', { healthNotesEnabled: true, autoLockMinutes: 15, csvSeparator: ',' }))).toEqual({
      autoLockMinutes: 15,
      healthNotesEnabled: true,
      csvSeparator: ',',
      retentionReviewMonths: 36,
    });
    const changes = (await journalEntries(w.dir)).filter((entry) => entry.action === 'settings.changed').map((entry) => entry.detail);
    // (The world's set-up chose the backup folder and passphrase first.)
    expect(changes).toEqual(['backupFolder', 'backupPassphrase', 'healthNotesEnabled', 'autoLockMinutes', 'csvSeparator']);
    expect(await w.bridge.dispatch('settings.set', { autoLockMinutes: 0 })).toMatchObject({ error: { code: 'invalid_request' } });
    expect(await w.bridge.dispatch('settings.set', { neverLock: true })).toMatchObject({ error: { code: 'invalid_request' } });
    // A new sign-in carries the settings to the renderer.
    const again = await signIn(w.bridge, w.ownerId, OWNER_PASS);
    expect(again).toMatchObject({ status: 'ok', session: { settings: { autoLockMinutes: 15, healthNotesEnabled: true } } });
  });
});
