import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * Reads a file the person picked in one of main's open dialogs (an import's CSV, a request's
 * attachment), refusing what could hurt main:
 * - a FIFO or device hanging main: only regular files are opened, `stat` first (opening a FIFO
 *   for reading would wait for a writer) and without blocking;
 * - a path swapped between `stat` and `open`: what was actually opened is checked again;
 * - a huge file, or one that grows while it is read, exhausting memory: the size is checked
 *   before and while reading, and at most `maxBytes + 1` bytes are ever read.
 *
 * File-system errors (ENOENT, EACCES…) are thrown for the caller to map to its own answer.
 */
export type BoundedRead =
  | { readonly status: 'ok'; readonly bytes: Buffer }
  | { readonly status: 'not_a_file' }
  | { readonly status: 'too_large' };

/** Reads at most `limit + 1` bytes: one byte more than allowed proves the file grew past the limit. */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** Reads the regular file at `filePath` if it holds at most `maxBytes` bytes. */
export async function readRegularFile(filePath: string, maxBytes: number): Promise<BoundedRead> {
  const before = await stat(filePath);
  if (!before.isFile()) return { status: 'not_a_file' };
  if (before.size > maxBytes) return { status: 'too_large' };
  const handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { status: 'not_a_file' };
    if (opened.size > maxBytes) return { status: 'too_large' };
    const bytes = await readUpTo(handle, maxBytes);
    if (bytes.length > maxBytes) return { status: 'too_large' };
    return { status: 'ok', bytes };
  } finally {
    await handle.close();
  }
}

/** A Node error's code (ENOENT…), or the error's class name, for a log line without the path. */
export const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
};
