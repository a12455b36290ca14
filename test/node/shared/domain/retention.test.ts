import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionReviewList, type RetentionReviewInput } from '../../../../shared/domain/retention';
import type { RequestStatus } from '../../../../shared/schemas/gdpr-request';
import { DEFAULT_RETENTION_POLICY, type RetentionDecision } from '../../../../shared/schemas/retention';

/** Noon in Helsinki on a date (UTC+2 or +3 does not move noon to another day). */
const noon = (iso: string) => Date.parse(`${iso}T10:00:00Z`);
const customer = (id: string, created: string) => ({ id, createdAt: noon(created) });
const visit = (customerId: string, date: string) => ({ customerId, start: noon(date) });
const keep = (customerId: string, nextReviewDate: string, decidedAt: number, id = `k-${customerId}-${decidedAt}`): RetentionDecision => ({
  id,
  customerId,
  decision: 'keep',
  reason: 'Prepaid series of treatments',
  nextReviewDate,
  decidedAt,
  decidedBy: 'u-1',
});

const base = (over: Partial<RetentionReviewInput>): RetentionReviewInput => ({
  customers: [],
  appointments: [],
  requests: [],
  decisions: [],
  policy: DEFAULT_RETENTION_POLICY,
  today: '2026-05-10',
  ...over,
});
const ids = (input: RetentionReviewInput) => retentionReviewList(input).map((item) => item.customerId);

describe('retention review list', () => {
  it('lists a customer on the day three years have passed since the last appointment, not the day before', () => {
    const input = base({
      customers: [customer('due', '2019-01-01'), customer('not-yet', '2019-01-01')],
      appointments: [visit('due', '2020-02-01'), visit('due', '2023-05-10'), visit('not-yet', '2023-05-11')],
    });
    expect(retentionReviewList(input)).toEqual([
      { customerId: 'due', lastActivity: '2023-05-10', lastActivitySource: 'appointment', dueSince: '2026-05-10', previousDecision: null },
    ]);
    expect(ids({ ...input, today: '2026-05-11' })).toEqual(['due', 'not-yet']);
    expect(ids({ ...input, today: '2026-05-09' })).toEqual([]);
  });

  it('counts the creation date when there are no appointments', () => {
    expect(retentionReviewList(base({ customers: [customer('never-came', '2022-01-01'), customer('new', '2026-01-01')] }))).toEqual([
      { customerId: 'never-came', lastActivity: '2022-01-01', lastActivitySource: 'created', dueSince: '2025-01-01', previousDecision: null },
    ]);
  });

  it('counts every booking, a cancelled or future one included, and ends at the month end on 29 February', () => {
    const input = base({
      customers: [customer('leap', '2020-01-01'), customer('booked-ahead', '2020-01-01')],
      appointments: [visit('leap', '2020-02-29'), visit('booked-ahead', '2019-01-01'), visit('booked-ahead', '2026-06-01')],
      today: '2023-02-28',
    });
    expect(retentionReviewList(input)).toMatchObject([{ customerId: 'leap', dueSince: '2023-02-28' }]);
  });

  it('keeps customers with an open request off the list, but not those whose request is closed', () => {
    const statuses: RequestStatus[] = ['received', 'in_progress', 'done', 'refused'];
    const input = base({
      customers: statuses.map((status) => customer(status, '2020-01-01')),
      requests: [...statuses.map((status) => ({ customerId: status, status })), { customerId: null, status: 'received' as const }],
    });
    expect(ids(input)).toEqual(['done', 'refused']);
  });

  it('keeps customers whose processing is restricted off the list until the restriction is lifted (Art. 18)', () => {
    const input = base({ customers: [customer('restricted', '2020-01-01'), customer('free', '2020-01-01')] });
    expect(ids({ ...input, isRestricted: (id) => id === 'restricted' })).toEqual(['free']);
    expect(ids({ ...input, isRestricted: () => false })).toEqual(['free', 'restricted']);
  });

  it('defers a kept customer to the next review date; the newest decision counts', () => {
    const customers = [customer('kept', '2020-01-01'), customer('re-kept', '2020-01-01')];
    const decisions = [keep('kept', '2027-01-01', 1), keep('re-kept', '2026-01-01', 1), keep('re-kept', '2028-01-01', 2)];
    expect(ids(base({ customers, decisions }))).toEqual([]);
    const later = retentionReviewList(base({ customers, decisions, today: '2027-01-01' }));
    expect(later).toEqual([{ customerId: 'kept', lastActivity: '2020-01-01', lastActivitySource: 'created', dueSince: '2027-01-01', previousDecision: decisions[0] }]);
  });

  it('lets a visit after a keep decision restart the period', () => {
    const input = base({
      customers: [customer('came-back', '2020-01-01')],
      appointments: [visit('came-back', '2025-01-15')],
      decisions: [keep('came-back', '2026-01-01', 1)],
      today: '2027-06-01',
    });
    expect(ids(input)).toEqual([]);
    expect(retentionReviewList({ ...input, today: '2028-01-15' })).toMatchObject([{ dueSince: '2028-01-15' }]);
  });

  it('dates activity in Finnish time: 00.30 on 10 May in Helsinki is 10 May', () => {
    const lateNight = Date.parse('2023-05-09T21:30:00Z'); // 00.30 on 10 May, Helsinki summer time
    const input = base({ customers: [customer('night-owl', '2019-01-01')], appointments: [{ customerId: 'night-owl', start: lateNight }] });
    expect(retentionReviewList(input)).toMatchObject([{ lastActivity: '2023-05-10', dueSince: '2026-05-10' }]);
    expect(retentionReviewList({ ...input, timeZone: 'UTC' })).toMatchObject([{ lastActivity: '2023-05-09', dueSince: '2026-05-09' }]);
  });

  it('sorts the longest due first, then by id, and follows the policy length', () => {
    const input = base({
      customers: [customer('b', '2021-01-01'), customer('c', '2022-01-01'), customer('a', '2021-01-01')],
      policy: { reviewAfterMonths: 12 },
      today: '2023-06-01',
    });
    expect(retentionReviewList(input).map((item) => [item.customerId, item.dueSince])).toEqual([
      ['a', '2022-01-01'],
      ['b', '2022-01-01'],
      ['c', '2023-01-01'],
    ]);
  });

  it('refuses a malformed today or policy', () => {
    expect(() => retentionReviewList(base({ today: '10.5.2026' }))).toThrow(RangeError);
    expect(() => retentionReviewList(base({ policy: { reviewAfterMonths: 0 } }))).toThrow(RangeError);
  });

  it('never lists a customer seen within the period, and always lists one with no activity within it (property)', () => {
    const DAY_MS = 86_400_000;
    const todayMs = noon('2026-05-10');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 20 * 365 }), fc.integer({ min: 0, max: 20 * 365 }), (months, createdAgo, visitAgo) => {
        const created = todayMs - Math.max(createdAgo, visitAgo) * DAY_MS;
        const visitAt = todayMs - visitAgo * DAY_MS;
        const input = base({ customers: [{ id: 'x', createdAt: created }], appointments: [{ customerId: 'x', start: visitAt }], policy: { reviewAfterMonths: months } });
        // The period's start by independent UTC arithmetic: `months` before today, clamped to the month end.
        const threshold = new Date(Date.UTC(2026, 4 - months, 10)).toISOString().slice(0, 10);
        const visitDate = new Date(visitAt).toISOString().slice(0, 10);
        expect(ids(input)).toEqual(visitDate <= threshold ? ['x'] : []);
      }),
    );
  });
});
