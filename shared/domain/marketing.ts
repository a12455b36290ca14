import type { ConsentKind, Customer } from '../schemas/customer';
import type { CustomerRestriction, MarketingObjection } from '../schemas/gdpr-request';
import { hasActiveConsent } from './consent';

/**
 * Who may be sent direct marketing (GDPR Arts. 7, 18, 21; DESIGN §6.4–6.5). A customer is on a
 * channel's list only with a consent in force for that channel and the contact the channel needs,
 * and only while their processing is not restricted and they have no objection in force. An
 * objection outweighs every consent, including one ticked after it, until it is withdrawn.
 *
 * Pure functions over data passed in: the register supplies each customer's restriction and
 * objections (`PrivacyFlags`).
 */

export const MARKETING_CHANNELS = ['email', 'sms'] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

export const MARKETING_CONSENT: Readonly<Record<MarketingChannel, ConsentKind>> = {
  email: 'marketing_email',
  sms: 'marketing_sms',
};

/** The request-derived state of one customer that marketing must respect. */
export interface PrivacyFlags {
  /** The current restriction, lifted or not; null when the customer was never restricted. */
  readonly restriction: CustomerRestriction | null;
  /** Every objection recorded, withdrawn ones included (the history). */
  readonly objections: readonly MarketingObjection[];
}

export const NO_PRIVACY_FLAGS: PrivacyFlags = Object.freeze({ restriction: null, objections: Object.freeze([]) });

/**
 * In force until lifted. A restriction dated after `now` (recorded by a clock that runs ahead)
 * already counts: erring that way can only leave a person out of a mailing, never put them in.
 */
export const isRestrictionActive = (restriction: Pick<CustomerRestriction, 'liftedAt'> | null, now: number): boolean =>
  restriction !== null && (restriction.liftedAt === null || restriction.liftedAt > now);

/** In force until withdrawn in writing; like a restriction, one dated ahead already counts. */
export const isObjectionActive = (objection: Pick<MarketingObjection, 'withdrawnAt'>, now: number): boolean =>
  objection.withdrawnAt === null || objection.withdrawnAt > now;

export const hasActiveObjection = (flags: PrivacyFlags, now: number): boolean => flags.objections.some((objection) => isObjectionActive(objection, now));

export type MarketingExclusion = 'restricted' | 'objected' | 'no_consent' | 'no_contact';

type MarketingCustomer = Pick<Customer, 'id' | 'consents' | 'email' | 'phone'>;

const hasContact = (customer: MarketingCustomer, channel: MarketingChannel): boolean =>
  (channel === 'email' ? customer.email : customer.phone).trim() !== '';

/** Every reason the customer is left off the channel's list; empty when they may be on it. */
export function marketingExclusions(customer: MarketingCustomer, channel: MarketingChannel, flags: PrivacyFlags, now: number): MarketingExclusion[] {
  const reasons: MarketingExclusion[] = [];
  if (isRestrictionActive(flags.restriction, now)) reasons.push('restricted');
  if (hasActiveObjection(flags, now)) reasons.push('objected');
  if (!hasActiveConsent(customer, MARKETING_CONSENT[channel], now)) reasons.push('no_consent');
  if (!hasContact(customer, channel)) reasons.push('no_contact');
  return reasons;
}

export const mayReceiveMarketing = (customer: MarketingCustomer, channel: MarketingChannel, flags: PrivacyFlags, now: number): boolean =>
  marketingExclusions(customer, channel, flags, now).length === 0;

/**
 * The channel's marketing list, in the order given. `flagsOf` answers for a customer id; a
 * customer it knows nothing about has no restriction or objection.
 */
export function marketingList<C extends MarketingCustomer>(
  customers: Iterable<C>,
  channel: MarketingChannel,
  flagsOf: (customerId: string) => PrivacyFlags | undefined,
  now: number,
): C[] {
  const list: C[] = [];
  for (const customer of customers) {
    if (mayReceiveMarketing(customer, channel, flagsOf(customer.id) ?? NO_PRIVACY_FLAGS, now)) list.push(customer);
  }
  return list;
}
