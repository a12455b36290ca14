import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayRange, endOf, overlapping, staffKey, totalDurationMin, totalPriceCents, visitStats, weekStart } from '../../../../shared/domain/appointments';
import { APPOINTMENT_STATUSES, type Appointment, type AppointmentStatus, type BookedService } from '../../../../shared/schemas/appointment';

const MIN = 60_000;
const HOUR = 60 * MIN;
const service = (durationMin: number, priceCents = 1000): BookedService => ({ serviceId: null, name: `Palvelu ${durationMin}`, durationMin, priceCents });
let serial = 0;
const appointment = (start: number, durationMin: number, staff = 'Minna', status: AppointmentStatus = 'booked'): Appointment => ({
  id: `a${(serial += 1)}`,
  customerId: 'c',
  start,
  services: [service(durationMin)],
  staff,
  channel: 'phone',
  notes: '',
  status,
  history: [],
  createdAt: 0,
  createdBy: null,
  updatedAt: 0,
});

describe('totals', () => {
  it('add up durations and the prices quoted at booking', () => {
    expect(totalDurationMin([])).toBe(0);
    expect(totalPriceCents([])).toBe(0);
    expect(totalDurationMin([service(60), service(30), service(5)])).toBe(95);
    expect(totalPriceCents([service(60, 5900), service(30, 2900)])).toBe(8800);
    fc.assert(
      fc.property(fc.array(fc.record({ durationMin: fc.integer({ min: 5, max: 720 }), priceCents: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 10 }), fc.nat(), (services, start) => {
        const booked = services.map((s) => ({ ...s, serviceId: null, name: 'x' }));
        expect(totalPriceCents(booked)).toBe(services.reduce((sum, s) => sum + s.priceCents, 0));
        expect(Number.isInteger(totalPriceCents(booked))).toBe(true);
        expect(endOf({ start, services: booked })).toBe(start + services.reduce((sum, s) => sum + s.durationMin, 0) * MIN);
      }),
    );
  });
});

describe('staff names', () => {
  it('compare as people read them: case, surrounding spaces and Unicode composition do not matter', () => {
    expect(staffKey(' Minna ')).toBe(staffKey('MINNA'));
    expect(staffKey('Åsa'.normalize('NFD'))).toBe(staffKey('åsa'));
    expect(staffKey('Sari')).not.toBe(staffKey('Sari K'));
  });
});

describe('overlapping', () => {
  const ten = Date.UTC(2026, 5, 1, 7, 0);

  it('touching ends do not overlap; one minute more does', () => {
    const booked = [appointment(ten, 60), appointment(ten + 60 * MIN, 60)];
    expect(overlapping({ start: ten + 120 * MIN, services: [service(30)], staff: 'Minna' }, booked)).toEqual([]);
    expect(overlapping({ start: ten - 30 * MIN, services: [service(30)], staff: 'Minna' }, booked)).toEqual([]);
    expect(overlapping({ start: ten - 30 * MIN, services: [service(31)], staff: 'Minna' }, booked)).toEqual([booked[0]]);
    expect(overlapping({ start: ten + 59 * MIN, services: [service(5)], staff: 'Minna' }, booked)).toEqual(booked);
    // inside, around
    expect(overlapping({ start: ten + 10 * MIN, services: [service(10)], staff: 'Minna' }, booked)).toEqual([booked[0]]);
    expect(overlapping({ start: ten - HOUR, services: [service(240)], staff: 'Minna' }, booked)).toEqual(booked);
  });

  it('cancelled appointments hold no time; completed and no-shows do', () => {
    const at = (status: AppointmentStatus) => appointment(ten, 60, 'Minna', status);
    const all = APPOINTMENT_STATUSES.map(at);
    const found = overlapping({ start: ten, services: [service(60)], staff: 'Minna' }, all).map((a) => a.status);
    expect(found.sort()).toEqual(['booked', 'completed', 'no_show']);
  });

  it('is per staff member, named in any case, and ignores the candidate itself', () => {
    const mine = appointment(ten, 60, 'Minna');
    const hers = appointment(ten, 60, 'Sari');
    expect(overlapping({ start: ten, services: [service(60)], staff: '  minna' }, [mine, hers])).toEqual([mine]);
    expect(overlapping({ id: mine.id, start: ten + 15 * MIN, services: [service(60)], staff: 'Minna' }, [mine, hers])).toEqual([]);
  });

  it('agrees with a minute-by-minute check, sorted by start (property)', () => {
    const staff = fc.constantFrom('Minna', 'minna', ' MINNA ', 'Sari', 'Jussi');
    const slot = fc.record({
      start: fc.integer({ min: 0, max: 96 }).map((k) => ten + k * 15 * MIN),
      durations: fc.array(fc.constantFrom(5, 15, 30, 45, 60, 90), { minLength: 1, maxLength: 3 }),
      staff,
      status: fc.constantFrom(...APPOINTMENT_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), slot, (others, mine) => {
        const booked = others.map((o) => ({ ...appointment(o.start, 0, o.staff, o.status), services: o.durations.map((d) => service(d)) }));
        const candidate = { start: mine.start, services: mine.durations.map((d) => service(d)), staff: mine.staff };
        const minutes = (start: number, services: readonly BookedService[]) => {
          const set = new Set<number>();
          for (let m = 0; m < services.reduce((s, x) => s + x.durationMin, 0); m += 1) set.add(start / MIN + m);
          return set;
        };
        const taken = minutes(candidate.start, candidate.services);
        const expected = booked
          .filter((b) => ['booked', 'completed', 'no_show'].includes(b.status))
          .filter((b) => b.staff.trim().toLowerCase() === candidate.staff.trim().toLowerCase())
          .filter((b) => [...minutes(b.start, b.services)].some((m) => taken.has(m)));
        const found = overlapping(candidate, booked);
        expect(new Set(found)).toEqual(new Set(expected));
        expect(found).toHaveLength(expected.length);
        for (let i = 1; i < found.length; i += 1) expect(found[i - 1]!.start).toBeLessThanOrEqual(found[i]!.start);
      }),
    );
  });
});

describe('visit statistics', () => {
  it('count completed visits and no-shows, the latest visit and the next booked time from now', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const history = [
      appointment(now - 30 * 24 * HOUR, 60, 'Minna', 'completed'),
      appointment(now - 10 * 24 * HOUR, 60, 'Minna', 'completed'),
      appointment(now - 20 * 24 * HOUR, 60, 'Minna', 'no_show'),
      appointment(now - 5 * 24 * HOUR, 60, 'Minna', 'cancelled_by_customer'),
      appointment(now - HOUR, 60, 'Minna', 'booked'), // in the past but never marked: not next
      appointment(now + 7 * 24 * HOUR, 60, 'Minna', 'booked'),
      appointment(now + 2 * 24 * HOUR, 60, 'Minna', 'booked'),
      appointment(now + 24 * HOUR, 60, 'Minna', 'cancelled_by_salon'),
      appointment(now - 24 * HOUR, 60, 'Minna', 'completed'),
    ];
    expect(visitStats(history, now)).toEqual({ visits: 3, lastVisit: now - 24 * HOUR, noShows: 1, nextBooked: now + 2 * 24 * HOUR });
    expect(visitStats([], now)).toEqual({ visits: 0, lastVisit: null, noShows: 0, nextBooked: null });
    expect(visitStats([appointment(now, 60)], now).nextBooked).toBe(now);
  });
});

