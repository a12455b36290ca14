/**
 * Plain calendar dates (`YYYY-MM-DD`), with no clock time and no time zone. Legal time limits
 * count days on the calendar, so they are computed on day numbers, never on `Date` objects: local
 * `Date` arithmetic shifts by an hour at the DST changes and then lands on the wrong day near
 * midnight. Only `isoDateInZone` touches a clock, to say which day it is in Finland.
 */

/** `YYYY-MM-DD`, as stored and as exchanged; strings of this form sort in date order. */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

/** The Gregorian calendar began in 1582; four digits keep ISO strings sortable. */
export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

/** The salon's legal calendar: deadlines fall on Finnish days whatever the computer's zone. */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki';

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date an ISO string names, or null when it is malformed or no such day exists (2026-02-30). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const isIsoDate = (text: string): boolean => parseIsoDate(text) !== null;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function toIsoDate(date: CalendarDate): IsoDate {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`day ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function mustParse(iso: IsoDate): CalendarDate {
  const date = parseIsoDate(iso);
  if (date === null) throw new RangeError(`not an ISO date: ${iso}`);
  return date;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by whole-number arithmetic over 400-year
 * eras (H. Hinnant, "chrono-compatible low-level date algorithms"), so no clock is involved.
 */
export function dayNumber(iso: IsoDate): number {
  const { year, month, day } = mustParse(iso);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of `dayNumber`. */
export function fromDayNumber(days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`day number ${days}`);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return toIsoDate({ year, month, day });
}

export const addDays = (iso: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(iso) + days);

/** Calendar days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/**
 * The same date `months` later, or that month's last day when it has no such date (31 January →
 * 28/29 February). This is how a period "of months" ends both in Regulation (EEC, Euratom)
 * No 1182/71 Art. 3(2)(c) and in the Finnish laki säädettyjen määräaikain laskemisesta
 * (150/1930) 3 §; unlike `Date#setMonth`, it never spills into the month after.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months ${months}`);
  const { year, month, day } = mustParse(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  const mod = (dayNumber(iso) + 3) % 7;
  return (mod < 0 ? mod + 7 : mod) + 1;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date at `epochMs` in `timeZone` (Finland by default): a booking at 00.30 on
 * 1 June in Helsinki is a 1 June date even though it is still 31 May in UTC.
 */
export function isoDateInZone(epochMs: number, timeZone: string = FINNISH_TIME_ZONE): IsoDate {
  let format = zoneFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    zoneFormatters.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}
