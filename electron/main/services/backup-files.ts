import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { AgeFileError, decryptBackup, encryptBackup } from '../../../shared/backup/age-file';
import { backupCounts, checkBackupDocument, type BackupDocument, type BackupProblem, type BackupTableName } from '../../../shared/backup/format';
import { atomicWriteFile, type AtomicWriteFs } from './atomic-write';

/**
 * Backup files on disk (issue 6), plain Node: writing a backup so that it is either complete and
 * verified or not there at all, reading one back for a restore, and cleaning up after a crash.
 *
 * Writing: the document is checked first (it came from the renderer, which main does not trust),
 * encrypted (age, scrypt 18), written atomically — a temp file in the target folder, fsync,
 * rename, fsync of the folder, mode 0600 — then read back from disk, decrypted and checked
 * against its manifest. Only then is it reported as good; a file that fails the check is removed.
 */
export const BACKUP_EXTENSION = '.age';
export const BACKUP_PREFIX = 'kirjuri-';
/** A backup bigger than this is not one of ours (and reading it whole would be unkind). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
/** Temp files of the atomic write: `.kirjuri-….age.<random>.tmp` (see atomic-write.ts). */
const ORPHAN_PATTERN = /^\.kirjuri-.*\.age\.[0-9a-f]+\.tmp$/;

export type BackupKind = 'manual' | 'scheduled' | 'closing' | 'changes' | 'pre-restore';

export interface WrittenBackup {
  readonly fileName: string;
  readonly filePath: string;
  readonly size: number;
  readonly createdAt: number;
  readonly counts: Record<BackupTableName, number>;
}

/** Why reading a backup failed: the file's own problems, then the document's. */
export type BackupReadProblem =
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'age'; readonly problem: AgeFileError['problem'] }
  | { readonly kind: 'document'; readonly problem: BackupProblem };

export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
  constructor(readonly problem: BackupReadProblem) {
    super(`backup: ${problem.kind}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `kirjuri-20261201-142530-manual.age` in local time: sorts by time, says what made it. */
export function backupFileName(createdAt: number, kind: BackupKind): string {
  const d = new Date(createdAt);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `${BACKUP_PREFIX}${stamp}-${kind}${BACKUP_EXTENSION}`;
}

/** Paths that a `writeVerifiedBackup` of this process is writing right now (see the name loop). */
const namesInFlight = new Set<string>();

export interface WriteBackupOptions {
  readonly kind: BackupKind;
  readonly now?: number;
  /** Injected file system (fault-injection tests). */
  readonly fs?: AtomicWriteFs;
}

/**
 * Writes `text` (a backup document) into `folder` as a verified age file. Throws
 * `BackupFileError` for a document that does not check out, and the file system's error when the
 * write fails — in both cases no file is left under a backup name.
 */
export async function writeVerifiedBackup(folder: string, text: string, passphrase: string, options: WriteBackupOptions): Promise<WrittenBackup> {
  const checked = await checkBackupDocument(text);
  if (!checked.ok) throw new BackupFileError({ kind: 'document', problem: checked.problem });
  const createdAt = options.now ?? Date.now();
  let fileName = backupFileName(createdAt, options.kind);
  let filePath = path.join(folder, fileName);
  // Two backups in the same second (a manual one right after a scheduled one) get distinct names,
  // also when both are under way at once: a name being written is taken as much as one on disk.
  // (Checked again after each `exists`, and taken before the next await, so no other call can slip in.)
  for (let n = 2; (await exists(filePath)) || namesInFlight.has(filePath); n += 1) {
    fileName = fileName.replace(/(-\d+)?\.age$/, `-${n}.age`);
    filePath = path.join(folder, fileName);
  }
  namesInFlight.add(filePath);
  try {
    const sealed = await encryptBackup(text, passphrase);
    try {
      // Inside the try: a failure after the rename (the folder's fsync) must not leave the file either.
      await atomicWriteFile(filePath, sealed.bytes, { mode: 0o600, ...(options.fs ? { fs: options.fs } : {}) });
      const written = await nodeFs.readFile(filePath);
      const readBack = await sealed.readBack(new Uint8Array(written.buffer, written.byteOffset, written.byteLength));
      // Byte for byte the text checked above: checking it again could only repeat that verdict
      // (the check is a pure function of the text), so the read-back's equality is the proof.
      if (readBack !== text) throw new BackupFileError({ kind: 'age', problem: 'damaged' });
      return { fileName, filePath, size: written.byteLength, createdAt, counts: backupCounts(checked.document) };
    } catch (error) {
      // A backup that does not verify must not sit there looking like one.
      await nodeFs.unlink(filePath).catch(() => undefined);
      throw error instanceof AgeFileError ? new BackupFileError({ kind: 'age', problem: error.problem }) : error;
    }
  } finally {
    namesInFlight.delete(filePath);
  }
}

/** Reads, decrypts and checks a backup file; every failure is a `BackupFileError` with its problem. */
export async function readBackup(filePath: string, passphrase: string): Promise<{ document: BackupDocument; text: string; size: number }> {
  let bytes: Buffer;
  try {
    const stat = await nodeFs.stat(filePath);
    if (!stat.isFile()) throw new BackupFileError({ kind: 'unreadable' });
    if (stat.size > MAX_BACKUP_BYTES) throw new BackupFileError({ kind: 'too_large' });
    bytes = await nodeFs.readFile(filePath);
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError({ kind: 'unreadable' });
  }
  let text: string;
  try {
    text = await decryptBackup(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), passphrase);
  } catch (error) {
    if (error instanceof AgeFileError) throw new BackupFileError({ kind: 'age', problem: error.problem });
    throw error;
  }
  const checked = await checkBackupDocument(text);
  if (!checked.ok) throw new BackupFileError({ kind: 'document', problem: checked.problem });
  return { document: checked.document, text, size: bytes.byteLength };
}

/** Removes temp files a crash left behind in `folder` (never a finished backup). Returns how many. */
export async function removeOrphanedTempFiles(folder: string): Promise<number> {
  let names: string[];
  try {
    names = await nodeFs.readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((candidate) => ORPHAN_PATTERN.test(candidate))) {
    try {
      await nodeFs.unlink(path.join(folder, name));
      removed += 1;
    } catch {
      // Someone else removed it, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await nodeFs.stat(filePath);
    return true;
  } catch {
    return false;
  }
}
