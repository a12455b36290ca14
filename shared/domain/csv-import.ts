import Papa from 'papaparse';
import { z } from 'zod';
import {
  CustomerDraftSchema,
  type ConsentDraftInput,
  type Customer,
  type CustomerDraft,
  type CustomerDraftInput,
  type CustomerLanguage,
} from '../schemas/customer';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from './csv-import-limits';

/**
 * Importing customers from a third-party booking system's CSV export (DESIGN §7, issue 5): pure
 * functions from the file's bytes to validated drafts, shared by the wizard and the tests.
 *
 * bytes ─decodeCsvBytes→ text ─detectDelimiter, parseCsv→ header + rows ─guessMapping / the
 * person's mapping→ validateImport → valid drafts, per-cell errors, duplicates ─planImport→ what
 * one all-or-nothing write commits.
 *
 * Row numbers are those a spreadsheet shows: the header is row 1, the first customer row 2, and
 * a quoted cell with line breaks is still one row. Nothing here throws for any input: a broken
 * file is an answer (`CsvFileProblem`), a broken cell is an error of its row.
 */
export { MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from './csv-import-limits';

/** Data rows shown as a preview of the mapping. */
export const PREVIEW_ROWS = 5;

// ---------------------------------------------------------------------------------------------
// Bytes → text

export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/**
 * Windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), as the WHATWG
 * Encoding Standard maps them; every other byte is its own code point (ASCII and Latin-1).
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 by table rather than with `TextDecoder('windows-1252')`: Node 20's decoder
 * takes a Latin-1 shortcut and turns € – “ ” into control characters (Chromium's is right), and
 * the same bytes must give the same text everywhere the importer runs.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i]!;
      units[i - start] = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}

const hasUtf8Bom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Decodes a CSV file. Excel's "CSV UTF-8" starts with a byte-order mark; without one the bytes
 * are taken as UTF-8 if they are valid UTF-8 (text in another encoding with ä, ö or å almost
 * never is), else as Windows-1252, which is what Excel's plain "CSV" writes on a Finnish Windows.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (hasUtf8Bom(bytes)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** What makes a file unusable as a whole; the wizard explains each one. */
export const CSV_FILE_PROBLEMS = [
  'empty',
  'too_large',
  'not_text',
  'utf16',
  'unclosed_quote',
  'too_many_rows',
  'too_many_columns',
] as const;
export type CsvFileProblem = (typeof CSV_FILE_PROBLEMS)[number];

/**
 * UTF-16 (Excel's "Unicode text") and binary files (an .xlsx is a zip) decode to nonsense rather
 * than failing: they are recognised by their byte-order mark or by NUL bytes near the start.
 */
function unusableBytes(bytes: Uint8Array): CsvFileProblem | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf16';
  const head = bytes.subarray(0, 4096);
  return head.includes(0) ? 'not_text' : null;
}

// ---------------------------------------------------------------------------------------------
// Text → rows

export const CSV_DELIMITERS = [';', ','] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Lines looked at to decide the delimiter. */
const DELIMITER_SAMPLE_ROWS = 20;

/**
 * The delimiter that splits the first rows into the most consistent columns: the most rows with
 * as many cells as the header, then the most columns. Ties go to `;`, which Excel writes where
 * the decimal separator is a comma (Finland, Sweden). Quoted cells are respected.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistent: number; columns: number } = { delimiter: ';', consistent: -1, columns: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const sample = Papa.parse<string[]>(text, { delimiter, preview: DELIMITER_SAMPLE_ROWS, skipEmptyLines: 'greedy' }).data;
    const columns = sample[0]?.length ?? 0;
    const consistent = columns > 1 ? sample.filter((row) => row.length === columns).length : 0;
    if (consistent > best.consistent || (consistent === best.consistent && columns > best.columns)) best = { delimiter, consistent, columns };
  }
  return best.delimiter;
}

export interface ParsedCsv {
  readonly delimiter: CsvDelimiter;
  /** The header row's cells, trimmed. */
  readonly headers: readonly string[];
  /** Data rows as they are; row `i` is spreadsheet row `i + 2`. Blank rows are kept, so numbers stay right. */
  readonly rows: readonly (readonly string[])[];
}

