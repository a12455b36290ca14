import type { Appointment } from '../schemas/appointment';
import type { Customer } from '../schemas/customer';
import type { GdprRequest } from '../schemas/gdpr-request';
import type { RetentionDecision, RetentionPolicy } from '../schemas/retention';
import { addMonths, FINNISH_TIME_ZONE, isIsoDate, isoDateInZone, type IsoDate } from './calendar-date';
import { isOpenRequest } from './gdpr-deadline';

/**
 * The retention review list (GDPR Art. 5(1)(e)): customers whose data may no longer be needed.
 * A customer is due for review once `reviewAfterMonths` have passed since their last appointment
 * — any appointment, cancelled ones included, because a booking is the customer keeping the
 * relationship alive — or, with no appointments at all, since the record was created. An open
 * request about the customer keeps them off the list: their data must stay until it is answered
 * (an access request answered with an empty register would be wrong). A "keep" decision defers
 * the review to its next review date; later activity restarts the period as usual.
 *
 * Only the list is computed here; erasing or keeping is the owner's decision, in their own flows.
 */

export interface RetentionReviewItem {
  readonly customerId: string;
  /** The Finnish date of the last appointment or, with none, of the record's creation. */
  readonly lastActivity: IsoDate;
  readonly lastActivitySource: 'appointment' | 'created';
  /** The day the customer became due: the end of the period, or the kept decision's review date. */
  readonly dueSince: IsoDate;
  /** The newest keep decision, when the customer was reviewed before. */
  readonly previousDecision: RetentionDecision | null;
}

export interface RetentionReviewInput {
  readonly customers: Iterable<Pick<Customer, 'id' | 'createdAt'>>;
  readonly appointments: Iterable<Pick<Appointment, 'customerId' | 'start'>>;
  readonly requests: Iterable<Pick<GdprRequest, 'customerId' | 'status'>>;
  readonly decisions: Iterable<RetentionDecision>;
  readonly policy: RetentionPolicy;
  /** Today's Finnish date. */
  readonly today: IsoDate;
  /** The zone that turns appointment times into dates; Finland unless a test says otherwise. */
  readonly timeZone?: string;
  /**
   * Whether the customer's processing is restricted now (Art. 18): such a customer is kept off
   * the list — a restriction (e.g. Art. 18(1)(b), (c)) exists precisely so that the data is not
   * erased — until it is lifted.
   */
  readonly isRestricted?: (customerId: string) => boolean;
}

/** Customers due for review today, the longest due first. */
export function retentionReviewList(input: RetentionReviewInput): RetentionReviewItem[] {
  const { policy, today, timeZone = FINNISH_TIME_ZONE } = input;
  if (!isIsoDate(today)) throw new RangeError(`today is not an ISO date: ${today}`);
  if (!Number.isInteger(policy.reviewAfterMonths) || policy.reviewAfterMonths < 1) throw new RangeError(`reviewAfterMonths ${policy.reviewAfterMonths}`);

  const lastAppointment = new Map<string, number>();
  for (const appointment of input.appointments) {
    const seen = lastAppointment.get(appointment.customerId);
    if (seen === undefined || appointment.start > seen) lastAppointment.set(appointment.customerId, appointment.start);
  }
  const withOpenRequest = new Set<string>();
  for (const request of input.requests) {
    if (request.customerId !== null && isOpenRequest(request)) withOpenRequest.add(request.customerId);
  }
  const latestDecision = new Map<string, RetentionDecision>();
  for (const decision of input.decisions) {
    const seen = latestDecision.get(decision.customerId);
    if (!seen || decision.decidedAt > seen.decidedAt) latestDecision.set(decision.customerId, decision);
  }

  const due: RetentionReviewItem[] = [];
  for (const customer of input.customers) {
    if (withOpenRequest.has(customer.id) || input.isRestricted?.(customer.id) === true) continue;
    const appointmentAt = lastAppointment.get(customer.id);
    const lastActivity = isoDateInZone(appointmentAt ?? customer.createdAt, timeZone);
    const periodEnds = addMonths(lastActivity, policy.reviewAfterMonths);
    const decision = latestDecision.get(customer.id) ?? null;
    const dueSince = decision !== null && decision.nextReviewDate > periodEnds ? decision.nextReviewDate : periodEnds;
    if (dueSince > today) continue;
    due.push({
      customerId: customer.id,
      lastActivity,
      lastActivitySource: appointmentAt === undefined ? 'created' : 'appointment',
      dueSince,
      previousDecision: decision,
    });
  }
  return due.sort((a, b) => (a.dueSince < b.dueSince ? -1 : a.dueSince > b.dueSince ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}
