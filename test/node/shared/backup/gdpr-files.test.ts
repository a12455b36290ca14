import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { completeTables, type BackupTables } from '../../../../shared/backup/format';
import { REQUEST_LOG_COLUMNS, registerCsvFiles, requestLogCsv } from '../../../../shared/backup/open-files';
import { flagsLookup, registerExportTables, restrictedIds } from '../../../../shared/backup/register-export';
import { ERASED_TEXT, forgetInDisclosure, isErasureEvidence, maskRequest, maskRequesterName } from '../../../../shared/domain/erasure-evidence';
import { DisclosureSchema, disclosedCount } from '../../../../shared/schemas/disclosure';
import { GdprRequestSchema } from '../../../../shared/schemas/gdpr-request';
import { PrivacyFlagsRecordSchema, RequestAttachmentSchema } from '../../../../shared/schemas/privacy-records';
import { storedDisclosure, storedRequest } from '../documents/fixtures';
import { syntheticStored } from '../../../support/synthetic';

/** The pure parts of issue 7's files: the request log, the open files, erasure evidence, register exports. */
const parse = (csv: string, delimiter = ';') => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;

describe('the GDPR request log CSV', () => {
  const requests = [
    storedRequest({ id: 'r-2', receivedDate: '2026-11-10', type: 'erasure', requesterName: '=HYPERLINK("http://x")', status: 'done', replySentDate: '2026-12-14' }),
    storedRequest({ id: 'r-1', receivedDate: '2026-10-01', type: 'access', customerId: 'c-1', extension: { reason: 'Laaja', notifiedDate: '2026-10-20', extraMonths: 1, newDueDate: '2026-12-01' } }),
  ];

  it('has a row per request, the oldest first, with the deadline (extended when extended) and whether the reply was late', () => {
    const rows = parse(requestLogCsv(requests, ';'));
    expect(rows[0]).toEqual([...REQUEST_LOG_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['r-1', '2026-10-01', 'access', 'letter', 'Testi Henkilö', 'c-1', 'pending', '2026-12-01', 'yes', 'received', '', ''],
      // received 10 November → due 10 December 2026 (a Thursday); answered the 14th: late
      ['r-2', '2026-11-10', 'erasure', 'letter', "'=HYPERLINK(\"http://x\")", '', 'pending', '2026-12-10', 'no', 'done', '2026-12-14', 'yes'],
    ]);
  });

  it('takes the header and the values’ words from the caller, and the separator; Excel gets its BOM', () => {
    const header = Object.fromEntries(REQUEST_LOG_COLUMNS.map((column) => [column, `${column}-fi`])) as Record<(typeof REQUEST_LOG_COLUMNS)[number], string>;
    const csv = requestLogCsv(requests, ',', { ...header, requesterName: 'Pyytäjä, nimi' }, { type: { access: 'Tarkastus' }, status: { done: 'Valmis' }, yes: 'kyllä', no: 'ei' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, ',');
    expect(rows[0]![4]).toBe('Pyytäjä, nimi');
    expect(rows[1]).toMatchObject({ 2: 'Tarkastus', 8: 'kyllä' });
    expect(rows[2]).toMatchObject({ 2: 'erasure', 9: 'Valmis', 11: 'kyllä' });
  });
});

describe('the open files of a backup', () => {
  it('adds a CSV for requests, their history, rectifications and files, disclosures, decisions, restrictions, objections and notices; an older backup gives them empty', () => {
    const base: BackupTables = { customers: [syntheticStored(1)], services: [], appointments: [], erasureLedger: [] };
    const files = registerCsvFiles({ tables: base });
    expect(Object.keys(files).sort()).toEqual(
      [
        'appointments.csv',
        'consents.csv',
        'customers.csv',
        'disclosures.csv',
        'erasure-ledger.csv',
        'gdpr-request-attachments.csv',
        'gdpr-request-history.csv',
        'gdpr-request-rectifications.csv',
        'gdpr-requests.csv',
        'marketing-objections.csv',
        'privacy-notices.csv',
        'restrictions.csv',
        'retention-decisions.csv',
        'services.csv',
      ].sort(),
    );
    expect(parse(files['gdpr-requests.csv']!)).toHaveLength(1);
    const withRecords = registerCsvFiles({
      tables: {
        ...base,
        gdprRequests: [storedRequest({ history: [{ at: 0, by: 'u-1', what: 'recorded', detail: 'access' }] })],
        disclosures: [storedDisclosure({ customerIds: ['c-1'], erasedCustomerCount: 2 })],
      },
    });
    expect(parse(withRecords['gdpr-requests.csv']!)[1]).toMatchObject({ 0: 'request-1', 1: 'access', 5: '2026-11-10', 21: '2026-12-10' });
    expect(parse(withRecords['gdpr-request-history.csv']!)[1]).toEqual(['request-1', '1970-01-01T00:00:00.000Z', 'u-1', 'recorded', 'access']);
    expect(parse(withRecords['disclosures.csv']!)[1]).toMatchObject({ 7: '3', 8: '2', 9: 'c-1' });
  });
});

describe('erasure evidence', () => {
  const request = storedRequest({
    customerId: 'c-1',
    requesterName: ' Maija  Liisa Virtanen ',
    description: 'Poistakaa tietoni',
    attachment: { id: 'a-1', fileName: 'maija.pdf', mimeType: 'application/pdf', size: 10 },
    identity: { state: 'verified', method: 'other', detail: 'passi', verifiedBy: 'u-1', verifiedAt: '2026-11-11' },
    status: 'refused',
    refusal: { reason: 'Maijan laskut säilytetään', complaintRightNotified: true },
    replySentDate: '2026-11-12',
    extension: { reason: 'Maijan pyyntö laaja', notifiedDate: '2026-11-11', extraMonths: 1, newDueDate: '2027-01-11' },
  });

  it('keeps id, type, dates, status and a masked name; drops contact, description, file, identity details and reasons; masking twice changes nothing', () => {
    const masked = maskRequest(request, 99, 'owner');
    expect(GdprRequestSchema.parse(masked)).toEqual(masked);
    expect(masked).toEqual({
      ...request,
      requesterName: 'M*** V***',
      requesterContact: ERASED_TEXT,
      customerId: null,
      description: '',
      attachment: null,
      identity: { ...request.identity, detail: '' },
      refusal: { reason: ERASED_TEXT, complaintRightNotified: true },
      extension: { ...request.extension!, reason: ERASED_TEXT },
      history: [
        { at: 99, by: 'owner', what: 'attachment_removed', detail: null },
        { at: 99, by: 'owner', what: 'erased', detail: null },
      ],
      updatedAt: 99,
      updatedBy: 'owner',
    });
    expect(isErasureEvidence(masked)).toBe(true);
    expect(maskRequest(masked, 200, 'other')).toBe(masked);
    expect(maskRequest(storedRequest({ identity: { state: 'not_needed', reason: 'Maijan oma osoite' } }), 1, null).identity).toEqual({ state: 'not_needed', reason: ERASED_TEXT });
    expect([maskRequesterName('Åsa'), maskRequesterName('  '), maskRequesterName('Anna-Liisa von Öhman')]).toEqual(['Å***', ERASED_TEXT, 'A*** Ö***']);
  });

  it('takes erased people out of a disclosure and counts them, keeping the entry valid', () => {
    const disclosure = storedDisclosure({ customerIds: ['c-1', 'c-2'] });
    const once = forgetInDisclosure(disclosure, new Set(['c-1']));
    expect(once).toMatchObject({ customerIds: ['c-2'], erasedCustomerCount: 1 });
    const twice = forgetInDisclosure(once, new Set(['c-2', 'c-9']));
    expect(twice).toMatchObject({ customerIds: [], erasedCustomerCount: 2 });
    expect(DisclosureSchema.parse(twice)).toEqual(twice);
    expect(disclosedCount(twice)).toBe(2);
    expect(forgetInDisclosure(twice, new Set(['c-1']))).toBe(twice);
    expect(DisclosureSchema.safeParse({ ...disclosure, customerIds: [] }).success).toBe(false);
  });
});

describe('records of the new tables', () => {
  it('checks a request file’s base64 against its size, and the flags’ history', () => {
    const file = { id: 'a-1', requestId: 'r-1', fileName: 'x.pdf', mimeType: 'application/pdf', size: 5, sha256: 'a'.repeat(64), addedAt: 1, addedBy: 'u' };
    expect(RequestAttachmentSchema.safeParse({ ...file, data: Buffer.from('%PDF-').toString('base64') }).success).toBe(true);
    expect(RequestAttachmentSchema.safeParse({ ...file, data: Buffer.from('%PDF-1').toString('base64') }).success).toBe(false);
    const restriction = { restrictedSince: 1, ground: 'accuracy_contested', requestId: null, note: '', liftedAt: null, liftedBy: null, liftReason: '' };
    expect(PrivacyFlagsRecordSchema.safeParse({ customerId: 'c', restrictions: [restriction], objections: [] }).success).toBe(true);
    expect(PrivacyFlagsRecordSchema.safeParse({ customerId: 'c', restrictions: [], objections: [] }).success).toBe(false);
    expect(PrivacyFlagsRecordSchema.safeParse({ customerId: 'c', restrictions: [{ ...restriction, liftedAt: 2 }], objections: [] }).success).toBe(false);
  });
});

describe('register exports and restriction', () => {
  it('leaves restricted customers and everything about them out, except for the person or an authority', () => {
    const [kept, restricted] = [syntheticStored(1), syntheticStored(2)];
    const tables = completeTables({
      customers: [kept, restricted],
      services: [],
      appointments: [],
      erasureLedger: [],
      gdprRequests: [storedRequest({ customerId: restricted.id }), storedRequest({ id: 'r-2', customerId: kept.id })],
      retentionDecisions: [{ id: 'd', customerId: restricted.id, decision: 'keep', reason: 'x', nextReviewDate: '2027-01-01', decidedAt: 1, decidedBy: 'u' }],
      privacyFlags: [{ customerId: restricted.id, restrictions: [{ restrictedSince: 10, ground: 'unlawful_processing', requestId: null, note: '', liftedAt: null, liftedBy: null, liftReason: '' }], objections: [] }],
    });
    const flagsOf = flagsLookup(tables.privacyFlags);
    expect(restrictedIds(tables.customers, flagsOf, 20)).toEqual(new Set([restricted.id]));
    expect(restrictedIds(tables.customers, flagsOf, 5)).toEqual(new Set([restricted.id])); // a clock ahead errs on the safe side
    const out = registerExportTables(tables, flagsOf, { forRecipient: 'other', now: 20 });
    expect(out.customers).toEqual([kept]);
    expect(out.gdprRequests.map((r) => r.id)).toEqual(['r-2']);
    expect(out.retentionDecisions).toEqual([]);
    expect(out.privacyFlags).toEqual([]);
    expect(registerExportTables(tables, flagsOf, { forRecipient: null, now: 20 })).toEqual(out);
    expect(registerExportTables(tables, flagsOf, { forRecipient: 'authority', now: 20 })).toEqual(tables);
    expect(registerExportTables(tables, flagsOf, { forRecipient: 'self', now: 20 })).toEqual(tables);
    expect(registerExportTables(tables, () => undefined, { forRecipient: 'other', now: 20 })).toEqual(tables);
  });
});