export type ParseResult = { readonly ok: true; readonly csv: ParsedCsv } | { readonly ok: false; readonly problem: CsvFileProblem; readonly rowNumber?: number };

const isBlankRow = (row: readonly unknown[]): boolean => row.every((cell) => typeof cell !== 'string' || cell.trim() === '');

/** Excel's `sep=;` first line names the delimiter; Excel does not show it as a row, so neither do we. */
const SEP_LINE = /^sep=([;,])\r?\n/i;

/**
 * Parses CSV text with a header row (RFC 4180 quoting: `;`, `,` and line breaks inside quotes).
 * The delimiter is the `sep=` line's, else the one given, else detected.
 */
export function parseCsv(input: string, given?: CsvDelimiter): ParseResult {
  const sep = SEP_LINE.exec(input);
  const text = sep ? input.slice(sep[0].length) : input;
  const delimiter = (sep?.[1] as CsvDelimiter | undefined) ?? given ?? detectDelimiter(text);
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  // Blank rows count towards the limit only here, twice over: a file of a million empty lines
  // must not become a million arrays, and a real export never has that many.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: 2 * MAX_IMPORT_ROWS + 2 });
  if (parsed.meta.truncated) return { ok: false, problem: 'too_many_rows' };
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) return { ok: false, problem: 'unclosed_quote', rowNumber: (quoteError.row ?? 0) + 1 };
  const records = parsed.data;
  // The line break that ends the last line is not a row of its own (a spreadsheet shows none).
  const last = records.at(-1);
  if (records.length > 1 && last?.length === 1 && last[0] === '') records.pop();
  const [header, ...rows] = records;
  if (!header || isBlankRow(header)) return { ok: false, problem: 'empty' };
  if (header.length > MAX_IMPORT_COLUMNS) return { ok: false, problem: 'too_many_columns' };
  let dataRows = 0;
  for (const row of rows) if (!isBlankRow(row)) dataRows += 1;
  if (dataRows > MAX_IMPORT_ROWS) return { ok: false, problem: 'too_many_rows' };
  return { ok: true, csv: { delimiter, headers: header.map((cell) => cell.trim()), rows } };
}

export interface CsvFile extends ParsedCsv {
  readonly encoding: CsvEncoding;
}

export type ReadCsvResult = { readonly ok: true; readonly file: CsvFile } | { readonly ok: false; readonly problem: CsvFileProblem; readonly rowNumber?: number };

/** The whole first step: bytes → decoded, delimiter found, parsed, limits checked. */
export function readCsvFile(bytes: Uint8Array): ReadCsvResult {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return { ok: false, problem: 'too_large' };
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const unusable = unusableBytes(bytes);
  if (unusable) return { ok: false, problem: unusable };
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  return { ok: true, file: { ...parsed.csv, encoding } };
}

// ---------------------------------------------------------------------------------------------
// Mapping: which column becomes which field

/** Customer fields a column can fill. Source, basis and health notes are never taken from a file. */
export const IMPORT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'street', 'postalCode', 'city', 'language', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Consents a column can state; only an explicit yes counts (`isExplicitYes`). */
export const IMPORT_CONSENTS = ['marketing_email', 'marketing_sms'] as const;
export type ImportConsent = (typeof IMPORT_CONSENTS)[number];

export const IMPORT_TARGETS = [...IMPORT_FIELDS, ...IMPORT_CONSENTS] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Per target, the 0-based column it is read from, or null when it is not imported. */
export type ColumnMapping = { [T in ImportTarget]: number | null };

export const ColumnMappingSchema = z.object(
  Object.fromEntries(IMPORT_TARGETS.map((target) => [target, z.number().int().min(0).max(MAX_IMPORT_COLUMNS - 1).nullable()])) as {
    [T in ImportTarget]: z.ZodNullable<z.ZodNumber>;
  },
);

export const emptyMapping = (): ColumnMapping => Object.fromEntries(IMPORT_TARGETS.map((target) => [target, null])) as ColumnMapping;

