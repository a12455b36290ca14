import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  ADDED_BACKUP_TABLE_NAMES,
  BACKUP_TABLE_NAMES,
  BACKUP_TABLES,
  TABLE_SCHEMA_VERSIONS,
  backupCounts,
  buildBackupDocument,
  buildBackupText,
  canonicalJson,
  checkBackupDocument,
  computeManifest,
  serialiseBackupDocument,
  tableChecksum,
  type BackupCheck,
  type BackupDocument,
  type BackupProblem,
  type BackupTables,
  type CompleteBackupTables,
  type ErasureEntry,
} from '../../../../shared/backup/format';
import { DEMO_SERVICES, demoAppointments, demoCustomers } from '../../../../shared/domain/demo-data';
import { fillGdprRecords } from '../../../support/gdpr-fixtures';
import { Register } from '../../../../renderer/src/db/register';
import { OWNER } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { freshDatabase } from '../../../support/fresh-db';

/**
 * The backup document (shared/backup/format.ts): canonical JSON, the manifest, and every reason a
 * decrypted document is refused. Pure: no files and no scrypt here (backup-files.test.ts does the
 * age and disk side, including documents decrypted, edited and re-encrypted).
 */
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

/** A JSON document as it may be edited by hand: plain, mutable, parsed. */
type Json = Record<string, unknown> & { tables: Record<string, Record<string, unknown>[]>; manifest: Record<string, { count: number; sha256: string }>; schemaVersions: Record<string, number> };

/** Real stored records: synthetic drafts through the real data layer, read back from it. */
async function storedTables(customerCount: number): Promise<CompleteBackupTables> {
  const register = await Register.open(freshDatabase(), await testDataKey(), OWNER);
  try {
    const services = await register.services.createMany(DEMO_SERVICES, NOW - 90 * 86_400_000);
    const drafts = demoCustomers(customerCount, 6);
    // Some customers have given consents, so consent records are in the backup too.
    const consents = drafts.map((_, i) =>
      i % 3 === 0
        ? [
            { kind: 'marketing_email' as const, method: 'in_person' as const, scope: '', expiresAt: null },
            { kind: 'publication' as const, method: 'signed_form' as const, scope: 'Ennen/jälkeen-kuvat Instagramissa', expiresAt: NOW + 365 * 86_400_000 },
          ]
        : [],
    );
    const customers = await register.customers.createMany(drafts, NOW - 30 * 86_400_000, consents);
    await register.appointments.createMany(
      demoAppointments(
        customers.map((customer) => customer.id),
        3,
        NOW,
        6,
      ).map((draft, i) => (i % 4 === 0 ? { ...draft, services: [{ ...draft.services[0]!, serviceId: services[i % services.length]!.id }] } : draft)),
      NOW - 86_400_000,
    );
    await register.appointments.ready;
    // Every GDPR table of issue 7 too, one request with its file (base64 in the document).
    await fillGdprRecords(register, customers, NOW - 3_600_000);
    const erasureLedger: ErasureEntry[] = [
      { customerId: 'a1b2c3d4-0000-4000-8000-000000000001', erasedAt: NOW - 5 * 86_400_000, erasedBy: OWNER.userId, requestId: null, maskedName: 'M*** V***' },
      { customerId: 'a1b2c3d4-0000-4000-8000-000000000002', erasedAt: NOW - 86_400_000, erasedBy: OWNER.userId, requestId: 'gdpr-request-7', maskedName: 'Å*** Ö***' },
    ];
    return { ...(await register.snapshot()), erasureLedger };
  } finally {
    await register.close();
  }
}

const FIRST_COUNTS = { customers: 40, services: DEMO_SERVICES.length, appointments: 120, erasureLedger: 2 };
const GDPR_COUNTS = { gdprRequests: 5, requestAttachments: 1, disclosures: 1, retentionDecisions: 1, privacyFlags: 2, privacyNotices: 1 };
const NO_GDPR = { gdprRequests: 0, requestAttachments: 0, disclosures: 0, retentionDecisions: 0, privacyFlags: 0, privacyNotices: 0 };

