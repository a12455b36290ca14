import { describe, expect, it } from 'vitest';
import { CUSTOMER_DRAFT_FIELDS } from '../../../../shared/schemas/customer';
import { disclosureDraftSchema, DisclosureSchema } from '../../../../shared/schemas/disclosure';
import {
  AttachmentDraftSchema,
  emptyGdprRequestDraft,
  extensionDraftSchema,
  gdprRequestDraftSchema,
  GdprRequestSchema,
  identityDraftSchema,
  MAX_ATTACHMENT_BYTES,
  MarketingObjectionSchema,
  RECTIFIABLE_FIELDS,
  RefusalDraftSchema,
  replySentDraftSchema,
  RestrictionLiftDraftSchema,
  type GdprRequest,
  type GdprRequestDraftInput,
} from '../../../../shared/schemas/gdpr-request';
import { DEFAULT_RETENTION_POLICY, retentionDecisionDraftSchema, RetentionDecisionSchema, RetentionPolicySchema } from '../../../../shared/schemas/retention';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const TODAY = '2026-03-10';
const draftSchema = gdprRequestDraftSchema(TODAY);
const good: GdprRequestDraftInput = {
  ...emptyGdprRequestDraft(TODAY),
  type: 'erasure',
  requesterName: ' Maija Virtanen ',
  requesterContact: 'maija@example.test',
  channel: 'letter',
  receivedDate: '2026-03-02',
  customerId: 'c-1',
  attachment: { fileName: 'kirje.pdf', mimeType: 'application/pdf', size: 120_000 },
  identity: { state: 'verified', method: 'known_in_person', detail: '', verifiedAt: '2026-03-03' },
};

