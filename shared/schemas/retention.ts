import { z } from 'zod';
import type { IsoDate } from '../domain/calendar-date';
import { futureDateField, IsoDateSchema } from './dates';
import { requiredText, V } from './text';

/**
 * Storage limitation (GDPR Art. 5(1)(e); DESIGN §6.7): a policy says after how long without any
 * appointment a customer is reviewed; the owner then erases the customer (the erasure flow) or
 * keeps them with a reason until a next review date. The decision is recorded, so the review list
 * can show it and the accountability of Art. 5(2) has its evidence.
 */

const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);

/** The settings offer whole years; months keep room for a shorter policy without a migration. */
export const RETENTION_REVIEW_MONTH_CHOICES = [12, 24, 36, 48, 60, 72, 84, 96, 108, 120] as const;
export type RetentionReviewMonths = (typeof RETENTION_REVIEW_MONTH_CHOICES)[number];

/** The seed's default policy: three years without an appointment. */
export const DEFAULT_RETENTION_REVIEW_MONTHS: RetentionReviewMonths = 36;

/**
 * The register setting `retentionReviewMonths`: only the choices the settings screen offers, so a
 * stray value from a tampered or future renderer changes nothing in main.
 */
export const RetentionReviewMonthsSchema = z.literal(RETENTION_REVIEW_MONTH_CHOICES);

export const RetentionPolicySchema = z.object({
  /** Months without an appointment (or, with none, since the record was created) before a review. */
  reviewAfterMonths: z.number({ error: V.required }).int({ error: V.required }).min(1, { error: V.required }).max(120, { error: V.required }),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/** The seed's default: review customers with no appointment and no open request for three years. */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { reviewAfterMonths: DEFAULT_RETENTION_REVIEW_MONTHS };

/**
 * The policy in force, from the register's settings (`state.session.settings` in the renderer).
 * Every screen that names or applies the review period takes it from here, so the settings, the
 * review list, the dashboard and the documents given to customers never disagree.
 */
export function retentionPolicyOf(settings: { readonly retentionReviewMonths: number }): RetentionPolicy {
  return { reviewAfterMonths: settings.retentionReviewMonths };
}

/** A "keep" decision: why this customer's data is still needed, and when to look again. */
export const RetentionDecisionSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  decision: z.literal('keep'),
  reason: z.string().min(1).max(1000),
  nextReviewDate: IsoDateSchema,
  decidedAt: EpochMs,
  decidedBy: IdSchema,
});
export type RetentionDecision = z.infer<typeof RetentionDecisionSchema>;

/** What the keep form submits: a reason, and a next review that is still to come. */
export const retentionDecisionDraftSchema = (today: IsoDate) =>
  z.object({
    reason: requiredText(1000),
    nextReviewDate: futureDateField(today),
  });
export type RetentionDecisionDraftInput = z.input<ReturnType<typeof retentionDecisionDraftSchema>>;
