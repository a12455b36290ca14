import * as realFs from 'node:fs/promises';
import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  atomicWriteFile,
  type AtomicFileHandle,
  type AtomicWriteFs,
} from '../../../../../electron/main/services/atomic-write';
import { useTempDirs } from '../../helpers/temp-dir';

type Step = 'open' | 'chmod' | 'write' | 'fsync' | 'close' | 'rename' | 'dir-open' | 'dir-fsync';

const ioError = (code: string, syscall: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: injected ${syscall}`), { code, syscall });

/**
 * The real node:fs/promises, with one step made to fail. The temp file write really writes half
 * the data before failing, as a full disk would.
 */
function faultyFs(failAt: Step, code = 'EIO'): AtomicWriteFs & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    async open(file, flags, mode) {
      const isDir = flags === 'r';
      if (!isDir && failAt === 'open') throw ioError(code, 'open');
      if (isDir && failAt === 'dir-open') throw ioError(code, 'open');
      const handle = await realFs.open(file, flags, mode);
      opened.push(file);
      const wrapped: AtomicFileHandle = {
        async chmod(m) {
          if (failAt === 'chmod') throw ioError(code, 'fchmod');
          await handle.chmod(m);
        },
        async writeFile(data, options) {
          if (failAt === 'write') {
            const half = typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2);
            await handle.writeFile(half, options);
            throw ioError('ENOSPC', 'write');
          }
          await handle.writeFile(data, options);
        },
        async sync() {
          if ((isDir ? 'dir-fsync' : 'fsync') === failAt) throw ioError(code, 'fsync');
          await handle.sync();
        },
        async close() {
          await handle.close();
          if (!isDir && failAt === 'close') throw ioError(code, 'close');
        },
      };
      return wrapped;
    },
    async rename(from, to) {
      if (failAt === 'rename') throw ioError(code, 'rename');
      await realFs.rename(from, to);
    },
    unlink: (file) => realFs.unlink(file),
  };
}

describe('atomicWriteFile', () => {
  const tempDir = useTempDirs();
  let dir: string;
  let target: string;

  beforeEach(async () => {
    dir = await tempDir();
    target = path.join(dir, 'settings.json');
  });

  it('writes the data with mode 0600', async () => {
    await atomicWriteFile(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('writes bytes, and replaces an existing file (tightening its mode to 0600)', async () => {
    await writeFile(target, 'old', { mode: 0o644 });
    await atomicWriteFile(target, new Uint8Array([104, 105]));
    expect(await readFile(target, 'utf8')).toBe('hi');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('gives mode 0600 even under a permissive umask', async () => {
    const previous = process.umask(0o000);
    try {
      await atomicWriteFile(target, 'x');
    } finally {
      process.umask(previous);
    }
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('honours an explicit mode', async () => {
    await atomicWriteFile(target, 'x', { mode: 0o640 });
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it.each(['open', 'chmod', 'write', 'fsync', 'close', 'rename'] as const)(
    'a failure at %s leaves the previous file intact and no temp file behind',
    async (step) => {
      await writeFile(target, 'previous contents');
      const fs = faultyFs(step);
      const error: unknown = await atomicWriteFile(target, 'new contents that must not appear', { fs }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect(typeof (error as { syscall?: unknown }).syscall).toBe('string');
      expect(await readFile(target, 'utf8')).toBe('previous contents');
      expect(await readdir(dir)).toEqual(['settings.json']);
    },
  );

  it.each(['open', 'write', 'fsync', 'rename'] as const)(
    'a failure at %s with no previous file leaves no file at all',
    async (step) => {
      await expect(atomicWriteFile(target, 'new', { fs: faultyFs(step) })).rejects.toThrow();
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('writes through a temp file in the same directory (the rename stays on one file system)', async () => {
    const fs = faultyFs('none' as Step);
    await atomicWriteFile(target, 'x', { fs });
    const tempFile = fs.opened[0] ?? '';
    expect(path.dirname(tempFile)).toBe(dir);
    expect(path.basename(tempFile)).not.toBe('settings.json');
    // The directory itself is opened and fsynced after the rename.
    expect(fs.opened[1]).toBe(dir);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])('ignores %s when the platform refuses to fsync a directory', async (code) => {
    await atomicWriteFile(target, 'x', { fs: faultyFs('dir-fsync', code) });
    await atomicWriteFile(target, 'y', { fs: faultyFs('dir-open', code) });
    expect(await readFile(target, 'utf8')).toBe('y');
  });

  it('reports any other directory fsync failure', async () => {
    await expect(atomicWriteFile(target, 'x', { fs: faultyFs('dir-fsync', 'EIO') })).rejects.toMatchObject({ code: 'EIO' });
  });

  it('refuses to follow a symlink planted at the temp path (O_EXCL)', async () => {
    // Temp names are random, so the clash is provoked by an open that is pointed at the symlink.
    const victim = path.join(dir, 'victim');
    const planted = path.join(dir, 'planted');
    await writeFile(victim, 'victim contents');
    await symlink(victim, planted);
    const fs: AtomicWriteFs = {
      open: (_file, flags, mode) => realFs.open(planted, flags, mode),
      rename: realFs.rename,
      unlink: realFs.unlink,
    };
    await expect(atomicWriteFile(target, 'attacker-chosen', { fs })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(victim, 'utf8')).toBe('victim contents');
  });
});
