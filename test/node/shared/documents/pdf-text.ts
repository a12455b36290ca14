import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { PDF_FONT_FILES, type PdfFontBytes } from '../../../../shared/documents/pdf';

/**
 * Reads a generated PDF back with Mozilla's PDF.js (the legacy build runs in Node): the text of
 * each page as lines (items on one baseline joined by a space, top to bottom), every text item
 * with its position, and the document information dictionary.
 */
export interface PositionedText {
  readonly page: number;
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

export interface PdfText {
  readonly pages: string[][];
  readonly items: PositionedText[];
  readonly info: Record<string, unknown>;
  readonly pageSizes: { width: number; height: number }[];
}

const STANDARD_FONTS = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js takes ownership of the buffer it is given; hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, standardFontDataUrl: STANDARD_FONTS, useSystemFonts: false }).promise;
  const pages: string[][] = [];
  const items: PositionedText[] = [];
  const pageSizes: { width: number; height: number }[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    pageSizes.push({ width, height });
    const content = await page.getTextContent();
    // PDF.js gives the space between two runs as an item of its own; positions of real text suffice.
    const own = content.items
      .filter((item): item is TextItem => 'str' in item && item.str.trim() !== '')
      .map((item) => ({ page: n, str: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]), width: item.width }));
    items.push(...own);
    const lines = new Map<number, PositionedText[]>();
    for (const item of own) {
      const key = Math.round(item.y);
      lines.set(key, [...(lines.get(key) ?? []), item]);
    }
    pages.push(
      [...lines.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, line]) =>
          line
            .sort((a, b) => a.x - b.x)
            .map((item) => squash(item.str))
            .join(' '),
        ),
    );
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, items, info: info as Record<string, unknown>, pageSizes };
}

/** All text of the document as one string, whitespace (line breaks, no-break spaces) collapsed. */
export const allText = (pdf: PdfText): string => squash(pdf.pages.flat().join(' '));

export const squash = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** DejaVu Sans from the dejavu-fonts-ttf package, as main passes it to renderPdf. */
export function dejaVu(): PdfFontBytes {
  const dir = join(process.cwd(), 'node_modules');
  return {
    regular: new Uint8Array(readFileSync(join(dir, PDF_FONT_FILES.regular))),
    bold: new Uint8Array(readFileSync(join(dir, PDF_FONT_FILES.bold))),
  };
}
