import { z } from 'zod';
import type { IsoDate } from '../domain/calendar-date';
import { checkExtension } from '../domain/gdpr-deadline';
import type { CustomerDraftField } from './customer';
import { IsoDateSchema, pastDateField, unlessFailed } from './dates';
import { optionalText, requiredText, V } from './text';

/**
 * The register of data subjects' requests (GDPR Arts. 12–22; issue 7, DESIGN §6): each written
 * request, the identity check, the deadline and its extension, the answer, and a history that
 * shows who did what. Stored records are checked for shape and for invariants the app itself
 * keeps; rules that depend on the calendar or on today (the deadline, late extension notices,
 * future dates) are checked by the form drafts only, so a stored request stays readable even if
 * a holiday law changes later.
 *
 * Imports only zod, text.ts and pure domain code (no phone library), so the IPC contract can use
 * these schemas without growing the preload bundle.
 */

const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);
/** A short machine word (a status, a field name): history never holds free text or personal data. */
const MachineWord = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

/** Objection means the Art. 21(2)–(3) objection to direct marketing, the one a salon meets. */
export const GDPR_REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'consent_withdrawal'] as const;
export const GdprRequestTypeSchema = z.enum(GDPR_REQUEST_TYPES);
export type GdprRequestType = z.infer<typeof GdprRequestTypeSchema>;

/** The seed promises action on a written request; a phone call is noted by asking for one of these. */
export const REQUEST_CHANNELS = ['letter', 'email', 'signed_form'] as const;
export const RequestChannelSchema = z.enum(REQUEST_CHANNELS);
export type RequestChannel = z.infer<typeof RequestChannelSchema>;

export const REQUEST_STATUSES = ['received', 'in_progress', 'done', 'refused'] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['received', 'in_progress'];

// --- the written request as an attachment ---------------------------------------------------

export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const AttachmentMimeTypeSchema = z.enum(ATTACHMENT_MIME_TYPES, { error: V.fileType });
export type AttachmentMimeType = z.infer<typeof AttachmentMimeTypeSchema>;
/** 10 MB as the file manager shows it (MiB): a scanned letter or a phone photo fits easily. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * A file name as shown and as offered when saving the file back: the last path segment only and
 * no control characters, so a crafted name cannot point a later save outside the chosen folder.
 */
const fileName = z
  .string()
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  .transform((name) => (name.split(/[/\\]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim())
  .pipe(z.string().min(1, { error: V.required }).max(255, { error: V.tooLong }));

const attachmentSize = z
  .number({ error: V.fileType })
  .int({ error: V.fileType })
  // An empty file is no letter: it is refused like a file of the wrong type.
  .min(1, { error: V.fileType })
  .max(MAX_ATTACHMENT_BYTES, { error: V.fileTooLarge });

/** What the picker reports about the chosen file before it is read and stored encrypted. */
export const AttachmentDraftSchema = z.object({
  fileName,
  mimeType: AttachmentMimeTypeSchema,
  size: attachmentSize,
});
export type AttachmentDraftInput = z.input<typeof AttachmentDraftSchema>;

/** The stored file's reference; its bytes live encrypted in their own table under `id`. */
export const AttachmentRefSchema = z.object({
  id: IdSchema,
  fileName: z.string().min(1).max(255),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

// --- identity (Art. 12(6)) -----------------------------------------------------------------

/**
 * Proportionate ways to be sure who is asking. The Finnish DPA weighs data minimisation against
 * demands for ID: a known customer in person, or an answer to the contact already in the register,
 * is often enough.
 */
export const IDENTITY_METHODS = ['id_document', 'known_in_person', 'registered_contact', 'signed_form', 'other'] as const;
export const IdentityMethodSchema = z.enum(IDENTITY_METHODS);
export type IdentityMethod = z.infer<typeof IdentityMethodSchema>;

export const IdentitySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({
    state: z.literal('verified'),
    method: IdentityMethodSchema,
    /** What was checked (e.g. "driving licence"); required for "other". */
    detail: z.string().max(300),
    verifiedBy: IdSchema,
    verifiedAt: IsoDateSchema,
  }),
  /** E.g. an objection to marketing sent from the e-mail address the newsletter goes to. */
  z.object({ state: z.literal('not_needed'), reason: z.string().min(1).max(500) }),
]);
export type Identity = z.infer<typeof IdentitySchema>;

/** The identity part of a form: who verified is the signed-in user, added when it is saved. */
export const identityDraftSchema = (today: IsoDate) =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('pending') }),
    z
      .object({
        state: z.literal('verified'),
        method: IdentityMethodSchema,
        detail: optionalText(300),
        verifiedAt: pastDateField(today),
      })
      .superRefine((draft, ctx) => {
        if (draft.method === 'other' && draft.detail === '') ctx.addIssue({ code: 'custom', path: ['detail'], message: V.required });
      }),
    z.object({ state: z.literal('not_needed'), reason: requiredText(500) }),
  ]);
export type IdentityDraftInput = z.input<ReturnType<typeof identityDraftSchema>>;

