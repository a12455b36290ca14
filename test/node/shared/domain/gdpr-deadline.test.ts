import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkExtension,
  checkRequestExtension,
  daysLeft,
  deadlineState,
  dueDateOf,
  extendedDueDate,
  firstDueDate,
  requestDashboard,
  requestDeadline,
} from '../../../../shared/domain/gdpr-deadline';
import { finnishHolidays } from '../../../../shared/domain/finnish-holidays';
import type { GdprRequest } from '../../../../shared/schemas/gdpr-request';

/**
 * Each row worked out by hand from the calendar: received → the same date next month (or the
 * month's last day) → the next working day when that day is a weekend, a holiday or an eve.
 */
const DUE_TABLE: [received: string, due: string, why: string][] = [
  ['2026-06-10', '2026-07-10', 'a plain Friday'],
  ['2026-01-15', '2026-02-16', '15 February 2026 is a Sunday'],
  ['2026-02-07', '2026-03-09', '7 March 2026 is a Saturday'],
  ['2026-01-31', '2026-03-02', 'no 31 February; 28 February 2026 is a Saturday'],
  ['2025-03-31', '2025-04-30', 'no 31 April; 30 April 2025 is a Wednesday'],
  ['2024-01-31', '2024-02-29', 'leap year: 29 February 2024, a Thursday'],
  ['2024-02-29', '2024-04-02', 'from a leap day: 29 March 2024 is Good Friday, then Easter'],
  ['2000-01-31', '2000-02-29', '2000 is a leap year (divisible by 400)'],
  ['2100-01-30', '2100-03-01', '2100 is not a leap year: 28 February 2100 is a Sunday'],
  ['2026-12-01', '2027-01-04', "New Year's Day 2027 is a Friday"],
  ['2025-12-06', '2026-01-07', 'Epiphany 2026 is a Tuesday'],
  ['2026-03-03', '2026-04-07', 'Good Friday 2026, Easter, Easter Monday'],
  ['2025-03-18', '2025-04-22', 'Good Friday 2025'],
  ['2025-03-21', '2025-04-22', 'Easter Monday 2025'],
  ['2027-02-26', '2027-03-30', 'Good Friday 2027 (an early Easter)'],
  ['2028-03-17', '2028-04-18', 'Easter Monday 2028'],
  ['2029-03-02', '2029-04-03', 'Easter Monday 2029'],
  ['2030-03-19', '2030-04-23', 'Good Friday 2030 (a late Easter)'],
  ['2025-04-01', '2025-05-02', 'May Day 2025 is a Thursday'],
  ['2008-04-01', '2008-05-02', 'Ascension Day and May Day on the same Thursday, 2008'],
  ['2024-04-09', '2024-05-10', 'Ascension Day 2024'],
  ['2026-04-14', '2026-05-15', 'Ascension Day 2026'],
  ['2024-05-21', '2024-06-24', 'Midsummer Eve 2024'],
  ['2025-05-20', '2025-06-23', 'Midsummer Eve 2025'],
  ['2026-05-19', '2026-06-22', 'Midsummer Eve 2026'],
  ['2026-05-24', '2026-06-24', 'the old Midsummer date, a Wednesday in 2026, is a working day'],
  ['2027-10-06', '2027-11-08', "All Saints' Day 2027"],
  ['2024-11-06', '2024-12-09', 'Independence Day 2024 is a Friday'],
  ['2027-11-06', '2027-12-07', 'Independence Day 2027 is a Monday'],
  ['2025-11-24', '2025-12-29', 'Christmas Eve 2025 is a Wednesday: Wed–Sun off'],
  ['2026-11-24', '2026-12-28', 'Christmas Eve 2026 is a Thursday'],
  ['2028-11-26', '2028-12-27', 'Boxing Day 2028 is a Tuesday'],
];

/** Received → due after an extension by two more months (the whole period counted from receipt). */
const EXTENDED_TABLE: [received: string, extraMonths: 1 | 2, due: string][] = [
  ['2026-01-31', 2, '2026-04-30'], // 31 January + 3 months, not 28 February + 2 months
  ['2026-01-31', 1, '2026-03-31'],
  ['2026-01-03', 2, '2026-04-07'], // 3 April 2026 is Good Friday
  ['2025-09-24', 2, '2025-12-29'], // Christmas Eve 2025
  ['2026-03-20', 2, '2026-06-22'], // Midsummer Day 2026
  ['2023-11-30', 2, '2024-02-29'], // the leap day
];

