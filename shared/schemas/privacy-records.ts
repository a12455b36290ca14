import { z } from 'zod';
import { BusinessSchema } from './business';
import { CustomerLanguageSchema } from './customer';
import { dateField, IsoDateSchema } from './dates';
import { ATTACHMENT_MIME_TYPES, CustomerRestrictionSchema, MarketingObjectionSchema, MAX_ATTACHMENT_BYTES } from './gdpr-request';
import { RetentionPolicySchema } from './retention';
import { V } from './text';

/**
 * Stored records of issue 7 that are not requests, disclosures or retention decisions: each
 * customer's restriction and objection history, the generated privacy-notice versions, and the
 * written requests' files as a backup holds them (docs/backup-format.md).
 */

const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);
/** A person cannot plausibly restrict or object this often; bounds a malformed record. */
const MAX_HISTORY = 1_000;

// --- restriction (Art. 18) and objection (Art. 21) ----------------------------------------

/**
 * One customer's privacy flags with their history: every restriction (oldest first; only the
 * newest may still be in force) and every objection to direct marketing, withdrawn ones included.
 * A customer without any has no record.
 */
export const PrivacyFlagsRecordSchema = z
  .object({
    customerId: IdSchema,
    restrictions: z.array(CustomerRestrictionSchema).max(MAX_HISTORY),
    objections: z.array(MarketingObjectionSchema).max(MAX_HISTORY),
  })
  .superRefine((record, ctx) => {
    if (record.restrictions.length === 0 && record.objections.length === 0) ctx.addIssue({ code: 'custom', path: ['restrictions'], message: 'flags_empty' });
    record.restrictions.forEach((restriction, i) => {
      if (i < record.restrictions.length - 1 && restriction.liftedAt === null) ctx.addIssue({ code: 'custom', path: ['restrictions', i, 'liftedAt'], message: 'restriction_not_lifted' });
      if ((restriction.liftedAt === null) !== (restriction.liftedBy === null) || (restriction.liftedAt !== null && restriction.liftReason === '')) {
        ctx.addIssue({ code: 'custom', path: ['restrictions', i, 'liftedBy'], message: 'lift_incomplete' });
      }
    });
    record.objections.forEach((objection, i) => {
      if ((objection.withdrawnAt === null) !== (objection.withdrawnBy === null)) ctx.addIssue({ code: 'custom', path: ['objections', i, 'withdrawnBy'], message: 'withdrawal_incomplete' });
    });
  });
export type PrivacyFlagsRecord = z.infer<typeof PrivacyFlagsRecordSchema>;

// --- privacy-notice versions -----------------------------------------------------------------

/**
 * A generated version of the salon's register and privacy notice: its number, the languages it
 * was generated in, the date it takes effect, and everything the text was made from, so the very
 * document a consent points at ("notice version 3") can be produced again years later.
 */
export const PrivacyNoticeVersionSchema = z.object({
  id: IdSchema,
  version: z.number().int().positive(),
  languages: z.array(CustomerLanguageSchema).min(1).max(3),
  /** The date this version takes effect. */
  date: IsoDateSchema,
  business: BusinessSchema,
  reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
  healthNotesEnabled: z.boolean(),
  createdAt: EpochMs,
  createdBy: IdSchema,
});
export type PrivacyNoticeVersion = z.infer<typeof PrivacyNoticeVersionSchema>;

/** What generating a notice records (the owner's settings at that moment, and the chosen languages). */
export const PrivacyNoticeDraftSchema = z.object({
  languages: z
    .array(CustomerLanguageSchema)
    .min(1, { error: V.required })
    .transform((languages) => [...new Set(languages)].sort()),
  date: dateField,
  business: BusinessSchema,
  reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
  healthNotesEnabled: z.boolean(),
});
export type PrivacyNoticeDraftInput = z.input<typeof PrivacyNoticeDraftSchema>;

// --- request attachments ---------------------------------------------------------------------

/** Bytes that standard base64 of `length` characters decodes to. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A written request's file without its bytes: what lists and the stored reference need. */
export const RequestAttachmentInfoSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  fileName: z.string().min(1).max(255),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /** SHA-256 of the bytes: checked on every read and restore, and evidence of which letter it was. */
  sha256: Sha256Hex,
  addedAt: EpochMs,
  addedBy: IdSchema,
});
export type RequestAttachmentInfo = z.infer<typeof RequestAttachmentInfoSchema>;

/** A written request's file as a backup holds it: the information and the bytes, base64 (RFC 4648, padded). */
export const RequestAttachmentSchema = RequestAttachmentInfoSchema.extend({
  data: z.base64(),
}).refine((attachment) => base64DecodedLength(attachment.data) === attachment.size, { path: ['data'], message: 'size_mismatch' });
export type RequestAttachment = z.infer<typeof RequestAttachmentSchema>;
