import { buildBackupDocument, type BackupDocument } from '../../../../shared/backup/format';
import { registerCsvFiles, registerJsonFile } from '../../../../shared/backup/open-files';
import { registerExportTables, type ExportRecipient } from '../../../../shared/backup/register-export';
import { activeConsent } from '../../../../shared/domain/consent';
import { toCsv, type CsvSeparator } from '../../../../shared/domain/csv-export';
import { MARKETING_CONSENT, marketingList, type MarketingChannel, type PrivacyFlags } from '../../../../shared/domain/marketing';
import type { Customer } from '../../../../shared/schemas/customer';

/**
 * The files of the owner's exports (issue 6), built from decrypted data in the renderer and
 * written by main where the owner chooses. CSV follows shared/domain/csv-export (BOM, the chosen
 * separator, CRLF, no formulas).
 */
export interface MarketingColumns {
  readonly firstName: string;
  readonly lastName: string;
  readonly contact: string;
  readonly language: string;
  readonly consentGiven: string;
}

/**
 * The channel's marketing list: only customers with a consent in force for it, a contact for it,
 * and no restriction or objection (`flagsOf`). Nothing else about them goes into the file.
 */
export function marketingCsv(
  customers: Iterable<Customer>,
  channel: MarketingChannel,
  flagsOf: (customerId: string) => PrivacyFlags | undefined,
  columns: MarketingColumns,
  separator: CsvSeparator,
  now: number,
): { csv: string; count: number } {
  const list = marketingList(customers, channel, flagsOf, now);
  const rows = list.map((c) => {
    const consent = activeConsent(c, MARKETING_CONSENT[channel], now);
    return [c.firstName, c.lastName, channel === 'email' ? c.email : c.phone, c.language, consent === null ? '' : new Date(consent.givenAt).toISOString()];
  });
  const header = [columns.firstName, columns.lastName, columns.contact, columns.language, columns.consentGiven];
  return { csv: toCsv(header, rows, { separator }), count: list.length };
}

/**
 * The whole register for the salon's own use: one CSV per table, or one JSON document (the backup
 * format, readable, its manifest recomputed). Customers whose processing is restricted are left
 * out (GDPR Art. 18; shared/backup/register-export.ts).
 */
export async function registerExportFiles(
  document: BackupDocument,
  flagsOf: (customerId: string) => PrivacyFlags | undefined,
  format: 'csv' | 'json',
  separator: CsvSeparator,
  { forRecipient = null, now = Date.now() }: { readonly forRecipient?: ExportRecipient; readonly now?: number } = {},
): Promise<{ files: Record<string, string>; customerIds: string[] }> {
  const tables = registerExportTables(document.tables, flagsOf, { forRecipient, now });
  const exported = await buildBackupDocument({ appVersion: document.appVersion, createdAt: new Date(document.createdAt), settings: document.settings, tables });
  const files = format === 'csv' ? registerCsvFiles(exported, { separator }) : { 'register.json': registerJsonFile(exported) };
  return { files, customerIds: tables.customers.map((customer) => customer.id) };
}