describe('the one-month due date (Art. 12(3), Reg. 1182/71 Art. 3)', () => {
  it.each(DUE_TABLE)('received %s → due %s (%s)', (received, due) => {
    expect(firstDueDate(received)).toBe(due);
  });

  it('is a working day at least a calendar month after receipt, with only days off before it (property)', () => {
    const DAY_MS = 86_400_000;
    const weekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const isHoliday = (iso: string) => finnishHolidays(Number(iso.slice(0, 4))).some((h) => h.date === iso);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2200, 0, 1) / DAY_MS }), (days) => {
        const received = new Date(days * DAY_MS);
        const iso = received.toISOString().slice(0, 10);
        const due = firstDueDate(iso);
        // The same date next month, or its last day, by UTC arithmetic (independent of the code).
        const y = received.getUTCFullYear();
        const m = received.getUTCMonth();
        const lastDay = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
        const plainEnd = new Date(Date.UTC(y, m + 1, Math.min(received.getUTCDate(), lastDay))).toISOString().slice(0, 10);
        expect(due >= plainEnd).toBe(true);
        expect(weekday(due)).toBeLessThanOrEqual(5);
        expect(isHoliday(due)).toBe(false);
        for (let t = Date.parse(`${plainEnd}T00:00:00Z`); t < Date.parse(`${due}T00:00:00Z`); t += DAY_MS) {
          const skipped = new Date(t).toISOString().slice(0, 10);
          expect(weekday(skipped) >= 6 || isHoliday(skipped), skipped).toBe(true);
        }
        expect(extendedDueDate(iso) > due).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a malformed received date', () => {
    expect(() => firstDueDate('2026-02-30')).toThrow(RangeError);
    expect(() => firstDueDate('15.1.2026')).toThrow(RangeError);
  });
});

describe('extensions', () => {
  it.each(EXTENDED_TABLE)('received %s, extended by %i → due %s', (received, extraMonths, due) => {
    expect(extendedDueDate(received, extraMonths)).toBe(due);
  });

  it('accept a notice up to the (working-day) first due date and refuse a later one', () => {
    // Received 31 January 2026: the month ends on Saturday 28 February, so the first due date is Monday 2 March.
    const base = { receivedDate: '2026-01-31' };
    expect(checkExtension({ ...base, notifiedDate: '2026-01-31' })).toEqual({ ok: true, newDueDate: '2026-04-30' });
    expect(checkExtension({ ...base, notifiedDate: '2026-02-28' })).toEqual({ ok: true, newDueDate: '2026-04-30' });
    expect(checkExtension({ ...base, notifiedDate: '2026-03-02' })).toEqual({ ok: true, newDueDate: '2026-04-30' });
    expect(checkExtension({ ...base, notifiedDate: '2026-03-02', extraMonths: 1 })).toEqual({ ok: true, newDueDate: '2026-03-31' });
    expect(checkExtension({ ...base, notifiedDate: '2026-03-03' })).toEqual({ ok: false, reason: 'notice_after_first_due' });
    expect(checkExtension({ ...base, notifiedDate: '2026-04-15' })).toEqual({ ok: false, reason: 'notice_after_first_due' });
    expect(checkExtension({ ...base, notifiedDate: '2026-01-30' })).toEqual({ ok: false, reason: 'notice_before_received' });
    // Received 15 January 2026, due Monday 16 February: the Tuesday is too late.
    expect(checkExtension({ receivedDate: '2026-01-15', notifiedDate: '2026-02-16' }).ok).toBe(true);
    expect(checkExtension({ receivedDate: '2026-01-15', notifiedDate: '2026-02-17' })).toEqual({ ok: false, reason: 'notice_after_first_due' });
  });

  it('are refused for a closed or already extended request, and beyond two months', () => {
    const open = { receivedDate: '2026-01-31', status: 'in_progress' as const, extension: null };
    expect(checkRequestExtension(open, '2026-02-10')).toEqual({ ok: true, newDueDate: '2026-04-30' });
    expect(checkRequestExtension({ ...open, status: 'done' }, '2026-02-10')).toEqual({ ok: false, reason: 'request_closed' });
    expect(checkRequestExtension({ ...open, status: 'refused' }, '2026-02-10')).toEqual({ ok: false, reason: 'request_closed' });
    const extended = { ...open, extension: { reason: 'r', notifiedDate: '2026-02-01', extraMonths: 1 as const, newDueDate: '2026-03-31' } };
    expect(checkRequestExtension(extended, '2026-02-10')).toEqual({ ok: false, reason: 'already_extended' });
    expect(() => extendedDueDate('2026-01-31', 3 as 2)).toThrow(RangeError);
  });

  it('move the due date to the one the requester was told', () => {
    expect(dueDateOf({ receivedDate: '2026-01-31', extension: null })).toBe('2026-03-02');
    expect(dueDateOf({ receivedDate: '2026-01-31', extension: { newDueDate: '2026-04-30' } })).toBe('2026-04-30');
  });
});

