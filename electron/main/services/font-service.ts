import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDF_FONT_FILES, type PdfFontBytes } from '../../../shared/documents/pdf';
import { silentLogger, type Logger } from '../logger';
import { errorCode } from './bounded-read';

/**
 * DejaVu Sans (regular and bold) for the PDFs main renders, so a customer's name outside
 * Latin-1 (Ольга, Wałęsa, Nguyễn) prints as written. Loaded once, on the first document, and
 * kept: some 1.4 MB that most sessions never need.
 *
 * Where the files are: the build copies them into `out/main/fonts/` (electron.vite.config.ts,
 * `bundleFonts`), inside the asar archive of the packaged app, and index.ts passes that folder.
 * Without a folder (tests, the in-process bridge) they are read from the `dejavu-fonts-ttf`
 * package in node_modules.
 *
 * If the files cannot be read, documents are still made, with the standard Helvetica
 * (pdf.ts replaces what it cannot show; the JSON copy keeps the exact text) and a logged
 * warning: an access report is due within a month, a missing font must not block it.
 */
export interface FontService {
  /** The font bytes, or null when they could not be read (see above). */
  load(): Promise<PdfFontBytes | null>;
}

/** The file names inside the fonts folder the build writes (and in the package's `ttf/`). */
export const BUNDLED_FONT_FILES = {
  regular: path.posix.basename(PDF_FONT_FILES.regular),
  bold: path.posix.basename(PDF_FONT_FILES.bold),
} as const;

export interface FontServiceOptions {
  /** The folder holding BUNDLED_FONT_FILES; the dejavu-fonts-ttf package's when omitted. */
  readonly fontDir?: string;
  readonly logger?: Logger;
}

/** The dejavu-fonts-ttf package's `ttf/` folder, as resolved from this module. */
export function packageFontDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(PDF_FONT_FILES.regular));
}

export function createFontService({ fontDir, logger = silentLogger }: FontServiceOptions = {}): FontService {
  let loading: Promise<PdfFontBytes | null> | undefined;
  const read = async (): Promise<PdfFontBytes | null> => {
    try {
      const dir = fontDir ?? packageFontDir();
      const [regular, bold] = await Promise.all([readFile(path.join(dir, BUNDLED_FONT_FILES.regular)), readFile(path.join(dir, BUNDLED_FONT_FILES.bold))]);
      return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
    } catch (error) {
      logger.warn('documents.fonts_unavailable', { code: errorCode(error) });
      return null;
    }
  };
  return {
    load() {
      loading ??= read();
      return loading;
    },
  };
}