/** Lower case, accents kept (ä ≠ a in Finnish), punctuation and runs of spaces as one space. */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:;,/\\()[\]{}*#"'!?]+/gu, ' ')
    .trim();
}

/** Header names each target is recognised by, in Finnish, Swedish and English (normalised). */
const SYNONYMS: { readonly [T in ImportTarget]: readonly string[] } = {
  firstName: ['etunimi', 'etunimet', 'kutsumanimi', 'first name', 'firstname', 'given name', 'forename', 'förnamn', 'fornamn', 'tilltalsnamn'],
  lastName: ['sukunimi', 'last name', 'lastname', 'surname', 'family name', 'efternamn', 'släktnamn'],
  phone: [
    'puhelin',
    'puhelinnumero',
    'puh',
    'puh nro',
    'matkapuhelin',
    'matkapuhelinnumero',
    'kännykkä',
    'gsm',
    'phone',
    'phone number',
    'telephone',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'tel',
    'telefon',
    'telefonnummer',
    'mobil',
    'mobiltelefon',
    'mobilnummer',
  ],
  email: ['sähköposti', 'sähköpostiosoite', 's posti', 'sposti', 'email', 'e mail', 'email address', 'e mail address', 'mail', 'e post', 'epost', 'e postadress'],
  street: ['osoite', 'katuosoite', 'lähiosoite', 'postiosoite', 'address', 'street', 'street address', 'address line 1', 'adress', 'gatuadress', 'postadress'],
  postalCode: ['postinumero', 'postinro', 'postal code', 'postcode', 'post code', 'zip', 'zip code', 'zipcode', 'postnummer', 'postnr'],
  city: ['postitoimipaikka', 'toimipaikka', 'kaupunki', 'paikkakunta', 'kunta', 'city', 'town', 'postort', 'ort', 'stad', 'kommun'],
  language: ['kieli', 'asiointikieli', 'äidinkieli', 'language', 'preferred language', 'språk', 'kontaktspråk'],
  notes: ['lisätiedot', 'lisätietoja', 'huomiot', 'huomautukset', 'muistiinpanot', 'kommentit', 'notes', 'note', 'comments', 'comment', 'additional information', 'anteckningar', 'övrigt', 'kommentarer', 'tilläggsinformation'],
  marketing_email: [
    'markkinointilupa',
    'markkinointilupa sähköposti',
    'sähköpostimarkkinointi',
    'sähköpostimarkkinointilupa',
    'uutiskirje',
    'uutiskirjelupa',
    'marketing consent',
    'marketing',
    'email marketing',
    'marketing email',
    'newsletter',
    'marknadsföring',
    'marknadsföringstillstånd',
    'e postmarknadsföring',
    'nyhetsbrev',
  ],
  marketing_sms: [
    'markkinointilupa sms',
    'markkinointilupa tekstiviesti',
    'tekstiviestimarkkinointi',
    'sms markkinointi',
    'sms lupa',
    'tekstiviestilupa',
    'sms marketing',
    'marketing sms',
    'sms consent',
    'sms marknadsföring',
  ],
};

const MARKETING_WORDS = ['markkinointi', 'uutiskirje', 'marketing', 'newsletter', 'marknadsför', 'nyhetsbrev'];
const SMS_WORDS = ['sms', 'tekstiviesti', 'text message', 'textmeddelande'];
/** Contains-matching uses only synonyms this long: `tel` must not match `hotel`. */
const MIN_CONTAINED_SYNONYM = 5;

/** The target a header names, by exact synonym, else by the longest synonym it contains. */
function targetOfHeader(header: string): { target: ImportTarget; exact: boolean } | null {
  const name = normaliseHeader(header);
  if (name === '') return null;
  const compact = name.replace(/ /g, '');
  for (const target of IMPORT_TARGETS) {
    if (SYNONYMS[target].some((synonym) => synonym === name || synonym.replace(/ /g, '') === compact)) return { target, exact: true };
  }
  // A marketing column is about consent whatever else it says; which channel, SMS words decide.
  if (MARKETING_WORDS.some((word) => name.includes(word))) {
    return { target: SMS_WORDS.some((word) => name.includes(word)) ? 'marketing_sms' : 'marketing_email', exact: false };
  }
  let best: { target: ImportTarget; length: number } | null = null;
  for (const target of IMPORT_TARGETS) {
    for (const synonym of SYNONYMS[target]) {
      if (synonym.length >= MIN_CONTAINED_SYNONYM && name.includes(synonym) && (best === null || synonym.length > best.length)) {
        best = { target, length: synonym.length };
      }
    }
  }
  return best ? { target: best.target, exact: false } : null;
}