/**
 * Local days, in the salon's time zone. Node reads `process.env.TZ` at every Date call, so each
 * block below sets the zone it needs before its tests and the file puts the original back; the
 * guard checks the zone really took effect (a test that silently ran in UTC would prove nothing).
 */
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});
function inZone(zone: string, probe: { at: number; offsetMinutes: number }) {
  beforeAll(() => {
    process.env.TZ = zone;
    expect(new Date(probe.at).getTimezoneOffset(), `TZ ${zone} in effect`).toBe(probe.offsetMinutes);
  });
}

describe('days and weeks in Helsinki, across the clock changes', () => {
  inZone('Europe/Helsinki', { at: Date.UTC(2026, 6, 1), offsetMinutes: -180 });
  // 2026: summer time starts Sun 29 March 03.00 → 04.00, ends Sun 25 October 04.00 → 03.00.
  const spring = { day: Date.UTC(2026, 2, 29, 9), start: Date.UTC(2026, 2, 28, 22), end: Date.UTC(2026, 2, 29, 21) };
  const autumn = { day: Date.UTC(2026, 9, 25, 9), start: Date.UTC(2026, 9, 24, 21), end: Date.UTC(2026, 9, 25, 22) };

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    expect(dayRange(spring.day)).toEqual({ start: spring.start, end: spring.end });
    expect(spring.end - spring.start).toBe(23 * HOUR);
    expect(dayRange(autumn.day)).toEqual({ start: autumn.start, end: autumn.end });
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    // the first and last instants belong to the day, its end to the next
    expect(dayRange(spring.start).start).toBe(spring.start);
    expect(dayRange(spring.end - 1).start).toBe(spring.start);
    expect(dayRange(spring.end).start).toBe(spring.end);
    // inside the repeated hour of the autumn night (03.30 twice)
    expect(dayRange(Date.UTC(2026, 9, 25, 0, 30)).start).toBe(autumn.start);
    expect(dayRange(Date.UTC(2026, 9, 25, 1, 30)).start).toBe(autumn.start);
  });

  it('keeps the time of day when adding days over a clock change', () => {
    const saturdayTen = Date.UTC(2026, 2, 28, 8); // Sat 28 March 10.00 EET
    expect(addDays(saturdayTen, 1)).toBe(Date.UTC(2026, 2, 29, 7)); // Sun 10.00 EEST: 23 h later
    expect(addDays(Date.UTC(2026, 2, 29, 7), -1)).toBe(saturdayTen);
    const autumnSaturday = Date.UTC(2026, 9, 24, 7); // Sat 10.00 EEST
    expect(addDays(autumnSaturday, 1)).toBe(Date.UTC(2026, 9, 25, 8)); // Sun 10.00 EET: 25 h later
    expect(addDays(autumnSaturday, 7) - autumnSaturday).toBe(7 * 24 * HOUR + HOUR);
    expect(addDays(spring.start, 1)).toBe(spring.end); // midnight to midnight
    // seconds and milliseconds are part of the time of day too
    expect(addDays(saturdayTen + 12_345, 1)).toBe(Date.UTC(2026, 2, 29, 7) + 12_345);
    expect(addDays(saturdayTen + 999, 0)).toBe(saturdayTen + 999);
  });

  it('starts weeks on Monday 00.00, also in the weeks of the clock changes', () => {
    expect(weekStart(spring.day)).toBe(Date.UTC(2026, 2, 22, 22)); // Sun 29 March → Mon 23 March 00.00 EET
    expect(weekStart(Date.UTC(2026, 2, 30, 7))).toBe(spring.end); // Mon 30 March 00.00 EEST
    expect(weekStart(spring.end)).toBe(spring.end);
    expect(weekStart(spring.end - 1)).toBe(Date.UTC(2026, 2, 22, 22));
    expect(weekStart(autumn.day)).toBe(Date.UTC(2026, 9, 18, 21)); // Mon 19 October 00.00 EEST
    // the week of the autumn change is 169 hours long
    expect(weekStart(Date.UTC(2026, 9, 26, 12)) - weekStart(autumn.day)).toBe(7 * 24 * HOUR + HOUR);
  });
});

