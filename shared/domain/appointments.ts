import { TIME_HOLDING_STATUSES, type Appointment, type BookedService } from '../schemas/appointment';

/** Rules about appointments both the booking form and the data layer use (issue 5). */

const MINUTE_MS = 60_000;

export const totalDurationMin = (services: readonly Pick<BookedService, 'durationMin'>[]): number =>
  services.reduce((sum, service) => sum + service.durationMin, 0);

/** The price the customer was quoted: the sum of the prices copied at booking time. */
export const totalPriceCents = (services: readonly Pick<BookedService, 'priceCents'>[]): number =>
  services.reduce((sum, service) => sum + service.priceCents, 0);

export const endOf = (appointment: Pick<Appointment, 'start' | 'services'>): number =>
  appointment.start + totalDurationMin(appointment.services) * MINUTE_MS;

/** Staff names compared as people read them: case and surrounding spaces do not matter. */
export const staffKey = (staff: string): string => staff.normalize('NFC').trim().toLocaleLowerCase('fi');

export interface SlotCandidate {
  readonly id?: string | undefined;
  readonly start: number;
  readonly services: readonly Pick<BookedService, 'durationMin'>[];
  readonly staff: string;
}

/**
 * Appointments of the same staff member whose time overlaps the candidate's (touching ends do not
 * overlap: 10.00–11.00 and 11.00–12.00 are fine). Cancelled appointments hold no time. The
 * candidate itself (same id) is ignored, so rescheduling does not collide with its old slot.
 */
export function overlapping(candidate: SlotCandidate, appointments: Iterable<Appointment>): Appointment[] {
  const key = staffKey(candidate.staff);
  const start = candidate.start;
  const end = start + totalDurationMin(candidate.services) * MINUTE_MS;
  const found: Appointment[] = [];
  for (const other of appointments) {
    if (other.id === candidate.id || !TIME_HOLDING_STATUSES.includes(other.status)) continue;
    if (staffKey(other.staff) !== key) continue;
    if (other.start < end && endOf(other) > start) found.push(other);
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface CustomerVisitStats {
  /** Completed appointments. */
  readonly visits: number;
  /** Start of the latest completed appointment, or null. */
  readonly lastVisit: number | null;
  readonly noShows: number;
  /** The next booked appointment from `now` on, or null. */
  readonly nextBooked: number | null;
}

/** What the customer card shows at a glance. */
export function visitStats(appointments: Iterable<Appointment>, now: number): CustomerVisitStats {
  let visits = 0;
  let lastVisit: number | null = null;
  let noShows = 0;
  let nextBooked: number | null = null;
  for (const appointment of appointments) {
    if (appointment.status === 'completed') {
      visits += 1;
      if (lastVisit === null || appointment.start > lastVisit) lastVisit = appointment.start;
    } else if (appointment.status === 'no_show') {
      noShows += 1;
    } else if (appointment.status === 'booked' && appointment.start >= now && (nextBooked === null || appointment.start < nextBooked)) {
      nextBooked = appointment.start;
    }
  }
  return { visits, lastVisit, noShows, nextBooked };
}

/**
 * The local day containing `at`: [start, end) in epoch ms, in the computer's own time zone (the
 * salon's). Days are not always 24 hours: on the nights the clocks change they are 23 or 25.
 */
export function dayRange(at: number): { start: number; end: number } {
  const day = new Date(at);
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
  return { start, end };
}

/** The same local time-of-day `days` days later (or earlier), whatever clock change lies between. */
export function addDays(at: number, days: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()).getTime();
}

/** Monday 00.00 of the local week containing `at` (Finnish weeks start on Monday). */
export function weekStart(at: number): number {
  const date = new Date(at);
  const mondayOffset = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - mondayOffset).getTime();
}
