import { describe, expect, it } from 'vitest';
import { BACKUP_TABLE_NAMES, type BackupTableName } from '../../../../shared/backup/format';
import { handoverNoteModel, handoverNotePdf, HandoverNoteMessageSchema, type HandoverNoteInput } from '../../../../shared/documents/handover-note';
import { DOCUMENT_LANGUAGES, modelText, type DocumentLanguage } from '../../../../shared/documents/model';
import { BusinessSchema } from '../../../../shared/schemas/business';
import { allText, dejaVu, readPdf } from './pdf-text';

/**
 * The handover note of a successor transfer (issue 7), in each language: the parties, what is
 * handed over with main's counts, that restrictions and objections travel and must be honoured,
 * that the successor becomes controller and must inform the customers, how to open the age file
 * with a passphrase delivered separately, and that the CSV files are unencrypted.
 */
const business = BusinessSchema.parse({
  name: 'Kauneushoitola Sävy',
  businessId: '1234567-1',
  street: 'Testikatu 5 B',
  postalCode: '00990',
  city: 'Helsinki',
  privacyEmail: 'tietosuoja@example.test',
  privacyPhone: '040 555 0123',
});
const counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((name, i) => [name, i + 1])) as Record<BackupTableName, number>;

const input = (language: DocumentLanguage, overrides: Partial<HandoverNoteInput> = {}): HandoverNoteInput => ({
  language,
  business,
  successor: { name: 'Seuraaja Oy', businessId: '7654321-2', controllerContact: 'Sanna Seuraaja, 040 555 0199' },
  reference: 'Kauppakirja 12/2026',
  date: '2026-11-25',
  counts: { ...counts, customers: 41 },
  restrictedCustomers: 2,
  objectingCustomers: 5,
  csvFiles: ['customers.csv', 'restrictions.csv'],
  ...overrides,
});

const EXPECTED: Record<DocumentLanguage, readonly string[]> = {
  fi: [
    'Luovutuskirja: asiakasrekisterin siirto seuraajayritykselle',
    'Kauneushoitola Sävy → Seuraaja Oy · 25.11.2026',
    'Luovuttaja (rekisterinpitäjä)',
    'Vastaanottaja (seuraajayritys)',
    'Mitä luovutetaan',
    'Asiakkaat',
    'Rajoitetut tiedot jäävät, markkinointikiellot siirtyvät',
    'Seuraajayrityksestä tulee rekisterinpitäjä',
    'Näin salattu tiedosto avataan',
    'CSV-tiedostot ovat salaamattomia',
  ],
  sv: [
    'Överlåtelsebrev: överföring av kundregistret till ett efterträdande företag',
    'Överlåtare (personuppgiftsansvarig)',
    'Mottagare (efterträdande företag)',
    'Vad som lämnas ut',
    'Kunder',
    'Begränsade uppgifter stannar, invändningar följer med',
    'Det efterträdande företaget blir personuppgiftsansvarig',
    'Så här öppnas den krypterade filen',
    'CSV-filerna är okrypterade',
  ],
  en: [
    'Handover note: transfer of the customer register to a successor company',
    'From (controller)',
    'To (successor company)',
    'What is handed over',
    'Customers',
    'Restricted data stays, marketing objections go with the data',
    'The successor becomes the controller',
    'How to open the encrypted file',
    'The CSV files are unencrypted',
  ],
};

describe('the handover note', () => {
  it.each(DOCUMENT_LANGUAGES)('in %s: parties, counts, obligations, how to open the file, CSV warning', (language) => {
    const text = modelText(handoverNoteModel(input(language)));
    for (const expected of EXPECTED[language]) expect(text, expected).toContain(expected);
    const joined = text.join('\n');
    for (const fact of ['Seuraaja Oy', '7654321-2', 'Sanna Seuraaja, 040 555 0199', 'Kauppakirja 12/2026', 'Kauneushoitola Sävy', '1234567-1', 'tietosuoja@example.test']) expect(joined).toContain(fact);
    // The counts are the caller's (main's, from the checked document), one row per table.
    expect(joined).toContain('41');
    expect(joined).toMatch(/\b2\b[^\n]*(18)/);
    expect(joined).toMatch(/\b5\b[^\n]*(21)/);
    expect(joined).toContain('age -d -o register.json register.age');
    expect(joined).toContain('customers.csv, restrictions.csv');
    // No other language leaks in.
    for (const other of DOCUMENT_LANGUAGES.filter((l) => l !== language)) expect(text).not.toContain(EXPECTED[other][0]);
  });

  it('leaves out what was not given: no successor business id, no reference, no CSV files', () => {
    const text = modelText(handoverNoteModel(input('en', { successor: { name: 'Seuraaja Oy', businessId: '', controllerContact: 'Sanna' }, reference: '', csvFiles: [] })));
    expect(text).not.toContain('Agreement or reference');
    expect(text.filter((line) => line === 'Business ID')).toHaveLength(1);
    expect(text.join('\n')).not.toContain('CSV files (');
  });

  it('refuses an invalid date or a successor without a name (zod), and the message schema bounds the parties', () => {
    expect(() => handoverNoteModel(input('fi', { date: '2026-02-30' }))).toThrow();
    expect(() => handoverNoteModel(input('fi', { successor: { name: '', businessId: '', controllerContact: 'x' } }))).toThrow();
    const message = { language: 'fi', business, successor: { name: 'Seuraaja Oy', businessId: '', controllerContact: 'Sanna' }, reference: '', date: '2026-11-25' };
    expect(HandoverNoteMessageSchema.safeParse(message).success).toBe(true);
    expect(HandoverNoteMessageSchema.safeParse({ ...message, successor: { ...message.successor, extra: 1 } }).success).toBe(false);
    expect(HandoverNoteMessageSchema.safeParse({ ...message, reference: 'x'.repeat(201) }).success).toBe(false);
  });

  it('prints as a PDF whose text has the headings (DejaVu, Swedish letters intact)', async () => {
    const pdf = allText(await readPdf(await handoverNotePdf(input('sv'), { fonts: dejaVu() })));
    expect(pdf).toContain('Överlåtelsebrev');
    expect(pdf).toContain('Så här öppnas den krypterade filen');
  });
});
