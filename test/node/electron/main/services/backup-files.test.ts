import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as realFs from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicWriteFile, type AtomicFileHandle, type AtomicWriteFs } from '../../../../../electron/main/services/atomic-write';
import {
  BackupFileError,
  MAX_BACKUP_BYTES,
  backupFileName,
  readBackup,
  removeOrphanedTempFiles,
  writeVerifiedBackup,
  type BackupKind,
  type BackupReadProblem,
} from '../../../../../electron/main/services/backup-files';
import { seededRandom } from '../../../../../shared/domain/demo-data';
import { buildBackupDocument, computeManifest, serialiseBackupDocument, type BackupTables } from '../../../../../shared/backup/format';
import type { Appointment, Service } from '../../../../../shared/schemas/appointment';
import { runAge } from '../../../../support/age-cli';
import { syntheticStored } from '../../../../support/synthetic';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Backup files on disk, with the real scrypt (work factor 18, about a second per backup written
 * or read) and the real file system; faults are injected through the AtomicWriteFs seam, and the
 * crash test kills a real child process. Files that stand for someone else's re-encryption of an
 * edited backup use age's own encrypter at work factor 10: a valid passphrase file that opens in a
 * millisecond (the reader accepts any work factor up to 20).
 */
const PASS = 'varmuus-kopio-lause-2026';
const SLOW = 120_000;
const tempDir = useTempDirs();
const isPosix = process.platform !== 'win32';
const NOW = new Date(2026, 11, 1, 14, 25, 30, 100).getTime();

/** A small, valid document: synthetic customers, a service and appointments. */
function documentTables(customers: number): BackupTables {
  const service: Service = { id: 'service-1', name: 'Naisten hiustenleikkaus', durationMin: 60, priceCents: 5900, active: true, createdAt: 1, updatedAt: 1 };
  const people = Array.from({ length: customers }, (_, i) => syntheticStored(i));
  const appointments = people.map(
    (customer, i): Appointment => ({
      id: `appointment-${i}`,
      customerId: customer.id,
      start: NOW + i * 3_600_000,
      services: [{ serviceId: service.id, name: service.name, durationMin: 60, priceCents: 5900 }],
      staff: 'Minna',
      channel: 'phone',
      notes: '',
      status: 'booked',
      history: [{ at: NOW, by: 'owner', kind: 'booked', from: null, to: String(NOW + i * 3_600_000) }],
      createdAt: NOW,
      createdBy: 'owner',
      updatedAt: NOW,
    }),
  );
  return { customers: people, services: [service], appointments, erasureLedger: [] };
}

async function documentText(customers = 6): Promise<string> {
  const tables = documentTables(customers);
  return serialiseBackupDocument(await buildBackupDocument({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: { business: { name: 'Testisalonki' } }, tables }));
}

/** An age passphrase file as `age -p` or any other tool would make it, cheaply (work factor 10). */
async function reEncrypted(text: string, passphrase = PASS): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(10);
  return encrypter.encrypt(text);
}

async function readProblem(promise: Promise<unknown>): Promise<BackupReadProblem | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof BackupFileError) return error.problem;
    throw error;
  }
}

/** Every file in `dir` with a hash of its bytes and its mode: to show that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    out[name] = `${createHash('sha256').update(await readFile(file)).digest('hex')} ${(await stat(file)).mode.toString(8)}`;
  }
  return out;
}

type Step = 'open' | 'chmod' | 'write' | 'fsync' | 'close' | 'rename' | 'dir-open' | 'dir-fsync';

const ioError = (code: string, syscall: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected ${syscall}`), { code, syscall });

interface FaultyFs extends AtomicWriteFs {
  /** Every call made, in order: shows what was (not) touched. */
  readonly calls: string[];
}

/**
 * The real node:fs/promises with one step failing (a write that fails has written half of the
 * data first, as a full disk does), or with the temp file's bytes changed on their way to disk (a
 * disk or driver that damages data without an error).
 */