// --- outcome ---------------------------------------------------------------------------------

/** Art. 12(4): a refusal gives the reasons and tells the requester they may complain to the Ombudsman. */
export const RefusalSchema = z.object({
  reason: z.string().min(1).max(2000),
  complaintRightNotified: z.boolean(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

export const RefusalDraftSchema = z.object({
  reason: requiredText(2000),
  complaintRightNotified: z.boolean().refine((told) => told, { error: V.required }),
});
export type RefusalDraftInput = z.input<typeof RefusalDraftSchema>;

/** Art. 12(3): up to two further months, the requester told why within the first month. */
export const ExtensionSchema = z.object({
  reason: z.string().min(1).max(1000),
  notifiedDate: IsoDateSchema,
  extraMonths: z.union([z.literal(1), z.literal(2)]),
  newDueDate: IsoDateSchema,
});
export type Extension = z.infer<typeof ExtensionSchema>;

/**
 * The extension form of a request received on `receivedDate`. A notice dated after the first due
 * date is refused (`extension_notice_late`): Art. 12(3) allows the extension only if the requester
 * is told within one month. The output carries the new due date, computed, never typed.
 */
export const extensionDraftSchema = (receivedDate: IsoDate, today: IsoDate) =>
  z
    .object({
      reason: requiredText(1000),
      notifiedDate: pastDateField(today),
      extraMonths: z.union([z.literal(1), z.literal(2)]).default(2),
    })
    .transform((draft, ctx) => {
      const checked = checkExtension({ receivedDate, notifiedDate: draft.notifiedDate, extraMonths: draft.extraMonths });
      if (!checked.ok) {
        const message = checked.reason === 'notice_before_received' ? V.dateBeforeReceived : V.extensionLate;
        ctx.addIssue({ code: 'custom', path: ['notifiedDate'], message });
        return z.NEVER;
      }
      return { ...draft, newDueDate: checked.newDueDate };
    });
export type ExtensionDraftInput = z.input<ReturnType<typeof extensionDraftSchema>>;

/** The reply-sent form: the reply cannot predate the request nor lie in the future. */
export const replySentDraftSchema = (receivedDate: IsoDate, today: IsoDate) =>
  z.object({
    replySentDate: pastDateField(today).refine((date) => date >= receivedDate, { error: V.dateBeforeReceived }),
  });

// --- rectification links and history --------------------------------------------------------

/** Customer fields a rectification can change; the schema test keeps it equal to the form's fields. */
export const RECTIFIABLE_FIELDS = [
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
] as const satisfies readonly CustomerDraftField[];

/** An edit of the customer made under this request (Art. 16), linked so the answer can list it. */
export const RectificationLinkSchema = z.object({
  at: EpochMs,
  by: IdSchema,
  fields: z.array(z.enum(RECTIFIABLE_FIELDS)).min(1),
});
export type RectificationLink = z.infer<typeof RectificationLinkSchema>;

export const REQUEST_HISTORY_ACTIONS = [
  'recorded',
  /** Type, requester, channel, received date or description corrected (the intake's typing errors). */
  'details_changed',
  'customer_linked',
  'identity_recorded',
  'attachment_added',
  'attachment_removed',
  'status_changed',
  'extended',
  'rectified',
  /** A consent withdrawn under a consent-withdrawal request (detail: the consent's kind). */
  'consent_withdrawn',
  'exported',
  'erased',
  'reply_sent',
] as const;
export const RequestHistoryActionSchema = z.enum(REQUEST_HISTORY_ACTIONS);

export const RequestHistoryEntrySchema = z.object({
  at: EpochMs,
  by: IdSchema.nullable(),
  what: RequestHistoryActionSchema,
  /** E.g. the new status; never a name or free text. */
  detail: MachineWord.nullable(),
});
export type RequestHistoryEntry = z.infer<typeof RequestHistoryEntrySchema>;

// --- the request ---------------------------------------------------------------------------

const requestFields = {
  id: IdSchema,
  type: GdprRequestTypeSchema,
  requesterName: z.string().min(1).max(200),
  /** Postal address, e-mail or phone: where the answer goes. */
  requesterContact: z.string().min(1).max(300),
  channel: RequestChannelSchema,
  receivedDate: IsoDateSchema,
  /** Null: the person was not found in the register (the answer says so). */
  customerId: IdSchema.nullable(),
  /** What the requester asks, in their words or summarised (which fields are wrong, which consent). */
  description: z.string().max(2000),
  attachment: AttachmentRefSchema.nullable(),
  identity: IdentitySchema,
  status: RequestStatusSchema,
  refusal: RefusalSchema.nullable(),
  extension: ExtensionSchema.nullable(),
  replySentDate: IsoDateSchema.nullable(),
  rectifications: z.array(RectificationLinkSchema),
  history: z.array(RequestHistoryEntrySchema),
  createdAt: EpochMs,
  createdBy: IdSchema.nullable(),
  updatedAt: EpochMs,
  updatedBy: IdSchema.nullable(),
};

export const GdprRequestSchema = z.object(requestFields).superRefine((request, ctx) => {
  // A refusal is a status with its reasons; neither exists without the other.
  if ((request.status === 'refused') !== (request.refusal !== null)) ctx.addIssue({ code: 'custom', path: ['refusal'], message: 'refusal_mismatch' });
  // Closing a request is answering it: there is no "done" without a reply that was sent.
  if ((request.status === 'done' || request.status === 'refused') && request.replySentDate === null) {
    ctx.addIssue({ code: 'custom', path: ['replySentDate'], message: 'reply_missing' });
  }
});
export type GdprRequest = z.infer<typeof GdprRequestSchema>;

/** What the intake form submits; status, history and bookkeeping are added when it is saved. */
export const gdprRequestDraftSchema = (today: IsoDate) =>
  z
    .object({
      type: GdprRequestTypeSchema,
      requesterName: requiredText(200),
      requesterContact: requiredText(300),
      channel: RequestChannelSchema,
      receivedDate: pastDateField(today),
      customerId: IdSchema.nullable(),
      description: optionalText(2000),
      attachment: AttachmentDraftSchema.nullable(),
      identity: identityDraftSchema(today),
    })
    .superRefine(
      (draft, ctx) => {
        if (draft.identity.state === 'verified' && draft.identity.verifiedAt < draft.receivedDate) {
          ctx.addIssue({ code: 'custom', path: ['identity', 'verifiedAt'], message: V.dateBeforeReceived });
        }
      },
      { when: unlessFailed('receivedDate', 'identity') },
    );
export type GdprRequestDraftInput = z.input<ReturnType<typeof gdprRequestDraftSchema>>;
export type GdprRequestDraft = z.output<ReturnType<typeof gdprRequestDraftSchema>>;

/**
 * Correcting a stored request's intake details (a typing error in the name, the wrong arrival
 * date): the same fields and rules as the intake form, without the attachment and the identity,
 * which have their own acts.
 */
export const requestDetailsDraftSchema = (today: IsoDate) =>
  z.object({
    type: GdprRequestTypeSchema,
    requesterName: requiredText(200),
    requesterContact: requiredText(300),
    channel: RequestChannelSchema,
    receivedDate: pastDateField(today),
    description: optionalText(2000),
  });
export type RequestDetailsDraftInput = z.input<ReturnType<typeof requestDetailsDraftSchema>>;

/** The refusal form: the reasons, the complaint right told, and when the reply went out. */
export const refusalReplyDraftSchema = (receivedDate: IsoDate, today: IsoDate) =>
  z.object({ ...RefusalDraftSchema.shape, ...replySentDraftSchema(receivedDate, today).shape });
export type RefusalReplyDraftInput = z.input<ReturnType<typeof refusalReplyDraftSchema>>;

export const emptyGdprRequestDraft = (today: IsoDate): GdprRequestDraftInput => ({
  type: 'access',
  requesterName: '',
  requesterContact: '',
  channel: 'email',
  receivedDate: today,
  customerId: null,
  description: '',
  attachment: null,
  identity: { state: 'pending' },
});

// --- state the requests leave on a customer ------------------------------------------------

/** Art. 18(1)(a)–(d): why processing is restricted. */
export const RESTRICTION_GROUNDS = ['accuracy_contested', 'unlawful_processing', 'needed_for_legal_claims', 'objection_pending'] as const;
export const RestrictionGroundSchema = z.enum(RESTRICTION_GROUNDS);
export type RestrictionGround = z.infer<typeof RestrictionGroundSchema>;

/**
 * A restriction of one customer's processing (Art. 18). While in force the record is read-only and
 * out of marketing and register exports; lifting it keeps the entry, with who lifted it and why
 * (Art. 18(3): the person is told before).
 */
export const CustomerRestrictionSchema = z.object({
  restrictedSince: EpochMs,
  ground: RestrictionGroundSchema,
  requestId: IdSchema.nullable(),
  note: z.string().max(1000),
  liftedAt: EpochMs.nullable(),
  liftedBy: IdSchema.nullable(),
  liftReason: z.string().max(1000),
});
export type CustomerRestriction = z.infer<typeof CustomerRestrictionSchema>;

export const RestrictionDraftSchema = z.object({ ground: RestrictionGroundSchema, note: optionalText(1000) });
export type RestrictionDraftInput = z.input<typeof RestrictionDraftSchema>;
export const RestrictionLiftDraftSchema = z.object({ liftReason: requiredText(1000) });

/**
 * An objection to direct marketing (Art. 21(2)–(3)). It outlives any consent ticked later and ends
 * only when the person withdraws it in writing; the entry stays as evidence either way.
 */
export const MarketingObjectionSchema = z.object({
  objectedAt: EpochMs,
  requestId: IdSchema.nullable(),
  recordedBy: IdSchema,
  withdrawnAt: EpochMs.nullable(),
  withdrawnBy: IdSchema.nullable(),
});
export type MarketingObjection = z.infer<typeof MarketingObjectionSchema>;
