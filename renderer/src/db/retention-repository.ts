import { isoDateInZone } from '../../../shared/domain/calendar-date';
import type { Customer } from '../../../shared/schemas/customer';
import { retentionDecisionDraftSchema, RetentionDecisionSchema, type RetentionDecision, type RetentionDecisionDraftInput } from '../../../shared/schemas/retention';
import { CustomerNotFoundError, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError } from './errors';
import type { WhenOptions } from './request-repository';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';
import { Subscribable } from './subscribable';

/**
 * Retention review decisions (GDPR Art. 5(1)(e), 5(2)): when the owner keeps a customer who came
 * up for review, why and until when. The other outcome, erasure, is the register's erasure; it
 * takes the person's decisions with it. Every decision is kept (the newest counts), so the
 * review's history is evidence of its own.
 */
export const RETENTION_STORE = 'retention-decisions';
export const RETENTION_SCHEMA_VERSION = 1;

export interface RetentionLookups {
  readonly customer: (id: string) => Customer | undefined;
}

export class RetentionRepository extends Subscribable {
  private constructor(
    private readonly store: SealedPageStore<RetentionDecision>,
    readonly damaged: readonly PageDamage[],
    readonly actor: Actor,
    private readonly lookups: RetentionLookups,
  ) {
    super();
  }

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue: WriteQueue, lookups: RetentionLookups): Promise<RetentionRepository> {
    const store = new SealedPageStore<RetentionDecision>(db, dataKey, { store: RETENTION_STORE, schemaVersion: RETENTION_SCHEMA_VERSION, capacity: 256, queue });
    const { damaged } = await store.load();
    return new RetentionRepository(store, damaged, actor, lookups);
  }

  /** Every decision, oldest first. */
  values(): RetentionDecision[] {
    return [...this.store.values()].sort((a, b) => a.decidedAt - b.decidedAt);
  }

  /** The customer's decisions, oldest first. */
  forCustomer(customerId: string): RetentionDecision[] {
    return this.values().filter((decision) => decision.customerId === customerId);
  }

  /** The decision in force for the customer (the newest), or null. */
  latestFor(customerId: string): RetentionDecision | null {
    return this.forCustomer(customerId).at(-1) ?? null;
  }

  /** Keeps a customer who is due for review, with the reason and the next review date (owner). */
  async decide(customerId: string, draft: RetentionDecisionDraftInput, options: WhenOptions = {}): Promise<RetentionDecision> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner decides on retention');
    const now = options.now ?? Date.now();
    const parsed = retentionDecisionDraftSchema(options.today ?? isoDateInZone(now)).parse(draft);
    const decision = RetentionDecisionSchema.parse({
      id: crypto.randomUUID(),
      customerId,
      decision: 'keep',
      reason: parsed.reason,
      nextReviewDate: parsed.nextReviewDate,
      decidedAt: now,
      decidedBy: this.actor.userId,
    } satisfies RetentionDecision);
    await this.store.modify(decision.id, () => {
      if (!this.lookups.customer(customerId)) throw new CustomerNotFoundError('no such customer');
      return decision;
    });
    this.changed();
    return decision;
  }

  // --- parts of the register's cross-store writes -------------------------------------------

  async stageErase(customerIds: ReadonlySet<string>): Promise<StagedWrite> {
    const ids = [...this.store.values()].filter((decision) => customerIds.has(decision.customerId)).map((decision) => decision.id);
    return this.notifying(await this.store.stage({ remove: ids }));
  }

  /** Stages giving decisions to another customer card (a merge, or its undo). */
  async stageMove(ids: readonly string[], customerId: string): Promise<StagedWrite> {
    const moved = ids.map((id) => this.store.get(id)).filter((decision): decision is RetentionDecision => decision !== undefined);
    return this.notifying(await this.store.stage({ put: moved.map((decision) => ({ ...decision, customerId })) }));
  }

  async stageReplaceAll(decisions: readonly RetentionDecision[]): Promise<StagedWrite> {
    return this.notifying(await this.store.stageReplaceAll(decisions));
  }

  async close(): Promise<void> {
    await this.store.close();
    this.changed();
    this.forgetListeners();
  }
}