/**
 * A first guess at the mapping from the header names. Exact names win over names that merely
 * contain a known word; each column fills at most one field and each field comes from at most
 * one column (the leftmost). The person sees the guess, with a preview, and can change it.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const matches = headers.map((header) => (typeof header === 'string' ? targetOfHeader(header) : null));
  for (const pass of [true, false]) {
    matches.forEach((match, column) => {
      if (match && match.exact === pass && mapping[match.target] === null && !Object.values(mapping).includes(column)) mapping[match.target] = column;
    });
  }
  return mapping;
}

/**
 * The key a mapping is remembered by: the normalised header names in order. The same export
 * format of the same system gives the same signature, whatever the rows hold.
 */
export function headerSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map((header) => normaliseHeader(String(header))));
}

/** Keeps a remembered mapping only where it still fits the file (every column exists). */
export function fitMapping(mapping: ColumnMapping, columnCount: number): ColumnMapping {
  const fitted = emptyMapping();
  for (const target of IMPORT_TARGETS) {
    const column = mapping[target];
    fitted[target] = column !== null && Number.isInteger(column) && column >= 0 && column < columnCount ? column : null;
  }
  return fitted;
}

export type MappingProblem = 'first_name_unmapped' | 'last_name_unmapped' | 'column_used_twice';

/** What must be fixed in a mapping before rows can be checked: names are required, one column fills one field. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.firstName === null) problems.push('first_name_unmapped');
  if (mapping.lastName === null) problems.push('last_name_unmapped');
  const used = IMPORT_TARGETS.map((target) => mapping[target]).filter((column): column is number => column !== null);
  if (new Set(used).size !== used.length) problems.push('column_used_twice');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Cells → values

const YES = new Set(['kyllä', 'kylla', 'yes', 'ja', 'x', '1', 'true']);

/** A consent cell counts only when it says yes explicitly; empty, "ei", "no", anything else is no consent. */
export function isExplicitYes(cell: string): boolean {
  return YES.has(cell.trim().toLowerCase());
}

const LANGUAGES: ReadonlyMap<string, CustomerLanguage> = new Map([
  ...['fi', 'fin', 'suomi', 'suomeksi', 'finnish', 'finska', 'finsk'].map((word) => [word, 'fi'] as const),
  ...['sv', 'swe', 'se', 'ruotsi', 'ruotsiksi', 'swedish', 'svenska', 'svensk'].map((word) => [word, 'sv'] as const),
  ...['en', 'eng', 'englanti', 'englanniksi', 'english', 'engelska', 'engelsk'].map((word) => [word, 'en'] as const),
]);

/** The language a cell names (`fi`, `suomi`, `Svenska`, `en-GB`…); empty is Finnish; anything else null. */
export function parseLanguage(cell: string): CustomerLanguage | null {
  const word = cell.trim().toLowerCase();
  if (word === '') return 'fi';
  return LANGUAGES.get(word) ?? LANGUAGES.get(word.split(/[-_]/)[0] ?? '') ?? null;
}

// ---------------------------------------------------------------------------------------------
// Rows → drafts, errors and duplicates

/** Validation codes of the import itself; the others are the form's (`validation.*`). */
export const IMPORT_CODES = { language: 'language_invalid', row: 'row_invalid' } as const;

/**
 * Where a cell error points: a mapped field, the system name the import adds to every row, or
 * the row as a whole (an issue the schema raised on no field the file fills).
 */
export type ImportErrorField = ImportField | 'sourceDetail' | 'row';

export interface ImportCellError {
  readonly rowNumber: number;
  readonly field: ImportErrorField;
  /** An i18n code: `validation.<code>`, or `csvImport.codes.<code>` for IMPORT_CODES. */
  readonly code: string;
  /** The column the value came from (to show it), or null. */
  readonly column: number | null;
}

