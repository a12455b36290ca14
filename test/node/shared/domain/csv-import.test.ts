import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  decodeCsvBytes,
  detectDelimiter,
  emptyMapping,
  findDuplicates,
  fitMapping,
  guessMapping,
  headerSignature,
  IMPORT_TARGETS,
  isExplicitYes,
  mappingProblems,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  parseCsv,
  parseLanguage,
  planImport,
  readCsvFile,
  validateImport,
  type ColumnMapping,
  type ImportValidation,
} from '../../../../shared/domain/csv-import';
import { syntheticStored } from '../../../support/synthetic';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

const FINNISH_HEADERS = [
  'Etunimi',
  'Sukunimi',
  'Matkapuhelin',
  'Sähköposti',
  'Katuosoite',
  'Postinumero',
  'Postitoimipaikka',
  'Lisätiedot',
  'Kieli',
  'Markkinointilupa (sähköposti)',
  'SMS-markkinointi',
];

/** The mapping of FINNISH_HEADERS, column by column. */
const FINNISH_MAPPING: ColumnMapping = {
  firstName: 0,
  lastName: 1,
  phone: 2,
  email: 3,
  street: 4,
  postalCode: 5,
  city: 6,
  notes: 7,
  language: 8,
  marketing_email: 9,
  marketing_sms: 10,
};

const row = (over: Partial<Record<keyof ColumnMapping, string>> = {}): string[] => {
  const cells: Record<keyof ColumnMapping, string> = {
    firstName: 'Aino',
    lastName: 'Mäkinen',
    phone: '040 123 4567',
    email: 'Aino.Makinen@Example.test',
    street: 'Kauppakatu 1',
    postalCode: '00100',
    city: 'Helsinki',
    notes: 'Toivoo aamuaikoja; ei maanantaisin',
    language: 'suomi',
    marketing_email: '',
    marketing_sms: '',
    ...over,
  };
  const out = new Array<string>(FINNISH_HEADERS.length).fill('');
  for (const target of IMPORT_TARGETS) out[FINNISH_MAPPING[target]!] = cells[target];
  return out;
};

const context = (existing = [] as ReturnType<typeof syntheticStored>[]) => ({ systemName: 'Ajanvaraus Oy', existing });

