import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES, DEMO_STAFF, demoAppointments } from '../../../../shared/domain/demo-data';
import { AppointmentDraftSchema, AppointmentStatusSchema, BookingChannelSchema } from '../../../../shared/schemas/appointment';

const NOW = Date.UTC(2026, 8, 15, 10, 17, 23);
const DAY = 86_400_000;
const ids = Array.from({ length: 300 }, (_, i) => `customer-${i}`);

describe('demo appointments', () => {
  it('are deterministic for a seed, stable per customer whatever the list after it, and differ by seed', () => {
    expect(demoAppointments(ids, 4, NOW, 5)).toEqual(demoAppointments(ids, 4, NOW, 5));
    expect(demoAppointments(ids.slice(0, 100), 4, NOW, 5)).toEqual(demoAppointments(ids, 4, NOW, 5).slice(0, 400));
    expect(demoAppointments(ids, 4, NOW, 6)).not.toEqual(demoAppointments(ids, 4, NOW, 5));
    expect(demoAppointments([], 4, NOW)).toEqual([]);
    expect(demoAppointments(ids, 0, NOW)).toEqual([]);
  });

  it('gives every customer their appointments, each valid as a booking', () => {
    const all = demoAppointments(ids, 5, NOW, 2);
    expect(all).toHaveLength(ids.length * 5);
    for (const [i, appointment] of all.entries()) {
      expect(appointment.customerId).toBe(ids[Math.floor(i / 5)]);
      const { status, ...draft } = appointment;
      expect(AppointmentDraftSchema.parse(draft)).toEqual(draft);
      expect(AppointmentStatusSchema.parse(status)).toBe(status);
      expect(BookingChannelSchema.safeParse(draft.channel).success).toBe(true);
      expect(DEMO_STAFF).toContain(draft.staff);
      const [booked] = draft.services;
      expect(DEMO_SERVICES).toContainEqual({ name: booked!.name, durationMin: booked!.durationMin, priceCents: booked!.priceCents, active: true });
    }
  });

  it('lie in the three years before now and the month after, on working hours on the half hour', () => {
    for (const { start } of demoAppointments(ids, 5, NOW, 3)) {
      expect(start).toBeGreaterThan(NOW - (3 * 365 + 1) * DAY);
      expect(start).toBeLessThan(NOW + 31 * DAY);
      const local = new Date(start);
      expect(local.getHours()).toBeGreaterThanOrEqual(9);
      expect(local.getHours()).toBeLessThan(17);
      expect([0, 30]).toContain(local.getMinutes());
      expect(local.getSeconds() + local.getMilliseconds()).toBe(0);
    }
  });

  it('have statuses that make sense against now: only the future is booked, the past mostly completed', () => {
    const all = demoAppointments(ids, 10, NOW, 4);
    for (const a of all) {
      if (a.start > NOW) expect(a.status).toBe('booked');
      else expect(a.status).not.toBe('booked');
    }
    const past = all.filter((a) => a.start <= NOW);
    const share = (status: string) => past.filter((a) => a.status === status).length / past.length;
    expect(share('completed')).toBeGreaterThan(0.8);
    for (const status of ['no_show', 'cancelled_by_customer', 'cancelled_by_salon']) expect(share(status)).toBeGreaterThan(0);
    expect(all.some((a) => a.start > NOW)).toBe(true);
  });
});