export interface ValidImportRow {
  readonly rowNumber: number;
  /** Normalised by the customer schema (trimmed, E.164 phone, lower-case e-mail). */
  readonly draft: CustomerDraft;
  /** Consents the file states explicitly. */
  readonly consents: readonly ConsentDraftInput[];
}

export interface InvalidImportRow {
  readonly rowNumber: number;
  readonly errors: readonly ImportCellError[];
}

/** A valid row that looks like a customer already in the register, or like an earlier row. */
export interface DuplicateFlag {
  readonly rowNumber: number;
  readonly by: 'phone' | 'email';
  /** The existing customer it matches, or null when it matches an earlier row of the file. */
  readonly existingId: string | null;
  /** The earlier valid row it matches, when `existingId` is null. */
  readonly firstRowNumber: number | null;
}

export interface ImportValidation {
  readonly valid: readonly ValidImportRow[];
  readonly invalid: readonly InvalidImportRow[];
  /** Rows with nothing in them: neither imported nor errors. */
  readonly blankRows: readonly number[];
  readonly duplicates: readonly DuplicateFlag[];
}

export type ExistingCustomer = Pick<Customer, 'id' | 'phone' | 'email'>;

export interface ImportContext {
  /** The booking system's name: every imported customer's source detail. */
  readonly systemName: string;
  readonly existing: Iterable<ExistingCustomer>;
}

const cellOf = (row: readonly unknown[], column: number | null): string => {
  if (column === null) return '';
  const value = row[column];
  return typeof value === 'string' ? value : '';
};

const DRAFT_ERROR_FIELDS: ReadonlySet<string> = new Set<ImportErrorField>([...IMPORT_FIELDS, 'sourceDetail']);

/** Validates one non-blank row: a draft and its consents, or every field's first error. */
function validateRow(row: readonly unknown[], rowNumber: number, mapping: ColumnMapping, systemName: string): ValidImportRow | InvalidImportRow {
  const cell = (target: ImportTarget) => cellOf(row, mapping[target]);
  const errors: ImportCellError[] = [];
  const language = parseLanguage(cell('language'));
  if (language === null) errors.push({ rowNumber, field: 'language', code: IMPORT_CODES.language, column: mapping.language });
  const input: CustomerDraftInput = {
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    phone: cell('phone'),
    email: cell('email'),
    street: cell('street'),
    postalCode: cell('postalCode'),
    city: cell('city'),
    language: language ?? 'fi',
    source: 'booking_system',
    sourceDetail: systemName,
    legalBasis: 'customer_relationship',
    notes: cell('notes'),
    healthNotes: '',
  };
  const parsed = CustomerDraftSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!DRAFT_ERROR_FIELDS.has(field) || seen.has(field)) continue;
      seen.add(field);
      const errorField = field as ImportErrorField;
      errors.push({ rowNumber, field: errorField, code: issue.message, column: errorField === 'sourceDetail' || errorField === 'row' ? null : mapping[errorField] });
    }
    // An issue on a field the file cannot fill would be our bug; it still makes the row invalid.
    if (seen.size === 0) errors.push({ rowNumber, field: 'row', code: IMPORT_CODES.row, column: null });
  }
  if (errors.length > 0 || !parsed.success) return { rowNumber, errors };
  const consents: ConsentDraftInput[] = IMPORT_CONSENTS.filter((kind) => isExplicitYes(cell(kind))).map((kind) => ({
    kind,
    method: 'booking_system',
    scope: '',
    expiresAt: null,
  }));
  return { rowNumber, draft: parsed.data, consents };
}

/**
 * Flags valid rows whose phone (E.164) or e-mail (lower case) is already a customer's, or an
 * earlier valid row's. Exact matches only, as a stop-gap: once shared/domain/duplicates.ts
 * exists (same normalised phone or e-mail, or a very similar name), this should call it.
 */
