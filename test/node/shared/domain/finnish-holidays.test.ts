import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  finnishHolidays,
  finnishHolidaysOn,
  isFinnishHoliday,
  isWorkingDay,
  nextWorkingDayFrom,
  type FinnishHolidayKind,
} from '../../../../shared/domain/finnish-holidays';

const DAY_MS = 86_400_000;
const utcWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7

/**
 * Easter by a different method than the code's: Gauss's algorithm with Lichtenberg's corrections
 * (1997), giving Easter as a "March date" (32 = 1 April).
 */
function easterLichtenberg(year: number): string {
  const k = Math.floor(year / 100);
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
  const s = 2 - Math.floor((3 * k + 3) / 4);
  const a = year % 19;
  const d = (19 * a + m) % 30;
  const r = Math.floor((d + Math.floor(a / 11)) / 29);
  const og = 21 + d - r;
  const sz = 7 - ((year + Math.floor(year / 4) + s) % 7);
  const oe = 7 - ((og - sz) % 7);
  const marchDate = og + oe;
  return new Date(Date.UTC(year, 2, marchDate)).toISOString().slice(0, 10);
}

/**
 * Finnish holidays 2024–2030 typed in by hand from the printed calendar (the red days): this
 * table is not computed by the code under test.
 */
const KNOWN: Record<number, { easter: string; midsummerEve: string; allSaints: string }> = {
  2024: { easter: '03-31', midsummerEve: '06-21', allSaints: '11-02' },
  2025: { easter: '04-20', midsummerEve: '06-20', allSaints: '11-01' },
  2026: { easter: '04-05', midsummerEve: '06-19', allSaints: '10-31' },
  2027: { easter: '03-28', midsummerEve: '06-25', allSaints: '11-06' },
  2028: { easter: '04-16', midsummerEve: '06-23', allSaints: '11-04' },
  2029: { easter: '04-01', midsummerEve: '06-22', allSaints: '11-03' },
  2030: { easter: '04-21', midsummerEve: '06-21', allSaints: '11-02' },
};
/** Good Friday, Easter Monday, Ascension Day, Pentecost and Midsummer Day for the same years. */
const KNOWN_MOVABLE: Record<number, [string, string, string, string, string]> = {
  2024: ['03-29', '04-01', '05-09', '05-19', '06-22'],
  2025: ['04-18', '04-21', '05-29', '06-08', '06-21'],
  2026: ['04-03', '04-06', '05-14', '05-24', '06-20'],
  2027: ['03-26', '03-29', '05-06', '05-16', '06-26'],
  2028: ['04-14', '04-17', '05-25', '06-04', '06-24'],
  2029: ['03-30', '04-02', '05-10', '05-20', '06-23'],
  2030: ['04-19', '04-22', '05-30', '06-09', '06-22'],
};

