import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPicks, JOINABLE_FIELDS, mergeCustomers, type MergeChoice, type MergePicks } from '../../../../shared/domain/merge';
import { CUSTOMER_DRAFT_FIELDS, CustomerSchema, type Consent, type Customer } from '../../../../shared/schemas/customer';
import { syntheticStored } from '../../../support/synthetic';

const T = Date.UTC(2026, 4, 1, 10);
const consent = (id: string, givenAt: number): Consent => ({
  id,
  kind: 'marketing_email',
  givenAt,
  method: 'in_person',
  recordedBy: 'u',
  noticeVersion: null,
  scope: '',
  expiresAt: null,
  withdrawnAt: null,
  withdrawnBy: null,
});
const survivorOf = (over: Partial<Customer> = {}): Customer => ({ ...syntheticStored(1), createdAt: T - 1000, createdBy: 'owner', updatedAt: T - 500, updatedBy: 'owner', ...over });
const mergedOf = (over: Partial<Customer> = {}): Customer => ({ ...syntheticStored(2), createdAt: T - 2000, createdBy: 'desk', updatedAt: T - 100, updatedBy: 'desk', ...over });
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

describe('default picks', () => {
  it('keep the survivor’s value unless it is empty and the other’s is not; differing notes keep both', () => {
    const survivor = survivorOf({ email: '', notes: 'Lyhyet', healthNotes: 'Sama' });
    const merged = mergedOf({ email: 'toinen@example.test', notes: 'Pitkät', healthNotes: 'Sama', street: '' });
    const picks = defaultPicks(survivor, merged);
    expect(Object.keys(picks).sort()).toEqual([...CUSTOMER_DRAFT_FIELDS].sort());
    expect(picks).toMatchObject({ email: 'merged', notes: 'both', healthNotes: 'survivor', firstName: 'survivor', street: 'survivor' });
    expect(defaultPicks(survivorOf({ notes: '' }), mergedOf({ notes: '' })).notes).toBe('survivor');
    expect(defaultPicks(survivorOf({ notes: '' }), mergedOf({ notes: 'X' })).notes).toBe('merged');
  });
});

