import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFontService, packageFontDir, BUNDLED_FONT_FILES } from '../../../../../electron/main/services/font-service';
import { renderPdf } from '../../../../../shared/documents/pdf';
import { paragraph } from '../../../../../shared/documents/model';
import { allText, readPdf } from '../../../shared/documents/pdf-text';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('font service', () => {
  it('reads DejaVu Sans regular and bold from the package when no folder is given, once', async () => {
    const fonts = createFontService();
    const first = await fonts.load();
    expect(first).not.toBeNull();
    expect(Buffer.from(first!.regular).equals(await readFile(path.join(packageFontDir(), BUNDLED_FONT_FILES.regular)))).toBe(true);
    expect(Buffer.from(first!.bold).equals(await readFile(path.join(packageFontDir(), BUNDLED_FONT_FILES.bold)))).toBe(true);
    expect(await fonts.load()).toBe(first);
    // The bytes are fonts pdf-lib embeds: a name outside WinAnsi prints as written.
    const pdf = await renderPdf({ language: 'fi', title: 'Testi', blocks: [paragraph('Ольга Wałęsa')] }, { fonts: first! });
    expect(allText(await readPdf(pdf))).toContain('Ольга Wałęsa');
  });

  it('reads the folder it is given (the build’s out/main/fonts)', async () => {
    const dir = await tempDir();
    for (const name of Object.values(BUNDLED_FONT_FILES)) {
      await copyFile(path.join(packageFontDir(), name), path.join(dir, name));
    }
    expect(await createFontService({ fontDir: dir }).load()).not.toBeNull();
  });

  it('answers null and warns with the error code only when the files are missing', async () => {
    const dir = await tempDir();
    const { logger, lines } = createRecordingLogger();
    expect(await createFontService({ fontDir: dir, logger }).load()).toBeNull();
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ level: 'warn', event: 'documents.fonts_unavailable', code: 'ENOENT' })]);
    expect(lines.join('\n')).not.toContain(dir);
  });
});