describe('request intake form', () => {
  it('accepts a complete request and trims it', () => {
    const parsed = draftSchema.parse(good);
    expect(parsed).toMatchObject({ requesterName: 'Maija Virtanen', receivedDate: '2026-03-02', identity: { state: 'verified', verifiedAt: '2026-03-03' } });
  });

  it('accepts a person not found in the register, with identity still to check', () => {
    expect(draftSchema.safeParse({ ...good, customerId: null, attachment: null, identity: { state: 'pending' } }).success).toBe(true);
  });

  it('explains every missing field with an i18n key', () => {
    expect(issues(draftSchema.safeParse({ ...emptyGdprRequestDraft(TODAY), receivedDate: '' }))).toEqual({
      requesterName: 'required',
      requesterContact: 'required',
      receivedDate: 'required',
    });
  });

  it('refuses impossible, malformed and future dates', () => {
    expect(issues(draftSchema.safeParse({ ...good, receivedDate: '2026-02-30' }))).toEqual({ receivedDate: 'date_invalid' });
    expect(issues(draftSchema.safeParse({ ...good, receivedDate: '2.3.2026' }))).toEqual({ receivedDate: 'date_invalid' });
    expect(issues(draftSchema.safeParse({ ...good, receivedDate: '2026-03-11', identity: { state: 'pending' } }))).toEqual({ receivedDate: 'date_in_future' });
    expect(draftSchema.safeParse({ ...good, receivedDate: TODAY, identity: { state: 'pending' } }).success).toBe(true);
  });

  it('refuses an identity check dated before the request or in the future, and "other" without saying what', () => {
    expect(issues(draftSchema.safeParse({ ...good, identity: { ...good.identity, verifiedAt: '2026-03-01' } }))).toEqual({ 'identity.verifiedAt': 'date_before_received' });
    expect(issues(draftSchema.safeParse({ ...good, identity: { ...good.identity, verifiedAt: '2026-03-11' } }))).toEqual({ 'identity.verifiedAt': 'date_in_future' });
    expect(issues(draftSchema.safeParse({ ...good, identity: { state: 'verified', method: 'other', detail: ' ', verifiedAt: '2026-03-03' } }))).toEqual({ 'identity.detail': 'required' });
    expect(issues(draftSchema.safeParse({ ...good, identity: { state: 'not_needed', reason: '' } }))).toEqual({ 'identity.reason': 'required' });
    expect(draftSchema.safeParse({ ...good, identity: { state: 'verified' } }).success).toBe(false);
    expect(draftSchema.safeParse({ ...good, identity: { state: 'guessed' } }).success).toBe(false);
  });

  it('shows the identity-date problem together with other field errors', () => {
    const result = draftSchema.safeParse({ ...good, requesterName: '', identity: { ...good.identity, verifiedAt: '2026-03-01' } });
    expect(issues(result)).toEqual({ requesterName: 'required', 'identity.verifiedAt': 'date_before_received' });
  });

  it('refuses unknown types and channels (a phone call is not a written request)', () => {
    expect(draftSchema.safeParse({ ...good, type: 'complaint' }).success).toBe(false);
    expect(draftSchema.safeParse({ ...good, channel: 'phone' }).success).toBe(false);
  });

  it('checks the attachment: PDF, PNG or JPEG, non-empty, at most 10 MB', () => {
    expect(issues(draftSchema.safeParse({ ...good, attachment: { fileName: 'x.docx', mimeType: 'application/msword', size: 10 } }))).toEqual({ 'attachment.mimeType': 'file_type_invalid' });
    expect(issues(AttachmentDraftSchema.safeParse({ fileName: 'scan.jpg', mimeType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES + 1 }))).toEqual({ size: 'file_too_large' });
    expect(AttachmentDraftSchema.safeParse({ fileName: 'scan.jpg', mimeType: 'image/jpeg', size: MAX_ATTACHMENT_BYTES }).success).toBe(true);
    expect(issues(AttachmentDraftSchema.safeParse({ fileName: 'empty.png', mimeType: 'image/png', size: 0 }))).toEqual({ size: 'file_type_invalid' });
    expect(issues(AttachmentDraftSchema.safeParse({ fileName: '', mimeType: 'image/png', size: 5 }))).toEqual({ fileName: 'required' });
  });

  it('keeps only the last segment of a file name, without control characters', () => {
    expect(AttachmentDraftSchema.parse({ fileName: '..\\..\\Windows\\evil.pdf', mimeType: 'application/pdf', size: 5 }).fileName).toBe('evil.pdf');
    expect(AttachmentDraftSchema.parse({ fileName: '/tmp/a\u0000b\n.pdf', mimeType: 'application/pdf', size: 5 }).fileName).toBe('ab.pdf');
    expect(issues(AttachmentDraftSchema.safeParse({ fileName: 'dir/', mimeType: 'application/pdf', size: 5 }))).toEqual({ fileName: 'required' });
  });

  it('checks identity on its own form as well', () => {
    expect(identityDraftSchema(TODAY).parse({ state: 'not_needed', reason: ' objection from the newsletter address ' })).toEqual({ state: 'not_needed', reason: 'objection from the newsletter address' });
  });
});

