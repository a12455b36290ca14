import { concernsErased } from '../domain/erasure-evidence';
import { isRestrictionActive, NO_PRIVACY_FLAGS, type PrivacyFlags } from '../domain/marketing';
import type { Customer } from '../schemas/customer';
import type { PrivacyFlagsRecord } from '../schemas/privacy-records';
import { completeTables, type BackupTables, type CompleteBackupTables } from './format';

/**
 * The register as it may leave the salon in a full-register export (CSV or JSON), GDPR Art. 18:
 * a customer whose processing is restricted is left out — with their appointments, requests,
 * request files, flags and retention decisions — unless the export is for the person themselves
 * or for an authority (Art. 18(2): the data subject's consent, legal claims, or an important
 * public interest). A successor company taking the register over (the seed's business-transfer
 * case) is no exception: restricted data may only be stored, so those customers stay with the
 * salon until the restriction ends or the person consents, and the handover note says how many.
 * The disclosure log is left as it is: an opaque id whose record is not in the file says nothing
 * about the person.
 * Pure: the caller passes the tables and the flags.
 */

/**
 * Who the export is for; null when it is made for the salon itself (that is not "the person or an
 * authority"). `successor`: the successor company's controller taking the register over.
 */
export type ExportRecipient = 'self' | 'authority' | 'successor' | 'other' | null;

/** The flags of a backup's (or snapshot's) privacy table, by customer id. */
export function flagsLookup(records: Iterable<PrivacyFlagsRecord>): (customerId: string) => PrivacyFlags {
  const byId = new Map<string, PrivacyFlags>();
  for (const record of records) byId.set(record.customerId, { restriction: record.restrictions.at(-1) ?? null, objections: record.objections });
  return (customerId) => byId.get(customerId) ?? NO_PRIVACY_FLAGS;
}

/** Ids of the customers whose processing is restricted at `now`. */
export function restrictedIds(customers: Iterable<Pick<Customer, 'id'>>, flagsOf: (customerId: string) => PrivacyFlags | undefined, now: number): Set<string> {
  const ids = new Set<string>();
  for (const customer of customers) if (isRestrictionActive(flagsOf(customer.id)?.restriction ?? null, now)) ids.add(customer.id);
  return ids;
}

export interface RegisterExportOptions {
  readonly forRecipient: ExportRecipient;
  /** When the restrictions are judged (default: now). */
  readonly now?: number;
}

/** The tables of a full-register export for `forRecipient` (see the module comment). */
export function registerExportTables(
  tables: BackupTables,
  flagsOf: (customerId: string) => PrivacyFlags | undefined,
  { forRecipient, now = Date.now() }: RegisterExportOptions,
): CompleteBackupTables {
  const all = completeTables(tables);
  if (forRecipient === 'self' || forRecipient === 'authority') return all;
  const left = restrictedIds(all.customers, flagsOf, now);
  if (left.size === 0) return all;
  const none = new Set<string>();
  const requests = all.gdprRequests.filter((request) => !concernsErased(request, left, none));
  const requestIds = new Set(requests.map((request) => request.id));
  return {
    ...all,
    customers: all.customers.filter((customer) => !left.has(customer.id)),
    appointments: all.appointments.filter((appointment) => !left.has(appointment.customerId)),
    gdprRequests: requests,
    requestAttachments: all.requestAttachments.filter((attachment) => requestIds.has(attachment.requestId)),
    retentionDecisions: all.retentionDecisions.filter((decision) => !left.has(decision.customerId)),
    privacyFlags: all.privacyFlags.filter((record) => !left.has(record.customerId)),
  };
}
