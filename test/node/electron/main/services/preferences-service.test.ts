import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../../../shared/schemas/preferences';
import {
  createPreferencesService,
  PREFERENCES_FILE_NAME,
} from '../../../../../electron/main/services/preferences-service';
import type { AtomicWriteFs } from '../../../../../electron/main/services/atomic-write';
import * as realFs from 'node:fs/promises';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

describe('createPreferencesService', () => {
  const tempDir = useTempDirs();
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await tempDir();
    file = path.join(dir, PREFERENCES_FILE_NAME);
  });

  it('gives the defaults when the file is missing', async () => {
    expect(await createPreferencesService(dir).get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('gives the defaults when the user-data directory itself is missing', async () => {
    expect(await createPreferencesService(path.join(dir, 'nope')).get()).toEqual(DEFAULT_PREFERENCES);
  });

  it.each([
    ['not JSON', '{"language":'],
    ['empty', ''],
    ['the wrong shape', '{"language":"de"}'],
    ['an extra key', '{"language":"en","x":1}'],
    ['an array', '[]'],
    ['null', 'null'],
  ])('gives the defaults when the file is %s, and logs no contents', async (_label, contents) => {
    await writeFile(file, contents);
    const { logger, lines } = createRecordingLogger();
    expect(await createPreferencesService(dir, { logger }).get()).toEqual(DEFAULT_PREFERENCES);
    expect(lines.join('\n')).not.toContain('"de"');
  });

  it('gives the defaults when the path is a directory', async () => {
    await mkdir(file);
    expect(await createPreferencesService(dir).get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('returns a fresh defaults object each time (callers cannot mutate the shared default)', async () => {
    const service = createPreferencesService(dir);
    const first = await service.get();
    (first as { language: string }).language = 'sv';
    expect(await service.get()).toEqual(DEFAULT_PREFERENCES);
    expect(DEFAULT_PREFERENCES.language).toBe('fi');
  });

  it('saves atomically with mode 0600 and reads back what it saved', async () => {
    const service = createPreferencesService(dir);
    expect(await service.set({ language: 'en' })).toEqual({ language: 'en' });
    expect(await service.get()).toEqual({ language: 'en' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: 'en' });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual([PREFERENCES_FILE_NAME]);
  });

  it('creates a missing user-data directory', async () => {
    const nested = path.join(dir, 'a', 'b');
    await createPreferencesService(nested).set({ language: 'sv' });
    expect(await createPreferencesService(nested).get()).toEqual({ language: 'sv' });
  });

  it('applies concurrent saves in call order', async () => {
    const service = createPreferencesService(dir);
    await Promise.all([service.set({ language: 'en' }), service.set({ language: 'sv' }), service.set({ language: 'fi' })]);
    expect(await service.get()).toEqual({ language: 'fi' });
  });

  it('refuses invalid preferences without writing', async () => {
    const service = createPreferencesService(dir);
    await expect(service.set({ language: 'de' } as never)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous file when the write fails, and a later save still works', async () => {
    await writeFile(file, '{"language":"sv"}');
    const failing: AtomicWriteFs = {
      open: realFs.open,
      rename: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO', syscall: 'rename' })),
      unlink: realFs.unlink,
    };
    await expect(createPreferencesService(dir, { fs: failing }).set({ language: 'en' })).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(await readFile(file, 'utf8')).toBe('{"language":"sv"}');
    expect(await readdir(dir)).toEqual([PREFERENCES_FILE_NAME]);
  });
});