function faultyFs(failAt: Step | null, options: { corrupt?: (bytes: Uint8Array) => Uint8Array; unlinkFails?: boolean } = {}): FaultyFs {
  const calls: string[] = [];
  return {
    calls,
    async open(file, flags, mode) {
      const isDir = flags === 'r';
      calls.push(`open ${isDir ? 'dir' : 'file'}`);
      if (failAt === (isDir ? 'dir-open' : 'open')) throw ioError('EIO', 'open');
      const handle = await realFs.open(file, flags, mode);
      const wrapped: AtomicFileHandle = {
        async chmod(m) {
          if (failAt === 'chmod') throw ioError('EIO', 'fchmod');
          await handle.chmod(m);
        },
        async writeFile(data, writeOptions) {
          const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
          if (failAt === 'write') {
            await handle.writeFile(bytes.subarray(0, bytes.length / 2));
            throw ioError('ENOSPC', 'write');
          }
          await handle.writeFile(options.corrupt ? options.corrupt(new Uint8Array(bytes)) : data, writeOptions);
        },
        async sync() {
          if (failAt === (isDir ? 'dir-fsync' : 'fsync')) throw ioError('EIO', 'fsync');
          await handle.sync();
        },
        async close() {
          await handle.close();
          if (!isDir && failAt === 'close') throw ioError('EIO', 'close');
        },
      };
      return wrapped;
    },
    async rename(from, to) {
      calls.push('rename');
      if (failAt === 'rename') throw ioError('EIO', 'rename');
      await realFs.rename(from, to);
    },
    async unlink(file) {
      calls.push('unlink');
      if (options.unlinkFails) throw ioError('EIO', 'unlink');
      await realFs.unlink(file);
    },
  };
}

let text: string;
/** A good backup written once, copied into the tests that need a previous backup in the folder. */
let previous: { dir: string; name: string; bytes: Buffer };

beforeAll(async () => {
  text = await documentText();
  const dir = await mkdtemp(path.join(tmpdir(), 'kirjuri-previous-'));
  const written = await writeVerifiedBackup(dir, text, PASS, { kind: 'scheduled', now: NOW - 86_400_000 });
  // It opens with the passphrase like any backup: the tests below compare against its bytes.
  expect((await readBackup(written.filePath, PASS)).text).toBe(text);
  previous = { dir, name: written.fileName, bytes: await readFile(written.filePath) };
}, SLOW);

afterAll(async () => {
  await rm(previous.dir, { recursive: true, force: true });
});

/** A folder holding the previous backup (under `name`), as the real backup folder would. */
async function folderWithPrevious(name = previous.name): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, name), previous.bytes, { mode: 0o600 });
  return dir;
}

describe('backupFileName', () => {
  it('names a backup by its local date and time and by what made it', () => {
    expect(backupFileName(new Date(2026, 11, 1, 14, 25, 30, 999).getTime(), 'manual')).toBe('kirjuri-20261201-142530-manual.age');
    expect(backupFileName(new Date(2027, 0, 2, 3, 4, 5).getTime(), 'pre-restore')).toBe('kirjuri-20270102-030405-pre-restore.age');
    for (const kind of ['manual', 'scheduled', 'closing', 'changes', 'pre-restore'] satisfies BackupKind[]) {
      expect(backupFileName(NOW, kind)).toMatch(new RegExp(`^kirjuri-\\d{8}-\\d{6}-${kind}\\.age$`));
    }
  });

  it('sorts by time', () => {
    const times = [new Date(2026, 0, 9, 23, 59, 59), new Date(2026, 0, 10, 0, 0, 0), new Date(2026, 9, 1, 9, 5, 0), new Date(2026, 10, 30, 18, 0, 0), new Date(2027, 0, 1, 0, 0, 1)];
    const names = times.map((t) => backupFileName(t.getTime(), 'scheduled'));
    expect([...names].sort()).toEqual(names);
  });
});