describe('decodeCsvBytes', () => {
  it('takes a byte-order mark as UTF-8 and drops it', () => {
    const decoded = decodeCsvBytes(new Uint8Array([...BOM, ...utf8('Sukunimi;Kaupunki\nÖstman;Åbo\n')]));
    expect(decoded).toEqual({ encoding: 'utf-8-bom', text: 'Sukunimi;Kaupunki\nÖstman;Åbo\n' });
  });

  it('reads valid UTF-8 without a mark as UTF-8', () => {
    expect(decodeCsvBytes(utf8('Etunimi\nVäinö\n'))).toEqual({ encoding: 'utf-8', text: 'Etunimi\nVäinö\n' });
    expect(decodeCsvBytes(utf8('plain ascii'))).toEqual({ encoding: 'utf-8', text: 'plain ascii' });
  });

  it('falls back to Windows-1252 for the bytes a Finnish Excel writes (ä ö å Ä Ö Å €)', () => {
    // "Mäkinen;Öhman;Åsa;päivä;€" exactly as Windows-1252 encodes it: one byte per letter.
    const bytes = new Uint8Array([
      0x4d, 0xe4, 0x6b, 0x69, 0x6e, 0x65, 0x6e, 0x3b, // Mäkinen;
      0xd6, 0x68, 0x6d, 0x61, 0x6e, 0x3b, // Öhman;
      0xc5, 0x73, 0x61, 0x3b, // Åsa;
      0x70, 0xe4, 0x69, 0x76, 0xe4, 0x3b, // päivä;
      0x80, 0x0a, // €\n
      0xf6, 0xe5, 0xc4, // öåÄ
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({ encoding: 'windows-1252', text: 'Mäkinen;Öhman;Åsa;päivä;€\nöåÄ' });
  });

  it('decodes Windows-1252 punctuation as the standard does, not as Latin-1 control characters', () => {
    // “Hiljainen” – 5 € (curly quotes, en dash and euro sign are 0x93, 0x94, 0x96, 0x80), ä forces the fallback.
    const bytes = new Uint8Array([0x93, 0x48, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x3b, 0xe4, 0x81, 0x9f]);
    expect(decodeCsvBytes(bytes).text).toBe('\u201cH\u201d \u2013 5 \u20ac;\u00e4\u0081\u0178');
  });
});

describe('readCsvFile', () => {
  it('reports the encoding, the delimiter, the header and the rows', () => {
    const result = readCsvFile(new Uint8Array([...BOM, ...utf8('Etunimi;Sukunimi\r\nAino;Mäki\r\n')]));
    expect(result).toEqual({
      ok: true,
      file: { encoding: 'utf-8-bom', delimiter: ';', headers: ['Etunimi', 'Sukunimi'], rows: [['Aino', 'Mäki']] },
    });
  });

  it('refuses UTF-16, binary (an .xlsx), empty and oversized files with a reason', () => {
    expect(readCsvFile(new Uint8Array([0xff, 0xfe, 0x45, 0x00]))).toEqual({ ok: false, problem: 'utf16' });
    expect(readCsvFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({ ok: false, problem: 'not_text' });
    expect(readCsvFile(new Uint8Array([]))).toEqual({ ok: false, problem: 'empty' });
    expect(readCsvFile(utf8(' \n\n  \n'))).toEqual({ ok: false, problem: 'empty' });
    expect(readCsvFile(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1).fill(0x41))).toEqual({ ok: false, problem: 'too_large' });
  });
});

describe('detectDelimiter', () => {
  it('finds semicolons and commas', () => {
    expect(detectDelimiter('Etunimi;Sukunimi;Puhelin\nAino;Mäki;0401234567\n')).toBe(';');
    expect(detectDelimiter('First name,Last name,Phone\nAino,Mäki,0401234567\n')).toBe(',');
  });

  it('is not fooled by the other delimiter inside quoted cells or free text', () => {
    expect(detectDelimiter('Etunimi;Lisätiedot\nAino;Toivoo aamuja, ei maanantaisin\nEero;"Kahvi, ei maitoa"\n')).toBe(';');
    expect(detectDelimiter('Name,Notes\nAino,"Mornings; not Mondays"\nEero,"a;b;c"\n')).toBe(',');
  });

  it('defaults to a semicolon when nothing decides', () => {
    expect(detectDelimiter('Etunimi\nAino\n')).toBe(';');
    expect(detectDelimiter('')).toBe(';');
  });
});

describe('parseCsv', () => {
  it('keeps quoted delimiters, quotes and line breaks in one cell, and spreadsheet row numbers right', () => {
    const text = 'Etunimi;Lisätiedot\nAino;"Rivi yksi\nrivi kaksi; ja ""lainaus"""\nEero;Tavallinen\n';
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.csv.rows[0]).toEqual(['Aino', 'Rivi yksi\nrivi kaksi; ja "lainaus"']);
    // Eero is on spreadsheet row 3 although he is on line 4 of the text.
    expect(parsed.csv.rows[1]).toEqual(['Eero', 'Tavallinen']);
    const validation = validateImport(parsed.csv.rows, { ...emptyMapping(), firstName: 0, notes: 1 }, context());
    expect(validation.invalid.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('does not count the line break ending the file as a row, but keeps blank rows in between', () => {
    const parsed = parseCsv('Etunimi\r\nAino\r\n\r\nEero\r\n');
    expect(parsed).toMatchObject({ ok: true, csv: { rows: [['Aino'], [''], ['Eero']] } });
  });

  it("follows Excel's sep= line and, like Excel, does not count it as a row", () => {
    expect(parseCsv('sep=,\r\nEtunimi,Lisätiedot\r\nAino,"a; b; c"\r\n')).toEqual({
      ok: true,
      csv: { delimiter: ',', headers: ['Etunimi', 'Lisätiedot'], rows: [['Aino', 'a; b; c']] },
    });
  });

  it('refuses an unclosed quote with its row number', () => {
    expect(parseCsv('Etunimi;Sukunimi\nAino;Mäki\nEero;"Virtanen\nIlona;Koski\n')).toEqual({ ok: false, problem: 'unclosed_quote', rowNumber: 3 });
  });

  it(`takes ${MAX_IMPORT_ROWS} rows and refuses one more, and refuses more than ${MAX_IMPORT_COLUMNS} columns`, () => {
    const rows = (n: number) => `Etunimi;Sukunimi\n${'Aino;Mäki\n'.repeat(n)}`;
    expect(parseCsv(rows(MAX_IMPORT_ROWS)).ok).toBe(true);
    expect(parseCsv(rows(MAX_IMPORT_ROWS + 1))).toEqual({ ok: false, problem: 'too_many_rows' });
    expect(parseCsv('\n'.repeat(3 * MAX_IMPORT_ROWS) + 'a;b')).toEqual({ ok: false, problem: 'too_many_rows' });
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `c${i}`).join(';');
    expect(parseCsv(`${wide}\n`)).toEqual({ ok: false, problem: 'too_many_columns' });
  });
});

describe('guessMapping', () => {
  it('recognises Finnish headers, consents included', () => {
    expect(guessMapping(FINNISH_HEADERS)).toEqual(FINNISH_MAPPING);
  });

  it('recognises English and Swedish headers', () => {
    expect(guessMapping(['First name', 'Last name', 'Mobile', 'E-mail', 'Address', 'Zip code', 'City', 'Notes', 'Language', 'Newsletter', 'SMS marketing'])).toEqual(
      FINNISH_MAPPING,
    );
    expect(guessMapping(['Förnamn', 'Efternamn', 'Telefon', 'E-post', 'Gatuadress', 'Postnummer', 'Postort', 'Anteckningar', 'Språk'])).toEqual({
      ...FINNISH_MAPPING,
      marketing_email: null,
      marketing_sms: null,
    });
  });

  it('matches headers that contain a known name, prefers exact names, and uses each column once', () => {
    const mapping = guessMapping(['Asiakasnumero', 'Asiakkaan sähköpostiosoite', 'Puhelin', 'Matkapuhelin', 'ETUNIMI', 'sukunimi ', 'Markkinointilupa SMS']);
    expect(mapping).toEqual({ ...emptyMapping(), email: 1, phone: 2, firstName: 4, lastName: 5, marketing_sms: 6 });
    expect(guessMapping(['', 'Hotel', 'Osoite', 'Sähköpostiosoite'])).toEqual({ ...emptyMapping(), street: 2, email: 3 });
  });
});

describe('headerSignature and fitMapping', () => {
  it('ignores case and spacing but not order or names', () => {
    expect(headerSignature(['Etunimi ', 'SUKUNIMI', 'Puh.'])).toBe(headerSignature(['etunimi', 'Sukunimi', 'puh']));
    expect(headerSignature(['Sukunimi', 'Etunimi'])).not.toBe(headerSignature(['Etunimi', 'Sukunimi']));
    expect(headerSignature(['a;b'])).not.toBe(headerSignature(['a', 'b']));
  });

  it('drops columns a remembered mapping names but the file does not have', () => {
    expect(fitMapping({ ...emptyMapping(), firstName: 0, lastName: 5, phone: -1 }, 3)).toEqual({ ...emptyMapping(), firstName: 0 });
  });

  it('asks for both names and one column per field', () => {
    expect(mappingProblems(emptyMapping())).toEqual(['first_name_unmapped', 'last_name_unmapped']);
    expect(mappingProblems({ ...FINNISH_MAPPING, notes: 0 })).toEqual(['column_used_twice']);
    expect(mappingProblems(FINNISH_MAPPING)).toEqual([]);
  });
});

describe('cell values', () => {
  it('counts a consent only for an explicit yes', () => {
    for (const yes of ['kyllä', 'Kyllä', 'KYLLA', 'yes', 'Yes', 'ja', 'x', 'X', '1', 'true', 'TRUE', ' kyllä ']) expect(isExplicitYes(yes), yes).toBe(true);
    for (const no of ['', 'ei', 'no', 'nej', '0', 'false', 'k', 'y', 'maybe', 'kyllä kai', 'yes?', '2']) expect(isExplicitYes(no), no).toBe(false);
  });

  it('reads languages by code or name, empty as Finnish', () => {
    expect(['', 'fi', 'FI', 'suomi', 'Finnish', 'fi-FI'].map(parseLanguage)).toEqual(Array(6).fill('fi'));
    expect(['sv', 'ruotsi', 'Svenska', 'sv-FI'].map(parseLanguage)).toEqual(Array(4).fill('sv'));
    expect(['en', 'englanti', 'English', 'en_GB'].map(parseLanguage)).toEqual(Array(4).fill('en'));
    expect(['saksa', 'de', 'x'].map(parseLanguage)).toEqual([null, null, null]);
  });
});

describe('validateImport', () => {
  it('makes a normalised booking-system draft of a valid row, with only the consents the file states', () => {
    const result = validateImport([row({ marketing_email: 'kyllä', marketing_sms: 'ei' })], FINNISH_MAPPING, context());
    expect(result.invalid).toEqual([]);
    expect(result.valid).toEqual([
      {
        rowNumber: 2,
        draft: {
          firstName: 'Aino',
          lastName: 'Mäkinen',
          phone: '+358401234567',
          email: 'aino.makinen@example.test',
          street: 'Kauppakatu 1',
          postalCode: '00100',
          city: 'Helsinki',
          language: 'fi',
          source: 'booking_system',
          sourceDetail: 'Ajanvaraus Oy',
          legalBasis: 'customer_relationship',
          notes: 'Toivoo aamuaikoja; ei maanantaisin',
          healthNotes: '',
        },
        consents: [{ kind: 'marketing_email', method: 'booking_system', scope: '', expiresAt: null }],
      },
    ]);
  });

  it('lists every bad cell of a row with its spreadsheet row number and code; blank rows are neither', () => {
    const rows = [
      row(),
      row({ phone: '040-12', email: 'aino@', postalCode: '123' }),
      ['', '', '', ''],
      row({ firstName: '   ', language: 'saksa' }),
      row({ notes: 'x'.repeat(5001) }),
    ];
    const result = validateImport(rows, FINNISH_MAPPING, context());
    expect(result.valid.map((r) => r.rowNumber)).toEqual([2]);
    expect(result.blankRows).toEqual([4]);
    expect(result.invalid).toEqual([
      {
        rowNumber: 3,
        errors: [
          { rowNumber: 3, field: 'phone', code: 'phone_invalid', column: 2 },
          { rowNumber: 3, field: 'email', code: 'email_invalid', column: 3 },
          { rowNumber: 3, field: 'postalCode', code: 'postal_code_invalid', column: 5 },
        ],
      },
      {
        rowNumber: 5,
        errors: [
          { rowNumber: 5, field: 'language', code: 'language_invalid', column: 8 },
          { rowNumber: 5, field: 'firstName', code: 'required', column: 0 },
        ],
      },
      { rowNumber: 6, errors: [{ rowNumber: 6, field: 'notes', code: 'too_long', column: 7 }] },
    ]);
  });

  it('needs the system name on every row', () => {
    const result = validateImport([row()], FINNISH_MAPPING, { systemName: '  ', existing: [] });
    expect(result.invalid).toEqual([{ rowNumber: 2, errors: [{ rowNumber: 2, field: 'sourceDetail', code: 'required', column: null }] }]);
  });

  it('flags duplicates of existing customers (phone, e-mail in any case) and of earlier valid rows', () => {
    const existing = [syntheticStored(1), syntheticStored(2)];
    const [a, b] = existing as [ReturnType<typeof syntheticStored>, ReturnType<typeof syntheticStored>];
    const rows = [
      row({ phone: a.phone.replace('+358', '0'), email: '' }), // 2: existing by phone
      row({ phone: '', email: b.email.toUpperCase() }), // 3: existing by e-mail
      row({ phone: '050 111 2222', email: 'uusi@example.test' }), // 4: new
      row({ phone: '+358501112222', email: '' }), // 5: same phone as row 4
      row({ phone: 'bad', email: 'toinen@example.test' }), // 6: invalid, so it cannot be an original
      row({ phone: '', email: 'TOINEN@example.test' }), // 7: new (row 6 is not imported)
      row({ phone: '', email: 'uusi@example.test' }), // 8: same e-mail as row 4
    ];
    const result = validateImport(rows, FINNISH_MAPPING, context(existing));
    expect(result.duplicates).toEqual([
      { rowNumber: 2, by: 'phone', existingId: a.id, firstRowNumber: null },
      { rowNumber: 3, by: 'email', existingId: b.id, firstRowNumber: null },
      { rowNumber: 5, by: 'phone', existingId: null, firstRowNumber: 4 },
      { rowNumber: 8, by: 'email', existingId: null, firstRowNumber: 4 },
    ]);
    expect(findDuplicates(result.valid, [])).toHaveLength(2);
  });
});

describe('planImport', () => {
  const validation = validateImport(
    [row(), row({ phone: 'bad' }), row({ email: 'toinen@example.test', phone: '' }), row({ email: 'toinen@example.test', phone: '' })],
    FINNISH_MAPPING,
    context(),
  );

  it('blocks while rows with errors are neither fixed nor explicitly skipped', () => {
    expect(planImport(validation, { skipInvalid: false, duplicates: 'skip' })).toEqual({ status: 'blocked', reason: 'invalid_rows' });
  });

  it('leaves duplicates out unless asked to import them', () => {
    const skip = planImport(validation, { skipInvalid: true, duplicates: 'skip' });
    expect(skip).toMatchObject({ status: 'ready', skippedInvalid: 1, skippedDuplicates: 1 });
    if (skip.status === 'ready') expect(skip.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    const all = planImport(validation, { skipInvalid: true, duplicates: 'import' });
    if (all.status !== 'ready') throw new Error('expected ready');
    expect(all.rows.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
  });

  it('has nothing to import when every row is bad or blank', () => {
    const none = validateImport([row({ phone: 'x' }), ['']], FINNISH_MAPPING, context());
    expect(planImport(none, { skipInvalid: true, duplicates: 'import' })).toEqual({ status: 'blocked', reason: 'nothing_to_import' });
  });
});

// -------------------------------------------------------------------------------------------------
// Properties: whatever the file holds, the importer answers and never plans a partial import.

/** Cells that stress the importer: delimiters, quotes, line breaks, near-valid phones and e-mails, long and odd Unicode. */
const cellArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('', ' ', 'kyllä', 'ei', 'x', 'sv', 'saksa', '040 123 4567', '+46 70 123 45 67', '12', 'a@b.fi', 'a@', '00100', '1234', ';', ',', '"', '\n', '\r\n', '\u0000', '=SUM(A1)'),
  fc.string({ minLength: 90, maxLength: 300 }),
);
const rowsArb = fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 25 });
const mappingArb: fc.Arbitrary<ColumnMapping> = fc.record(
  Object.fromEntries(IMPORT_TARGETS.map((target) => [target, fc.option(fc.integer({ min: -2, max: 14 }), { nil: null })])) as {
    [T in keyof ColumnMapping]: fc.Arbitrary<number | null>;
  },
);
const existingArb = fc.array(fc.integer({ min: 0, max: 50 }).map(syntheticStored), { maxLength: 5 });

function expectPartition(validation: ImportValidation, rowCount: number): void {
  const numbers = [...validation.valid.map((r) => r.rowNumber), ...validation.invalid.map((r) => r.rowNumber), ...validation.blankRows].sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: rowCount }, (_, i) => i + 2));
  for (const bad of validation.invalid) {
    expect(bad.errors.length).toBeGreaterThan(0);
    for (const error of bad.errors) expect(error.rowNumber).toBe(bad.rowNumber);
  }
  const validNumbers = new Set(validation.valid.map((r) => r.rowNumber));
  for (const flag of validation.duplicates) expect(validNumbers.has(flag.rowNumber)).toBe(true);
}