describe('merging two records', () => {
  it('takes each picked value, joins texts kept from both, keeps every consent once and the earlier creation', () => {
    const shared = consent('same', T - 50);
    const survivor = deepFreeze(survivorOf({ notes: 'Lyhyet hiukset', consents: [consent('s1', T - 10), shared] }));
    const merged = deepFreeze(mergedOf({ notes: 'Kahvi ilman maitoa', source: 'booking_system', sourceDetail: 'Ajanvaraus Oy', consents: [consent('m1', T - 30), { ...shared }] }));
    const result = mergeCustomers(survivor, merged, { firstName: 'merged', phone: 'merged', notes: 'both', source: 'merged' }, T, 'owner-2');
    expect(result).toEqual<Customer>({
      ...survivor,
      firstName: merged.firstName,
      phone: merged.phone,
      notes: 'Lyhyet hiukset\n\nKahvi ilman maitoa',
      source: 'booking_system',
      sourceDetail: 'Ajanvaraus Oy', // the detail goes with the source picked
      consents: [shared, consent('m1', T - 30), consent('s1', T - 10)],
      createdAt: merged.createdAt,
      createdBy: 'desk',
      updatedAt: T,
      updatedBy: 'owner-2',
    });
    expect(result.id).toBe(survivor.id);
    expect(CustomerSchema.parse(result)).toEqual(result);
  });

  it('lets the source detail be picked on its own, and keeps the survivor’s detail with the survivor’s source', () => {
    const survivor = survivorOf({ source: 'other', sourceDetail: 'Messut' });
    const merged = mergedOf({ source: 'booking_system', sourceDetail: 'Ajanvaraus Oy' });
    expect(mergeCustomers(survivor, merged, {}, T, 'u')).toMatchObject({ source: 'other', sourceDetail: 'Messut' });
    expect(mergeCustomers(survivor, merged, { sourceDetail: 'merged' }, T, 'u')).toMatchObject({ source: 'other', sourceDetail: 'Ajanvaraus Oy' });
    expect(mergeCustomers(survivorOf({ source: 'phone', sourceDetail: '' }), merged, { source: 'merged' }, T, 'u')).toMatchObject({ source: 'booking_system', sourceDetail: 'Ajanvaraus Oy' });
  });

  it('keeps both texts once, drops an empty one, and stays within the field’s limit', () => {
    expect(mergeCustomers(survivorOf({ notes: 'Sama' }), mergedOf({ notes: 'Sama' }), { notes: 'both' }, T, 'u').notes).toBe('Sama');
    expect(mergeCustomers(survivorOf({ notes: '' }), mergedOf({ notes: 'Vain toinen' }), { notes: 'both' }, T, 'u').notes).toBe('Vain toinen');
    const long = mergeCustomers(survivorOf({ healthNotes: 'a'.repeat(4000) }), mergedOf({ healthNotes: 'b'.repeat(4000) }), { healthNotes: 'both' }, T, 'u');
    expect(long.healthNotes).toHaveLength(5000);
    expect(long.healthNotes.startsWith(`${'a'.repeat(4000)}\n\nb`)).toBe(true);
  });

  it('refuses to keep both values of a field that is not free text', () => {
    for (const field of CUSTOMER_DRAFT_FIELDS.filter((f) => !JOINABLE_FIELDS.includes(f))) {
      expect(() => mergeCustomers(survivorOf(), mergedOf(), { [field]: 'both' }, T, 'u'), field).toThrow(RangeError);
    }
  });

  it('always moves updatedAt forward, even within the same millisecond or with a clock behind', () => {
    const survivor = survivorOf({ updatedAt: T });
    expect(mergeCustomers(survivor, mergedOf({ updatedAt: T - 5 }), {}, T, 'u').updatedAt).toBe(T + 1);
    expect(mergeCustomers(survivor, mergedOf({ updatedAt: T - 5 }), {}, T - 60_000, 'u').updatedAt).toBe(T + 1);
    expect(mergeCustomers(survivor, mergedOf({ updatedAt: T + 99 }), {}, T, 'u').updatedAt).toBe(T + 99);
    expect(mergeCustomers(survivor, mergedOf(), {}, T + 1000, 'u').updatedAt).toBe(T + 1000);
  });

  it('takes every field from the side picked for it, and the result is a valid customer (property)', () => {
    const choice = (field: string): fc.Arbitrary<MergeChoice | undefined> =>
      JOINABLE_FIELDS.includes(field as never) ? fc.constantFrom<MergeChoice | undefined>('survivor', 'merged', 'both', undefined) : fc.constantFrom<MergeChoice | undefined>('survivor', 'merged', undefined);
    const picksArb = fc.record(Object.fromEntries(CUSTOMER_DRAFT_FIELDS.map((f) => [f, choice(f)]))) as fc.Arbitrary<MergePicks>;
    const text = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(picksArb, fc.record({ notes: text, healthNotes: text, email: fc.constantFrom('', 'a@example.test') }), fc.record({ notes: text, healthNotes: text, email: fc.constantFrom('', 'b@example.test') }), fc.integer({ min: T - 10_000, max: T + 10_000 }), (picks, s, m, now) => {
        const survivor = deepFreeze(survivorOf(s));
        const merged = deepFreeze(mergedOf(m));
        const result = mergeCustomers(survivor, merged, picks, now, 'actor');
        const defaults = defaultPicks(survivor, merged);
        for (const field of CUSTOMER_DRAFT_FIELDS) {
          if (field === 'sourceDetail' && picks.sourceDetail === undefined) continue;
          const picked = picks[field] ?? defaults[field];
          if (picked === 'survivor') expect(result[field], field).toBe(survivor[field]);
          if (picked === 'merged') expect(result[field], field).toBe(merged[field]);
          if (picked === 'both') expect(result[field], field).toBe([...new Set([survivor[field], merged[field]].filter((x) => x !== ''))].join('\n\n'));
        }
        expect(result.updatedAt).toBeGreaterThan(survivor.updatedAt);
        expect(result.updatedAt).toBeGreaterThanOrEqual(Math.max(now, merged.updatedAt));
        expect(result.createdAt).toBe(Math.min(survivor.createdAt, merged.createdAt));
        expect(CustomerSchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});
