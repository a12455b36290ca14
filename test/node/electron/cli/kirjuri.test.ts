import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, type CliIo } from '../../../../electron/cli/kirjuri';
import { encryptBackup } from '../../../../shared/backup/age-file';
import { buildBackupDocument, checkBackupDocument, serialiseBackupDocument } from '../../../../shared/backup/format';
import { demoRegister } from '../../../../shared/domain/demo-data';
import { runAge } from '../../../support/age-cli';
import { useTempDirs } from '../helpers/temp-dir';

/** The `kirjuri` command line against real files, the real scrypt and Debian's age. */
const PASS = 'demo-salasana-pitka-2026';
const NOW = Date.UTC(2026, 11, 1, 10, 0, 0);
const SLOW = 120_000;
const tempDir = useTempDirs();

function io(env: Record<string, string> = { KIRJURI_PASSPHRASE: PASS, LANG: 'en_GB.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    env,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    askPassphrase: () => Promise.resolve(null),
    now: () => NOW,
    appVersion: '9.9.9-test',
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

async function demoFile(dir: string, customers = 40): Promise<string> {
  const file = path.join(dir, 'demo.age');
  const run = io();
  expect(await runCli(['demo-backup', '--customers', String(customers), '--out', file, '--seed', '7'], run.io)).toBe(EXIT.ok);
  expect(run.out()).toContain(`${customers} customers, ${customers * 5} appointments`);
  return file;
}

describe('kirjuri command line', () => {
  it(
    'demo-backup writes a backup that verify, inspect and export read; age -d opens it and the JSON checks out',
    async () => {
      const dir = await tempDir();
      const file = await demoFile(dir);

      const verify = io();
      expect(await runCli(['backup', 'verify', file], verify.io)).toBe(EXIT.ok);
      expect(verify.out()).toContain('customers: 40, services: 10, appointments: 200, erasureLedger: 0');

      const inspect = io();
      expect(await runCli(['backup', 'inspect', file], inspect.io)).toBe(EXIT.ok);
      expect(inspect.out()).toMatch(/Format version: 1\nCreated: 2026-12-01T10:00:00.000Z\nApp version: 9.9.9-test/);

      const csvDir = path.join(dir, 'csv');
      expect(await runCli(['backup', 'export', file, '--out', csvDir], io().io)).toBe(EXIT.ok);
      expect((await readdir(csvDir)).sort()).toEqual(
        [
          'appointments.csv',
          'consents.csv',
          'customers.csv',
          'disclosures.csv',
          'erasure-ledger.csv',
          'gdpr-request-attachments.csv',
          'gdpr-request-history.csv',
          'gdpr-request-rectifications.csv',
          'gdpr-requests.csv',
          'marketing-objections.csv',
          'privacy-notices.csv',
          'restrictions.csv',
          'retention-decisions.csv',
          'services.csv',
        ].sort(),
      );
      const customers = Papa.parse<Record<string, string>>((await readFile(path.join(csvDir, 'customers.csv'), 'utf8')).replace(/^\uFEFF/, ''), {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      });
      expect(customers.data).toHaveLength(40);
      const expected = demoRegister({ customers: 40, seed: 7, now: NOW }).customers;
      expect(customers.data.map((row) => row.lastName)).toEqual(expected.map((c) => c.lastName));

      const jsonDir = path.join(dir, 'json');
      expect(await runCli(['backup', 'export', file, '--out', jsonDir, '--format', 'json'], io().io)).toBe(EXIT.ok);
      const exported = JSON.parse(await readFile(path.join(jsonDir, 'register.json'), 'utf8')) as { tables: { appointments: unknown[] } };
      expect(exported.tables.appointments).toHaveLength(200);

      // The standard tool, without Kirjuri: decrypts, and the JSON is a valid Kirjuri document.
      const age = await runAge(PASS, ['-d', '-o', path.join(dir, 'plain.json'), file]);
      expect(age.code, age.output).toBe(0);
      const checked = await checkBackupDocument(await readFile(path.join(dir, 'plain.json'), 'utf8'));
      expect(checked.ok).toBe(true);
    },
    SLOW,
  );

  it(
    'exits with the documented code and a clear message for each kind of bad input',
    async () => {
      const dir = await tempDir();
      const file = await demoFile(dir, 5);
      const wrong = io({ KIRJURI_PASSPHRASE: 'ei-oikea-tunnuslause', LANG: 'fi_FI.UTF-8' });
      expect(await runCli(['backup', 'verify', file], wrong.io)).toBe(EXIT.wrongPassphrase);
      expect(wrong.err()).toContain('Väärä tunnuslause');

      const bytes = await readFile(file);
      bytes[bytes.length - 20]! ^= 0x40;
      await writeFile(path.join(dir, 'damaged.age'), bytes);
      const damaged = io();
      expect(await runCli(['backup', 'verify', path.join(dir, 'damaged.age')], damaged.io)).toBe(EXIT.damaged);
      expect(damaged.err()).toContain('damaged');

      await writeFile(path.join(dir, 'notes.txt'), 'just a text file');
      expect(await runCli(['backup', 'verify', path.join(dir, 'notes.txt')], io().io)).toBe(EXIT.damaged);
      expect(await runCli(['backup', 'verify', path.join(dir, 'missing.age')], io().io)).toBe(EXIT.io);

      const future = await buildBackupDocument({ appVersion: 'x', createdAt: new Date(NOW), settings: {}, tables: demoRegister({ customers: 1, now: NOW }) });
      const text = serialiseBackupDocument({ ...future, formatVersion: 2 });
      await writeFile(path.join(dir, 'future.age'), (await encryptBackup(text, PASS)).bytes);
      const newer = io({ KIRJURI_PASSPHRASE: PASS, LANG: 'sv_FI.UTF-8' });
      expect(await runCli(['backup', 'verify', path.join(dir, 'future.age')], newer.io)).toBe(EXIT.unsupported);
      expect(newer.err()).toContain('nyare Kirjuri');

      for (const args of [['backup'], ['backup', 'nope', file], ['backup', 'export', file], ['--bogus'], ['demo-backup', '--customers', 'x', '--out', 'y']]) {
        const run = io();
        expect(await runCli(args, run.io), args.join(' ')).toBe(EXIT.usage);
        expect(run.err()).not.toBe('');
      }
      const noPass = io({ LANG: 'en' });
      expect(await runCli(['backup', 'verify', file], noPass.io)).toBe(EXIT.usage);
      expect(noPass.err()).toContain('KIRJURI_PASSPHRASE');
      const help = io();
      expect(await runCli(['--help'], help.io)).toBe(EXIT.ok);
      expect(help.out()).toContain('Exit codes');
    },
    SLOW,
  );

  it(
    'runs as `kirjuri` from package.json bin, reading the passphrase from the environment',
    async () => {
      const dir = await tempDir();
      const file = await demoFile(dir, 3);
      const bin = path.resolve(import.meta.dirname, '../../../../electron/cli/bin.mjs');
      const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(process.execPath, [bin, 'backup', 'inspect', file], { env: { ...process.env, KIRJURI_PASSPHRASE: PASS, LANG: 'C' } }, (error, stdout) =>
          resolve({ code: error ? Number(error.code) : 0, stdout }),
        );
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('customers: 3');
    },
    SLOW,
  );
});
