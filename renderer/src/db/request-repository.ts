import { sniffAttachmentType } from '../../../shared/domain/attachment-type';
import { isoDateInZone, type IsoDate } from '../../../shared/domain/calendar-date';
import { concernsErased, maskRequest } from '../../../shared/domain/erasure-evidence';
import { isOpenRequest } from '../../../shared/domain/gdpr-deadline';
import type { ConsentKind, Customer, CustomerDraftField } from '../../../shared/schemas/customer';
import {
  AttachmentDraftSchema,
  extensionDraftSchema,
  gdprRequestDraftSchema,
  GdprRequestSchema,
  identityDraftSchema,
  MAX_ATTACHMENT_BYTES,
  RECTIFIABLE_FIELDS,
  refusalReplyDraftSchema,
  replySentDraftSchema,
  requestDetailsDraftSchema,
  type AttachmentDraftInput,
  type AttachmentRef,
  type ExtensionDraftInput,
  type GdprRequest,
  type GdprRequestDraftInput,
  type Identity,
  type IdentityDraftInput,
  type RefusalReplyDraftInput,
  type RequestDetailsDraftInput,
  type RequestHistoryEntry,
  type RequestStatus,
} from '../../../shared/schemas/gdpr-request';
import type { RequestAttachment, RequestAttachmentInfo } from '../../../shared/schemas/privacy-records';
import { V } from '../../../shared/schemas/text';
import { attachmentDigest, AttachmentStore } from './attachment-store';
import { CustomerNotFoundError, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError, NotFoundError, RequestStateError } from './errors';
import { fieldError } from './field-error';
import { commitStaged, SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';
import { combineStaged, Subscribable } from './subscribable';

/**
 * The register of data subjects' requests (GDPR Arts. 12–22; issue 7), with the written
 * request's file (attachment-store.ts). Every step is validated with the form's own schema
 * (translated field codes), checked against the request as it is inside the write queue, and
 * appended to the request's history with who and when.
 *
 * Roles (docs/security.md): the receptionist takes a request in — records it, corrects the
 * intake, links the customer, attaches the letter, records the identity check. Handling it —
 * extending, changing the status, refusing, answering, exporting, removing the letter — is the
 * owner's.
 */
export const REQUEST_STORE = 'gdpr-requests';
export const REQUEST_SCHEMA_VERSION = 1;

/** When a step happens: `now` (epoch ms) and the Finnish calendar date `today` (derived from `now` when left out). */
export interface WhenOptions {
  readonly now?: number;
  readonly today?: IsoDate;
}

/** What the repository needs to know of the rest of the register. */
export interface RequestLookups {
  readonly customer: (id: string) => Customer | undefined;
}

const byReceived = (a: GdprRequest, b: GdprRequest) => (a.receivedDate < b.receivedDate ? 1 : a.receivedDate > b.receivedDate ? -1 : b.createdAt - a.createdAt);

function when(options: WhenOptions): { now: number; today: IsoDate } {
  const now = options.now ?? Date.now();
  return { now, today: options.today ?? isoDateInZone(now) };
}

export class RequestRepository extends Subscribable {
  private constructor(
    private readonly db: KirjuriDatabase,
    private readonly store: SealedPageStore<GdprRequest>,
    private readonly files: AttachmentStore,
    private readonly ownDamage: readonly PageDamage[],
    readonly actor: Actor,
    private readonly lookups: RequestLookups,
  ) {
    super();
  }

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue: WriteQueue, lookups: RequestLookups): Promise<RequestRepository> {
    const store = new SealedPageStore<GdprRequest>(db, dataKey, { store: REQUEST_STORE, schemaVersion: REQUEST_SCHEMA_VERSION, capacity: 128, queue });
    const [{ damaged }, files] = await Promise.all([store.load(), AttachmentStore.open(db, dataKey, queue)]);
    return new RequestRepository(db, store, files, damaged, actor, lookups);
  }

  get damaged(): PageDamage[] {
    return [...this.ownDamage, ...this.files.damaged];
  }

  get count(): number {
    return this.store.size;
  }

  get(id: string): GdprRequest | undefined {
    return this.store.get(id);
  }

  /** Every request, the most recently received first. */
  values(): GdprRequest[] {
    return [...this.store.values()].sort(byReceived);
  }

  /** Requests concerning a customer, the most recently received first. */
  forCustomer(customerId: string): GdprRequest[] {
    return this.values().filter((request) => request.customerId === customerId);
  }

  /** The information of a request's file (name, type, size, checksum, who added it). */
  attachmentInfo(requestId: string): RequestAttachmentInfo | undefined {
    const id = this.store.get(requestId)?.attachment?.id;
    return id === undefined ? undefined : this.files.get(id);
  }

  /** The bytes of a request's written copy, decrypted and checked. */
  async readAttachment(requestId: string): Promise<Uint8Array> {
    const request = this.require(requestId);
    if (request.attachment === null) throw new RequestStateError('no_attachment');
    return this.files.read(request.attachment.id);
  }

  /**
   * Records a request as the intake form submits it; `file` holds the bytes of the written
   * request when the draft names one (checked against the draft's size and type).
   */
  async create(draft: GdprRequestDraftInput, options: WhenOptions & { readonly file?: Uint8Array } = {}): Promise<GdprRequest> {
    const { now, today } = when(options);
    const parsed = gdprRequestDraftSchema(today).parse(draft);
    this.assertCustomer(parsed.customerId);
    if (parsed.attachment === null && options.file !== undefined) throw new RangeError('a file was given but the draft names none');
    const id = crypto.randomUUID();
    const file = parsed.attachment === null ? null : await this.prepareFile(draft.attachment!, options.file, id, now, ['attachment']);
    const history: RequestHistoryEntry[] = [this.entry('recorded', parsed.type, now)];
    if (parsed.customerId !== null) history.push(this.entry('customer_linked', null, now));
    if (parsed.identity.state !== 'pending') history.push(this.entry('identity_recorded', parsed.identity.state, now));
    if (file) history.push(this.entry('attachment_added', null, now));
    const request = GdprRequestSchema.parse({
      id,
      type: parsed.type,
      requesterName: parsed.requesterName,
      requesterContact: parsed.requesterContact,
      channel: parsed.channel,
      receivedDate: parsed.receivedDate,
      customerId: parsed.customerId,
      description: parsed.description,
      attachment: file?.ref ?? null,
      identity: this.identityOf(parsed.identity),
      status: 'received',
      refusal: null,
      extension: null,
      replySentDate: null,
      rectifications: [],
      history,
      createdAt: now,
      createdBy: this.actor.userId,
      updatedAt: now,
      updatedBy: this.actor.userId,
    } satisfies GdprRequest);
    await this.store.runExclusive(async () => {
      this.assertCustomer(request.customerId);
      const parts = [await this.store.stage({ put: [request] })];
      if (file) parts.push(await this.files.stagePut(file.info, file.bytes));
      await commitStaged(this.db, parts);
    });
    this.changed();
    return request;
  }

  /** Corrects the intake details of an open request (a typing error, the wrong arrival date). */
  async update(id: string, draft: RequestDetailsDraftInput, options: WhenOptions = {}): Promise<GdprRequest> {
    const { now, today } = when(options);
    const parsed = requestDetailsDraftSchema(today).parse(draft);
    return await this.save(id, (current) => {
      assertOpen(current);
      if (parsed.receivedDate !== current.receivedDate) {
        // An extension was granted, and an identity checked, against the old date.
        if (current.extension !== null) throw fieldError(['receivedDate'], V.extensionLate);
        if (current.identity.state === 'verified' && current.identity.verifiedAt < parsed.receivedDate) throw fieldError(['receivedDate'], V.dateBeforeReceived);
      }
      const next = { ...current, ...parsed };
      if (JSON.stringify(next) === JSON.stringify(current)) return null;
      return this.touched(next, 'details_changed', null, now);
    });
  }

  /** Links the request to the customer it concerns, or records that the person is not in the register (null). */
  async linkCustomer(id: string, customerId: string | null, options: WhenOptions = {}): Promise<GdprRequest> {
    const { now } = when(options);
    return await this.save(id, (current) => {
      assertOpen(current);
      this.assertCustomer(customerId);
      if (current.customerId === customerId) return null;
      return this.touched({ ...current, customerId }, 'customer_linked', customerId === null ? 'not_found' : null, now);
    });
  }

  /** Records how the requester's identity was checked (by the signed-in user), or why it need not be. */
  async setIdentity(id: string, draft: IdentityDraftInput, options: WhenOptions = {}): Promise<GdprRequest> {
    const { now, today } = when(options);
    const parsed = identityDraftSchema(today).parse(draft);
    return await this.save(id, (current) => {
      assertOpen(current);
      if (parsed.state === 'verified' && parsed.verifiedAt < current.receivedDate) throw fieldError(['verifiedAt'], V.dateBeforeReceived);
      return this.touched({ ...current, identity: this.identityOf(parsed) }, 'identity_recorded', parsed.state, now);
    });
  }

  /** Attaches the written request (replacing an earlier file, whose bytes go in the same write). */
  async attach(id: string, draft: AttachmentDraftInput, bytes: Uint8Array, options: WhenOptions = {}): Promise<GdprRequest> {
    const { now } = when(options);
    const file = await this.prepareFile(draft, bytes, id, now, []);
    return await this.commitOne(id, async (current) => {
      assertOpen(current);
      const next = this.touched({ ...current, attachment: file.ref }, 'attachment_added', null, now);
      const parts = [await this.files.stagePut(file.info, file.bytes)];
      if (current.attachment !== null) parts.push(await this.files.stageRemove([current.attachment.id]));
      return { next, parts };
    });
  }

  /** Removes the written request's file (owner). */
  async removeAttachment(id: string, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    const { now } = when(options);
    return await this.commitOne(id, async (current) => {
      if (current.attachment === null) throw new RequestStateError('no_attachment');
      const next = this.touched({ ...current, attachment: null }, 'attachment_removed', null, now);
      return { next, parts: [await this.files.stageRemove([current.attachment.id])] };
    });
  }

  /**
   * Extends the deadline by one or two months (Art. 12(3)), owner. Refused for a closed or an
   * already extended request; a notice dated after the first month is a field error
   * (`extension_notice_late`).
   */
  async extend(id: string, draft: ExtensionDraftInput, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    const { now, today } = when(options);
    return await this.save(id, (current) => {
      assertOpen(current);
      if (current.extension !== null) throw new RequestStateError('already_extended');
      const extension = extensionDraftSchema(current.receivedDate, today).parse(draft);
      return this.touched({ ...current, extension }, 'extended', String(extension.extraMonths), now);
    });
  }

  /**
   * Sets the status to received, in progress or done (owner). Done needs the reply's date
   * (`markReplySent` does both); a refusal goes through `refuse`. Reopening a refused request
   * drops the refusal.
   */
  async setStatus(id: string, status: Exclude<RequestStatus, 'refused'>, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    if ((status as RequestStatus) === 'refused') throw new RangeError('a refusal needs its reasons: use refuse()');
    const { now } = when(options);
    return await this.save(id, (current) => {
      if (current.status === status) return null;
      if (status === 'done' && current.replySentDate === null) throw fieldError(['replySentDate'], V.required);
      return this.touched({ ...current, status, refusal: null }, 'status_changed', status, now);
    });
  }

  /** Refuses the request with its reasons (Art. 12(4)), the complaint right told, and the reply's date (owner). */
  async refuse(id: string, draft: RefusalReplyDraftInput, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    const { now, today } = when(options);
    return await this.save(id, (current) => {
      assertOpen(current);
      const parsed = refusalReplyDraftSchema(current.receivedDate, today).parse(draft);
      const next: GdprRequest = {
        ...current,
        status: 'refused',
        refusal: { reason: parsed.reason, complaintRightNotified: parsed.complaintRightNotified },
        replySentDate: parsed.replySentDate,
      };
      return this.touched(this.touched(next, 'reply_sent', null, now), 'status_changed', 'refused', now);
    });
  }

  /** Records that the answer was sent, which closes the request as done (owner). */
  async markReplySent(id: string, draft: { readonly replySentDate: string }, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    const { now, today } = when(options);
    return await this.save(id, (current) => {
      assertOpen(current);
      const { replySentDate } = replySentDraftSchema(current.receivedDate, today).parse(draft);
      return this.touched(this.touched({ ...current, replySentDate, status: 'done' }, 'reply_sent', null, now), 'status_changed', 'done', now);
    });
  }

  /** Records that the person's data was exported for this request (access report, portability file), owner. */
  async markExported(id: string, kind: 'pdf' | 'json' | 'both' | null = null, options: WhenOptions = {}): Promise<GdprRequest> {
    this.assertOwner();
    const { now } = when(options);
    return await this.save(id, (current) => this.touched(current, 'exported', kind, now));
  }

  // --- parts of the register's cross-store writes (call inside the write queue) --------------

  /**
   * Stages linking an edit of `customerId` to a rectification request (Art. 16): the request
   * must be open, a rectification, and about that customer.
   */
  async stageRectification(requestId: string, customerId: string, fields: readonly CustomerDraftField[], now: number): Promise<StagedWrite> {
    const current = this.require(requestId);
    assertOpen(current);
    if (current.type !== 'rectification') throw new RequestStateError('request_wrong_type');
    if (current.customerId !== customerId) throw new RequestStateError('request_other_customer');
    const rectified = RECTIFIABLE_FIELDS.filter((field) => fields.includes(field));
    const next = this.touched({ ...current, rectifications: [...current.rectifications, { at: now, by: this.actor.userId, fields: rectified }] }, 'rectified', null, now);
    return this.notifying(await this.store.stage({ put: [GdprRequestSchema.parse(next)] }));
  }

  /**
   * Stages recording on a consent-withdrawal request (Art. 7(3)) that a consent of its customer
   * was withdrawn under it: the request must be open, of that type, and about that customer.
   */
  async stageConsentWithdrawal(requestId: string, customerId: string, kind: ConsentKind, now: number): Promise<StagedWrite> {
    const current = this.require(requestId);
    assertOpen(current);
    if (current.type !== 'consent_withdrawal') throw new RequestStateError('request_wrong_type');
    if (current.customerId !== customerId) throw new RequestStateError('request_other_customer');
    return this.notifying(await this.store.stage({ put: [GdprRequestSchema.parse(this.touched(current, 'consent_withdrawn', kind, now))] }));
  }

  /**
   * Stages what erasing `people` does to requests: those concerning them (or listed in
   * `requestIds`) keep only the minimal evidence (erasure-evidence.ts), and their files go.
   */
  async stageErasure(people: ReadonlySet<string>, requestIds: ReadonlySet<string>, now: number): Promise<StagedWrite> {
    const affected = [...this.store.values()].filter((request) => concernsErased(request, people, requestIds));
    const masked = affected.map((request) => maskRequest(request, now, this.actor.userId)).filter((request, i) => request !== affected[i]);
    const files = new Set(affected.flatMap((request) => (request.attachment === null ? [] : [request.attachment.id])));
    for (const info of this.files.values()) if (affected.some((request) => request.id === info.requestId)) files.add(info.id);
    return this.notifying(combineStaged([await this.store.stage({ put: masked }), await this.files.stageRemove([...files])]));
  }

  /** Stages moving requests to another customer card (a merge, or its undo). */
  async stageRelink(ids: readonly string[], customerId: string, detail: 'merged' | 'merge_undone', now: number): Promise<StagedWrite> {
    const moved = ids.map((id) => this.require(id)).map((request) => this.touched({ ...request, customerId }, 'customer_linked', detail, now));
    return this.notifying(await this.store.stage({ put: moved }));
  }

  /** Stages replacing every request and file (a restore). */
  async stageReplaceAll(requests: readonly GdprRequest[], attachments: readonly RequestAttachment[]): Promise<StagedWrite> {
    return this.notifying(combineStaged([await this.store.stageReplaceAll(requests), await this.files.stageReplaceAll(attachments)]));
  }

  /** Every file with its bytes, as a backup holds them. */
  exportAttachments(): Promise<RequestAttachment[]> {
    return this.files.exportAll();
  }

  async close(): Promise<void> {
    await Promise.all([this.store.close(), this.files.close()]);
    this.changed();
    this.forgetListeners();
  }

  // --- helpers --------------------------------------------------------------------------------

  private require(id: string): GdprRequest {
    const request = this.store.get(id);
    if (!request) throw new NotFoundError('no such request');
    return request;
  }

  /** The customer a request is linked to must be in the register (checked again inside the queue). */
  private assertCustomer(customerId: string | null): void {
    if (customerId !== null && !this.lookups.customer(customerId)) throw new CustomerNotFoundError('no such customer');
  }

  private assertOwner(): void {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner handles GDPR requests');
  }

  private entry(what: RequestHistoryEntry['what'], detail: string | null, now: number): RequestHistoryEntry {
    return { at: now, by: this.actor.userId, what, detail };
  }

  /** The request with a history entry and the authorship of the change. */
  private touched(request: GdprRequest, what: RequestHistoryEntry['what'], detail: string | null, now: number): GdprRequest {
    return { ...request, history: [...request.history, this.entry(what, detail, now)], updatedAt: Math.max(now, request.updatedAt), updatedBy: this.actor.userId };
  }

  private identityOf(draft: ReturnType<ReturnType<typeof identityDraftSchema>['parse']>): Identity {
    if (draft.state !== 'verified') return draft;
    return { state: 'verified', method: draft.method, detail: draft.detail, verifiedBy: this.actor.userId, verifiedAt: draft.verifiedAt };
  }

  /** Checks a file against what the picker said about it (size, type, magic number) and seals nothing yet. */
  private async prepareFile(
    draft: AttachmentDraftInput,
    bytes: Uint8Array | undefined,
    requestId: string,
    now: number,
    path: readonly string[],
  ): Promise<{ ref: AttachmentRef; info: RequestAttachmentInfo; bytes: Uint8Array }> {
    const result = AttachmentDraftSchema.safeParse(draft);
    if (!result.success) throw fieldError([...path, String(result.error.issues[0]?.path[0] ?? 'fileName')], result.error.issues[0]?.message ?? V.fileType);
    const parsed = result.data;
    if (bytes === undefined) throw fieldError(path.length > 0 ? path : ['fileName'], V.required);
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldError([...path, 'size'], V.fileTooLarge);
    if (bytes.length !== parsed.size) throw fieldError([...path, 'size'], V.fileType);
    if (sniffAttachmentType(bytes) !== parsed.mimeType) throw fieldError([...path, 'mimeType'], V.fileType);
    const ref: AttachmentRef = { id: crypto.randomUUID(), fileName: parsed.fileName, mimeType: parsed.mimeType, size: parsed.size };
    const info: RequestAttachmentInfo = { ...ref, requestId, sha256: await attachmentDigest(bytes), addedAt: now, addedBy: this.actor.userId };
    return { ref, info, bytes };
  }

  /** A read-modify-write of one request in the queue (a logged change); `change` returns null for no change. */
  private async save(id: string, change: (current: GdprRequest) => GdprRequest | null): Promise<GdprRequest> {
    const { before, after } = await this.store.modify(id, (current) => {
      if (!current) throw new NotFoundError('no such request');
      const next = change(current);
      return next === null ? null : GdprRequestSchema.parse(next);
    });
    if (after === null) return before!;
    this.changed();
    return after;
  }

  /** Like `save`, for a change that writes other stores' parts (the files) in the same transaction. */
  private async commitOne(id: string, change: (current: GdprRequest) => Promise<{ next: GdprRequest; parts: StagedWrite[] }>): Promise<GdprRequest> {
    const next = await this.store.runExclusive(async () => {
      const { next, parts } = await change(this.require(id));
      const checked = GdprRequestSchema.parse(next);
      await commitStaged(this.db, [await this.store.stage({ put: [checked] }), ...parts]);
      return checked;
    });
    this.changed();
    return next;
  }
}

function assertOpen(request: GdprRequest): void {
  if (!isOpenRequest(request)) throw new RequestStateError('request_closed');
}