describe('writeVerifiedBackup', () => {
  it(
    'writes an owner-only (0600) age file that reads back, and that Debian age opens',
    async () => {
      const dir = await tempDir();
      const umask = process.umask(0o000); // a permissive umask must not widen the mode
      let written;
      try {
        written = await writeVerifiedBackup(dir, text, PASS, { kind: 'manual', now: NOW });
      } finally {
        process.umask(umask);
      }
      const fileName = 'kirjuri-20261201-142530-manual.age';
      expect(written).toEqual({
        fileName,
        filePath: path.join(dir, fileName),
        size: (await stat(path.join(dir, fileName))).size,
        createdAt: NOW,
        counts: { customers: 6, services: 1, appointments: 6, erasureLedger: 0, gdprRequests: 0, requestAttachments: 0, disclosures: 0, retentionDecisions: 0, privacyFlags: 0, privacyNotices: 0 },
      });
      // Only the backup: no temp file is left behind.
      expect(await readdir(dir)).toEqual([fileName]);
      if (isPosix) expect((await stat(written.filePath)).mode & 0o777).toBe(0o600);

      const read = await readBackup(written.filePath, PASS);
      expect(read.text).toBe(text);
      expect(read.size).toBe(written.size);
      expect(read.document.tables.customers).toHaveLength(6);

      const run = await runAge(PASS, ['-d', '-o', path.join(dir, 'out.json'), written.filePath]);
      expect(run.code, run.output).toBe(0);
      expect(await readFile(path.join(dir, 'out.json'), 'utf8')).toBe(text);
    },
    SLOW,
  );

  describe('refuses a document that does not check out, and writes nothing', () => {
    const cases: [string, (good: string) => Promise<string>, string][] = [
      ['not JSON', () => Promise.resolve('{"format":"kirjuri-backup"'), 'not_json'],
      ['not ours', () => Promise.resolve(JSON.stringify({ customers: [] })), 'not_kirjuri'],
      ['from the future', (good) => Promise.resolve(good.replace('"formatVersion":1', '"formatVersion":2')), 'future_version'],
      ['a record changed after the manifest was made', (good) => Promise.resolve(good.replace('"Mäkinen"', '"Virtanen"')), 'manifest_mismatch'],
      [
        'a record that fails its schema',
        async (good) => {
          const json = JSON.parse(good) as { tables: BackupTables; manifest: unknown };
          (json.tables.customers[2] as { language: string }).language = 'de';
          json.manifest = await computeManifest(json.tables);
          return JSON.stringify(json);
        },
        'invalid_record',
      ],
    ];

    it.each(cases)('%s', async (_label, make, kind) => {
      const dir = await folderWithPrevious();
      const before = await snapshot(dir);
      const fs = faultyFs(null);
      const bad = await make(text);
      expect(bad).not.toBe(text);
      expect(await readProblem(writeVerifiedBackup(dir, bad, PASS, { kind: 'manual', now: NOW, fs }))).toMatchObject({ kind: 'document', problem: { kind } });
      // Refused before any file was opened (and before the second-long scrypt).
      expect(fs.calls).toEqual([]);
      expect(await snapshot(dir)).toEqual(before);
    });
  });

  it(
    'gives backups made within the same second distinct names, and never writes over one',
    async () => {
      // The folder already holds a backup made at 14:25:30 (copied in: it costs no scrypt).
      const taken = 'kirjuri-20261201-142530-manual.age';
      const dir = await folderWithPrevious(taken);
      const second = await writeVerifiedBackup(dir, text, PASS, { kind: 'manual', now: NOW + 400 });
      const third = await writeVerifiedBackup(dir, text, PASS, { kind: 'manual', now: NOW + 899 });
      expect([second.fileName, third.fileName]).toEqual(['kirjuri-20261201-142530-manual-2.age', 'kirjuri-20261201-142530-manual-3.age']);
      expect((await readdir(dir)).sort()).toEqual([taken, second.fileName, third.fileName].sort());
      expect(await readFile(path.join(dir, taken))).toEqual(previous.bytes);
      // Each is its own encryption (fresh salt and file key), not a copy.
      expect(await readFile(second.filePath)).not.toEqual(await readFile(third.filePath));
      // Another kind in the same second has a name of its own anyway.
      expect(backupFileName(NOW, 'scheduled')).not.toBe(taken);
    },
    SLOW,
  );

  it(
    'gives two backups started at the same moment distinct names, and both are there afterwards',
    async () => {
      const dir = await tempDir();
      const [a, b] = await Promise.all([
        writeVerifiedBackup(dir, text, PASS, { kind: 'changes', now: NOW }),
        writeVerifiedBackup(dir, text, PASS, { kind: 'changes', now: NOW }),
      ]);
      expect([a.fileName, b.fileName].sort()).toEqual(['kirjuri-20261201-142530-changes-2.age', 'kirjuri-20261201-142530-changes.age']);
      // Both are there, each as its own call wrote and verified it (not one over the other).
      expect((await readdir(dir)).sort()).toEqual([a.fileName, b.fileName].sort());
      expect((await stat(a.filePath)).size).toBe(a.size);
      expect((await stat(b.filePath)).size).toBe(b.size);
      expect(await readFile(a.filePath)).not.toEqual(await readFile(b.filePath));
    },
    SLOW,
  );

  // (Failures at open, chmod and close are atomic-write.test.ts's; here each costs a scrypt.)
  it.each(['write', 'fsync', 'rename', 'dir-fsync'] satisfies Step[])(
    'a failure at %s reports the error and leaves the previous backup, and nothing else, in the folder',
    async (step) => {
      const dir = await folderWithPrevious();
      const before = await snapshot(dir);
      const fs = faultyFs(step);
      const error: unknown = await writeVerifiedBackup(dir, text, PASS, { kind: 'manual', now: NOW, fs }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: step === 'write' ? 'ENOSPC' : 'EIO', message: expect.stringContaining('injected') as unknown });
      // The step really was reached (the fault is not a harness mistake).
      expect(fs.calls.length).toBeGreaterThan(0);
      expect(await snapshot(dir)).toEqual(before);
      expect(await readFile(path.join(dir, previous.name))).toEqual(previous.bytes);
    },
    SLOW,
  );

  const corruptions: [string, (bytes: Uint8Array) => Uint8Array][] = [
    ['a byte of the payload flipped', (bytes) => bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 0x01 : b))],
    ['a byte of the header flipped', (bytes) => bytes.map((b, i) => (i === 40 ? b ^ 0x20 : b))],
    ['the last bytes missing', (bytes) => bytes.subarray(0, bytes.length - 17)],
  ];

  it.each(corruptions)(
    'deletes a backup that fails verification (%s) and reports it as damaged',
    async (_label, corrupt) => {
      const dir = await folderWithPrevious();
      const before = await snapshot(dir);
      const fs = faultyFs(null, { corrupt });
      expect(await readProblem(writeVerifiedBackup(dir, text, PASS, { kind: 'manual', now: NOW, fs }))).toEqual({ kind: 'age', problem: 'damaged' });
      // It was written and renamed into place before the read-back caught it.
      expect(fs.calls).toContain('rename');
      expect(await snapshot(dir)).toEqual(before);
    },
    SLOW,
  );
});

