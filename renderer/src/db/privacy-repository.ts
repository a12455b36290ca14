import { isObjectionActive, isRestrictionActive, NO_PRIVACY_FLAGS, type PrivacyFlags } from '../../../shared/domain/marketing';
import type { Customer } from '../../../shared/schemas/customer';
import { RestrictionDraftSchema, RestrictionLiftDraftSchema, type GdprRequest, type RestrictionDraftInput } from '../../../shared/schemas/gdpr-request';
import { PrivacyFlagsRecordSchema, type PrivacyFlagsRecord } from '../../../shared/schemas/privacy-records';
import { CustomerNotFoundError, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError, NotFoundError, PrivacyStateError, RequestStateError } from './errors';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';
import { Subscribable } from './subscribable';

/**
 * Each customer's restriction of processing (GDPR Art. 18) and objections to direct marketing
 * (Art. 21), with their history: one sealed record per customer who has any, kept apart from the
 * customer record so that a restricted record can stay exactly as it was.
 *
 * - A restriction makes the customer read-only (customers, consents, bookings refuse with
 *   `CustomerRestrictedError`) and keeps them out of marketing lists and register exports; only
 *   the owner lifts it, with a reason (Art. 18(3): the person is told first).
 * - An objection keeps the customer out of every marketing list whatever consent is ticked later,
 *   until it is withdrawn in writing (owner).
 * Restricting and recording an objection protect the person, so the front desk may do both when
 * the written request arrives; undoing either is the owner's.
 */
export const PRIVACY_FLAGS_STORE = 'privacy-flags';
export const PRIVACY_FLAGS_SCHEMA_VERSION = 1;

type FlagsRecord = PrivacyFlagsRecord & { id: string };

export interface PrivacyLookups {
  readonly customer: (id: string) => Customer | undefined;
  readonly request: (id: string) => GdprRequest | undefined;
}

