import { toCsv, type CsvOptions, type CsvSeparator } from '../domain/csv-export';
import { dueDateOf } from '../domain/gdpr-deadline';
import { disclosedCount } from '../schemas/disclosure';
import type { GdprRequest, GdprRequestType, Identity, RequestChannel, RequestStatus } from '../schemas/gdpr-request';
import { canonicalJson, completeTables, type BackupDocument, type BackupTables } from './format';

/**
 * The register as open files, for `kirjuri backup export` and the full-register export: one CSV
 * per table (column names are the document's field names, documented in docs/backup-format.md),
 * consents as a table of their own, or one JSON file. Times are ISO 8601 (UTC) in CSV, so any
 * spreadsheet reads them; prices are euros with two decimals.
 */
const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
const euros = (cents: number): string => (cents / 100).toFixed(2);

export function registerCsvFiles(document: { readonly tables: BackupTables }, options: CsvOptions = {}): Record<string, string> {
  const { customers, services, appointments, erasureLedger, gdprRequests, requestAttachments, disclosures, retentionDecisions, privacyFlags, privacyNotices } =
    completeTables(document.tables);
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
    'gdpr-requests.csv': toCsv(
      [
        'id', 'type', 'requesterName', 'requesterContact', 'channel', 'receivedDate', 'customerId', 'description', 'attachmentId',
        'identityState', 'identityMethod', 'identityDetail', 'identityVerifiedBy', 'identityVerifiedAt', 'identityNotNeededReason',
        'status', 'refusalReason', 'complaintRightNotified', 'extensionReason', 'extensionNotifiedDate', 'extensionMonths', 'dueDate', 'replySentDate',
        'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
      ],
      gdprRequests.map((r) => [
        r.id, r.type, r.requesterName, r.requesterContact, r.channel, r.receivedDate, r.customerId, r.description, r.attachment?.id,
        r.identity.state, r.identity.state === 'verified' ? r.identity.method : '', r.identity.state === 'verified' ? r.identity.detail : '',
        r.identity.state === 'verified' ? r.identity.verifiedBy : '', r.identity.state === 'verified' ? r.identity.verifiedAt : '', r.identity.state === 'not_needed' ? r.identity.reason : '',
        r.status, r.refusal?.reason, r.refusal?.complaintRightNotified, r.extension?.reason, r.extension?.notifiedDate, r.extension?.extraMonths, dueDateOf(r), r.replySentDate,
        iso(r.createdAt), r.createdBy, iso(r.updatedAt), r.updatedBy,
      ]),
      options,
    ),
    'gdpr-request-history.csv': toCsv(
      ['requestId', 'at', 'by', 'what', 'detail'],
      gdprRequests.flatMap((r) => r.history.map((h) => [r.id, iso(h.at), h.by, h.what, h.detail])),
      options,
    ),
    'gdpr-request-rectifications.csv': toCsv(
      ['requestId', 'at', 'by', 'fields'],
      gdprRequests.flatMap((r) => r.rectifications.map((k) => [r.id, iso(k.at), k.by, k.fields.join(' ')])),
      options,
    ),
    // The files themselves are in the JSON export and the backup (base64); a CSV cannot hold them.
    'gdpr-request-attachments.csv': toCsv(
      ['id', 'requestId', 'fileName', 'mimeType', 'size', 'sha256', 'addedAt', 'addedBy'],
      requestAttachments.map((a) => [a.id, a.requestId, a.fileName, a.mimeType, a.size, a.sha256, iso(a.addedAt), a.addedBy]),
      options,
    ),
    'disclosures.csv': toCsv(
      ['id', 'date', 'recipientKind', 'recipientName', 'legalBasis', 'legalBasisDetail', 'scope', 'customerCount', 'erasedCustomerCount', 'customerIds', 'reference', 'requestId', 'recordedBy', 'recordedAt'],
      disclosures.map((d) => [
        d.id, d.date, d.recipientKind, d.recipientName, d.legalBasis, d.legalBasisDetail, d.scope, disclosedCount(d), d.erasedCustomerCount ?? 0, d.customerIds.join(' '), d.reference, d.requestId, d.recordedBy, iso(d.recordedAt),
      ]),
      options,
    ),
    'retention-decisions.csv': toCsv(
      ['id', 'customerId', 'decision', 'reason', 'nextReviewDate', 'decidedAt', 'decidedBy'],
      retentionDecisions.map((d) => [d.id, d.customerId, d.decision, d.reason, d.nextReviewDate, iso(d.decidedAt), d.decidedBy]),
      options,
    ),
    'restrictions.csv': toCsv(
      ['customerId', 'restrictedSince', 'ground', 'requestId', 'note', 'liftedAt', 'liftedBy', 'liftReason'],
      privacyFlags.flatMap((f) => f.restrictions.map((r) => [f.customerId, iso(r.restrictedSince), r.ground, r.requestId, r.note, iso(r.liftedAt), r.liftedBy, r.liftReason])),
      options,
    ),
    'marketing-objections.csv': toCsv(
      ['customerId', 'objectedAt', 'requestId', 'recordedBy', 'withdrawnAt', 'withdrawnBy'],
      privacyFlags.flatMap((f) => f.objections.map((o) => [f.customerId, iso(o.objectedAt), o.requestId, o.recordedBy, iso(o.withdrawnAt), o.withdrawnBy])),
      options,
    ),
    'privacy-notices.csv': toCsv(
      ['version', 'id', 'date', 'languages', 'businessName', 'businessId', 'reviewAfterMonths', 'healthNotesEnabled', 'createdAt', 'createdBy'],
      privacyNotices.map((n) => [n.version, n.id, n.date, n.languages.join(' '), n.business.name, n.business.businessId, n.reviewAfterMonths, n.healthNotesEnabled, iso(n.createdAt), n.createdBy]),
      options,
    ),
  };
}

