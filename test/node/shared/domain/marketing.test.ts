import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isObjectionActive,
  isRestrictionActive,
  marketingExclusions,
  marketingList,
  mayReceiveMarketing,
  NO_PRIVACY_FLAGS,
  type PrivacyFlags,
} from '../../../../shared/domain/marketing';
import type { Consent, ConsentKind, Customer } from '../../../../shared/schemas/customer';
import type { CustomerRestriction, MarketingObjection } from '../../../../shared/schemas/gdpr-request';

const T = Date.UTC(2026, 3, 1, 12);
let serial = 0;
const consent = (kind: ConsentKind, givenAt: number, over: Partial<Consent> = {}): Consent => ({
  id: `k${(serial += 1)}`,
  kind,
  givenAt,
  method: 'signed_form',
  recordedBy: 'u-1',
  noticeVersion: 1,
  scope: '',
  expiresAt: null,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});
type Person = Pick<Customer, 'id' | 'consents' | 'email' | 'phone'>;
const person = (id: string, consents: Consent[], over: Partial<Person> = {}): Person => ({ id, consents, email: `${id}@example.test`, phone: '+358401234567', ...over });
const restriction = (over: Partial<CustomerRestriction> = {}): CustomerRestriction => ({
  restrictedSince: T - 1000,
  ground: 'accuracy_contested',
  requestId: 'r-1',
  note: '',
  liftedAt: null,
  liftedBy: null,
  liftReason: '',
  ...over,
});
const objection = (over: Partial<MarketingObjection> = {}): MarketingObjection => ({ objectedAt: T - 1000, requestId: 'r-2', recordedBy: 'u-1', withdrawnAt: null, withdrawnBy: null, ...over });
const flags = (over: Partial<PrivacyFlags>): PrivacyFlags => ({ ...NO_PRIVACY_FLAGS, ...over });

describe('marketing eligibility', () => {
  it('needs a consent in force for the channel and the channel’s contact', () => {
    const both = person('both', [consent('marketing_email', T - 10), consent('marketing_sms', T - 10)]);
    expect(mayReceiveMarketing(both, 'email', NO_PRIVACY_FLAGS, T)).toBe(true);
    expect(mayReceiveMarketing(both, 'sms', NO_PRIVACY_FLAGS, T)).toBe(true);
    const emailOnly = person('email-only', [consent('marketing_email', T - 10)]);
    expect(marketingExclusions(emailOnly, 'sms', NO_PRIVACY_FLAGS, T)).toEqual(['no_consent']);
    expect(marketingExclusions(person('no-address', [consent('marketing_email', T - 10)], { email: '' }), 'email', NO_PRIVACY_FLAGS, T)).toEqual(['no_contact']);
    expect(marketingExclusions(person('no-phone', [consent('marketing_sms', T - 10)], { phone: '' }), 'sms', NO_PRIVACY_FLAGS, T)).toEqual(['no_contact']);
    expect(marketingExclusions(person('other-consents', [consent('publication', T - 10), consent('health_data', T - 10)]), 'email', NO_PRIVACY_FLAGS, T)).toEqual(['no_consent']);
  });

  it('drops a withdrawn or expired consent from the moment it ends', () => {
    const withdrawn = person('w', [consent('marketing_email', T - 10, { withdrawnAt: T, withdrawnBy: 'u-1' })]);
    expect(mayReceiveMarketing(withdrawn, 'email', NO_PRIVACY_FLAGS, T - 1)).toBe(true);
    expect(marketingExclusions(withdrawn, 'email', NO_PRIVACY_FLAGS, T)).toEqual(['no_consent']);
    const expired = person('e', [consent('marketing_sms', T - 10, { expiresAt: T })]);
    expect(marketingExclusions(expired, 'sms', NO_PRIVACY_FLAGS, T)).toEqual(['no_consent']);
    const renewed = person('r', [consent('marketing_sms', T - 10, { withdrawnAt: T - 5, withdrawnBy: 'u-1' }), consent('marketing_sms', T - 2)]);
    expect(mayReceiveMarketing(renewed, 'sms', NO_PRIVACY_FLAGS, T)).toBe(true);
  });

  it('leaves a restricted customer out until the restriction is lifted', () => {
    const customer = person('c', [consent('marketing_email', T - 10)]);
    expect(marketingExclusions(customer, 'email', flags({ restriction: restriction() }), T)).toEqual(['restricted']);
    expect(mayReceiveMarketing(customer, 'email', flags({ restriction: restriction({ liftedAt: T, liftedBy: 'owner', liftReason: 'Corrected' }) }), T)).toBe(true);
    // Lifted by a clock that runs ahead: not yet in force.
    expect(mayReceiveMarketing(customer, 'email', flags({ restriction: restriction({ liftedAt: T + 1, liftedBy: 'owner', liftReason: 'x' }) }), T)).toBe(false);
    // Restricted by a clock that runs ahead: already in force.
    expect(isRestrictionActive(restriction({ restrictedSince: T + 1000 }), T)).toBe(true);
    expect(isRestrictionActive(null, T)).toBe(false);
  });

  it('lets an objection outlive a consent ticked after it, until it is withdrawn', () => {
    const later = person('c', [consent('marketing_email', T - 10)]);
    const objected = flags({ objections: [objection({ objectedAt: T - 100 })] });
    expect(marketingExclusions(later, 'email', objected, T)).toEqual(['objected']);
    expect(marketingExclusions(later, 'sms', objected, T)).toEqual(['objected', 'no_consent']);
    const withdrawn = flags({ objections: [objection({ objectedAt: T - 100, withdrawnAt: T - 50, withdrawnBy: 'u-1' })] });
    expect(mayReceiveMarketing(later, 'email', withdrawn, T)).toBe(true);
    // A second objection after a withdrawn one is in force again.
    expect(mayReceiveMarketing(later, 'email', flags({ objections: [...withdrawn.objections, objection({ objectedAt: T - 20 })] }), T)).toBe(false);
    expect(isObjectionActive(objection({ objectedAt: T + 1000 }), T)).toBe(true);
  });

  it('gives every reason at once', () => {
    const nobody = person('n', [], { email: '' });
    expect(marketingExclusions(nobody, 'email', flags({ restriction: restriction(), objections: [objection()] }), T)).toEqual(['restricted', 'objected', 'no_consent', 'no_contact']);
  });
});

