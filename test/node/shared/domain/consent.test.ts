import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeConsent, activeConsents, consentStatus, hasActiveConsent } from '../../../../shared/domain/consent';
import { CONSENT_KINDS, type Consent, type ConsentKind } from '../../../../shared/schemas/customer';

const T = Date.UTC(2026, 3, 1, 12);
let serial = 0;
const given = (kind: ConsentKind, givenAt: number, over: Partial<Consent> = {}): Consent => ({
  id: `k${(serial += 1)}`,
  kind,
  givenAt,
  method: 'in_person',
  recordedBy: 'user-1',
  noticeVersion: 1,
  scope: '',
  expiresAt: null,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});

describe('consent status', () => {
  it('is active until withdrawn or expired; the moment of withdrawal or expiry already counts', () => {
    expect(consentStatus(given('marketing_email', T), T)).toBe('active');
    expect(consentStatus(given('marketing_email', T, { withdrawnAt: T + 10, withdrawnBy: 'u' }), T + 9)).toBe('active');
    expect(consentStatus(given('marketing_email', T, { withdrawnAt: T + 10, withdrawnBy: 'u' }), T + 10)).toBe('withdrawn');
    expect(consentStatus(given('publication', T, { expiresAt: T + 10 }), T + 9)).toBe('active');
    expect(consentStatus(given('publication', T, { expiresAt: T + 10 }), T + 10)).toBe('expired');
    // withdrawn before it would have expired: it was withdrawn
    expect(consentStatus(given('publication', T, { expiresAt: T + 10, withdrawnAt: T + 5, withdrawnBy: 'u' }), T + 20)).toBe('withdrawn');
  });
});

describe('the consent in force', () => {
  it('is the newest active one of its kind, and none when every one is withdrawn, expired or of another kind', () => {
    const older = given('marketing_sms', T);
    const newer = given('marketing_sms', T + 100);
    const withdrawn = given('marketing_sms', T + 200, { withdrawnAt: T + 300, withdrawnBy: 'u' });
    const other = given('marketing_email', T + 400);
    const customer = { consents: [newer, withdrawn, older, other] };
    expect(activeConsent(customer, 'marketing_sms', T + 500)).toBe(newer);
    expect(activeConsent(customer, 'marketing_sms', T + 250)).toBe(withdrawn); // before it was withdrawn
    expect(activeConsent(customer, 'health_data', T + 500)).toBeNull();
    expect(activeConsent({ consents: [given('publication', T, { expiresAt: T + 1 })] }, 'publication', T + 1)).toBeNull();
    expect(hasActiveConsent(customer, 'marketing_email', T + 500)).toBe(true);
    expect(hasActiveConsent(customer, 'publication', T + 500)).toBe(false);
    expect(activeConsents(customer, T + 500)).toEqual([newer, other]);
    expect(activeConsents({ consents: [] }, T)).toEqual([]);
  });

  it('counts a consent recorded by a clock ahead of this one: a clock set back must not hide a consent just given', () => {
    const ahead = given('health_data', T + 1000);
    expect(activeConsent({ consents: [ahead] }, 'health_data', T)).toBe(ahead);
    expect(activeConsents({ consents: [ahead] }, T)).toEqual([ahead]);
  });

  it('agrees with a direct reading of the history (property)', () => {
    const consentArb = fc
      .record({
        kind: fc.constantFrom(...CONSENT_KINDS),
        givenAt: fc.integer({ min: 0, max: 100 }),
        withdrawAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        expireAfter: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      })
      .map((c) =>
        given(c.kind, T + c.givenAt, {
          withdrawnAt: c.withdrawAfter === null ? null : T + c.givenAt + c.withdrawAfter,
          withdrawnBy: c.withdrawAfter === null ? null : 'u',
          expiresAt: c.expireAfter === null ? null : T + c.givenAt + c.expireAfter,
        }),
      );
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 8 }), fc.integer({ min: 0, max: 250 }), (consents, offset) => {
        const now = T + offset;
        const inForce = (c: Consent) => (c.withdrawnAt === null || c.withdrawnAt > now) && (c.expiresAt === null || c.expiresAt > now);
        const all = activeConsents({ consents }, now);
        expect(new Set(all.map((c) => c.kind)).size).toBe(all.length);
        for (const kind of CONSENT_KINDS) {
          const candidates = consents.filter((c) => c.kind === kind && inForce(c));
          const found = activeConsent({ consents }, kind, now);
          if (candidates.length === 0) expect(found).toBeNull();
          else expect(found?.givenAt).toBe(Math.max(...candidates.map((c) => c.givenAt)));
          expect(all.find((c) => c.kind === kind)?.givenAt ?? null).toBe(found?.givenAt ?? null);
        }
      }),
    );
  });
});