/** Zones where local midnight always exists (clock changes at night, not at midnight), some with odd offsets. */
const ZONES: [string, { at: number; offsetMinutes: number }][] = [
  ['Europe/Helsinki', { at: Date.UTC(2026, 0, 1), offsetMinutes: -120 }],
  ['UTC', { at: Date.UTC(2026, 0, 1), offsetMinutes: 0 }],
  ['America/New_York', { at: Date.UTC(2026, 0, 1), offsetMinutes: 300 }],
  ['Australia/Lord_Howe', { at: Date.UTC(2026, 0, 1), offsetMinutes: -660 }], // half-hour summer time
  ['Asia/Kathmandu', { at: Date.UTC(2026, 0, 1), offsetMinutes: -345 }],
];
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

for (const [zone, probe] of ZONES) {
  describe(`local days in ${zone} (properties)`, () => {
    inZone(zone, probe);

    it('a day is [local midnight, next local midnight), 23 to 25 hours, and days tile time', () => {
      fc.assert(
        fc.property(instant, (at) => {
          const { start, end } = dayRange(at);
          expect(start).toBeLessThanOrEqual(at);
          expect(at).toBeLessThan(end);
          const midnight = new Date(start);
          expect([midnight.getHours(), midnight.getMinutes(), midnight.getSeconds(), midnight.getMilliseconds()]).toEqual([0, 0, 0, 0]);
          expect(end - start).toBeGreaterThanOrEqual(23 * HOUR);
          expect(end - start).toBeLessThanOrEqual(25 * HOUR);
          expect(dayRange(end).start).toBe(end);
          expect(dayRange(start - 1).end).toBe(start);
        }),
      );
    });

    it('adding days keeps the local time of day (away from the clock-change hours) and goes back exactly', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: -400, max: 400 }), (at, days) => {
          fc.pre(new Date(at).getHours() >= 5);
          const later = addDays(at, days);
          const [a, b] = [new Date(at), new Date(later)];
          expect([b.getHours(), b.getMinutes(), b.getSeconds(), b.getMilliseconds()]).toEqual([a.getHours(), a.getMinutes(), a.getSeconds(), a.getMilliseconds()]);
          expect(dayRange(later).start).toBe(dayRange(addDays(dayRange(at).start, days)).start);
          expect(addDays(later, -days)).toBe(at);
        }),
      );
    });

    it('a week starts on the Monday 00.00 before, and holds seven local days', () => {
      fc.assert(
        fc.property(instant, (at) => {
          const monday = weekStart(at);
          const date = new Date(monday);
          expect([date.getDay(), date.getHours(), date.getMinutes()]).toEqual([1, 0, 0]);
          expect(monday).toBeLessThanOrEqual(at);
          expect(at).toBeLessThan(addDays(monday, 7));
          expect(weekStart(monday)).toBe(monday);
        }),
      );
    });
  });
}
