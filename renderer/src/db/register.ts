import { base64 } from '@scure/base';
import { canonicalJson, completeTables, type BackupTables, type CompleteBackupTables, type ErasureEntry } from '../../../shared/backup/format';
import type { IsoDate } from '../../../shared/domain/calendar-date';
import { concernsErased, forgetInDisclosure, isErasureEvidence, maskRequest } from '../../../shared/domain/erasure-evidence';
import { maskName } from '../../../shared/domain/masking';
import { mergeCustomers, type MergePicks } from '../../../shared/domain/merge';
import { retentionReviewList, type RetentionReviewItem } from '../../../shared/domain/retention';
import type { Customer } from '../../../shared/schemas/customer';
import type { PrivacyFlagsRecord } from '../../../shared/schemas/privacy-records';
import type { RetentionPolicy } from '../../../shared/schemas/retention';
import { AppointmentRepository } from './appointment-repository';
import { attachmentDigest } from './attachment-store';
import { CustomerNotFoundError, CustomerRepository, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { DisclosureRepository, type DisclosureSwap } from './disclosure-repository';
import { CustomerRestrictedError, ForbiddenError, NotFoundError, RequestStateError } from './errors';
import { NoticeRepository } from './notice-repository';
import { PrivacyRepository } from './privacy-repository';
import { RequestRepository } from './request-repository';
import { RetentionRepository } from './retention-repository';
import { commitStaged, SealedPageStore, WriteQueue, type PageDamage } from './sealed-page-store';
import { ServiceRepository } from './service-repository';

/**
 * The unlocked register: every store of the session behind one write queue, and the operations
 * that span stores, each one all-or-nothing (one IndexedDB transaction, memory updated only after
 * it committed):
 * - erasing a customer takes with it their appointments, any merge record holding their data,
 *   their request files, privacy flags and retention decisions, masks the requests concerning
 *   them down to the minimal evidence, and takes them out of the disclosure log's lists;
 * - merging moves the appointments, requests, objections and retention decisions to the
 *   survivor (and the survivor's id into the disclosure log), and keeps what undoing it needs;
 * - restoring a backup replaces every store at once, and never brings back anyone erased.
 *
 * The GDPR stores of issue 7 are `requests` (with their files), `disclosures`, `retention`,
 * `privacy` (restriction and objection) and `notices` (privacy-notice versions); while a
 * customer's processing is restricted, `customers` and `appointments` refuse to change them.
 *
 * Opening decrypts customers and services before it returns (the front desk can search at once)
 * and then starts on the appointments, which arrive a moment later (`appointments.ready`): they
 * do not compete with the customer list for the first, most visible half second.
 *
 * The **erasure ledger** (`erasures`) keeps, for each erased person, their id (and the ids of
 * cards merged into them), when, by whom and for which request, and a masked name: no import or
 * restore can bring them back, and the erasure can be shown to have happened.
 */
export const MERGE_STORE = 'merges';
export const MERGE_SCHEMA_VERSION = 1;
export const ERASURE_STORE = 'erasures';
export const ERASURE_SCHEMA_VERSION = 1;

type LedgerRecord = ErasureEntry & { id: string };

export interface RestoreResult {
  readonly restored: {
    readonly customers: number;
    readonly services: number;
    readonly appointments: number;
    readonly gdprRequests: number;
    readonly requestAttachments: number;
    readonly disclosures: number;
    readonly retentionDecisions: number;
    readonly privacyFlags: number;
    readonly privacyNotices: number;
  };
  /** Customers in either erasure ledger, left out (and their appointments with them). */
  readonly skippedErased: number;
  /** Requests concerning erased people, restored with only the minimal evidence. */
  readonly maskedRequests: number;
  /** Request files, privacy flags and retention decisions of erased people (or of no request), left out. */
  readonly skippedRecords: number;
}

/** A restore wrote something other than what it meant to: the register is as the file says up to this. */
export class RestoreVerificationError extends Error {
  override readonly name = 'RestoreVerificationError';
}

/** The backup holds something that cannot be right (a file that does not match its checksum); nothing was changed. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

/** What undoing a merge needs: both records as they were, and which appointments moved. */
export interface MergeRecord {
  id: string;
  /** When it was merged: the survivor's `updatedAt` right after the merge (normally the merge's `now`). */
  at: number;
  by: string;
  survivorBefore: Customer;
  merged: Customer;
  movedAppointmentIds: string[];
  /**
   * What the merge did to the GDPR stores (issue 7; absent in undo records made before them):
   * both cards' privacy flags before and the survivor's after (its objections include the merged
   * card's, so an objection never disappears in a merge), and what moved.
   */
  privacy?: { survivorBefore: PrivacyFlagsRecord | null; merged: PrivacyFlagsRecord | null; survivorAfter: PrivacyFlagsRecord | null };
  movedRequestIds?: string[];
  movedDecisionIds?: string[];
  disclosureSwaps?: DisclosureSwap[];
}

/** The survivor was edited after the merge: undoing would silently lose that edit. */
export class MergeNotUndoableError extends Error {
  override readonly name = 'MergeNotUndoableError';
}

export interface RegisterOptions {
  /** The privacy-notice version in force, recorded with each consent; by default the register's own (`notices`). */
  readonly noticeVersion?: (now: number) => number | null;
}

export class Register {
  private constructor(
    private readonly db: KirjuriDatabase,
    readonly actor: Actor,
    readonly customers: CustomerRepository,
    readonly services: ServiceRepository,
    readonly appointments: AppointmentRepository,
    readonly requests: RequestRepository,
    readonly disclosures: DisclosureRepository,
    readonly retention: RetentionRepository,
    readonly privacy: PrivacyRepository,
    readonly notices: NoticeRepository,
    private readonly merges: SealedPageStore<MergeRecord>,
    private readonly ledger: SealedPageStore<LedgerRecord>,
    private readonly ownDamage: readonly PageDamage[],
    private readonly dataKey: CryptoKey,
    private readonly options: RegisterOptions,
  ) {}

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, options: RegisterOptions = {}): Promise<Register> {
    const queue = new WriteQueue();
    const merges = new SealedPageStore<MergeRecord>(db, dataKey, { store: MERGE_STORE, schemaVersion: MERGE_SCHEMA_VERSION, capacity: 64, queue });
    const ledger = new SealedPageStore<LedgerRecord>(db, dataKey, { store: ERASURE_STORE, schemaVersion: ERASURE_SCHEMA_VERSION, capacity: 1024, queue });
    // The stores consult each other only when writing, by which time all of them are open.
    const refs: { customers?: CustomerRepository; requests?: RequestRepository; privacy?: PrivacyRepository; notices?: NoticeRepository } = {};
    const lookups = {
      customer: (id: string) => refs.customers?.get(id),
      request: (id: string) => refs.requests?.get(id),
    };
    const isRestricted = (customerId: string, now: number) => refs.privacy?.isRestricted(customerId, now) ?? false;
    const [customers, services, mergeLoad, ledgerLoad, requests, disclosures, retention, privacy, notices] = await Promise.all([
      CustomerRepository.open(db, dataKey, actor, {
        queue,
        noticeVersion: options.noticeVersion ?? ((now) => refs.notices?.versionInForce(now) ?? null),
        isRestricted,
        rectifications: {
          stageRectification: (...args) => refs.requests!.stageRectification(...args),
          stageConsentWithdrawal: (...args) => refs.requests!.stageConsentWithdrawal(...args),
        },
      }),
      ServiceRepository.open(db, dataKey, actor, queue),
      merges.load(),
      ledger.load(),
      RequestRepository.open(db, dataKey, actor, queue, lookups),
      DisclosureRepository.open(db, dataKey, actor, queue, lookups),
      RetentionRepository.open(db, dataKey, actor, queue, lookups),
      PrivacyRepository.open(db, dataKey, actor, queue, lookups),
      NoticeRepository.open(db, dataKey, actor, queue),
    ]);
    Object.assign(refs, { customers, requests, privacy, notices });
    const appointments = AppointmentRepository.open(db, dataKey, actor, queue, { isRestricted });
    return new Register(
      db,
      actor,
      customers,
      services,
      appointments,
      requests,
      disclosures,
      retention,
      privacy,
      notices,
      merges,
      ledger,
      [...mergeLoad.damaged, ...ledgerLoad.damaged],
      dataKey,
      options,
    );
  }

  /** Pages that could not be opened, in any store (the appointments' once they have loaded). */
  get damaged(): PageDamage[] {
    return [
      ...this.customers.damaged,
      ...this.services.damaged,
      ...this.appointments.damaged,
      ...this.requests.damaged,
      ...this.disclosures.damaged,
      ...this.retention.damaged,
      ...this.privacy.damaged,
      ...this.notices.damaged,
      ...this.ownDamage,
    ];
  }

  /** The privacy-notice version in force now (recorded with each consent), or null before any was generated. */
  get currentNoticeVersion(): number | null {
    return this.options.noticeVersion?.(Date.now()) ?? this.notices.versionInForce();
  }

  /** Customers due for retention review today under `policy` (shared/domain/retention.ts), longest due first. */
  retentionReview(policy: RetentionPolicy, today: IsoDate): RetentionReviewItem[] {
    return retentionReviewList({
      customers: this.customers.values(),
      appointments: this.appointments.all(),
      requests: this.requests.values(),
      decisions: this.retention.values(),
      policy,
      today,
      isRestricted: (customerId) => this.privacy.isRestricted(customerId, Date.now()),
    });
  }

  /** The erasure ledger, oldest first. */
  erasureLedger(): ErasureEntry[] {
    return [...this.ledger.values()].map(toEntry).sort((a, b) => a.erasedAt - b.erasedAt);
  }

  /** Whether this id belongs to someone erased (a restore or an import must not bring them back). */
  isErased(customerId: string): boolean {
    return this.ledger.has(customerId);
  }

  /**
   * Erases a customer (GDPR Art. 17), owner only, in one transaction: the record, their
   * appointments, any undo record holding their data, their request files, privacy flags and
   * retention decisions go; requests concerning them keep only the minimal evidence (id, type,
   * dates, status, masked name); disclosure entries drop them from their lists and count them.
   * No ciphertext of them is left in the database; the erasure ledger keeps their id. The
   * request answered (`requestId`) must concern them.
   */
  async eraseCustomer(id: string, { requestId = null, now = Date.now() }: { readonly requestId?: string | null; readonly now?: number } = {}): Promise<void> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner may erase customers');
    await this.appointments.ready;
    await this.customers.runExclusive(async () => {
      const customer = this.customers.get(id);
      if (!customer) throw new CustomerNotFoundError('no such customer');
      const appointmentIds = this.appointments.forCustomer(id).map((appointment) => appointment.id);
      // Undo records naming them, and those of cards merged into them earlier (the same person):
      // a chain B←A, C←B keeps A's and B's data in records that do not name C.
      const person = new Set([id]);
      const mergeIds = new Set<string>();
      for (let grew = true; grew; ) {
        grew = false;
        for (const merge of this.merges.values()) {
          if (mergeIds.has(merge.id) || !(person.has(merge.survivorBefore.id) || person.has(merge.merged.id))) continue;
          mergeIds.add(merge.id);
          person.add(merge.merged.id);
          grew = true;
        }
      }
      if (requestId !== null) {
        const request = this.requests.get(requestId);
        if (!request) throw new NotFoundError('no such request');
        if (request.customerId === null || !person.has(request.customerId)) throw new RequestStateError('request_other_customer');
      }
      // Every card of the person goes into the ledger: an older backup may hold them separately.
      const entries: LedgerRecord[] = [...person].map((customerId) => ({
        id: customerId,
        customerId,
        erasedAt: now,
        erasedBy: this.actor.userId,
        requestId,
        maskedName: maskName(customer.firstName, customer.lastName),
      }));
      await commitStaged(this.db, [
        await this.customers.stageErase([id]),
        await this.appointments.stageErase(appointmentIds),
        await this.merges.stage({ remove: [...mergeIds] }),
        await this.ledger.stage({ put: entries.filter((entry) => !this.ledger.has(entry.id)) }),
        await this.requests.stageErasure(person, new Set(requestId === null ? [] : [requestId]), now),
        await this.privacy.stageErase(person),
        await this.retention.stageErase(person),
        await this.disclosures.stageErasure(person),
      ]);
      this.customers.applied([], [customer]);
      this.appointments.applied();
    });
  }

  /**
   * Merges `mergedId` into `survivorId`: the survivor takes the picked values and both records'
   * consents, the merged customer's appointments move to the survivor, and the merged record is
   * removed, all in one transaction. Returns the record that `undoMerge` needs.
   */
  async merge(survivorId: string, mergedId: string, picks: MergePicks, now = Date.now()): Promise<MergeRecord> {
    if (survivorId === mergedId) throw new RangeError('a customer cannot be merged with itself');
    await this.appointments.ready;
    return this.customers.runExclusive(async () => {
      const survivor = this.customers.get(survivorId);
      const merged = this.customers.get(mergedId);
      if (!survivor || !merged) throw new CustomerNotFoundError('no such customer');
      // Restricted records are read-only (Art. 18): merging would change one and remove the other.
      for (const id of [survivorId, mergedId]) if (this.privacy.isRestricted(id, now)) throw new CustomerRestrictedError(id);
      const result = mergeCustomers(survivor, merged, picks, now, this.actor.userId);
      const movedAppointmentIds = this.appointments.forCustomer(mergedId).map((appointment) => appointment.id);
      const survivorFlags = this.privacy.historyOf(survivorId);
      const mergedFlags = this.privacy.historyOf(mergedId);
      const survivorAfter = mergedFlags === null ? survivorFlags : joinFlags(survivorId, survivorFlags, mergedFlags);
      const movedRequestIds = this.requests.forCustomer(mergedId).map((request) => request.id);
      const movedDecisionIds = this.retention.forCustomer(mergedId).map((decision) => decision.id);
      const { staged: disclosures, swaps } = await this.disclosures.stageMerge(survivorId, mergedId);
      const record: MergeRecord = {
        id: crypto.randomUUID(),
        // The survivor's updatedAt after the merge: any later change makes it larger (undoMerge).
        at: result.updatedAt,
        by: this.actor.userId,
        survivorBefore: survivor,
        merged,
        movedAppointmentIds,
        privacy: { survivorBefore: survivorFlags, merged: mergedFlags, survivorAfter },
        movedRequestIds,
        movedDecisionIds,
        disclosureSwaps: swaps,
      };
      const { staged: moved } = await this.appointments.stageMove(movedAppointmentIds, survivorId);
      await commitStaged(this.db, [
        await this.customers.stage({ put: [result], remove: [mergedId] }),
        moved,
        await this.merges.stage({ put: [record] }),
        await this.privacy.stagePut(mergedFlags === null || survivorAfter === null ? [] : [survivorAfter], mergedFlags === null ? [] : [mergedId]),
        await this.requests.stageRelink(movedRequestIds, survivorId, 'merged', now),
        await this.retention.stageMove(movedDecisionIds, survivorId),
        disclosures,
      ]);
      this.customers.applied([result], [merged]);
      this.appointments.applied();
      return record;
    });
  }

  /**
   * Whether `undoMerge` would accept this merge now: the survivor unchanged since (its record and
   * its restriction and objections), the other still gone.
   */
  canUndoMerge(mergeId: string): boolean {
    const record = this.merges.get(mergeId);
    const survivor = record ? this.customers.get(record.survivorBefore.id) : undefined;
    if (record === undefined || survivor === undefined || survivor.updatedAt > record.at || this.customers.get(record.merged.id)) return false;
    if (!record.privacy) return true;
    return canonicalJson(this.privacy.historyOf(survivor.id)) === canonicalJson(record.privacy.survivorAfter);
  }

  /** Merges that can still be undone, newest first. */
  undoableMerges(): MergeRecord[] {
    return [...this.merges.values()].sort((a, b) => b.at - a.at);
  }

  /**
   * Undoes a merge: both customers as they were before it, the appointments back with the merged
   * one. Refused when the survivor was changed or merged again since (undoing would lose that
   * work); such a merge is simply no longer undoable.
   */
  async undoMerge(mergeId: string): Promise<void> {
    await this.appointments.ready;
    await this.customers.runExclusive(async () => {
      const record = this.merges.get(mergeId);
      if (!record) throw new NotFoundError('no such merge');
      const survivorNow = this.customers.get(record.survivorBefore.id);
      if (!survivorNow) throw new CustomerNotFoundError('the surviving customer is gone');
      if (!this.canUndoMerge(mergeId)) throw new MergeNotUndoableError('the survivor has changed since the merge');
      const survivorId = record.survivorBefore.id;
      const mergedId = record.merged.id;
      const now = Date.now();
      const stillThere = record.movedAppointmentIds.filter((id) => this.appointments.get(id)?.customerId === survivorId);
      const { staged: moved } = await this.appointments.stageMove(stillThere, mergedId);
      const parts = [await this.customers.stage({ put: [record.survivorBefore, record.merged] }), moved, await this.merges.stage({ remove: [mergeId] })];
      if (record.privacy) {
        const { survivorBefore, merged } = record.privacy;
        const put = [survivorBefore, merged].filter((flags): flags is PrivacyFlagsRecord => flags !== null);
        parts.push(await this.privacy.stagePut(put, survivorBefore === null ? [survivorId] : []));
      }
      const requests = (record.movedRequestIds ?? []).filter((id) => this.requests.get(id)?.customerId === survivorId);
      parts.push(await this.requests.stageRelink(requests, mergedId, 'merge_undone', now));
      const decisions = new Set(this.retention.forCustomer(survivorId).map((decision) => decision.id));
      parts.push(await this.retention.stageMove((record.movedDecisionIds ?? []).filter((id) => decisions.has(id)), mergedId));
      parts.push(await this.disclosures.stageUndoMerge(survivorId, mergedId, record.disclosureSwaps ?? []));
      await commitStaged(this.db, parts);
      this.customers.applied([record.survivorBefore, record.merged], [survivorNow]);
      this.appointments.applied();
    });
  }

  /** Forgets undo records (after a verified backup, merges are final). */
  async clearMergeHistory(): Promise<void> {
    const ids = [...this.merges.values()].map((merge) => merge.id);
    if (ids.length > 0) await this.merges.deleteMany(ids);
  }

  /** Every table as a backup holds it (after the appointments have loaded), request files with their bytes. */
  async snapshot(): Promise<CompleteBackupTables> {
    await this.appointments.ready;
    // In the write queue: a consistent picture, with no write half-applied across stores.
    return this.customers.runExclusive(async () => ({
      customers: [...this.customers.values()],
      services: this.services.values(),
      appointments: this.appointments.all(),
      erasureLedger: this.erasureLedger(),
      gdprRequests: this.requests.values(),
      requestAttachments: await this.requests.exportAttachments(),
      disclosures: this.disclosures.values(),
      retentionDecisions: this.retention.values(),
      privacyFlags: this.privacy.records(),
      privacyNotices: this.notices.values(),
    }));
  }

  /**
   * Replaces the whole register with `tables` (a backup being restored), owner only. Customers in
   * this register's erasure ledger or the backup's are left out, with their appointments, request
   * files, privacy flags and retention decisions; requests concerning them come back with only
   * the minimal evidence, and disclosure entries without them in their lists, exactly as an
   * erasure leaves them. The ledgers are joined, and so is the evidence of erasures made after the
 * file was written (the masked requests). Everything is written in one strict
   * transaction; undo records of merges go (they describe a register that no longer exists).
   * Then the stores are read back from disk with a fresh key handle and compared with what was
   * meant: a difference is an error.
   */
  async restore(tables: BackupTables): Promise<RestoreResult> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner may restore backups');
    await this.appointments.ready;
    const file = completeTables(tables);
    return this.customers.runExclusive(async () => {
      const ledger = new Map<string, LedgerRecord>();
      for (const entry of [...file.erasureLedger, ...this.erasureLedger()]) {
        if (!ledger.has(entry.customerId)) ledger.set(entry.customerId, { ...entry, id: entry.customerId });
      }
      const erased = new Set(ledger.keys());
      const erasureRequests = new Set([...ledger.values()].flatMap((entry) => (entry.requestId === null ? [] : [entry.requestId])));
      const now = Date.now();
      const expected: CompleteBackupTables = {
        customers: file.customers.filter((customer) => !erased.has(customer.id)),
        services: file.services,
        appointments: file.appointments.filter((appointment) => !erased.has(appointment.customerId)),
        erasureLedger: [...ledger.values()].map(toEntry),
        gdprRequests: [
          ...file.gdprRequests.map((request) => (concernsErased(request, erased, erasureRequests) ? maskRequest(request, now, this.actor.userId) : request)),
          // The evidence of erasures made since the file was written stays, as the ledger does.
          ...this.requests.values().filter((request) => isErasureEvidence(request) && !file.gdprRequests.some((theirs) => theirs.id === request.id)),
        ],
        requestAttachments: [],
        disclosures: file.disclosures.map((disclosure) => forgetInDisclosure(disclosure, erased)),
        retentionDecisions: file.retentionDecisions.filter((decision) => !erased.has(decision.customerId)),
        privacyFlags: file.privacyFlags.filter((flags) => !erased.has(flags.customerId)),
        privacyNotices: file.privacyNotices,
      };
      // A file comes back only with the request that refers to it (a masked request refers to none).
      const fileOf = new Map(expected.gdprRequests.flatMap((request) => (request.attachment === null ? [] : [[request.attachment.id, request.id] as const])));
      expected.requestAttachments = file.requestAttachments.filter((attachment) => fileOf.get(attachment.id) === attachment.requestId);
      for (const attachment of expected.requestAttachments) {
        if ((await attachmentDigest(base64.decode(attachment.data))) !== attachment.sha256) throw new RestoreRefusedError('a request file does not match its checksum');
      }

      await commitStaged(this.db, [
        await this.customers.stageReplaceAll(expected.customers),
        await this.services.stageReplaceAll(expected.services),
        await this.appointments.stageReplaceAll(expected.appointments),
        await this.merges.stageReplaceAll([]),
        await this.ledger.stageReplaceAll([...ledger.values()]),
        await this.requests.stageReplaceAll(expected.gdprRequests, expected.requestAttachments),
        await this.disclosures.stageReplaceAll(expected.disclosures),
        await this.retention.stageReplaceAll(expected.retentionDecisions),
        await this.privacy.stageReplaceAll(expected.privacyFlags),
        await this.notices.stageReplaceAll(expected.privacyNotices),
      ]);
      this.customers.reindexed();
      this.services.replaced();
      this.appointments.applied();

      // Read back what is now on disk, as a fresh unlock would, and compare.
      const check = await Register.open(this.db, this.dataKey, this.actor, this.options);
      try {
        const actual = await check.snapshot();
        for (const name of Object.keys(expected) as (keyof CompleteBackupTables)[]) {
          if (canonicalJson(sortById<Keyed>(actual[name])) !== canonicalJson(sortById<Keyed>(expected[name]))) {
            throw new RestoreVerificationError(`restored ${name} differ from the backup`);
          }
        }
      } finally {
        await check.close();
      }
      const skippedRecords =
        file.requestAttachments.length -
        expected.requestAttachments.length +
        (file.retentionDecisions.length - expected.retentionDecisions.length) +
        (file.privacyFlags.length - expected.privacyFlags.length);
      return {
        restored: {
          customers: expected.customers.length,
          services: expected.services.length,
          appointments: expected.appointments.length,
          gdprRequests: expected.gdprRequests.length,
          requestAttachments: expected.requestAttachments.length,
          disclosures: expected.disclosures.length,
          retentionDecisions: expected.retentionDecisions.length,
          privacyFlags: expected.privacyFlags.length,
          privacyNotices: expected.privacyNotices.length,
        },
        skippedErased: file.customers.length - expected.customers.length,
        maskedRequests: file.gdprRequests.filter((request, i) => request !== expected.gdprRequests[i]).length,
        skippedRecords,
      };
    });
  }

  /** Drops every decrypted record and the key from every store (lock). */
  async close(): Promise<void> {
    await Promise.all([
      this.customers.close(),
      this.services.close(),
      this.appointments.close(),
      this.requests.close(),
      this.disclosures.close(),
      this.retention.close(),
      this.privacy.close(),
      this.notices.close(),
      this.merges.close(),
      this.ledger.close(),
    ]);
  }
}

const toEntry = ({ id: _id, ...entry }: LedgerRecord): ErasureEntry => entry;

/**
 * The survivor's flags after a merge: both cards' restrictions (none of them in force: a
 * restricted card cannot be merged) and objections, in time order.
 */
function joinFlags(survivorId: string, survivor: PrivacyFlagsRecord | null, merged: PrivacyFlagsRecord): PrivacyFlagsRecord {
  return {
    customerId: survivorId,
    restrictions: [...(survivor?.restrictions ?? []), ...merged.restrictions].sort((a, b) => a.restrictedSince - b.restrictedSince),
    objections: [...(survivor?.objections ?? []), ...merged.objections].sort((a, b) => a.objectedAt - b.objectedAt),
  };
}

type Keyed = { readonly id?: string; readonly customerId?: string | null };

/** Records in id order (key of ledger entries: the customer id), for comparing two stores. */
function sortById<T extends Keyed>(records: readonly T[]): T[] {
  const key = (record: T) => record.id ?? record.customerId ?? '';
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
