import { addDays, dayRange, weekStart } from '../../../../shared/domain/appointments';

/** The seven local days (Monday first) of the week containing `at`, each as [start, end). */
export function weekDays(at: number): { start: number; end: number }[] {
  const monday = weekStart(at);
  return Array.from({ length: 7 }, (_, i) => dayRange(addDays(monday, i)));
}

/** ISO 8601 week number (Finnish calendars print it: "viikko 48"). */
export function isoWeek(at: number): number {
  const date = new Date(at);
  // The Thursday of this week decides the year the week belongs to.
  const thursday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7) + 3);
  const firstThursday = new Date(thursday.getFullYear(), 0, 4);
  const firstWeekThursday = new Date(firstThursday.getFullYear(), 0, 4 - ((firstThursday.getDay() + 6) % 7) + 3);
  return 1 + Math.round((thursday.getTime() - firstWeekThursday.getTime()) / (7 * 24 * 60 * 60_000));
}

export const sameDay = (a: number, b: number): boolean => dayRange(a).start === dayRange(b).start;
