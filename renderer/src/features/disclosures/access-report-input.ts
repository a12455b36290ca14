import { disclosuresForReport, requestsForReport } from '../../../../shared/documents/access-report';
import type { DocumentLanguage } from '../../../../shared/documents/model';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { Business } from '../../../../shared/schemas/business';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Register } from '../../db/register';

/** One person's report as `documents.saveAccessReport` takes it. */
export type AccessReportMessage = ChannelInput<'documents.saveAccessReport'>['reports'][number];

/** What every report of one save shares: the controller and the settings the Art. 15 text depends on. */
export interface AccessReportContext {
  readonly business: Business;
  readonly healthNotesEnabled: boolean;
  /** The retention policy's review period, which the report states as the retention time. */
  readonly reviewAfterMonths: number;
  /** The report's language; the customer's own when omitted (a request from the person). */
  readonly language?: DocumentLanguage;
}

/**
 * The access report input for `customer` from the open register (GDPR Art. 15 and 20): their
 * appointments, the requests concerning them and the disclosures that included them — nobody
 * else's data (main drops other customers' appointments as well). Used for a person's own request
 * and, one per person, for an authority's request.
 */
export function accessReportInput(register: Register, customer: Customer, context: AccessReportContext): AccessReportMessage {
  const language = context.language ?? customer.language;
  return {
    customer,
    appointments: register.appointments.forCustomer(customer.id),
    requests: requestsForReport(customer.id, register.requests.values()),
    disclosures: disclosuresForReport(customer.id, register.disclosures.values(), language),
    business: context.business,
    reviewAfterMonths: context.reviewAfterMonths,
    healthNotesEnabled: context.healthNotesEnabled,
    language,
  };
}