export class PrivacyRepository extends Subscribable {
  private constructor(
    private readonly store: SealedPageStore<FlagsRecord>,
    readonly damaged: readonly PageDamage[],
    readonly actor: Actor,
    private readonly lookups: PrivacyLookups,
  ) {
    super();
  }

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue: WriteQueue, lookups: PrivacyLookups): Promise<PrivacyRepository> {
    const store = new SealedPageStore<FlagsRecord>(db, dataKey, { store: PRIVACY_FLAGS_STORE, schemaVersion: PRIVACY_FLAGS_SCHEMA_VERSION, capacity: 512, queue });
    const { damaged } = await store.load();
    return new PrivacyRepository(store, damaged, actor, lookups);
  }

  /** The customer's current restriction (lifted or not) and every objection; none for most customers. */
  flagsOf(customerId: string): PrivacyFlags {
    const record = this.store.get(customerId);
    if (!record) return NO_PRIVACY_FLAGS;
    return { restriction: record.restrictions.at(-1) ?? null, objections: record.objections };
  }

  /** The whole history (every restriction, every objection), or null when there is none. */
  historyOf(customerId: string): PrivacyFlagsRecord | null {
    const record = this.store.get(customerId);
    return record ? withoutId(record) : null;
  }

  isRestricted(customerId: string, now = Date.now()): boolean {
    return isRestrictionActive(this.flagsOf(customerId).restriction, now);
  }

  /** Ids of customers whose processing is restricted at `now`. */
  restrictedIds(now = Date.now()): Set<string> {
    const ids = new Set<string>();
    for (const record of this.store.values()) if (isRestrictionActive(record.restrictions.at(-1) ?? null, now)) ids.add(record.customerId);
    return ids;
  }

  /** Every customer's record, as a backup holds them. */
  records(): PrivacyFlagsRecord[] {
    return [...this.store.values()].map(withoutId);
  }

  /** Restricts processing of the customer's data (Art. 18(1)), optionally under a request about them. */
  async restrict(customerId: string, draft: RestrictionDraftInput, requestId: string | null = null, now = Date.now()): Promise<PrivacyFlags> {
    const parsed = RestrictionDraftSchema.parse(draft);
    return await this.save(customerId, requestId, (current) => {
      if (isRestrictionActive(current.restrictions.at(-1) ?? null, now)) throw new PrivacyStateError('already_restricted');
      const restriction = { restrictedSince: now, ground: parsed.ground, requestId, note: parsed.note, liftedAt: null, liftedBy: null, liftReason: '' };
      return { ...current, restrictions: [...current.restrictions, restriction] };
    });
  }

  /** Lifts the restriction in force, with the reason (owner). The entry stays as history. */
  async liftRestriction(customerId: string, reason: string, now = Date.now()): Promise<PrivacyFlags> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner lifts a restriction');
    const { liftReason } = RestrictionLiftDraftSchema.parse({ liftReason: reason });
    return await this.save(customerId, null, (current) => {
      const last = current.restrictions.at(-1) ?? null;
      if (last === null || !isRestrictionActive(last, now)) throw new PrivacyStateError('not_restricted');
      return { ...current, restrictions: [...current.restrictions.slice(0, -1), { ...last, liftedAt: Math.max(now, last.restrictedSince), liftedBy: this.actor.userId, liftReason }] };
    });
  }

  /** Records an objection to direct marketing (Art. 21(2)); it outlives every later consent. */
  async object(customerId: string, requestId: string | null = null, now = Date.now()): Promise<PrivacyFlags> {
    return await this.save(customerId, requestId, (current) => ({
      ...current,
      objections: [...current.objections, { objectedAt: now, requestId, recordedBy: this.actor.userId, withdrawnAt: null, withdrawnBy: null }],
    }));
  }

  /** Withdraws the objections in force, on the person's written word (owner). The entries stay. */
  async withdrawObjection(customerId: string, now = Date.now()): Promise<PrivacyFlags> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner withdraws an objection');
    return await this.save(customerId, null, (current) => {
      if (!current.objections.some((objection) => isObjectionActive(objection, now))) throw new PrivacyStateError('not_objected');
      return {
        ...current,
        objections: current.objections.map((objection) =>
          isObjectionActive(objection, now) ? { ...objection, withdrawnAt: Math.max(now, objection.objectedAt), withdrawnBy: this.actor.userId } : objection,
        ),
      };
    });
  }

  // --- parts of the register's cross-store writes -------------------------------------------

  /** Stages removing the records of erased people. */
  async stageErase(customerIds: Iterable<string>): Promise<StagedWrite> {
    return this.notifying(await this.store.stage({ remove: [...customerIds].filter((id) => this.store.has(id)) }));
  }

  /** Stages putting and removing whole records (a merge moves the merged card's objections). */
  async stagePut(records: readonly PrivacyFlagsRecord[], remove: readonly string[] = []): Promise<StagedWrite> {
    return this.notifying(await this.store.stage({ put: records.map(withId), remove: remove.filter((id) => this.store.has(id)) }));
  }

  async stageReplaceAll(records: readonly PrivacyFlagsRecord[]): Promise<StagedWrite> {
    return this.notifying(await this.store.stageReplaceAll(records.map(withId)));
  }

  async close(): Promise<void> {
    await this.store.close();
    this.changed();
    this.forgetListeners();
  }

  private async save(customerId: string, requestId: string | null, change: (current: PrivacyFlagsRecord) => PrivacyFlagsRecord): Promise<PrivacyFlags> {
    const { after } = await this.store.modify(customerId, (current) => {
      // Checked in the queue: an erasure queued just before must not leave a record behind.
      if (!this.lookups.customer(customerId)) throw new CustomerNotFoundError('no such customer');
      if (requestId !== null) {
        const request = this.lookups.request(requestId);
        if (!request) throw new NotFoundError('no such request');
        if (request.customerId !== customerId) throw new RequestStateError('request_other_customer');
      }
      const base: PrivacyFlagsRecord = current ? withoutId(current) : { customerId, restrictions: [], objections: [] };
      return withId(PrivacyFlagsRecordSchema.parse(change(base)));
    });
    this.changed();
    return after === null ? NO_PRIVACY_FLAGS : this.flagsOf(customerId);
  }
}

const withId = (record: PrivacyFlagsRecord): FlagsRecord => ({ id: record.customerId, ...record });
const withoutId = ({ id: _id, ...record }: FlagsRecord): PrivacyFlagsRecord => record;