export function findDuplicates(valid: readonly ValidImportRow[], existing: Iterable<ExistingCustomer>): DuplicateFlag[] {
  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const customer of existing) {
    if (customer.phone !== '' && !byPhone.has(customer.phone)) byPhone.set(customer.phone, customer.id);
    const email = customer.email.toLowerCase();
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, customer.id);
  }
  const rowByPhone = new Map<string, number>();
  const rowByEmail = new Map<string, number>();
  const flags: DuplicateFlag[] = [];
  for (const { rowNumber, draft } of valid) {
    const phone = draft.phone;
    const email = draft.email.toLowerCase();
    const existingPhone = phone === '' ? undefined : byPhone.get(phone);
    const existingEmail = email === '' ? undefined : byEmail.get(email);
    const earlierPhone = phone === '' ? undefined : rowByPhone.get(phone);
    const earlierEmail = email === '' ? undefined : rowByEmail.get(email);
    if (existingPhone !== undefined) flags.push({ rowNumber, by: 'phone', existingId: existingPhone, firstRowNumber: null });
    else if (existingEmail !== undefined) flags.push({ rowNumber, by: 'email', existingId: existingEmail, firstRowNumber: null });
    else if (earlierPhone !== undefined) flags.push({ rowNumber, by: 'phone', existingId: null, firstRowNumber: earlierPhone });
    else if (earlierEmail !== undefined) flags.push({ rowNumber, by: 'email', existingId: null, firstRowNumber: earlierEmail });
    if (phone !== '' && earlierPhone === undefined) rowByPhone.set(phone, rowNumber);
    if (email !== '' && earlierEmail === undefined) rowByEmail.set(email, rowNumber);
  }
  return flags;
}

/**
 * Checks every data row against the mapping: each non-blank row becomes exactly one valid draft
 * or one list of cell errors (all of its fields', not just the first), and the valid ones are
 * checked for duplicates. Never throws, whatever the rows hold.
 */
export function validateImport(rows: readonly (readonly unknown[])[], mapping: ColumnMapping, context: ImportContext): ImportValidation {
  const valid: ValidImportRow[] = [];
  const invalid: InvalidImportRow[] = [];
  const blankRows: number[] = [];
  const fitted = fitMapping(mapping, MAX_IMPORT_COLUMNS);
  const systemName = typeof context.systemName === 'string' ? context.systemName : '';
  rows.forEach((candidate, index) => {
    const rowNumber = index + 2;
    const row: readonly unknown[] = Array.isArray(candidate) ? candidate : [];
    if (isBlankRow(row)) {
      blankRows.push(rowNumber);
      return;
    }
    const result = validateRow(row, rowNumber, fitted, systemName);
    if ('draft' in result) valid.push(result);
    else invalid.push(result);
  });
  return { valid, invalid, blankRows, duplicates: findDuplicates(valid, context.existing) };
}

// ---------------------------------------------------------------------------------------------
// What to commit

export interface ImportChoices {
  /** The person explicitly chose to leave the rows with errors out. */
  readonly skipInvalid: boolean;
  /** Duplicates are left out unless the person chooses to import them anyway. */
  readonly duplicates: 'skip' | 'import';
}

export type ImportPlan =
  | { readonly status: 'blocked'; readonly reason: 'invalid_rows' | 'nothing_to_import' }
  | {
      readonly status: 'ready';
      readonly rows: readonly ValidImportRow[];
      readonly skippedInvalid: number;
      readonly skippedDuplicates: number;
    };

/**
 * Decides what one all-or-nothing write commits. Rows with errors block the import until they
 * are fixed (a new mapping) or explicitly skipped: a partial import is never a side effect.
 */
export function planImport(validation: ImportValidation, choices: ImportChoices): ImportPlan {
  if (validation.invalid.length > 0 && !choices.skipInvalid) return { status: 'blocked', reason: 'invalid_rows' };
  const duplicateRows = new Set(validation.duplicates.map((flag) => flag.rowNumber));
  const rows = choices.duplicates === 'import' ? validation.valid : validation.valid.filter((row) => !duplicateRows.has(row.rowNumber));
  if (rows.length === 0) return { status: 'blocked', reason: 'nothing_to_import' };
  return {
    status: 'ready',
    rows,
    skippedInvalid: validation.invalid.length,
    skippedDuplicates: validation.valid.length - rows.length,
  };
}