/** The GDPR request log's columns, in file order. */
export const REQUEST_LOG_COLUMNS = [
  'id',
  'receivedDate',
  'type',
  'channel',
  'requesterName',
  'customerId',
  'identity',
  'dueDate',
  'extended',
  'status',
  'replySentDate',
  'answeredLate',
] as const;
export type RequestLogColumn = (typeof REQUEST_LOG_COLUMNS)[number];

/** Translations of the log's coded values; a value left out is written as its code. */
export interface RequestLogValueLabels {
  readonly type?: Readonly<Partial<Record<GdprRequestType, string>>>;
  readonly channel?: Readonly<Partial<Record<RequestChannel, string>>>;
  readonly status?: Readonly<Partial<Record<RequestStatus, string>>>;
  readonly identity?: Readonly<Partial<Record<Identity['state'], string>>>;
  readonly yes?: string;
  readonly no?: string;
}

const DEFAULT_LOG_HEADER: Readonly<Record<RequestLogColumn, string>> = Object.fromEntries(REQUEST_LOG_COLUMNS.map((column) => [column, column])) as Record<
  RequestLogColumn,
  string
>;

/**
 * The GDPR request log (issue 6's export; Art. 5(2) accountability): one row per request, the
 * oldest first, with its deadline (the extended one when it was extended) and whether the answer
 * was late. `columns` are the header's words (the UI's translation); `values` translate the
 * coded values. The requester's contact and the description stay in the register.
 */
export function requestLogCsv(
  requests: Iterable<GdprRequest>,
  separator: CsvSeparator,
  columns: Readonly<Record<RequestLogColumn, string>> = DEFAULT_LOG_HEADER,
  values: RequestLogValueLabels = {},
): string {
  const yesNo = (flag: boolean) => (flag ? (values.yes ?? 'yes') : (values.no ?? 'no'));
  const rows = [...requests]
    .sort((a, b) => (a.receivedDate < b.receivedDate ? -1 : a.receivedDate > b.receivedDate ? 1 : a.createdAt - b.createdAt))
    .map((r) => {
      const dueDate = dueDateOf(r);
      const cells: Record<RequestLogColumn, string | null> = {
        id: r.id,
        receivedDate: r.receivedDate,
        type: values.type?.[r.type] ?? r.type,
        channel: values.channel?.[r.channel] ?? r.channel,
        requesterName: r.requesterName,
        customerId: r.customerId,
        identity: values.identity?.[r.identity.state] ?? r.identity.state,
        dueDate,
        extended: yesNo(r.extension !== null),
        status: values.status?.[r.status] ?? r.status,
        replySentDate: r.replySentDate,
        answeredLate: r.replySentDate === null ? '' : yesNo(r.replySentDate > dueDate),
      };
      return REQUEST_LOG_COLUMNS.map((column) => cells[column]);
    });
  return toCsv(
    REQUEST_LOG_COLUMNS.map((column) => columns[column]),
    rows,
    { separator },
  );
}

/** The whole document as one readable JSON file (indented, keys sorted). */
export function registerJsonFile(document: BackupDocument): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(document)), null, 2)}\n`;
}
