import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvFileService, type ChooseFile } from '../../../../../electron/main/services/csv-file-service';
import { contract } from '../../../../../shared/ipc/contract';
import { MAX_IMPORT_FILE_BYTES } from '../../../../../shared/domain/csv-import-limits';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

/** Real files in a temp dir; the dialog is a double that "picks" a path. */
const tempDir = useTempDirs();
const picking = (chosen: string | null): ChooseFile => () => Promise.resolve(chosen);
const output = contract['import.pickCsv'].output;

// "Mäkinen;Åsa" in Windows-1252: the bytes must arrive untouched, decoding is the renderer's.
const CP1252 = Buffer.from([0x4d, 0xe4, 0x6b, 0x69, 0x6e, 0x65, 0x6e, 0x3b, 0xc5, 0x73, 0x61, 0x0a]);

describe('csv-file-service', () => {
  it('a cancelled dialog reads nothing', async () => {
    const service = createCsvFileService({ chooseFile: picking(null) });
    expect(await service.pick()).toEqual({ status: 'cancelled' });
  });

  it('reads the chosen file byte for byte and names it by its base name only', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'asiakkaat äöå.csv');
    await writeFile(file, CP1252);
    const result = await createCsvFileService({ chooseFile: picking(file) }).pick();
    expect(result).toEqual({ status: 'ok', fileName: 'asiakkaat äöå.csv', size: CP1252.length, bytesBase64: CP1252.toString('base64') });
    expect(output.safeParse(result).success).toBe(true);
    expect(JSON.stringify(result)).not.toContain(dir);
  });

  it('reads an empty file (the renderer says it is empty) and follows a link to a regular file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'empty.csv'), '');
    expect(await createCsvFileService({ chooseFile: picking(path.join(dir, 'empty.csv')) }).pick()).toEqual({
      status: 'ok',
      fileName: 'empty.csv',
      size: 0,
      bytesBase64: '',
    });
    await writeFile(path.join(dir, 'real.csv'), 'Etunimi\nAino\n');
    await symlink(path.join(dir, 'real.csv'), path.join(dir, 'link.csv'));
    expect(await createCsvFileService({ chooseFile: picking(path.join(dir, 'link.csv')) }).pick()).toMatchObject({ status: 'ok', size: 13 });
  });

  it('refuses a file over the limit without reading it, and takes one exactly at the limit', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.csv');
    await writeFile(file, Buffer.alloc(101, 0x41));
    expect(await createCsvFileService({ chooseFile: picking(file), maxBytes: 100 }).pick()).toEqual({ status: 'refused', reason: 'too_large' });
    await truncate(file, 100);
    expect(await createCsvFileService({ chooseFile: picking(file), maxBytes: 100 }).pick()).toMatchObject({ status: 'ok', size: 100 });
    // The real limit, with a sparse file: refused from its size alone.
    const huge = path.join(dir, 'huge.csv');
    await writeFile(huge, '');
    await truncate(huge, MAX_IMPORT_FILE_BYTES + 1);
    expect(await createCsvFileService({ chooseFile: picking(huge) }).pick()).toEqual({ status: 'refused', reason: 'too_large' });
  });

  it('refuses what is not a regular file — a folder, a FIFO that would block a read — without hanging', async () => {
    const dir = await tempDir();
    const folder = path.join(dir, 'kansio.csv');
    await mkdir(folder);
    expect(await createCsvFileService({ chooseFile: picking(folder) }).pick()).toEqual({ status: 'refused', reason: 'not_a_file' });
    const fifo = path.join(dir, 'putki.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await createCsvFileService({ chooseFile: picking(fifo) }).pick()).toEqual({ status: 'refused', reason: 'not_a_file' });
    expect(await createCsvFileService({ chooseFile: picking('/dev/null') }).pick()).toEqual({ status: 'refused', reason: 'not_a_file' });
  });

  it('answers "unreadable" for a file that is gone and logs only the error code, never the path', async () => {
    const dir = await tempDir();
    const { logger, lines } = createRecordingLogger();
    const missing = path.join(dir, 'Aino Mäkinen.csv');
    expect(await createCsvFileService({ chooseFile: picking(missing), logger }).pick()).toEqual({ status: 'refused', reason: 'unreadable' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'import.file_unreadable', code: 'ENOENT' });
    expect(lines.join('\n')).not.toContain('Aino');
    expect(lines.join('\n')).not.toContain(dir);
  });
});
