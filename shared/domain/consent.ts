import type { Consent, ConsentKind, Customer } from '../schemas/customer';

/**
 * Consent validity (GDPR Art. 7): a consent counts while it is neither withdrawn nor expired.
 * Withdrawal and expiry never delete anything; the history stays with the customer.
 */
export type ConsentStatus = 'active' | 'withdrawn' | 'expired';

export function consentStatus(consent: Consent, now: number): ConsentStatus {
  if (consent.withdrawnAt !== null && consent.withdrawnAt <= now) return 'withdrawn';
  if (consent.expiresAt !== null && consent.expiresAt <= now) return 'expired';
  return 'active';
}

/** The consent of `kind` in force at `now`, or null (the newest when several are). */
export function activeConsent(customer: Pick<Customer, 'consents'>, kind: ConsentKind, now: number): Consent | null {
  let found: Consent | null = null;
  for (const consent of customer.consents) {
    if (consent.kind !== kind || consentStatus(consent, now) !== 'active') continue;
    if (found === null || consent.givenAt > found.givenAt) found = consent;
  }
  return found;
}

export const hasActiveConsent = (customer: Pick<Customer, 'consents'>, kind: ConsentKind, now: number): boolean =>
  activeConsent(customer, kind, now) !== null;

/** Consents in force at `now`, one per kind, for the customer card. */
export function activeConsents(customer: Pick<Customer, 'consents'>, now: number): Consent[] {
  const byKind = new Map<ConsentKind, Consent>();
  for (const consent of customer.consents) {
    if (consentStatus(consent, now) !== 'active') continue;
    const seen = byKind.get(consent.kind);
    if (!seen || consent.givenAt > seen.givenAt) byKind.set(consent.kind, consent);
  }
  return [...byKind.values()];
}
