import { z } from 'zod';
import type { IsoDate } from '../domain/calendar-date';
import { IsoDateSchema, pastDateField, unlessFailed } from './dates';
import { optionalText, requiredText, V } from './text';

/**
 * The disclosure log (DESIGN §6.6; issue 7): every time personal data leaves the salon — to an
 * authority on a lawful request, or as a copy to a successor company's controller (the seed's
 * business-transfer case) — who received what, on which basis, about whom. The access report
 * lists the entries concerning the person (Art. 15(1)(c)).
 */

const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);
/** A successor transfer covers the whole register; this bounds a malformed row, not the salon. */
export const MAX_DISCLOSED_CUSTOMERS = 500_000;

export const DISCLOSURE_RECIPIENT_KINDS = ['authority', 'successor', 'other'] as const;
export const DisclosureRecipientKindSchema = z.enum(DISCLOSURE_RECIPIENT_KINDS);
export type DisclosureRecipientKind = z.infer<typeof DisclosureRecipientKindSchema>;

/** GDPR Art. 6(1)(a)–(f), named for what they mean to a salon. */
export const DISCLOSURE_LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;
export const DisclosureLegalBasisSchema = z.enum(DISCLOSURE_LEGAL_BASES);
export type DisclosureLegalBasis = z.infer<typeof DisclosureLegalBasisSchema>;

export const DisclosureSchema = z
  .object({
    id: IdSchema,
    recipientKind: DisclosureRecipientKindSchema,
    /** The authority (e.g. "Helsingin poliisilaitos") or the successor company. */
    recipientName: z.string().min(1).max(200),
    legalBasis: DisclosureLegalBasisSchema,
    /** The provision the authority cited, or the transfer agreement. */
    legalBasisDetail: z.string().max(500),
    /** Which data went out (e.g. "contact details and appointments 2024–2025"). */
    scope: z.string().min(1).max(1000),
    /** The customers whose data went out, less any erased since (see `erasedCustomerCount`). */
    customerIds: z.array(IdSchema).max(MAX_DISCLOSED_CUSTOMERS),
    /**
     * How many of the customers it covered have been erased since (GDPR Art. 17): their ids leave
     * the list, the entry stays, and the count keeps it true to what was disclosed. Absent until
     * the first such erasure.
     */
    erasedCustomerCount: z.number().int().positive().max(MAX_DISCLOSED_CUSTOMERS).optional(),
    date: IsoDateSchema,
    /** The recipient's case number or the request's reference. */
    reference: z.string().max(200),
    /** The request that led to it, when the disclosure answered one (e.g. a portability request). */
    requestId: IdSchema.nullable(),
    recordedBy: IdSchema,
    recordedAt: EpochMs,
  })
  .refine((disclosure) => disclosure.customerIds.length + (disclosure.erasedCustomerCount ?? 0) >= 1, { path: ['customerIds'], message: 'customers_missing' });
export type Disclosure = z.infer<typeof DisclosureSchema>;

/** How many people's data the disclosure carried, erased ones included. */
export const disclosedCount = (disclosure: Pick<Disclosure, 'customerIds' | 'erasedCustomerCount'>): number =>
  disclosure.customerIds.length + (disclosure.erasedCustomerCount ?? 0);

/**
 * What the disclosure form submits. An authority must cite what obliges the salon to hand data
 * over: without it there is no lawful disclosure to record.
 */
export const disclosureDraftSchema = (today: IsoDate) =>
  z
    .object({
      recipientKind: DisclosureRecipientKindSchema,
      recipientName: requiredText(200),
      legalBasis: DisclosureLegalBasisSchema,
      legalBasisDetail: optionalText(500),
      scope: requiredText(1000),
      customerIds: z.array(IdSchema).min(1, { error: V.required }).max(MAX_DISCLOSED_CUSTOMERS, { error: V.tooLong }),
      date: pastDateField(today),
      reference: optionalText(200),
      requestId: IdSchema.nullable().default(null),
    })
    .superRefine(
      (draft, ctx) => {
        if (draft.recipientKind === 'authority' && draft.legalBasisDetail === '') {
          ctx.addIssue({ code: 'custom', path: ['legalBasisDetail'], message: V.required });
        }
      },
      { when: unlessFailed('recipientKind', 'legalBasisDetail') },
    );
export type DisclosureDraftInput = z.input<ReturnType<typeof disclosureDraftSchema>>;
export type DisclosureDraft = z.output<ReturnType<typeof disclosureDraftSchema>>;