describe('properties', () => {
  it('random rows and mappings never throw, and every row is exactly one of valid, invalid or blank', () => {
    fc.assert(
      fc.property(rowsArb, mappingArb, fc.string({ maxLength: 120 }), existingArb, (rows, mapping, systemName, existing) => {
        const validation = validateImport(rows, mapping, { systemName, existing });
        expectPartition(validation, rows.length);
      }),
      { numRuns: 400 },
    );
  });

  it('never plans a partial import: blocked while errors are not skipped, else exactly the chosen rows', () => {
    fc.assert(
      fc.property(rowsArb, mappingArb, fc.boolean(), fc.constantFrom('skip' as const, 'import' as const), (rows, mapping, skipInvalid, duplicates) => {
        const validation = validateImport(rows, mapping, { systemName: 'Järjestelmä', existing: [] });
        const plan = planImport(validation, { skipInvalid, duplicates });
        if (validation.invalid.length > 0 && !skipInvalid) {
          expect(plan).toEqual({ status: 'blocked', reason: 'invalid_rows' });
          return;
        }
        const duplicateRows = new Set(validation.duplicates.map((flag) => flag.rowNumber));
        const expected = validation.valid.filter((r) => duplicates === 'import' || !duplicateRows.has(r.rowNumber));
        if (expected.length === 0) expect(plan).toEqual({ status: 'blocked', reason: 'nothing_to_import' });
        else expect(plan).toMatchObject({ status: 'ready', rows: expected });
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes never throw: a file is read or refused with a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = readCsvFile(bytes);
        if (result.ok) expectPartition(validateImport(result.file.rows, guessMapping(result.file.headers), context()), result.file.rows.length);
        else expect(typeof result.problem).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('whatever the cells hold, a quoted CSV reads back to the same rows with either delimiter', () => {
    const textCell = fc.string({ maxLength: 15 }).filter((cell) => !cell.includes('\u0000'));
    fc.assert(
      fc.property(fc.constantFrom(';' as const, ',' as const), fc.array(fc.array(textCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 15 }), (delimiter, rows) => {
        const text = Papa.unparse([['Etunimi', 'Sukunimi', 'Lisätiedot'], ...rows], { delimiter, quotes: true, newline: '\r\n' });
        const parsed = parseCsv(text, delimiter);
        expect(parsed).toEqual({ ok: true, csv: { delimiter, headers: ['Etunimi', 'Sukunimi', 'Lisätiedot'], rows } });
      }),
      { numRuns: 300 },
    );
  });
});
