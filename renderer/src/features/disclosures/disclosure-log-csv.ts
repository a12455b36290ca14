import { toCsv, type CsvSeparator } from '../../../../shared/domain/csv-export';
import { disclosedCount, type Disclosure, type DisclosureLegalBasis, type DisclosureRecipientKind } from '../../../../shared/schemas/disclosure';

/**
 * The disclosure log as CSV (Art. 5(2) accountability: what left the salon, to whom, on which
 * basis), one row per entry in the log's order (newest first).
 *
 * Customers appear as ids and counts, never names: the log is the salon's evidence, the file the
 * Data Protection Ombudsman or an auditor may be handed, and it travels and gets stored as an
 * open file. An id lets the owner find the person in the register; a lost copy of the log says
 * who received data, not whose. Erased customers are only a count already (Art. 17).
 */
export const DISCLOSURE_LOG_COLUMNS = [
  'date',
  'recipientKind',
  'recipientName',
  'legalBasis',
  'legalBasisDetail',
  'scope',
  'customerCount',
  'erasedCount',
  'customerIds',
  'reference',
  'recordedBy',
  'recordedAt',
] as const;
export type DisclosureLogColumn = (typeof DISCLOSURE_LOG_COLUMNS)[number];

export interface DisclosureLogLabels {
  readonly columns: Readonly<Record<DisclosureLogColumn, string>>;
  readonly kinds: Readonly<Record<DisclosureRecipientKind, string>>;
  readonly bases: Readonly<Record<DisclosureLegalBasis, string>>;
}

export function disclosureLogCsv(
  disclosures: readonly Disclosure[],
  userName: (userId: string) => string,
  labels: DisclosureLogLabels,
  separator: CsvSeparator,
): string {
  return toCsv(
    DISCLOSURE_LOG_COLUMNS.map((column) => labels.columns[column]),
    disclosures.map((d) => [
      d.date,
      labels.kinds[d.recipientKind],
      d.recipientName,
      labels.bases[d.legalBasis],
      d.legalBasisDetail,
      d.scope,
      disclosedCount(d),
      d.erasedCustomerCount ?? 0,
      d.customerIds.join(' '),
      d.reference,
      userName(d.recordedBy),
      new Date(d.recordedAt).toISOString(),
    ]),
    { separator },
  );
}
