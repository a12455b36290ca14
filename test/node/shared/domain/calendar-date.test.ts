import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isoDateInZone,
  isoWeekday,
  parseIsoDate,
} from '../../../../shared/domain/calendar-date';

const DAY_MS = 86_400_000;
// The oracle: UTC has no daylight saving, so Date.UTC counts whole days exactly.
const utcDays = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const utcIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** Random valid dates from 1620 to 2400 as ISO strings (20 years clear of the Gregorian start). */
const isoArb = fc.integer({ min: utcDays(1620, 1, 1), max: utcDays(2400, 12, 31) }).map(utcIso);

describe('plain calendar dates', () => {
  it('knows the leap years of the Gregorian calendar (2000 is one, 1900 and 2100 are not)', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect([daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([28, 29, 29, 30, 31]);
  });

  it('accepts only real days in YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', '', '1500-01-01']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('counts days as UTC does and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDays(1583, 1, 1), max: utcDays(9999, 12, 31) }), (days) => {
        const iso = utcIso(days);
        expect(dayNumber(iso)).toBe(days);
        expect(fromDayNumber(days)).toBe(iso);
        expect(isoWeekday(iso)).toBe(((new Date(days * DAY_MS).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // the EU clocks go forward on 29 March 2026
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // and back on 25 October
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });

  it('adds months to the same date, or to the month end when there is none', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-05-10', -36)).toBe('2023-05-10');
  });

  it('adds months like an independent UTC computation (property)', () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: -240, max: 240 }), (iso, months) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const first = new Date(Date.UTC(y, m - 1 + months, 1));
        const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
        const expected = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10);
        expect(addMonths(iso, months)).toBe(expected);
      }),
    );
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => fromDayNumber(0.5)).toThrow(RangeError);
  });

  it('tells the Finnish date of an instant, around midnight and the DST changes', () => {
    expect(isoDateInZone(Date.UTC(2026, 4, 31, 21, 30))).toBe('2026-06-01'); // 00.30 in Helsinki (UTC+3)
    expect(isoDateInZone(Date.UTC(2026, 4, 31, 20, 59))).toBe('2026-05-31'); // 23.59
    expect(isoDateInZone(Date.UTC(2026, 0, 31, 22, 30))).toBe('2026-02-01'); // 00.30 in winter (UTC+2)
    expect(isoDateInZone(Date.UTC(2026, 0, 31, 21, 59))).toBe('2026-01-31');
    expect(isoDateInZone(Date.UTC(2026, 2, 29, 0, 30))).toBe('2026-03-29'); // the night the clocks go forward
    expect(isoDateInZone(Date.UTC(2026, 9, 24, 21, 30))).toBe('2026-10-25'); // and back
    expect(isoDateInZone(Date.UTC(2026, 4, 31, 21, 30), 'UTC')).toBe('2026-05-31');
  });
});
