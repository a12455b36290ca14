import { isoDateInZone } from '../../../shared/domain/calendar-date';
import { forgetInDisclosure } from '../../../shared/domain/erasure-evidence';
import type { Customer } from '../../../shared/schemas/customer';
import { disclosureDraftSchema, DisclosureSchema, type Disclosure, type DisclosureDraftInput } from '../../../shared/schemas/disclosure';
import type { GdprRequest } from '../../../shared/schemas/gdpr-request';
import { CustomerNotFoundError, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError, NotFoundError } from './errors';
import type { WhenOptions } from './request-repository';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';
import { Subscribable } from './subscribable';

/**
 * The disclosure log (DESIGN §6.6): each time personal data left the salon — to an authority on
 * a lawful request, or as a copy to a successor company's controller — who received what, on
 * which basis, about whom, recorded by the owner. Entries are never edited; an erasure removes
 * the person from the entries' customer lists and counts them instead (Art. 17), and a merge
 * writes the surviving card's id in place of the merged one.
 */
export const DISCLOSURE_STORE = 'disclosures';
export const DISCLOSURE_SCHEMA_VERSION = 1;

export interface DisclosureLookups {
  readonly customer: (id: string) => Customer | undefined;
  readonly request: (id: string) => GdprRequest | undefined;
}

/** What a merge did to one entry, so that undoing it can do the opposite. */
export interface DisclosureSwap {
  readonly id: string;
  /** Whether the survivor's id was added (false: it was already listed). */
  readonly survivorAdded: boolean;
}

const byDate = (a: Disclosure, b: Disclosure) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.recordedAt - a.recordedAt);

export class DisclosureRepository extends Subscribable {
  private constructor(
    private readonly store: SealedPageStore<Disclosure>,
    readonly damaged: readonly PageDamage[],
    readonly actor: Actor,
    private readonly lookups: DisclosureLookups,
  ) {
    super();
  }

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue: WriteQueue, lookups: DisclosureLookups): Promise<DisclosureRepository> {
    const store = new SealedPageStore<Disclosure>(db, dataKey, { store: DISCLOSURE_STORE, schemaVersion: DISCLOSURE_SCHEMA_VERSION, capacity: 64, queue });
    const { damaged } = await store.load();
    return new DisclosureRepository(store, damaged, actor, lookups);
  }

  get(id: string): Disclosure | undefined {
    return this.store.get(id);
  }

  /** Every entry, the newest first. */
  values(): Disclosure[] {
    return [...this.store.values()].sort(byDate);
  }

  /** Entries that included the customer's data (for their access report, Art. 15(1)(c)). */
  forCustomer(customerId: string): Disclosure[] {
    return this.values().filter((disclosure) => disclosure.customerIds.includes(customerId));
  }

  /**
   * Records a disclosure (owner). Every customer listed must be in the register and the request,
   * when given, must exist.
   */
  async record(draft: DisclosureDraftInput, options: WhenOptions = {}): Promise<Disclosure> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner records disclosures');
    const now = options.now ?? Date.now();
    const parsed = disclosureDraftSchema(options.today ?? isoDateInZone(now)).parse(draft);
    const disclosure = DisclosureSchema.parse({
      id: crypto.randomUUID(),
      ...parsed,
      customerIds: [...new Set(parsed.customerIds)],
      recordedBy: this.actor.userId,
      recordedAt: now,
    } satisfies Disclosure);
    await this.store.modify(disclosure.id, () => {
      // In the queue: a customer erased just before cannot slip into the log.
      for (const id of disclosure.customerIds) if (!this.lookups.customer(id)) throw new CustomerNotFoundError('no such customer');
      if (disclosure.requestId !== null && !this.lookups.request(disclosure.requestId)) throw new NotFoundError('no such request');
      return disclosure;
    });
    this.changed();
    return disclosure;
  }

  // --- parts of the register's cross-store writes -------------------------------------------

  /** Stages removing erased people from every entry's list (each entry keeps the count). */
  async stageErasure(people: ReadonlySet<string>): Promise<StagedWrite> {
    const changed = [...this.store.values()].map((disclosure) => [disclosure, forgetInDisclosure(disclosure, people)] as const).filter(([before, after]) => before !== after);
    return this.notifying(await this.store.stage({ put: changed.map(([, after]) => after) }));
  }

  /** Stages a merge: `mergedId` becomes `survivorId` in every entry that lists it. */
  async stageMerge(survivorId: string, mergedId: string): Promise<{ staged: StagedWrite; swaps: DisclosureSwap[] }> {
    const swaps: DisclosureSwap[] = [];
    const put: Disclosure[] = [];
    for (const disclosure of this.store.values()) {
      if (!disclosure.customerIds.includes(mergedId)) continue;
      const survivorAdded = !disclosure.customerIds.includes(survivorId);
      const ids = disclosure.customerIds.filter((id) => id !== mergedId);
      put.push({ ...disclosure, customerIds: survivorAdded ? [...ids, survivorId] : ids });
      swaps.push({ id: disclosure.id, survivorAdded });
    }
    return { staged: this.notifying(await this.store.stage({ put })), swaps };
  }

  /** Stages undoing `stageMerge`'s swaps (entries changed since by an erasure stay as they are now). */
  async stageUndoMerge(survivorId: string, mergedId: string, swaps: readonly DisclosureSwap[]): Promise<StagedWrite> {
    const put: Disclosure[] = [];
    for (const swap of swaps) {
      const disclosure = this.store.get(swap.id);
      if (!disclosure?.customerIds.includes(survivorId)) continue;
      const ids = swap.survivorAdded ? disclosure.customerIds.filter((id) => id !== survivorId) : disclosure.customerIds;
      put.push({ ...disclosure, customerIds: ids.includes(mergedId) ? ids : [...ids, mergedId] });
    }
    return this.notifying(await this.store.stage({ put }));
  }

  async stageReplaceAll(disclosures: readonly Disclosure[]): Promise<StagedWrite> {
    return this.notifying(await this.store.stageReplaceAll(disclosures));
  }

  async close(): Promise<void> {
    await this.store.close();
    this.changed();
    this.forgetListeners();
  }
}
