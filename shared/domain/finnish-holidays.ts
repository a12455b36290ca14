import { addDays, isoWeekday, MAX_YEAR, MIN_YEAR, toIsoDate, type IsoDate, parseIsoDate } from './calendar-date';

/**
 * Finnish public holidays and working days, for the time limits of GDPR requests (gdpr-deadline.ts).
 *
 * Sources:
 * - Church holidays (kirkolliset juhlapäivät): kirkkolaki 1054/1993, 4 luku 3 § — Christmas Day,
 *   Boxing Day, New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, Ascension Day,
 *   Pentecost, Midsummer Day and All Saints' Day, "dated as has been the custom of Western
 *   Christendom", except that Midsummer Day is the Saturday after 19 June and All Saints' Day the
 *   Saturday after 30 October. The church law that replaced it in 2024 keeps the same days.
 * - Independence Day 6 December: laki itsenäisyyspäivän viettämisestä yleisenä juhla- ja
 *   vapaapäivänä 388/1937.
 * - May Day, Midsummer Eve and Christmas Eve: laki säädettyjen määräaikain laskemisesta 150/1930
 *   5 § moves a deadline that falls on "a holy day, Independence Day, May Day, Christmas or
 *   Midsummer Eve or a Saturday" to the next working day. The two eves are not holidays by law
 *   but are days off under the collective agreements, and the salon cannot be expected to answer
 *   on them; counting them as non-working can only give the requester a later date, never an
 *   earlier one than the strict reading.
 * - Regulation (EEC, Euratom) No 1182/71 Art. 2(1): public holidays are those of the Member State
 *   where the act is done — for this register, Finland.
 *
 * The rules are today's (since 1992 Epiphany and Ascension Day are again on their own dates);
 * earlier years are computed by the same rules, which is right for every deadline the app sets.
 */

export const FINNISH_HOLIDAY_KINDS = [
  'new_years_day',
  'epiphany',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'may_day',
  'ascension_day',
  'pentecost',
  'midsummer_eve',
  'midsummer_day',
  'all_saints_day',
  'independence_day',
  'christmas_eve',
  'christmas_day',
  'boxing_day',
] as const;
export type FinnishHolidayKind = (typeof FINNISH_HOLIDAY_KINDS)[number];

export interface FinnishHoliday {
  readonly date: IsoDate;
  readonly kind: FinnishHolidayKind;
}

const SATURDAY = 6;
const SUNDAY = 7;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year ${year}`);
}

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher, published in Nature
 * in 1876): the Western Easter that kirkkolaki refers to, exact for every Gregorian year.
 */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return toIsoDate({ year, month: Math.floor(n / 31), day: (n % 31) + 1 });
}

/** The first Saturday on or after `month`/`day` of `year`. */
function saturdayFrom(year: number, month: number, day: number): IsoDate {
  const start = toIsoDate({ year, month, day });
  return addDays(start, (SATURDAY - isoWeekday(start) + 7) % 7);
}

const cache = new Map<number, readonly FinnishHoliday[]>();

/** Every Finnish public holiday of `year`, in date order (Midsummer Eve and Christmas Eve included). */
export function finnishHolidays(year: number): readonly FinnishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  checkYear(year);
  const easter = easterSunday(year);
  const midsummerDay = saturdayFrom(year, 6, 20);
  const fixed = (month: number, day: number) => toIsoDate({ year, month, day });
  const list: FinnishHoliday[] = [
    { date: fixed(1, 1), kind: 'new_years_day' },
    { date: fixed(1, 6), kind: 'epiphany' },
    { date: addDays(easter, -2), kind: 'good_friday' },
    { date: easter, kind: 'easter_sunday' },
    { date: addDays(easter, 1), kind: 'easter_monday' },
    { date: fixed(5, 1), kind: 'may_day' },
    { date: addDays(easter, 39), kind: 'ascension_day' },
    { date: addDays(easter, 49), kind: 'pentecost' },
    { date: addDays(midsummerDay, -1), kind: 'midsummer_eve' },
    { date: midsummerDay, kind: 'midsummer_day' },
    { date: saturdayFrom(year, 10, 31), kind: 'all_saints_day' },
    { date: fixed(12, 6), kind: 'independence_day' },
    { date: fixed(12, 24), kind: 'christmas_eve' },
    { date: fixed(12, 25), kind: 'christmas_day' },
    { date: fixed(12, 26), kind: 'boxing_day' },
  ];
  // Ascension Day can fall on 1 May (e.g. 2008); both stay listed, sorted by date.
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(list.map((holiday) => Object.freeze(holiday)));
  cache.set(year, frozen);
  return frozen;
}

function yearOf(iso: IsoDate): number {
  const date = parseIsoDate(iso);
  if (date === null) throw new RangeError(`not an ISO date: ${iso}`);
  return date.year;
}

/** The holidays on `iso` (usually none or one; two when Ascension Day is May Day). */
export const finnishHolidaysOn = (iso: IsoDate): FinnishHolidayKind[] =>
  finnishHolidays(yearOf(iso))
    .filter((holiday) => holiday.date === iso)
    .map((holiday) => holiday.kind);

export const isFinnishHoliday = (iso: IsoDate): boolean => finnishHolidays(yearOf(iso)).some((holiday) => holiday.date === iso);

/** Monday to Friday and not a holiday: the days on which a deadline may end (1182/71 Art. 3(4)). */
export function isWorkingDay(iso: IsoDate): boolean {
  const weekday = isoWeekday(iso);
  return weekday !== SATURDAY && weekday !== SUNDAY && !isFinnishHoliday(iso);
}

/** `iso` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayFrom(iso: IsoDate): IsoDate {
  let day = iso;
  // The longest run of non-working days is Christmas Eve to the weekend after Boxing Day: ≤ 5 days.
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
