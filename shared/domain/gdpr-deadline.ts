import type { Extension, GdprRequest } from '../schemas/gdpr-request';
import { addMonths, daysBetween, isIsoDate, type IsoDate } from './calendar-date';
import { nextWorkingDayFrom } from './finnish-holidays';

/**
 * When a data subject's request must be answered (GDPR Art. 12(3)): "within one month of receipt",
 * extendable "by two further months where necessary" if the requester is told, with the reasons,
 * within that first month. GDPR does not say how a month is counted; Regulation (EEC, Euratom)
 * No 1182/71 does, as the EDPB's Guidelines 01/2022 on the right of access explain for the reply:
 * - Art. 3(1): the day of receipt is not counted, so the period runs from the next day;
 * - Art. 3(2)(c): a period of months ends on the same date in the last month, or on that month's
 *   last day when it has no such date (received 31 January → 28/29 February);
 * - Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends on the next working day.
 * Finnish law counts the same way (laki säädettyjen määräaikain laskemisesta 150/1930, 3 § and 5 §),
 * which also moves deadlines off Midsummer Eve and Christmas Eve (finnish-holidays.ts).
 *
 * All dates are plain calendar dates (calendar-date.ts); "today" is the caller's Finnish date.
 */

export const MAX_EXTENSION_MONTHS = 2;
/** The dashboard's "due soon" window, due date included. */
export const DUE_SOON_DAYS = 7;

export type ExtensionMonths = 1 | 2;

function checkDate(iso: IsoDate, name: string): void {
  if (!isIsoDate(iso)) throw new RangeError(`${name} is not an ISO date: ${iso}`);
}

/** The end of a period of `months` months from `receivedDate`, moved to a working day. */
export function periodEnd(receivedDate: IsoDate, months: number): IsoDate {
  checkDate(receivedDate, 'receivedDate');
  return nextWorkingDayFrom(addMonths(receivedDate, months));
}

/** The one-month due date of a request received on `receivedDate`. */
export const firstDueDate = (receivedDate: IsoDate): IsoDate => periodEnd(receivedDate, 1);

/**
 * The due date after an extension by `extraMonths` (at most two): the whole period counted again
 * from the receipt, so received 31 January + 3 months ends 30 April, not 28 February + 2 months
 * (28 April), and then moved to a working day like the first one.
 */
export function extendedDueDate(receivedDate: IsoDate, extraMonths: ExtensionMonths = MAX_EXTENSION_MONTHS): IsoDate {
  if (extraMonths !== 1 && extraMonths !== 2) throw new RangeError(`extraMonths ${String(extraMonths)}`);
  return periodEnd(receivedDate, 1 + extraMonths);
}

/** Why an extension cannot be recorded; the form translates the code. */
export type ExtensionRefusal =
  /** The notice is dated before the request arrived: a typing error. */
  | 'notice_before_received'
  /** Told after the first month: Art. 12(3) no longer allows the extension. */
  | 'notice_after_first_due'
  /** One extension, of at most two months, is all Art. 12(3) gives. */
  | 'already_extended'
  /** The request was already answered or refused. */
  | 'request_closed';

export type ExtensionCheck = { ok: true; newDueDate: IsoDate } | { ok: false; reason: ExtensionRefusal };

/** Whether a notice dated `notifiedDate` may extend a request received on `receivedDate`. */
export function checkExtension(input: { receivedDate: IsoDate; notifiedDate: IsoDate; extraMonths?: ExtensionMonths }): ExtensionCheck {
  const { receivedDate, notifiedDate, extraMonths = MAX_EXTENSION_MONTHS } = input;
  checkDate(notifiedDate, 'notifiedDate');
  if (notifiedDate < receivedDate) return { ok: false, reason: 'notice_before_received' };
  // "Within one month" is the period as it actually ends: a notice sent on the Monday a weekend
  // deadline moved to is still in time.
  if (notifiedDate > firstDueDate(receivedDate)) return { ok: false, reason: 'notice_after_first_due' };
  return { ok: true, newDueDate: extendedDueDate(receivedDate, extraMonths) };
}

