import { toCsv, type CsvOptions } from '../domain/csv-export';
import { canonicalJson, type BackupDocument } from './format';

/**
 * The register as open files, for `kirjuri backup export` and the full-register export: one CSV
 * per table (column names are the document's field names, documented in docs/backup-format.md),
 * consents as a table of their own, or one JSON file. Times are ISO 8601 (UTC) in CSV, so any
 * spreadsheet reads them; prices are euros with two decimals.
 */
const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
const euros = (cents: number): string => (cents / 100).toFixed(2);

export function registerCsvFiles(document: Pick<BackupDocument, 'tables'>, options: CsvOptions = {}): Record<string, string> {
  const { customers, services, appointments, erasureLedger } = document.tables;
  return {
    'customers.csv': toCsv(
      ['id', 'firstName', 'lastName', 'phone', 'email', 'street', 'postalCode', 'city', 'language', 'source', 'sourceDetail', 'legalBasis', 'notes', 'healthNotes', 'createdAt', 'updatedAt'],
      customers.map((c) => [c.id, c.firstName, c.lastName, c.phone, c.email, c.street, c.postalCode, c.city, c.language, c.source, c.sourceDetail, c.legalBasis, c.notes, c.healthNotes, iso(c.createdAt), iso(c.updatedAt)]),
      options,
    ),
    'consents.csv': toCsv(
      ['customerId', 'id', 'kind', 'givenAt', 'method', 'recordedBy', 'noticeVersion', 'scope', 'expiresAt', 'withdrawnAt', 'withdrawnBy'],
      customers.flatMap((c) =>
        c.consents.map((k) => [c.id, k.id, k.kind, iso(k.givenAt), k.method, k.recordedBy, k.noticeVersion, k.scope, iso(k.expiresAt), iso(k.withdrawnAt), k.withdrawnBy]),
      ),
      options,
    ),
    'services.csv': toCsv(
      ['id', 'name', 'durationMin', 'priceEur', 'active'],
      services.map((s) => [s.id, s.name, s.durationMin, euros(s.priceCents), s.active]),
      options,
    ),
    'appointments.csv': toCsv(
      ['id', 'customerId', 'start', 'services', 'durationMin', 'priceEur', 'staff', 'channel', 'status', 'notes', 'createdAt', 'updatedAt'],
      appointments.map((a) => [
        a.id,
        a.customerId,
        iso(a.start),
        a.services.map((s) => s.name).join(' + '),
        a.services.reduce((sum, s) => sum + s.durationMin, 0),
        euros(a.services.reduce((sum, s) => sum + s.priceCents, 0)),
        a.staff,
        a.channel,
        a.status,
        a.notes,
        iso(a.createdAt),
        iso(a.updatedAt),
      ]),
      options,
    ),
    'erasure-ledger.csv': toCsv(
      ['customerId', 'erasedAt', 'erasedBy', 'requestId', 'maskedName'],
      erasureLedger.map((e) => [e.customerId, iso(e.erasedAt), e.erasedBy, e.requestId, e.maskedName]),
      options,
    ),
  };
}

/** The whole document as one readable JSON file (indented, keys sorted). */
export function registerJsonFile(document: BackupDocument): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(document)), null, 2)}\n`;
}
