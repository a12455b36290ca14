import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Block, DocumentModel } from './model';

/**
 * Lays a `DocumentModel` out as an A4 PDF: margins, wrapped text, page breaks (headings kept
 * with what follows, table headers repeated), "1 / 3" page numbers and the model's footer on
 * every page. Pure: model in, bytes out — the same code runs in main, in the renderer and in tests.
 *
 * Metadata holds the title and language we give and nothing else: no author, subject or
 * keywords, and pdf-lib's own producer strings are replaced, so a file never carries a name we
 * did not put in its title.
 *
 * Fonts: pdf-lib's standard Helvetica (WinAnsi) covers Finnish and Swedish (ä ö å Ä Ö Å é, €,
 * dashes, quotes) and needs no font file. A customer's name can be outside it (Cyrillic, ł, ő,
 * Vietnamese…); pass `fonts` (DejaVu Sans from `dejavu-fonts-ttf`, see `PDF_FONT_FILES`) to embed
 * a subset of a Unicode font, so such names print as written. Without them, characters the font
 * cannot show are replaced by their base letter where there is one (ł → l, ő → o), otherwise "?";
 * the JSON copy of an access report always keeps the exact text.
 */
export interface PdfFontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface PdfOptions {
  /** A Unicode TrueType font to embed (subset); standard Helvetica when omitted. */
  readonly fonts?: PdfFontBytes;
  /** The file's creation date (metadata); now when omitted. */
  readonly createdAt?: Date;
}

/**
 * The font files main should read and pass as `PdfOptions.fonts` (module paths inside
 * node_modules; bundle them as assets in the packaged app). Bitstream Vera licence: free to
 * embed and redistribute.
 */
export const PDF_FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

/** A4 in PostScript points, 20 mm margins. */
export const PAGE_SIZE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 56.69, right: 56.69, top: 56.69, bottom: 62 } as const;
const FOOTER_BASELINE = 34;
const CONTENT_WIDTH = PAGE_SIZE.width - MARGIN.left - MARGIN.right;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.33, 0.33, 0.33);
const RULE = rgb(0.75, 0.75, 0.75);

interface TextStyle {
  readonly bold: boolean;
  readonly size: number;
  readonly leading: number;
  readonly color: RGB;
}
const BODY: TextStyle = { bold: false, size: 10, leading: 14, color: BLACK };
const TITLE: TextStyle = { bold: true, size: 18, leading: 23, color: BLACK };
const SUBTITLE: TextStyle = { bold: false, size: 10, leading: 14, color: GREY };
const HEADINGS: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { bold: true, size: 14, leading: 18, color: BLACK, before: 14, after: 4 },
  2: { bold: true, size: 12, leading: 16, color: BLACK, before: 10, after: 3 },
  3: { bold: true, size: 10.5, leading: 14, color: BLACK, before: 8, after: 2 },
};
const CELL: TextStyle = { bold: false, size: 9, leading: 12, color: BLACK };
const CELL_HEAD: TextStyle = { ...CELL, bold: true };
const KEY: TextStyle = { ...BODY, color: GREY };
const FOOTER: TextStyle = { bold: false, size: 8, leading: 10, color: GREY };
const PARAGRAPH_GAP = 6;
const CELL_PAD = 3;
const LIST_INDENT = 16;

/** Renders the model as PDF bytes. */
export async function renderPdf(model: DocumentModel, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = options.createdAt ?? new Date();
  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setLanguage(model.language);
  doc.setCreator('Kirjuri');
  doc.setProducer('Kirjuri');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  let regular: PDFFont;
  let bold: PDFFont;
  if (options.fonts) {
    // Loaded only when a font is embedded: fontkit is most of the weight of PDF generation.
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    doc.registerFontkit(fontkit);
    regular = await doc.embedFont(options.fonts.regular, { subset: true });
    bold = await doc.embedFont(options.fonts.bold, { subset: true });
  } else {
    regular = await doc.embedFont(StandardFonts.Helvetica);
    bold = await doc.embedFont(StandardFonts.HelveticaBold);
  }

  const layout = new Layout(doc, new FontPair(regular, bold));
  layout.title(model.title, model.subtitle);
  for (const [index, block] of model.blocks.entries()) layout.block(block, model.blocks[index + 1]);
  layout.finish(model.footer);
  return doc.save();
}

/** A font with its character set, so text can be made printable before it is measured. */
class PrintableFont {
  private readonly chars: ReadonlySet<number>;
  constructor(readonly font: PDFFont) {
    this.chars = new Set(font.getCharacterSet());
  }

