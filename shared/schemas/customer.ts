import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalPostalCode, optionalText, requiredText, V } from './fields';

/**
 * The customer record (DESIGN §4; issue 5). Everything here is personal data and lives only
 * encrypted at rest. What the form submits is a **draft**; consents are not part of it, because
 * each consent is given and withdrawn as its own dated, attributed act (`ConsentSchema`).
 */

/** Where the data came from (the seed's "sources of data"). */
export const CUSTOMER_SOURCES = [
  'online_booking',
  'phone',
  'sms',
  'email',
  'walk_in',
  'booking_system',
  'social_media',
  'other',
] as const;
export const CustomerSourceSchema = z.enum(CUSTOMER_SOURCES);
export type CustomerSource = z.infer<typeof CustomerSourceSchema>;

/** Sources that need a name or a description next to them (which booking system, what "other"). */
export const SOURCES_WITH_DETAIL: readonly CustomerSource[] = ['booking_system', 'other'];

/** The legal basis of processing (the seed: customer relationship, or consent). */
export const LEGAL_BASES = ['customer_relationship', 'consent'] as const;
export const LegalBasisSchema = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const CUSTOMER_LANGUAGES = ['fi', 'sv', 'en'] as const;
export const CustomerLanguageSchema = z.enum(CUSTOMER_LANGUAGES);
export type CustomerLanguage = z.infer<typeof CustomerLanguageSchema>;

/**
 * Consents the salon records. `health_data` is the explicit consent (GDPR Art. 9(2)(a)) that the
 * separate health-notes field requires.
 */
export const CONSENT_KINDS = ['marketing_email', 'marketing_sms', 'publication', 'health_data'] as const;
export const ConsentKindSchema = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

/** How a consent was given (evidence). */
export const CONSENT_METHODS = ['in_person', 'signed_form', 'email', 'sms', 'booking_system', 'other'] as const;
export const ConsentMethodSchema = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);

/**
 * One consent as given, and, once withdrawn, when and by whom. Never edited or deleted: a new
 * consent after a withdrawal is a new entry, so the history is the list itself.
 */
export const ConsentSchema = z.object({
  id: IdSchema,
  kind: ConsentKindSchema,
  givenAt: EpochMs,
  method: ConsentMethodSchema,
  /** The user who recorded it. */
  recordedBy: IdSchema,
  /** The privacy-notice version in force when it was given; null before any notice was generated. */
  noticeVersion: z.number().int().positive().nullable(),
  /** What a publication consent covers (e.g. "before/after photos on Instagram"). */
  scope: z.string().max(500),
  /** When a (publication) consent ends by itself; null when it does not. */
  expiresAt: EpochMs.nullable(),
  withdrawnAt: EpochMs.nullable(),
  withdrawnBy: IdSchema.nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** What the give-consent form submits. */
export const ConsentDraftSchema = z
  .object({
    kind: ConsentKindSchema,
    method: ConsentMethodSchema,
    scope: optionalText(500),
    /** Epoch ms, or null for no expiry. */
    expiresAt: EpochMs.nullable(),
  })
  .superRefine((draft, ctx) => {
    if (draft.kind === 'publication' && draft.scope === '') ctx.addIssue({ code: 'custom', path: ['scope'], message: V.required });
  });
export type ConsentDraftInput = z.input<typeof ConsentDraftSchema>;

/** What the customer form submits; parsing normalises it (trimmed text, E.164 phone, lower-case e-mail). */
export const CustomerDraftSchema = z
  .object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    phone: optionalPhone,
    email: optionalEmail,
    street: optionalText(200),
    postalCode: optionalPostalCode,
    city: optionalText(100),
    language: CustomerLanguageSchema,
    source: CustomerSourceSchema,
    /** The booking system's name, or what "other" means. */
    sourceDetail: optionalText(100),
    legalBasis: LegalBasisSchema,
    /** Special wishes and additional information. */
    notes: optionalText(5000),
    /** Health information (allergies, patch tests): special-category data, only with `health_data` consent. */
    healthNotes: optionalText(5000),
  })
  .superRefine((draft, ctx) => {
    if (SOURCES_WITH_DETAIL.includes(draft.source) && draft.sourceDetail === '') {
      ctx.addIssue({ code: 'custom', path: ['sourceDetail'], message: V.required });
    }
  });
export type CustomerDraftInput = z.input<typeof CustomerDraftSchema>;
export type CustomerDraft = z.output<typeof CustomerDraftSchema>;

export const EMPTY_CUSTOMER_DRAFT: CustomerDraftInput = {
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  street: '',
  postalCode: '',
  city: '',
  language: 'fi',
  source: 'phone',
  sourceDetail: '',
  legalBasis: 'customer_relationship',
  notes: '',
  healthNotes: '',
};

/** A stored customer: the normalised draft plus identity, consents and bookkeeping. */
export const CustomerSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  email: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  language: CustomerLanguageSchema,
  source: CustomerSourceSchema,
  sourceDetail: z.string(),
  legalBasis: LegalBasisSchema,
  notes: z.string(),
  healthNotes: z.string(),
  consents: z.array(ConsentSchema),
  createdAt: EpochMs,
  createdBy: IdSchema.nullable(),
  updatedAt: EpochMs,
  updatedBy: IdSchema.nullable(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** The fields a person edits in the form (what merge picks between, what import maps to). */
export const CUSTOMER_DRAFT_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'street',
  'postalCode',
  'city',
  'language',
  'source',
  'sourceDetail',
  'legalBasis',
  'notes',
  'healthNotes',
] as const satisfies readonly (keyof CustomerDraftInput & keyof Customer)[];
export type CustomerDraftField = (typeof CUSTOMER_DRAFT_FIELDS)[number];

/** The draft form of a stored customer, for editing. */
export const toDraft = (customer: Customer): CustomerDraftInput => ({
  firstName: customer.firstName,
  lastName: customer.lastName,
  phone: customer.phone,
  email: customer.email,
  street: customer.street,
  postalCode: customer.postalCode,
  city: customer.city,
  language: customer.language,
  source: customer.source,
  sourceDetail: customer.sourceDetail,
  legalBasis: customer.legalBasis,
  notes: customer.notes,
  healthNotes: customer.healthNotes,
});

/**
 * Schema version 1 records (the walking skeleton) lacked source, basis, language, health notes,
 * consents and authorship. They become version 2 with what can honestly be said: source "other"
 * with the note that it was not recorded, basis "customer relationship" (the only basis the
 * skeleton's register could have had), Finnish, no consents. Editing such a customer asks for
 * the source detail, as for any "other".
 */
export function upgradeCustomerV1(record: Record<string, unknown>): Customer {
  return CustomerSchema.parse({
    language: 'fi',
    source: 'other',
    sourceDetail: '',
    legalBasis: 'customer_relationship',
    healthNotes: '',
    consents: [],
    createdBy: null,
    updatedBy: null,
    ...record,
  });
}
