/**
 * CSV files people open in Excel (DESIGN §7): UTF-8 with a byte-order mark (without it Excel reads
 * `ä` as `Ã¤`), `;` as the default separator (Finnish Excel expects it; `,` on request), CRLF line
 * ends, RFC 4180 quoting — and safe against formula injection: a cell that a spreadsheet would
 * run as a formula (`=`, `@`, a tab or CR first, or `+`/`-` followed by anything but a plain
 * number) gets a leading apostrophe, so `=HYPERLINK(…)` in a customer's name stays text.
 * Phone numbers like `+358 40 123 4567` are plain numbers and stay as they are.
 */
export type CsvSeparator = ';' | ',';

export interface CsvOptions {
  readonly separator?: CsvSeparator;
  /** The UTF-8 byte-order mark; on by default (Excel). */
  readonly bom?: boolean;
}

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=@\t\r]/;
const SIGNED = /^[+-]/;
const PLAIN_NUMBER = /^[+-]?[0-9][0-9 ().,-]*$/;

/** The text a spreadsheet will show for `value`, never a formula. */
export function neutraliseCell(value: string): string {
  if (FORMULA_START.test(value) || (SIGNED.test(value) && !PLAIN_NUMBER.test(value))) return `'${value}`;
  return value;
}

function cellText(cell: CsvCell, separator: CsvSeparator): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? neutraliseCell(cell) : String(cell);
  return text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file's text (BOM included when asked). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const lines = [header.map((name) => cellText(name, separator)).join(separator)];
  for (const row of rows) lines.push(row.map((cell) => cellText(cell, separator)).join(separator));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