describe('marketing list', () => {
  it('keeps the given order and treats unknown customers as unrestricted', () => {
    const a = person('a', [consent('marketing_email', T - 10)]);
    const b = person('b', [consent('marketing_email', T - 10)]);
    const c = person('c', [consent('marketing_email', T - 10)]);
    const d = person('d', []);
    const state = new Map<string, PrivacyFlags>([['b', flags({ objections: [objection()] })]]);
    expect(marketingList([c, a, b, d], 'email', (id) => state.get(id), T).map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('never holds anyone with an active objection or restriction, whatever their consents (property)', () => {
    const consentArb = fc.record({
      kind: fc.constantFrom<ConsentKind>('marketing_email', 'marketing_sms', 'publication'),
      givenAt: fc.integer({ min: T - 1000, max: T + 1000 }),
      withdrawnAt: fc.option(fc.integer({ min: T - 1000, max: T + 1000 })),
    });
    const customerArb = fc.record({
      consents: fc.array(consentArb, { maxLength: 4 }),
      // 'none': never recorded; null: in force; a number: withdrawn or lifted at that time.
      objection: fc.oneof(fc.constant('none' as const), fc.constant(null), fc.integer({ min: T - 1000, max: T + 1000 })),
      restriction: fc.oneof(fc.constant('none' as const), fc.constant(null), fc.integer({ min: T - 1000, max: T + 1000 })),
    });
    fc.assert(
      fc.property(fc.array(customerArb, { maxLength: 12 }), fc.constantFrom('email' as const, 'sms' as const), (rows, channel) => {
        const customers = rows.map((row, i) => person(`p${i}`, row.consents.map((k) => consent(k.kind, k.givenAt, { withdrawnAt: k.withdrawnAt, withdrawnBy: k.withdrawnAt === null ? null : 'u' }))));
        const state = new Map<string, PrivacyFlags>(
          rows.map((row, i) => [
            `p${i}`,
            {
              objections: row.objection === 'none' ? [] : [objection({ withdrawnAt: row.objection })],
              restriction: row.restriction === 'none' ? null : restriction({ liftedAt: row.restriction }),
            },
          ]),
        );
        const listed = new Set(marketingList(customers, channel, (id) => state.get(id), T).map((x) => x.id));
        rows.forEach((row, i) => {
          const inForce = (end: 'none' | null | number) => end !== 'none' && (end === null || end > T);
          const objected = inForce(row.objection);
          const restricted = inForce(row.restriction);
          const kind = channel === 'email' ? 'marketing_email' : 'marketing_sms';
          const consented = row.consents.some((k) => k.kind === kind && (k.withdrawnAt === null || k.withdrawnAt > T));
          expect(listed.has(`p${i}`), JSON.stringify(row)).toBe(!objected && !restricted && consented);
        });
      }),
    );
  });
});