describe('readBackup', () => {
  async function fileWith(bytes: Uint8Array | string, name = 'kirjuri-20261201-142530-manual.age'): Promise<string> {
    const dir = await tempDir();
    const file = path.join(dir, name);
    await writeFile(file, bytes, { mode: 0o600 });
    return file;
  }

  it('opens a passphrase file made by another age implementation', async () => {
    const read = await readBackup(await fileWith(await reEncrypted(text)), PASS);
    expect(read.text).toBe(text);
  });

  it('tells a missing file, a folder and a file too large to be ours apart', async () => {
    const dir = await tempDir();
    expect(await readProblem(readBackup(path.join(dir, 'missing.age'), PASS))).toEqual({ kind: 'unreadable' });
    await mkdir(path.join(dir, 'kirjuri-folder.age'));
    expect(await readProblem(readBackup(path.join(dir, 'kirjuri-folder.age'), PASS))).toEqual({ kind: 'unreadable' });
    // A sparse file: its size is over the limit without a gigabyte being written.
    const huge = path.join(dir, 'huge.age');
    const handle = await open(huge, 'w');
    await handle.truncate(MAX_BACKUP_BYTES + 1);
    await handle.close();
    expect(await readProblem(readBackup(huge, PASS))).toEqual({ kind: 'too_large' });
    if (isPosix && process.getuid?.() !== 0) {
      const locked = await fileWith(await reEncrypted(text));
      await chmod(locked, 0o000);
      expect(await readProblem(readBackup(locked, PASS))).toEqual({ kind: 'unreadable' });
    }
  });

  it('names the age problem: not age, not a passphrase file, too costly, wrong passphrase, damaged', async () => {
    expect(await readProblem(readBackup(await fileWith(text), PASS))).toEqual({ kind: 'age', problem: 'not_age' });

    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(await generateX25519Identity()));
    expect(await readProblem(readBackup(await fileWith(await encrypter.encrypt(text)), PASS))).toEqual({ kind: 'age', problem: 'not_passphrase' });

    const cheap = await reEncrypted(text);
    const costly = Buffer.from(cheap);
    const at = costly.indexOf(' 10\n');
    costly.write(' 21\n', at, 'latin1');
    expect(await readProblem(readBackup(await fileWith(costly), PASS))).toEqual({ kind: 'age', problem: 'work_factor_too_high' });

    expect(await readProblem(readBackup(await fileWith(cheap), `${PASS}!`))).toEqual({ kind: 'age', problem: 'wrong_passphrase' });

    const damaged = new Uint8Array(cheap);
    damaged[damaged.length - 30]! ^= 0x04;
    expect(await readProblem(readBackup(await fileWith(damaged), PASS))).toEqual({ kind: 'age', problem: 'damaged' });
    expect(await readProblem(readBackup(await fileWith(cheap.subarray(0, cheap.length - 1)), PASS))).toEqual({ kind: 'age', problem: 'damaged' });
  });

  describe('a backup decrypted, edited and re-encrypted is refused, and nothing changes', () => {
    type Json = { formatVersion: number; tables: Record<string, Record<string, unknown>[]>; manifest: Record<string, { count: number; sha256: string }> };
    const edits: [string, (json: Json) => unknown, unknown][] = [
      ['a name changed', (json) => void (json.tables.customers![1]!.firstName = 'Muutettu'), { kind: 'manifest_mismatch', table: 'customers' }],
      ['an appointment deleted', (json) => void json.tables.appointments!.pop(), { kind: 'manifest_mismatch', table: 'appointments' }],
      [
        'a customer deleted and the count changed to match',
        (json) => {
          json.tables.customers!.pop();
          json.manifest.customers!.count -= 1;
        },
        { kind: 'manifest_mismatch', table: 'customers' },
      ],
      ['a checksum replaced', (json) => void (json.manifest.services!.sha256 = 'f'.repeat(64)), { kind: 'manifest_mismatch', table: 'services' }],
      [
        'a customer swapped with an appointment',
        (json) => {
          const customer = json.tables.customers![0]!;
          json.tables.customers![0] = json.tables.appointments![0]!;
          json.tables.appointments![0] = customer;
        },
        { kind: 'manifest_mismatch', table: 'customers' },
      ],
      ['the format version raised', (json) => void (json.formatVersion = 2), { kind: 'future_version', formatVersion: 2 }],
    ];

    it.each(edits)('%s', async (_label, edit, problem) => {
      const json = JSON.parse(text) as Json;
      edit(json);
      const file = await fileWith(await reEncrypted(JSON.stringify(json)));
      const before = await snapshot(path.dirname(file));
      expect(await readProblem(readBackup(file, PASS))).toEqual({ kind: 'document', problem });
      expect(await snapshot(path.dirname(file))).toEqual(before);
    });

    it('another document entirely, or not JSON at all, inside a valid age file', async () => {
      expect(await readProblem(readBackup(await fileWith(await reEncrypted('{"exported":"elsewhere"}')), PASS))).toEqual({ kind: 'document', problem: { kind: 'not_kirjuri' } });
      expect(await readProblem(readBackup(await fileWith(await reEncrypted('Asiakas;Puhelin\nAino;040 123')), PASS))).toEqual({ kind: 'document', problem: { kind: 'not_json' } });
    });

    it(
      'with the standard tools: `age -d`, an edit, `age -p`',
      async () => {
        const dir = await folderWithPrevious();
        const plain = path.join(dir, 'decrypted.json');
        const decrypted = await runAge(PASS, ['-d', '-o', plain, path.join(dir, previous.name)]);
        expect(decrypted.code, decrypted.output).toBe(0);
        const json = JSON.parse(await readFile(plain, 'utf8')) as Json;
        json.tables.customers![0]!.notes = 'Lisätty jälkikäteen';
        await writeFile(plain, JSON.stringify(json, null, 2));
        const edited = path.join(dir, 'kirjuri-20261201-150000-manual.age');
        const encrypted = await runAge(PASS, ['-p', '-o', edited, plain]);
        expect(encrypted.code, encrypted.output).toBe(0);
        const before = await snapshot(dir);
        expect(await readProblem(readBackup(edited, PASS))).toEqual({ kind: 'document', problem: { kind: 'manifest_mismatch', table: 'customers' } });
        expect(await snapshot(dir)).toEqual(before);
        expect(await readFile(path.join(dir, previous.name))).toEqual(previous.bytes);
      },
      SLOW,
    );
  });
});