describe('extension, refusal and reply forms', () => {
  // Received 31 January 2026: first due date Monday 2 March (28 February is a Saturday).
  const extension = extensionDraftSchema('2026-01-31', TODAY);

  it('computes the new due date and defaults to two more months', () => {
    expect(extension.parse({ reason: ' Many requests at once ', notifiedDate: '2026-03-02' })).toEqual({ reason: 'Many requests at once', notifiedDate: '2026-03-02', extraMonths: 2, newDueDate: '2026-04-30' });
    expect(extension.parse({ reason: 'r', notifiedDate: '2026-02-01', extraMonths: 1 }).newDueDate).toBe('2026-03-31');
  });

  it('refuses a notice after the first month, before the request, in the future, or more than two months', () => {
    expect(issues(extension.safeParse({ reason: 'r', notifiedDate: '2026-03-03' }))).toEqual({ notifiedDate: 'extension_notice_late' });
    expect(issues(extension.safeParse({ reason: 'r', notifiedDate: '2026-01-30' }))).toEqual({ notifiedDate: 'date_before_received' });
    expect(issues(extension.safeParse({ reason: 'r', notifiedDate: '2026-03-11' }))).toEqual({ notifiedDate: 'date_in_future' });
    expect(issues(extension.safeParse({ reason: '', notifiedDate: '2026-02-01' }))).toEqual({ reason: 'required' });
    expect(extension.safeParse({ reason: 'r', notifiedDate: '2026-02-01', extraMonths: 3 }).success).toBe(false);
  });

  it('requires the reasons and telling the requester of the right to complain before a refusal', () => {
    expect(issues(RefusalDraftSchema.safeParse({ reason: '', complaintRightNotified: false }))).toEqual({ reason: 'required', complaintRightNotified: 'required' });
    expect(RefusalDraftSchema.safeParse({ reason: 'Manifestly unfounded', complaintRightNotified: true }).success).toBe(true);
  });

  it('dates a reply between the request and today', () => {
    const reply = replySentDraftSchema('2026-03-02', TODAY);
    expect(reply.safeParse({ replySentDate: '2026-03-02' }).success).toBe(true);
    expect(issues(reply.safeParse({ replySentDate: '2026-03-01' }))).toEqual({ replySentDate: 'date_before_received' });
    expect(issues(reply.safeParse({ replySentDate: '2026-03-11' }))).toEqual({ replySentDate: 'date_in_future' });
  });

  it('asks a reason for lifting a restriction', () => {
    expect(issues(RestrictionLiftDraftSchema.safeParse({ liftReason: '  ' }))).toEqual({ liftReason: 'required' });
  });
});

describe('stored request', () => {
  const stored: GdprRequest = {
    id: 'r-1',
    type: 'rectification',
    requesterName: 'Maija Virtanen',
    requesterContact: 'maija@example.test',
    channel: 'email',
    receivedDate: '2026-03-02',
    customerId: 'c-1',
    description: 'Wrong phone number',
    attachment: { id: 'a-1', fileName: 'kirje.pdf', mimeType: 'application/pdf', size: 1234 },
    identity: { state: 'verified', method: 'registered_contact', detail: '', verifiedBy: 'u-1', verifiedAt: '2026-03-02' },
    status: 'done',
    refusal: null,
    extension: null,
    replySentDate: '2026-03-04',
    rectifications: [{ at: 1_772_000_000_000, by: 'u-1', fields: ['phone'] }],
    history: [{ at: 1_772_000_000_000, by: 'u-1', what: 'status_changed', detail: 'done' }],
    createdAt: 1_772_000_000_000,
    createdBy: 'u-1',
    updatedAt: 1_772_000_000_000,
    updatedBy: 'u-1',
  };

  it('parses a complete record', () => {
    expect(GdprRequestSchema.parse(stored)).toEqual(stored);
  });

  it('keeps a refusal and its status together, and a closed request has its reply date', () => {
    expect(GdprRequestSchema.safeParse({ ...stored, status: 'refused' }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, status: 'in_progress', refusal: { reason: 'x', complaintRightNotified: true } }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, status: 'refused', refusal: { reason: 'x', complaintRightNotified: true } }).success).toBe(true);
    expect(GdprRequestSchema.safeParse({ ...stored, replySentDate: null }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, status: 'received', replySentDate: null }).success).toBe(true);
  });

  it('refuses malformed parts: dates, sizes, history with free text, unknown rectified fields', () => {
    expect(GdprRequestSchema.safeParse({ ...stored, receivedDate: '2026-3-2' }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, attachment: { ...stored.attachment, size: MAX_ATTACHMENT_BYTES + 1 } }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, history: [{ ...stored.history[0], detail: 'Maija Virtanen' }] }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, rectifications: [{ at: 1, by: 'u-1', fields: ['consents'] }] }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, rectifications: [{ at: 1, by: 'u-1', fields: [] }] }).success).toBe(false);
    expect(GdprRequestSchema.safeParse({ ...stored, extension: { reason: 'r', notifiedDate: '2026-03-03', extraMonths: 3, newDueDate: '2026-06-02' } }).success).toBe(false);
  });

  it('can link every field the customer form edits', () => {
    expect([...RECTIFIABLE_FIELDS].sort()).toEqual([...CUSTOMER_DRAFT_FIELDS].sort());
  });

  it('records objections with who recorded them', () => {
    expect(MarketingObjectionSchema.safeParse({ objectedAt: 1, requestId: null, recordedBy: 'u-1', withdrawnAt: null, withdrawnBy: null }).success).toBe(true);
    expect(MarketingObjectionSchema.safeParse({ objectedAt: -1, requestId: null, recordedBy: 'u-1', withdrawnAt: null, withdrawnBy: null }).success).toBe(false);
  });
});

