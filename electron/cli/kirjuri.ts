import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encryptBackup } from '../../shared/backup/age-file';
import { backupCounts, buildBackupDocument, serialiseBackupDocument, type BackupDocument } from '../../shared/backup/format';
import { registerCsvFiles, registerJsonFile } from '../../shared/backup/open-files';
import { demoRegister } from '../../shared/domain/demo-data';
import { atomicWriteFile } from '../main/services/atomic-write';
import { BackupFileError, readBackup, type BackupReadProblem } from '../main/services/backup-files';
import { CLI_MESSAGES, cliLanguage, type CliMessages } from './messages';

/**
 * `kirjuri`: the command line for the owner away from the app and for administrators (issue 6).
 * It reads backups with the same code the app uses (shared/backup, backup-files.ts), so "the CLI
 * can read it" and "the app can restore it" are the same statement. Nothing it prints holds
 * personal data except what `export` writes to the folder the user names.
 */
export const EXIT = { ok: 0, usage: 1, wrongPassphrase: 2, damaged: 3, unsupported: 4, io: 5 } as const;

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Asks for a passphrase without echo; null when there is no terminal to ask at. */
  readonly askPassphrase: (prompt: string) => Promise<string | null>;
  readonly now: () => number;
  readonly appVersion: string;
}

class UsageError extends Error {}

function exitFor(problem: BackupReadProblem): number {
  if (problem.kind === 'unreadable' || problem.kind === 'too_large') return EXIT.io;
  if (problem.kind === 'age') {
    if (problem.problem === 'wrong_passphrase') return EXIT.wrongPassphrase;
    return problem.problem === 'damaged' || problem.problem === 'not_age' ? EXIT.damaged : EXIT.unsupported;
  }
  return problem.problem.kind === 'future_version' || problem.problem.kind === 'future_schema' ? EXIT.unsupported : EXIT.damaged;
}

function describe(problem: BackupReadProblem, messages: CliMessages): string {
  if (problem.kind === 'unreadable' || problem.kind === 'too_large') return messages.problems[problem.kind];
  if (problem.kind === 'age') return messages.problems[problem.problem];
  return messages.problems[problem.problem.kind];
}

const countsLine = (document: BackupDocument): string =>
  Object.entries(backupCounts(document))
    .map(([table, count]) => `${table}: ${count}`)
    .join(', ');

async function passphrase(io: CliIo, messages: CliMessages): Promise<string> {
  const fromEnv = io.env.KIRJURI_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const asked = await io.askPassphrase(messages.passphrasePrompt);
  if (asked === null || asked === '') throw new UsageError(messages.passphraseMissing);
  return asked;
}

/** Runs one command; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const messages = CLI_MESSAGES[cliLanguage(io.env)];
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string' },
        format: { type: 'string' },
        separator: { type: 'string' },
        customers: { type: 'string' },
        appointments: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    const [command, sub, file] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(messages.help);
      return values.help || command === 'help' ? EXIT.ok : EXIT.usage;
    }

    if (command === 'demo-backup') {
      const count = Number(values.customers);
      const perCustomer = values.appointments === undefined ? 5 : Number(values.appointments);
      const seed = values.seed === undefined ? 1 : Number(values.seed);
      if (!Number.isSafeInteger(count) || count < 0 || count > 1_000_000 || !Number.isSafeInteger(perCustomer) || perCustomer < 0 || perCustomer > 50) {
        throw new UsageError(messages.usage);
      }
      if (!Number.isSafeInteger(seed) || values.out === undefined || sub !== undefined) throw new UsageError(messages.usage);
      const secret = await passphrase(io, messages);
      if (secret.length < 12) throw new UsageError(messages.newPassphraseShort);
      const tables = demoRegister({ customers: count, appointmentsPerCustomer: perCustomer, seed, now: io.now() });
      const document = await buildBackupDocument({ appVersion: io.appVersion, createdAt: new Date(io.now()), settings: { demo: true }, tables });
      const { bytes } = await encryptBackup(serialiseBackupDocument(document), secret);
      try {
        await atomicWriteFile(path.resolve(values.out), bytes, { mode: 0o600 });
      } catch {
        io.err(messages.problems.write_failed);
        return EXIT.io;
      }
      io.out(`${messages.demoWritten(values.out, tables.customers.length, tables.appointments.length)}\n`);
      return EXIT.ok;
    }

    if (command !== 'backup' || file === undefined || positionals.length !== 3) throw new UsageError(messages.usage);
    if (sub !== 'verify' && sub !== 'inspect' && sub !== 'export') throw new UsageError(messages.usage);
    if (sub === 'export' && (values.out === undefined || (values.format !== undefined && values.format !== 'csv' && values.format !== 'json'))) {
      throw new UsageError(messages.usage);
    }
    if (values.separator !== undefined && values.separator !== ';' && values.separator !== ',') throw new UsageError(messages.usage);

    const { document, size } = await readBackup(path.resolve(file), await passphrase(io, messages));
    if (sub === 'verify') {
      io.out(`${messages.verified(countsLine(document))}\n`);
      return EXIT.ok;
    }
    if (sub === 'inspect') {
      io.out(
        [
          `${messages.formatVersion}: ${document.formatVersion}`,
          `${messages.createdAt}: ${document.createdAt}`,
          `${messages.appVersion}: ${document.appVersion}`,
          `${messages.counts}: ${countsLine(document)}`,
          `bytes: ${size}`,
          '',
        ].join('\n'),
      );
      return EXIT.ok;
    }
    const dir = path.resolve(values.out ?? '.');
    const files =
      values.format === 'json'
        ? { 'register.json': registerJsonFile(document) }
        : registerCsvFiles(document, { separator: values.separator === ',' ? ',' : ';' });
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Decrypted personal data, written only because the user asked: private to the user.
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, { mode: 0o600 });
    } catch {
      io.err(`${messages.problems.write_failed}\n`);
      return EXIT.io;
    }
    io.out(`${messages.exported(Object.keys(files).length, dir)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BackupFileError) {
      io.err(`${describe(error.problem, messages)}\n`);
      return exitFor(error.problem);
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${error instanceof UsageError ? error.message : messages.usage}\n`);
      return EXIT.usage;
    }
    io.err(`${messages.problems.unreadable}\n`);
    return EXIT.io;
  }
}