const SETTINGS = { business: { name: 'Parturi-Kampaamo Kirjuri (testi)', businessId: '1234567-8', city: 'Äänekoski' }, reminderHours: 24 };

function problemOf(check: BackupCheck): BackupProblem | 'ok' {
  if (check.ok) return 'ok';
  // Never half a document: a refused check carries the problem and nothing else.
  expect(Object.keys(check).sort()).toEqual(['ok', 'problem']);
  return check.problem;
}

const checkJson = async (json: unknown): Promise<BackupProblem | 'ok'> => problemOf(await checkBackupDocument(JSON.stringify(json)));

/** The same JSON value with every object's keys inserted in a different (reversed) order. */
function reinserted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reinserted);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    // defineProperty: an own `__proto__` key (JSON.parse makes those) stays a plain key.
    Object.defineProperty(copy, key, { value: reinserted((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** fast-check's JSON values as JSON itself has them (JSON has no -0: it reads back as 0). */
const jsonValue = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('canonicalJson', () => {
  it('sorts keys at every level by UTF-16 code units and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: true, e: 'x y' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":"x y","f":true}]},"b":1}');
    // Integer-like keys are strings like any other (JS objects would put them first, numerically).
    expect(canonicalJson({ b: 0, 10: 1, 9: 2, a: 3 })).toBe('{"10":1,"9":2,"a":3,"b":0}');
    expect(canonicalJson({ ö: 1, z: 2, ä: 3, Z: 4 })).toBe('{"Z":4,"z":2,"ä":3,"ö":1}');
    expect(canonicalJson('Åsa "Östman"\n')).toBe(JSON.stringify('Åsa "Östman"\n'));
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('drops undefined properties and writes undefined array items as null, as JSON.stringify does; refuses a bare undefined', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe(JSON.stringify({ a: undefined, b: [undefined, 1] }));
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('gives the same text whatever order the keys were inserted in (property)', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(canonicalJson(reinserted(value))).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back as the same value, with the same length as JSON.stringify (only the key order differs) (property)', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(text).toHaveLength(JSON.stringify(value).length);
        // Canonical text is a fixed point: parsing and re-canonicalising changes nothing.
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('checksums a table as the SHA-256 of its canonical JSON, which anyone can recompute', async () => {
    const records = [{ b: 2, a: 'ä' }, { c: [1, 2] }];
    const expected = createHash('sha256').update(Buffer.from('[{"a":"ä","b":2},{"c":[1,2]}]', 'utf8')).digest('hex');
    expect(await tableChecksum(records)).toBe(expected);
    expect(await tableChecksum([])).toBe(createHash('sha256').update('[]').digest('hex'));
  });
});

describe('the backup document', () => {
  let tables: CompleteBackupTables;
  let document: BackupDocument;
  let text: string;

  beforeAll(async () => {
    tables = await storedTables(40);
    document = await buildBackupDocument({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: SETTINGS, tables });
    text = serialiseBackupDocument(document);
  });

  /** The serialised document, parsed into a plain object to be edited. */
  const editable = (): Json => JSON.parse(text) as Json;

  it('is built from stored records of the real data layer, every table non-empty', () => {
    expect(backupCounts(document)).toEqual({ ...FIRST_COUNTS, ...GDPR_COUNTS });
    for (const name of BACKUP_TABLE_NAMES) expect(document.tables[name].length, name).toBeGreaterThan(0);
    expect(tables.requestAttachments[0]!.data).toMatch(/^JVBERi0/); // "%PDF-" in base64
    expect(tables.customers.some((customer) => customer.consents.length === 2)).toBe(true);
    expect(tables.appointments.some((appointment) => appointment.services[0]!.serviceId !== null)).toBe(true);
  });

  it('validates against the documented schema: the header, every table and every record', async () => {
    const check = await checkBackupDocument(text);
    expect(problemOf(check)).toBe('ok');
    if (!check.ok) return;
    expect(check.document).toStrictEqual(document);

    const json = editable();
    expect(Object.keys(json).sort()).toEqual(['appVersion', 'createdAt', 'format', 'formatVersion', 'manifest', 'schemaVersions', 'settings', 'tables']);
    expect(json.format).toBe(BACKUP_FORMAT);
    expect(json.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(json.createdAt).toBe('2026-12-01T12:00:00.000Z');
    expect(json.schemaVersions).toEqual(TABLE_SCHEMA_VERSIONS);
    expect(Object.keys(json.tables).sort()).toEqual([...BACKUP_TABLE_NAMES].sort());
    expect(json.settings).toEqual(SETTINGS);
    for (const name of BACKUP_TABLE_NAMES) {
      // Strictly: a field the data layer stores but the backup schema does not know would be
      // silently dropped by a restore.
      for (const record of json.tables[name]!) expect(BACKUP_TABLES[name].strict().safeParse(record).success, `${name} ${JSON.stringify(record)}`).toBe(true);
      expect(json.tables[name]).toStrictEqual(JSON.parse(JSON.stringify(tables[name])));
    }
  });

  it('is canonical JSON, and its manifest can be recomputed from the text with any SHA-256', () => {
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    const json = editable();
    for (const name of BACKUP_TABLE_NAMES) {
      const sha256 = createHash('sha256').update(canonicalJson(json.tables[name]), 'utf8').digest('hex');
      expect(json.manifest[name]).toEqual({ count: json.tables[name]!.length, sha256 });
    }
  });

  it('is built and serialised in one pass by buildBackupText: the same document and exactly the text of a fresh serialisation', async () => {
    const copy = structuredClone(tables);
    const built = await buildBackupText({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: SETTINGS, tables: copy });
    expect(built.document).toStrictEqual(JSON.parse(JSON.stringify(document)));
    expect(built.text).toBe(text);
    expect(built.text).toBe(canonicalJson(built.document));
    // A caller changing its own arrays afterwards changes neither the document nor its text.
    copy.services.push({ ...copy.services[0]!, id: 'added-later' });
    expect(built.document.tables.services.map((service) => service.id)).not.toContain('added-later');
    expect(serialiseBackupDocument(built.document)).toBe(built.text);
    expect(() => (built.document.tables.services as unknown[]).push({})).toThrow(TypeError);
  });

  it('does not share its schema versions with the module (a caller editing one cannot change the next)', async () => {
    const again = await buildBackupDocument({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: {}, tables });
    (again.schemaVersions as Record<string, number>).customers = 99;
    expect(TABLE_SCHEMA_VERSIONS.customers).toBe(2);
  });

  it('counts records per table, and an empty register makes a valid backup', async () => {
    const empty = await buildBackupDocument({ appVersion: '0.1.0', createdAt: new Date(NOW), settings: {}, tables: { customers: [], services: [], appointments: [], erasureLedger: [] } });
    const none = { customers: 0, services: 0, appointments: 0, erasureLedger: 0, ...NO_GDPR };
    expect(backupCounts(empty)).toEqual(none);
    const check = await checkBackupDocument(serialiseBackupDocument(empty));
    expect(check.ok && backupCounts(check.document)).toEqual(none);
    // Built without the GDPR tables, the document still lists them, empty, in the manifest.
    expect(check.ok && Object.keys(check.document.manifest).sort()).toEqual([...BACKUP_TABLE_NAMES].sort());
  });

  it('need not be canonical text to be accepted (a document pretty-printed by a JSON tool is the same document)', async () => {
    const check = await checkBackupDocument(JSON.stringify(reinserted(JSON.parse(text)), null, 2));
    expect(check.ok && check.document).toStrictEqual(document);
  });

  describe('refused, with the problem named', () => {
    /** A record edit that is caught by the manifest (the manifest is left as it was). */
    const tampering: [string, (json: Json) => void, string][] = [
      ['a record edited', (json) => void (json.tables.customers![3]!.lastName = 'Muutettu'), 'customers'],
      ['a record deleted', (json) => void json.tables.appointments!.splice(7, 1), 'appointments'],
      ['a record added', (json) => void json.tables.services!.push({ ...json.tables.services![0]!, id: 'extra-service' }), 'services'],
      [
        'a record swapped between tables (counts unchanged)',
        (json) => {
          const customer = json.tables.customers![0]!;
          json.tables.customers![0] = json.tables.services![0]!;
          json.tables.services![0] = customer;
        },
        'customers',
      ],
      ['records reordered within a table', (json) => void json.tables.customers!.reverse(), 'customers'],
      ['a count changed', (json) => void (json.manifest.erasureLedger!.count += 1), 'erasureLedger'],
      ['a checksum changed', (json) => void (json.manifest.services!.sha256 = '0'.repeat(64)), 'services'],
      ['a table the manifest does not list', (json) => void delete json.manifest.appointments, 'appointments'],
      ['a table the manifest lists that is missing', (json) => void delete json.tables.erasureLedger, 'erasureLedger'],
      ['a table that is not a list', (json) => void ((json.tables as Record<string, unknown>).services = { 0: json.tables.services![0] }), 'services'],
      ['a customer consent withdrawn by hand', (json) => void ((json.tables.customers!.find((c) => (c.consents as unknown[]).length > 0)!.consents as Record<string, unknown>[])[0]!.withdrawnAt = NOW), 'customers'],
      ['a request’s status changed by hand', (json) => void (json.tables.gdprRequests![0]!.status = 'done'), 'gdprRequests'],
      ['a byte of a request file changed', (json) => void (json.tables.requestAttachments![0]!.data = `A${String(json.tables.requestAttachments![0]!.data).slice(1)}`), 'requestAttachments'],
      ['a customer taken out of a disclosure', (json) => void (json.tables.disclosures![0]!.customerIds as string[]).pop(), 'disclosures'],
      ['an objection removed', (json) => void json.tables.privacyFlags!.pop(), 'privacyFlags'],
      ['a privacy-notice version renumbered', (json) => void (json.tables.privacyNotices![0]!.version = 7), 'privacyNotices'],
    ];

    it.each(tampering)('manifest_mismatch: %s', async (_label, tamper, table) => {
      const json = editable();
      tamper(json);
      expect(await checkJson(json)).toEqual({ kind: 'manifest_mismatch', table });
    });

    /** Records that fail their schema; the manifest is recomputed so that the schema is what catches them. */
    const invalid: [string, (json: Json) => void, string, number][] = [
      ['a customer with an unknown language', (json) => void (json.tables.customers![5]!.language = 'de'), 'customers', 5],
      ['a customer without an id', (json) => void delete json.tables.customers![0]!.id, 'customers', 0],
      ['an appointment without services', (json) => void (json.tables.appointments![11]!.services = []), 'appointments', 11],
      ['an appointment with a negative start', (json) => void (json.tables.appointments![2]!.start = -1), 'appointments', 2],
      ['a service with a fractional price', (json) => void (json.tables.services![4]!.priceCents = 12.5), 'services', 4],
      ['an erasure entry with the full name in it', (json) => void (json.tables.erasureLedger![1]!.maskedName = 'x'.repeat(41)), 'erasureLedger', 1],
      ['a record that is not an object', (json) => void ((json.tables.services as unknown[])[1] = 'Naisten hiustenleikkaus'), 'services', 1],
      ['a request with an unknown type', (json) => void (json.tables.gdprRequests![2]!.type = 'complaint'), 'gdprRequests', 2],
      ['a request refused without reasons', (json) => void (json.tables.gdprRequests!.find((r) => r.status === 'refused')!.refusal = null), 'gdprRequests', -1],
      ['a request file whose bytes are not its size', (json) => void (json.tables.requestAttachments![0]!.size = 701), 'requestAttachments', 0],
      ['a request file that is not base64', (json) => void (json.tables.requestAttachments![0]!.data = '%PDF-1.4'), 'requestAttachments', 0],
      ['a disclosure without anyone in it', (json) => void (json.tables.disclosures![0]!.customerIds = []), 'disclosures', 0],
      ['two restrictions in force at once', (json) => {
        const flags = json.tables.privacyFlags!.find((f) => (f.restrictions as unknown[]).length > 0)!;
        const [first] = flags.restrictions as Record<string, unknown>[];
        flags.restrictions = [{ ...first, liftedAt: null, liftedBy: null, liftReason: '' }, first];
      }, 'privacyFlags', -1],
    ];

    it.each(invalid)('invalid_record: %s', async (_label, tamper, table, index) => {
      const json = editable();
      tamper(json);
      json.manifest = await computeManifest(json.tables as unknown as BackupTables);
      const problem = await checkJson(json);
      // -1: wherever the record happens to be in the table.
      expect(problem).toEqual({ kind: 'invalid_record', table, index: index === -1 ? (problem as { index: number }).index : index });
    });

    it('future_version: a format version this app does not know', async () => {
      const json = editable();
      json.formatVersion = BACKUP_FORMAT_VERSION + 1;
      expect(await checkJson(json)).toEqual({ kind: 'future_version', formatVersion: BACKUP_FORMAT_VERSION + 1 });
      // Even when the rest of it has changed beyond recognition.
      expect(await checkJson({ format: BACKUP_FORMAT, formatVersion: 7, everything: 'different' })).toEqual({ kind: 'future_version', formatVersion: 7 });
    });

    it('future_schema: a table schema version this app does not know', async () => {
      const json = editable();
      json.schemaVersions.appointments = TABLE_SCHEMA_VERSIONS.appointments + 1;
      expect(await checkJson(json)).toEqual({ kind: 'future_schema', table: 'appointments' });
    });

    it.each(['', '{', 'kirjuri-backup', '{"format":"kirjuri-backup",}', '\u0000\u0001'])('not_json: %j', async (notJson) => {
      expect(problemOf(await checkBackupDocument(notJson))).toEqual({ kind: 'not_json' });
    });

    const notOurs: [string, (json: Json) => unknown][] = [
      ['null', () => null],
      ['a number', () => 42],
      ['a string', () => 'kirjuri-backup'],
      ['a list', (json) => [json]],
      ['an empty object', () => ({})],
      ['another format', (json) => ({ ...json, format: 'other-backup' })],
      ['no tables', (json) => ({ ...json, tables: undefined })],
      ['no manifest', (json) => ({ ...json, manifest: undefined })],
      ['a manifest entry with a short checksum', (json) => ({ ...json, manifest: { ...json.manifest, customers: { count: 40, sha256: 'abc' } } })],
      ['a format version of 0', (json) => ({ ...json, formatVersion: 0 })],
      ['a format version that is text', (json) => ({ ...json, formatVersion: '1' })],
      ['a creation time that is not ISO 8601', (json) => ({ ...json, createdAt: '1.12.2026 klo 12' })],
      ['no settings', (json) => ({ ...json, settings: undefined })],
    ];

    it.each(notOurs)('not_kirjuri: %s', async (_label, make) => {
      expect(await checkJson(make(editable()))).toEqual({ kind: 'not_kirjuri' });
    });

    it('reports the problems in the documented order: too new, then any manifest mismatch, then invalid records', async () => {
      const json = editable();
      // An invalid customer whose manifest entry was recomputed to match ...
      json.tables.customers![1]!.language = 'de';
      json.manifest.customers = { count: json.tables.customers!.length, sha256: await tableChecksum(json.tables.customers!) };
      // ... and an appointment edited without touching the manifest, in a later table.
      json.tables.appointments![0]!.notes = 'muutettu';
      expect(await checkJson(json)).toEqual({ kind: 'manifest_mismatch', table: 'appointments' });
      json.schemaVersions.services = 9;
      expect(await checkJson(json)).toEqual({ kind: 'future_schema', table: 'services' });
      json.formatVersion = 2;
      expect(await checkJson(json)).toEqual({ kind: 'future_version', formatVersion: 2 });
    });

    it('a table nested thousands deep is a problem, not a crash (a planted file must not throw)', async () => {
      const json = editable();
      json.manifest.customers = { count: 1, sha256: '0'.repeat(64) };
      json.tables.customers = [];
      const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
      const planted = canonicalJson(json).replace('"customers":[]', `"customers":[${deep}]`);
      expect(planted).toContain(deep);
      expect(problemOf(await checkBackupDocument(planted))).toEqual({ kind: 'manifest_mismatch', table: 'customers' });
    });
  });

  describe('compatibility', () => {
    it('reads a file from a version that did not have a table yet (no entry anywhere) as an empty table', async () => {
      const json = editable();
      delete (json.tables as Record<string, unknown>).erasureLedger;
      delete json.manifest.erasureLedger;
      delete json.schemaVersions.erasureLedger;
      const check = await checkBackupDocument(JSON.stringify(json));
      expect(check.ok && backupCounts(check.document)).toEqual({ ...FIRST_COUNTS, ...GDPR_COUNTS, erasureLedger: 0 });
      expect(check.ok && check.document.schemaVersions).toEqual(TABLE_SCHEMA_VERSIONS);
    });

    it('reads a file written before the GDPR tables (issue 7) with those tables empty', async () => {
      const json = editable();
      for (const name of ADDED_BACKUP_TABLE_NAMES) {
        delete (json.tables as Record<string, unknown>)[name];
        delete json.manifest[name];
        delete json.schemaVersions[name];
      }
      const check = await checkBackupDocument(JSON.stringify(json));
      expect(check.ok && backupCounts(check.document)).toEqual({ ...FIRST_COUNTS, ...NO_GDPR });
      expect(check.ok && check.document.tables.customers).toStrictEqual(document.tables.customers);
    });

    it('accepts settings and header values the manifest does not cover, as they are', async () => {
      const json = editable();
      json.appVersion = '0.2.0';
      json.settings = { business: { name: 'Toinen nimi' } };
      const check = await checkBackupDocument(JSON.stringify(json));
      expect(check.ok && [check.document.appVersion, check.document.settings]).toEqual(['0.2.0', { business: { name: 'Toinen nimi' } }]);
    });
  });

  describe('never throws, and never lets a changed table through', () => {
    it('for any single-character change of a real document (property)', async () => {
      // A smaller document keeps the property fast; every table still has records.
      const small = await buildBackupDocument({
        appVersion: '0.1.0',
        createdAt: new Date(NOW),
        settings: SETTINGS,
        tables: { customers: tables.customers.slice(0, 4), services: tables.services.slice(0, 2), appointments: tables.appointments.slice(0, 4), erasureLedger: tables.erasureLedger },
      });
      const original = serialiseBackupDocument(small);
      const expectedTables = JSON.stringify(small.tables);
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: original.length - 1 }), fc.constantFrom(...'0123456789abcdefxyzäÖ"{}[],:-. \\'), async (at, char) => {
          const changed = original.slice(0, at) + char + original.slice(at + 1);
          const check = await checkBackupDocument(changed);
          if (check.ok) {
            accepted += 1;
            // Only outside the tables (settings, header) may a change pass; a table never differs.
            expect(JSON.stringify(check.document.tables)).toBe(expectedTables);
          }
        }),
        { numRuns: 400 },
      );
      expect(accepted).toBeLessThan(400);
    });

    it('for any JSON value at all (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(jsonValue, fc.record({ format: fc.constant(BACKUP_FORMAT), formatVersion: fc.constant(1), tables: jsonValue, manifest: jsonValue, schemaVersions: jsonValue })), async (value) => {
          expect((await checkBackupDocument(JSON.stringify(value))).ok).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  });
});