describe('disclosures', () => {
  const form = disclosureDraftSchema(TODAY);
  const draft = {
    recipientKind: 'authority' as const,
    recipientName: 'Helsingin poliisilaitos',
    legalBasis: 'legal_obligation' as const,
    legalBasisDetail: 'Poliisilaki 872/2011 4 luku 3 §',
    scope: 'Contact details and appointments in 2025',
    customerIds: ['c-1'],
    date: '2026-03-09',
    reference: 'POL-2026-123',
  };

  it('accepts an authority disclosure with the provision it cites', () => {
    expect(form.parse(draft)).toMatchObject({ recipientKind: 'authority', requestId: null });
  });

  it('requires the provision from an authority, someone it concerns, and a past date', () => {
    expect(issues(form.safeParse({ ...draft, legalBasisDetail: '', customerIds: [], date: '2026-03-11' }))).toEqual({
      legalBasisDetail: 'required',
      customerIds: 'required',
      date: 'date_in_future',
    });
    expect(form.safeParse({ ...draft, recipientKind: 'successor', legalBasis: 'legitimate_interests', legalBasisDetail: '' }).success).toBe(true);
    expect(issues(form.safeParse({ ...draft, recipientName: '', scope: '' }))).toEqual({ recipientName: 'required', scope: 'required' });
    expect(form.safeParse({ ...draft, recipientKind: 'neighbour' }).success).toBe(false);
  });

  it('stores who recorded it and when', () => {
    const entry = { ...form.parse(draft), id: 'd-1', recordedBy: 'u-1', recordedAt: 1 };
    expect(DisclosureSchema.parse(entry)).toEqual(entry);
    expect(DisclosureSchema.safeParse({ ...entry, customerIds: [] }).success).toBe(false);
    expect(DisclosureSchema.safeParse({ ...entry, recordedBy: undefined }).success).toBe(false);
  });
});

describe('retention policy and decisions', () => {
  it('defaults to a review after three years', () => {
    expect(RetentionPolicySchema.parse(DEFAULT_RETENTION_POLICY)).toEqual({ reviewAfterMonths: 36 });
    expect(RetentionPolicySchema.safeParse({ reviewAfterMonths: 0 }).success).toBe(false);
    expect(RetentionPolicySchema.safeParse({ reviewAfterMonths: 121 }).success).toBe(false);
    expect(RetentionPolicySchema.safeParse({ reviewAfterMonths: 2.5 }).success).toBe(false);
  });

  it('keeps a customer only with a reason and a review date still to come', () => {
    const form = retentionDecisionDraftSchema(TODAY);
    expect(issues(form.safeParse({ reason: '', nextReviewDate: TODAY }))).toEqual({ reason: 'required', nextReviewDate: 'date_not_future' });
    expect(issues(form.safeParse({ reason: 'Open gift card', nextReviewDate: '2027-02-29' }))).toEqual({ nextReviewDate: 'date_invalid' });
    expect(form.parse({ reason: 'Open gift card', nextReviewDate: '2027-03-10' })).toEqual({ reason: 'Open gift card', nextReviewDate: '2027-03-10' });
    const decision = { id: 'k-1', customerId: 'c-1', decision: 'keep', reason: 'Open gift card', nextReviewDate: '2027-03-10', decidedAt: 1, decidedBy: 'u-1' };
    expect(RetentionDecisionSchema.parse(decision)).toEqual(decision);
    expect(RetentionDecisionSchema.safeParse({ ...decision, decision: 'erase' }).success).toBe(false);
  });
});