  /** Text with every character this font can show; others replaced (see the module comment). */
  printable(text: string): string {
    let out = '';
    for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
      const code = char.codePointAt(0)!;
      if (this.chars.has(code) || char === '\n') out += char;
      else if (/\s/u.test(char)) out += ' ';
      else if (/[\p{Cc}\p{Cf}]/u.test(char)) continue;
      else out += this.fallback(char);
    }
    return out;
  }

  private fallback(char: string): string {
    const mapped = EXTRA_FALLBACKS[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    return mapped !== '' && [...mapped].every((c) => this.chars.has(c.codePointAt(0)!)) ? mapped : '?';
  }

  width(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }
}

/** Letters that do not decompose into a base letter and a mark. */
const EXTRA_FALLBACKS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ƒ: 'f',
  '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2192': '->', '\u2190': '<-', '\u2713': 'x',
};

class FontPair {
  readonly regular: PrintableFont;
  readonly bold: PrintableFont;
  constructor(regular: PDFFont, bold: PDFFont) {
    this.regular = new PrintableFont(regular);
    this.bold = new PrintableFont(bold);
  }
  of(style: TextStyle): PrintableFont {
    return style.bold ? this.bold : this.regular;
  }
}

/** Splits text into lines no wider than `width`; `\n` breaks a line, an over-long word is cut. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const source of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = source.split(/[ \t]+/).filter((word) => word !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      if (measure(word) <= width) {
        line = word;
        continue;
      }
      // A word longer than the line (a URL, a pasted string of symbols): cut it by characters.
      for (const char of word) {
        if (line !== '' && measure(line + char) > width) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

interface Cell {
  readonly lines: readonly string[];
  readonly style: TextStyle;
  readonly x: number;
  readonly width: number;
}

/** The cursor over the pages: `y` is the top of the next line, in PDF coordinates (origin bottom left). */
class Layout {
  private page: PDFPage;
  private y: number;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontPair,
  ) {
    this.page = this.addPage();
    this.y = PAGE_SIZE.height - MARGIN.top;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE_SIZE.width, PAGE_SIZE.height]);
    this.pages.push(page);
    return page;
  }

  private newPage(): void {
    this.page = this.addPage();
    this.y = PAGE_SIZE.height - MARGIN.top;
  }

  private get available(): number {
    return this.y - MARGIN.bottom;
  }

  private get atTop(): boolean {
    return this.y >= PAGE_SIZE.height - MARGIN.top;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  private ensure(height: number): void {
    if (height > this.available && !this.atTop) this.newPage();
  }

  private gap(height: number): void {
    if (!this.atTop) this.y -= Math.min(height, this.available);
  }

  private wrap(text: string, style: TextStyle, width: number): string[] {
    const font = this.fonts.of(style);
    return wrapText(font.printable(text), width, (line) => font.width(line, style.size));
  }

  private drawLine(text: string, style: TextStyle, x: number, top: number): void {
    if (text === '') return;
    const font = this.fonts.of(style);
    // The baseline sits one font size below the line's top, leaving the rest of the leading below.
    this.page.drawText(text, { x, y: top - style.size, size: style.size, font: font.font, color: style.color });
  }

  /** Lines of one style, each moved to a new page when it does not fit. */
  private lines(lines: readonly string[], style: TextStyle, x: number): void {
    for (const line of lines) {
      this.ensure(style.leading);
      this.drawLine(line, style, x, this.y);
      this.y -= style.leading;
    }
  }

  title(title: string, subtitle: string | undefined): void {
    this.lines(this.wrap(title, TITLE, CONTENT_WIDTH), TITLE, MARGIN.left);
    if (subtitle !== undefined) this.lines(this.wrap(subtitle, SUBTITLE, CONTENT_WIDTH), SUBTITLE, MARGIN.left);
    this.y -= 8;
  }

  block(block: Block, next: Block | undefined): void {
    switch (block.kind) {
      case 'heading': {
        const style = HEADINGS[block.level];
        const lines = this.wrap(block.text, style, CONTENT_WIDTH);
        this.gap(style.before);
        // Keep a heading with the first lines of what follows it.
        const follow = next === undefined || next.kind === 'heading' ? 0 : 2 * BODY.leading + CELL_PAD * 2;
        this.ensure(lines.length * style.leading + style.after + follow);
        this.lines(lines, style, MARGIN.left);
        this.y -= style.after;
        return;
      }
      case 'paragraph':
        this.lines(this.wrap(block.text, BODY, CONTENT_WIDTH), BODY, MARGIN.left);
        this.gap(PARAGRAPH_GAP);
        return;
      case 'list': {
        for (const [index, item] of block.items.entries()) {
          const marker = block.ordered ? `${index + 1}.` : '•';
          const lines = this.wrap(item, BODY, CONTENT_WIDTH - LIST_INDENT);
          for (const [n, line] of lines.entries()) {
            this.ensure(BODY.leading);
            if (n === 0) this.drawLine(this.fonts.regular.printable(marker), BODY, MARGIN.left + 2, this.y);
            this.drawLine(line, BODY, MARGIN.left + LIST_INDENT, this.y);
            this.y -= BODY.leading;
          }
          this.y -= 2;
        }
        this.gap(PARAGRAPH_GAP - 2);
        return;
      }
      case 'keyValue': {
        const keyWidth = CONTENT_WIDTH * 0.34;
        for (const row of block.rows) {
          this.row(
            [
              { style: KEY, x: MARGIN.left, width: keyWidth - 8, text: row.key },
              { style: BODY, x: MARGIN.left + keyWidth, width: CONTENT_WIDTH - keyWidth, text: row.value === '' ? '–' : row.value },
            ],
            { pad: 1, rule: false, header: null },
          );
        }
        this.gap(PARAGRAPH_GAP);
        return;
      }
      case 'table': {
        const weights = block.widths ?? block.columns.map(() => 1);
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const columns: { x: number; width: number }[] = [];
        let x = MARGIN.left;
        for (const weight of weights) {
          const width = (CONTENT_WIDTH * weight) / total;
          columns.push({ x, width });
          x += width;
        }
        const cellsOf = (texts: readonly string[], style: TextStyle) =>
          texts.map((text, i) => ({ style, x: columns[i]!.x + CELL_PAD, width: columns[i]!.width - 2 * CELL_PAD, text }));
        const header = cellsOf(block.columns, CELL_HEAD);
        this.ensure(2 * (CELL.leading + 2 * CELL_PAD));
        this.row(header, { pad: CELL_PAD, rule: true, header: null });
        for (const row of block.rows) this.row(cellsOf(row, CELL), { pad: CELL_PAD, rule: true, header });
        this.gap(PARAGRAPH_GAP + 2);
        return;
      }
    }
  }

  /**
   * One row of cells. A row that does not fit moves to the next page (after the table header);
   * a row taller than a whole page is split line by line, header repeated on each page.
   */
  private row(
    specs: readonly { style: TextStyle; x: number; width: number; text: string }[],
    options: { pad: number; rule: boolean; header: readonly { style: TextStyle; x: number; width: number; text: string }[] | null },
  ): void {
    let cells: Cell[] = specs.map((spec) => ({ ...spec, lines: this.wrap(spec.text, spec.style, spec.width) }));
    const heightOf = (list: readonly Cell[], lineCount?: number) =>
      Math.max(...list.map((cell) => (lineCount === undefined ? cell.lines.length : Math.min(cell.lines.length, lineCount)) * cell.style.leading)) + 2 * options.pad;
    const headerHeight = options.header ? heightOf(options.header.map((spec) => ({ ...spec, lines: this.wrap(spec.text, spec.style, spec.width) }))) : 0;
    const pageRoom = PAGE_SIZE.height - MARGIN.top - MARGIN.bottom - headerHeight;

    const breakPage = () => {
      this.newPage();
      if (options.header) this.row(options.header, { ...options, header: null });
    };

    const whole = heightOf(cells);
    if (whole > this.available && !this.atTop && whole <= pageRoom) breakPage();
    for (;;) {
      const height = heightOf(cells);
      if (height <= this.available) {
        this.drawCells(cells, options.pad, height, options.rule);
        return;
      }
      // Taller than the room left: as many lines as fit here, the rest on the next page.
      const leading = Math.max(...cells.map((cell) => cell.style.leading));
      const fit = Math.floor((this.available - 2 * options.pad) / leading);
      if (fit >= 1) {
        this.drawCells(
          cells.map((cell) => ({ ...cell, lines: cell.lines.slice(0, fit) })),
          options.pad,
          heightOf(cells, fit),
          options.rule,
        );
        cells = cells.map((cell) => ({ ...cell, lines: cell.lines.slice(fit) }));
      }
      breakPage();
    }
  }

  private drawCells(cells: readonly Cell[], pad: number, height: number, rule: boolean): void {
    for (const cell of cells) {
      cell.lines.forEach((line, n) => this.drawLine(line, cell.style, cell.x, this.y - pad - n * cell.style.leading));
    }
    this.y -= height;
    if (rule) {
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE_SIZE.width - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
    }
  }

  /** Page numbers ("2 / 5") and the footer on every page, once the page count is known. */
  finish(footer: string | undefined): void {
    const total = this.pages.length;
    const font = this.fonts.regular;
    for (const [index, page] of this.pages.entries()) {
      const number = `${index + 1} / ${total}`;
      const numberWidth = font.width(number, FOOTER.size);
      page.drawText(number, { x: PAGE_SIZE.width - MARGIN.right - numberWidth, y: FOOTER_BASELINE, size: FOOTER.size, font: font.font, color: FOOTER.color });
      if (footer !== undefined && footer !== '') {
        const [first = ''] = wrapText(font.printable(footer), CONTENT_WIDTH - numberWidth - 16, (text) => font.width(text, FOOTER.size));
        page.drawText(first, { x: MARGIN.left, y: FOOTER_BASELINE, size: FOOTER.size, font: font.font, color: FOOTER.color });
      }
    }
  }
}