/** `checkExtension` for a stored request, which also must be open and not yet extended. */
export function checkRequestExtension(
  request: Pick<GdprRequest, 'receivedDate' | 'status' | 'extension'>,
  notifiedDate: IsoDate,
  extraMonths: ExtensionMonths = MAX_EXTENSION_MONTHS,
): ExtensionCheck {
  if (!isOpenRequest(request)) return { ok: false, reason: 'request_closed' };
  if (request.extension !== null) return { ok: false, reason: 'already_extended' };
  return checkExtension({ receivedDate: request.receivedDate, notifiedDate, extraMonths });
}

export const isOpenRequest = (request: Pick<GdprRequest, 'status'>): boolean => request.status === 'received' || request.status === 'in_progress';

/** The date the request must be answered by: the extended one when the requester was told of it. */
export const dueDateOf = (request: { receivedDate: IsoDate; extension: Pick<Extension, 'newDueDate'> | null }): IsoDate =>
  request.extension?.newDueDate ?? firstDueDate(request.receivedDate);

/** Calendar days from `today` to `dueDate`: 0 on the due date, negative once it has passed. */
export function daysLeft(dueDate: IsoDate, today: IsoDate): number {
  checkDate(dueDate, 'dueDate');
  checkDate(today, 'today');
  return daysBetween(today, dueDate);
}

export type DeadlineState = 'overdue' | 'due_soon' | 'on_time';

/** Overdue after the due date; due soon from seven days before it up to the day itself. */
export function deadlineState(dueDate: IsoDate, today: IsoDate): DeadlineState {
  const left = daysLeft(dueDate, today);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'on_time';
}

export interface RequestDeadline {
  readonly dueDate: IsoDate;
  readonly daysLeft: number;
  /** `closed` once answered or refused; then `answeredLate` says whether the reply missed the date. */
  readonly state: DeadlineState | 'closed';
  readonly answeredLate: boolean;
}

export function requestDeadline(
  request: Pick<GdprRequest, 'receivedDate' | 'extension' | 'status' | 'replySentDate'>,
  today: IsoDate,
): RequestDeadline {
  const dueDate = dueDateOf(request);
  const left = daysLeft(dueDate, today);
  if (isOpenRequest(request)) return { dueDate, daysLeft: left, state: deadlineState(dueDate, today), answeredLate: false };
  return { dueDate, daysLeft: left, state: 'closed', answeredLate: request.replySentDate !== null && request.replySentDate > dueDate };
}

type DashboardRequest = Pick<GdprRequest, 'receivedDate' | 'extension' | 'status' | 'replySentDate' | 'identity'>;

export interface RequestDashboard<R> {
  /** Open requests past their due date, the longest overdue first. */
  readonly overdue: R[];
  /** Open requests due within `DUE_SOON_DAYS`, the nearest first. */
  readonly dueSoon: R[];
  /** Open requests whose requester's identity is still to be checked, nearest due date first. */
  readonly awaitingIdentity: R[];
}

/** The owner's request dashboard; a request may be both overdue and awaiting identity. */
export function requestDashboard<R extends DashboardRequest>(requests: Iterable<R>, today: IsoDate): RequestDashboard<R> {
  const open: { request: R; dueDate: IsoDate; state: DeadlineState }[] = [];
  for (const request of requests) {
    if (!isOpenRequest(request)) continue;
    const dueDate = dueDateOf(request);
    open.push({ request, dueDate, state: deadlineState(dueDate, today) });
  }
  open.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return {
    overdue: open.filter((entry) => entry.state === 'overdue').map((entry) => entry.request),
    dueSoon: open.filter((entry) => entry.state === 'due_soon').map((entry) => entry.request),
    awaitingIdentity: open.filter((entry) => entry.request.identity.state === 'pending').map((entry) => entry.request),
  };
}