describe('removeOrphanedTempFiles', () => {
  it('removes the temp files an interrupted write left, and nothing else', async () => {
    const dir = await tempDir();
    // A real leftover: the rename failed and so did the clean-up (as after a crash).
    await expect(
      atomicWriteFile(path.join(dir, 'kirjuri-20261201-142530-manual.age'), 'partial', { fs: faultyFs('rename', { unlinkFails: true }) }),
    ).rejects.toThrow('injected');
    const [leftover] = await readdir(dir);
    expect(leftover).toMatch(/^\.kirjuri-20261201-142530-manual\.age\.[0-9a-f]{12}\.tmp$/);

    const ours = '.kirjuri-20261130-235959-pre-restore.age.0123456789ab.tmp';
    const notOurs = [
      'kirjuri-20261201-142530-manual.age',
      'kirjuri-20261201-142530-manual-2.age',
      '.kirjuri-notes.tmp',
      'kirjuri-20261201-142530-manual.age.0123456789ab.tmp',
      '.kirjuri-20261201-142530-manual.age.NOTHEX.tmp',
      '.kirjuri-20261201-142530-manual.age.0123456789ab.tmp.keep',
      '.settings.json.0123456789ab.tmp',
    ];
    for (const name of [ours, ...notOurs]) await writeFile(path.join(dir, name), 'x');
    // A folder with a temp file's name is not removed, and does not stop the rest.
    const folderNamedLikeTemp = '.kirjuri-20261201-000000-manual.age.abcdef.tmp';
    await mkdir(path.join(dir, folderNamedLikeTemp));

    expect(await removeOrphanedTempFiles(dir)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([...notOurs, folderNamedLikeTemp].sort());
    expect(await removeOrphanedTempFiles(dir)).toBe(0);
  });

  it('returns 0 for a folder that is not there', async () => {
    expect(await removeOrphanedTempFiles(path.join(await tempDir(), 'missing'))).toBe(0);
  });
});

/**
 * Killing the process mid-write: a child process writes a ~1 MB backup again and again and is
 * killed with SIGKILL — at seeded random moments, right after a backup was reported, and (for
 * certain) with half of a temp file written. Afterwards every file under a backup name must open
 * and verify, and the clean-up must remove exactly the temp files.
 */
describe('a process killed while writing backups', () => {
  const SCRIPT = path.join(import.meta.dirname, 'fixtures', 'write-backups.ts');
  const children = new Set<ChildProcess>();

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  type Kill = { readonly at: 'half-written' } | { readonly at: 'after-ready' | 'after-written'; readonly delayMs: number };

  /** Runs the writer until `kill` says, SIGKILLs it; returns what it reported as written. */
  async function runAndKill(folder: string, documentPath: string, kill: Kill): Promise<{ written: string[]; halfWritten: string | null }> {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, folder, documentPath, PASS, kill.at === 'half-written' ? 'stall' : 'run'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const written: string[] = [];
    let halfWritten: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    const killNow = () => child.kill('SIGKILL');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const [what, rest] = [line.split(' ')[0], line.slice(line.indexOf(' ') + 1)];
      if (what === 'ready' && kill.at === 'after-ready') timer = setTimeout(killNow, kill.delayMs);
      if (what === 'written') {
        written.push(rest);
        if (kill.at === 'after-written' && written.length === 1) timer = setTimeout(killNow, kill.delayMs);
      }
      if (what === 'half') {
        halfWritten = rest;
        killNow();
      }
    });
    // A writer that is never killed (a broken harness) must not hang the suite.
    const watchdog = setTimeout(killNow, 60_000);
    const outcome = await exited;
    clearTimeout(watchdog);
    clearTimeout(timer);
    lines.close();
    children.delete(child);
    expect(outcome, `the writer was to be killed, it ended with ${String(outcome)}: ${stderr}`).toBe('SIGKILL');
    return { written, halfWritten };
  }

  it(
    'leaves only complete, verifiable backups under backup names, and temp files that the clean-up removes',
    async () => {
      const folder = await tempDir();
      const work = await tempDir();
      const tables = documentTables(2500);
      const document = serialiseBackupDocument(await buildBackupDocument({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: {}, tables }));
      expect(document.length).toBeGreaterThan(1_000_000);
      const documentPath = path.join(work, 'document.json');
      await writeFile(documentPath, document);

      const random = seededRandom(6);
      const kills: Kill[] = [
        { at: 'half-written' },
        { at: 'after-ready', delayMs: Math.floor(random() * 4000) },
        { at: 'after-written', delayMs: Math.floor(random() * 2500) },
        { at: 'after-ready', delayMs: Math.floor(random() * 4000) },
        { at: 'half-written' },
        { at: 'after-written', delayMs: Math.floor(random() * 2500) },
      ];
      const reported: string[] = [];
      const halfWritten: string[] = [];
      for (const kill of kills) {
        const run = await runAndKill(folder, documentPath, kill);
        reported.push(...run.written);
        if (run.halfWritten !== null) halfWritten.push(run.halfWritten);
      }
      expect(halfWritten).toHaveLength(2);
      expect(reported.length).toBeGreaterThanOrEqual(2);

      const names = await readdir(folder);
      const finals = names.filter((name) => /^kirjuri-.*\.age$/.test(name));
      const temps = names.filter((name) => !finals.includes(name));
      // Every file under a backup name, reported or not yet, is complete and verifies ...
      const broken: string[] = [];
      for (const name of finals) {
        try {
          if ((await readBackup(path.join(folder, name), PASS)).text !== document) broken.push(`${name}: another text`);
        } catch (error) {
          broken.push(`${name}: ${error instanceof BackupFileError ? JSON.stringify(error.problem) : String(error)}`);
        }
        if (isPosix) expect((await stat(path.join(folder, name))).mode & 0o777, name).toBe(0o600);
      }
      expect(broken).toEqual([]);
      // ... everything the writer reported as written is there ...
      expect(finals).toEqual(expect.arrayContaining(reported));
      // ... and the kills mid-write left half-written temp files, not files under backup names.
      for (const half of halfWritten) {
        expect(temps).toContain(path.basename(half));
        expect((await stat(half)).size).toBeLessThan(document.length);
      }

      expect(temps.every((name) => /^\.kirjuri-.*\.age\.[0-9a-f]+\.tmp$/.test(name)), temps.join(', ')).toBe(true);
      expect(await removeOrphanedTempFiles(folder)).toBe(temps.length);
      expect((await readdir(folder)).sort()).toEqual([...finals].sort());
    },
    240_000,
  );
});