describe('Easter', () => {
  it('matches known Easter dates, the earliest and latest possible included', () => {
    const known: [number, string][] = [
      [1818, '1818-03-22'],
      [1886, '1886-04-25'],
      [1943, '1943-04-25'],
      [2000, '2000-04-23'],
      [2008, '2008-03-23'],
      [2011, '2011-04-24'],
      [2019, '2019-04-21'],
      [2038, '2038-04-25'],
      [2100, '2100-03-28'],
      [2285, '2285-03-22'],
    ];
    for (const [year, date] of known) expect(easterSunday(year), String(year)).toBe(date);
    for (const [year, { easter }] of Object.entries(KNOWN)) expect(easterSunday(Number(year))).toBe(`${year}-${easter}`);
  });

  it('is always a Sunday between 22 March and 25 April, and agrees with Gauss–Lichtenberg (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(utcWeekday(easter)).toBe(7);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
        expect(easter).toBe(easterLichtenberg(year));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses years the Gregorian calendar does not cover', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => finnishHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('Finnish public holidays', () => {
  it('are exactly the known table for 2024–2030', () => {
    for (const [key, fixed] of Object.entries(KNOWN)) {
      const year = Number(key);
      const [goodFriday, easterMonday, ascension, pentecost, midsummerDay] = KNOWN_MOVABLE[year]!;
      const expected: [string, FinnishHolidayKind][] = [
        ['01-01', 'new_years_day'],
        ['01-06', 'epiphany'],
        [goodFriday, 'good_friday'],
        [fixed.easter, 'easter_sunday'],
        [easterMonday, 'easter_monday'],
        ['05-01', 'may_day'],
        [ascension, 'ascension_day'],
        [pentecost, 'pentecost'],
        [fixed.midsummerEve, 'midsummer_eve'],
        [midsummerDay, 'midsummer_day'],
        [fixed.allSaints, 'all_saints_day'],
        ['12-06', 'independence_day'],
        ['12-24', 'christmas_eve'],
        ['12-25', 'christmas_day'],
        ['12-26', 'boxing_day'],
      ];
      expect(finnishHolidays(year).map((h) => [h.date, h.kind])).toEqual(
        expected.map(([date, kind]) => [`${year}-${date}`, kind]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
    }
  });

  it('names both holidays when Ascension Day is May Day (2008)', () => {
    expect(finnishHolidaysOn('2008-05-01')).toEqual(['may_day', 'ascension_day']);
    expect(finnishHolidaysOn('2026-06-24')).toEqual([]); // the old Midsummer date is now a working day
  });

  it('keep their weekdays and windows in every year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const byKind = new Map(finnishHolidays(year).map((h) => [h.kind, h.date]));
        expect(byKind.size).toBe(15);
        const at = (kind: FinnishHolidayKind) => byKind.get(kind)!;
        const monthDay = (kind: FinnishHolidayKind) => at(kind).slice(5);
        expect(utcWeekday(at('good_friday'))).toBe(5);
        expect(utcWeekday(at('easter_monday'))).toBe(1);
        expect(utcWeekday(at('ascension_day'))).toBe(4);
        expect(utcWeekday(at('pentecost'))).toBe(7);
        expect(utcWeekday(at('midsummer_eve'))).toBe(5);
        expect(monthDay('midsummer_eve') >= '06-19' && monthDay('midsummer_eve') <= '06-25').toBe(true);
        expect(utcWeekday(at('midsummer_day'))).toBe(6);
        expect(monthDay('midsummer_day') >= '06-20' && monthDay('midsummer_day') <= '06-26').toBe(true);
        expect(utcWeekday(at('all_saints_day'))).toBe(6);
        expect(['10-31', '11-01', '11-02', '11-03', '11-04', '11-05', '11-06']).toContain(monthDay('all_saints_day'));
        const easterMs = Date.parse(`${at('easter_sunday')}T00:00:00Z`);
        expect((Date.parse(`${at('ascension_day')}T00:00:00Z`) - easterMs) / DAY_MS).toBe(39);
        expect((Date.parse(`${at('good_friday')}T00:00:00Z`) - easterMs) / DAY_MS).toBe(-2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('working days', () => {
  it('are Monday to Friday except holidays and the two eves', () => {
    expect(isWorkingDay('2026-06-18')).toBe(true); // Thursday before Midsummer
    expect(isWorkingDay('2026-06-19')).toBe(false); // Midsummer Eve
    expect(isWorkingDay('2026-12-24')).toBe(false); // Christmas Eve, a Thursday
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false); // a plain Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // a plain Sunday
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday after Independence Day (a Sunday)
    expect(isFinnishHoliday('2026-12-06')).toBe(true);
    expect(isFinnishHoliday('2026-03-07')).toBe(false);
  });

  it('roll forward to the first working day', () => {
    expect(nextWorkingDayFrom('2026-04-03')).toBe('2026-04-07'); // Good Friday → Tuesday after Easter Monday
    expect(nextWorkingDayFrom('2025-12-24')).toBe('2025-12-29'); // Wednesday Christmas Eve → Monday
    expect(nextWorkingDayFrom('2026-12-31')).toBe('2026-12-31'); // New Year's Eve is a working day
    expect(nextWorkingDayFrom('2027-01-01')).toBe('2027-01-04');
    expect(nextWorkingDayFrom('2026-01-05')).toBe('2026-01-05');
  });

  it('never skip more than five days, and land on a weekday that is no holiday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2300, 0, 1) / DAY_MS }), (days) => {
        const iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
        const next = nextWorkingDayFrom(iso);
        const gap = (Date.parse(`${next}T00:00:00Z`) - days * DAY_MS) / DAY_MS;
        expect(gap >= 0 && gap <= 5).toBe(true);
        expect(utcWeekday(next)).toBeLessThanOrEqual(5);
        expect(finnishHolidays(Number(next.slice(0, 4))).some((h) => h.date === next)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