describe('days left and the dashboard', () => {
  it('counts calendar days, across the DST change too, and classifies', () => {
    expect(daysLeft('2026-03-02', '2026-02-22')).toBe(8);
    expect(daysLeft('2026-03-30', '2026-03-28')).toBe(2); // clocks go forward on 29 March
    expect(daysLeft('2026-03-02', '2026-03-03')).toBe(-1);
    expect(deadlineState('2026-03-02', '2026-02-22')).toBe('on_time');
    expect(deadlineState('2026-03-02', '2026-02-23')).toBe('due_soon'); // 7 days left
    expect(deadlineState('2026-03-02', '2026-03-02')).toBe('due_soon'); // the due day itself
    expect(deadlineState('2026-03-02', '2026-03-03')).toBe('overdue');
  });

  type Row = Pick<GdprRequest, 'receivedDate' | 'extension' | 'status' | 'replySentDate' | 'identity'> & { id: string };
  const row = (id: string, receivedDate: string, over: Partial<Row> = {}): Row => ({
    id,
    receivedDate,
    extension: null,
    status: 'received',
    replySentDate: null,
    identity: { state: 'not_needed', reason: 'known e-mail' },
    ...over,
  });

  it('shows a closed request as closed, and whether its reply was late', () => {
    expect(requestDeadline(row('a', '2026-01-31'), '2026-03-01')).toEqual({ dueDate: '2026-03-02', daysLeft: 1, state: 'due_soon', answeredLate: false });
    expect(requestDeadline(row('a', '2026-01-31', { status: 'done', replySentDate: '2026-03-02' }), '2026-05-01')).toMatchObject({ state: 'closed', answeredLate: false });
    expect(requestDeadline(row('a', '2026-01-31', { status: 'done', replySentDate: '2026-03-03' }), '2026-05-01')).toMatchObject({ state: 'closed', answeredLate: true });
  });

  it('lists overdue, due soon and awaiting identity among open requests only, by due date', () => {
    const today = '2026-03-05';
    const rows = [
      row('due-soon-late', '2026-02-10'), // due 10 March
      row('overdue-new', '2026-02-04'), // due 4 March
      row('overdue-old', '2026-01-20', { identity: { state: 'pending' } }), // due 20 February
      row('extended', '2026-02-02', { extension: { reason: 'r', notifiedDate: '2026-02-20', extraMonths: 2, newDueDate: '2026-05-04' }, identity: { state: 'pending' } }),
      row('due-soon-early', '2026-02-06', { status: 'in_progress' }), // due 6 March
      row('closed', '2026-01-02', { status: 'done', replySentDate: '2026-01-10', identity: { state: 'pending' } }),
      row('far', '2026-03-01'),
    ];
    const board = requestDashboard(rows, today);
    expect(board.overdue.map((r) => r.id)).toEqual(['overdue-old', 'overdue-new']);
    expect(board.dueSoon.map((r) => r.id)).toEqual(['due-soon-early', 'due-soon-late']);
    expect(board.awaitingIdentity.map((r) => r.id)).toEqual(['overdue-old', 'extended']);
  });
});
