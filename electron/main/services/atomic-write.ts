import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-handle operations atomic writes use; a `node:fs/promises` FileHandle satisfies it. */
export interface AtomicFileHandle {
  writeFile(data: string | Uint8Array, options?: { encoding?: BufferEncoding }): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system operations atomic writes use; `node:fs/promises` satisfies it. Tests pass a
 * wrapper that fails at a chosen step.
 */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface AtomicWriteOptions {
  /** File mode of the result; 0600 (owner read/write only) unless told otherwise. */
  readonly mode?: number;
  /** Injected file system, for fault-injection tests. */
  readonly fs?: AtomicWriteFs;
}

// Platforms and file systems that cannot fsync a directory say so with these codes (Windows
// cannot open a directory; some network and FUSE file systems refuse the call).
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL']);

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Writes `data` to `filePath` so that a crash or power cut leaves either the old file or the
 * new one, never a torn mix (acceptance check E8 for the mode).
 *
 * Steps: create a temp file in the same directory (so the rename stays on one file system) with
 * O_EXCL and mode 0600, write, fsync, close, rename over the target, fsync the directory so the
 * rename itself is durable. On failure before the rename the temp file is removed and the old
 * file is untouched; the original error is rethrown.
 *
 * Threats: a torn or empty settings/backup file after a crash; other local users reading the
 * file (mode 0600, set with fchmod so a permissive umask cannot widen it); a pre-planted symlink
 * at the temp path (O_EXCL refuses to follow it).
 */
export async function atomicWriteFile(
  filePath: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs: AtomicWriteFs = options.fs ?? nodeFs;
  const mode = options.mode ?? 0o600;
  const target = path.resolve(filePath);
  const dir = path.dirname(target);
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

  let handle: AtomicFileHandle | undefined;
  let created = false;
  try {
    handle = await fs.open(tempPath, 'wx', mode);
    created = true;
    await handle.chmod(mode);
    await handle.writeFile(data, typeof data === 'string' ? { encoding: 'utf8' } : undefined);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await fs.rename(tempPath, target);
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    // Only a file we created is removed: if `open` failed, whatever is at that path is not ours.
    if (created) await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dir);
}

/** fsyncs a directory so a rename in it survives a power cut; ignored where unsupported. */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  let handle: AtomicFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.has(String(errorCode(error)))) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
