import type { TFunction } from 'i18next';
import { IMPORT_CODES, type CsvDelimiter, type ImportCellError } from '../../../../shared/domain/csv-import';

/** The letter a spreadsheet shows for a 0-based column: A…Z, AA, AB… */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell as a table shows it: one line, at most `max` characters. */
export function shortValue(value: string, max = 60): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export const delimiterKey = (delimiter: CsvDelimiter) => (delimiter === ';' ? 'semicolon' : 'comma');

/** Codes of the customer form's own validation, whose texts are in `validation.*`. */
const FORM_CODES = ['required', 'too_long', 'phone_invalid', 'email_invalid', 'postal_code_invalid'] as const;
type FormCode = (typeof FORM_CODES)[number];
const isFormCode = (code: string): code is FormCode => (FORM_CODES as readonly string[]).includes(code);

const IMPORT_CODE_VALUES: readonly string[] = Object.values(IMPORT_CODES);
const isImportCode = (code: string): code is (typeof IMPORT_CODES)[keyof typeof IMPORT_CODES] => IMPORT_CODE_VALUES.includes(code);

/** The translated reason of a cell error. */
export function cellErrorText(t: TFunction, error: ImportCellError): string {
  if (isFormCode(error.code)) return t(`validation.${error.code}`);
  if (isImportCode(error.code)) return t(`csvImport.codes.${error.code}`);
  return t('csvImport.codes.unknown');
}

const LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

/** `10 000` (fi, sv), `10,000` (en): counts in the app's language, not the machine's. */
export function formatCount(count: number, language: string): string {
  return new Intl.NumberFormat(LOCALES[language] ?? 'fi-FI').format(count);
}
