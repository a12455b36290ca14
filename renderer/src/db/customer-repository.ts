import { ZodError } from 'zod';
import { activeConsent } from '../../../shared/domain/consent';
import {
  CUSTOMER_DRAFT_FIELDS,
  ConsentDraftSchema,
  CustomerDraftSchema,
  upgradeCustomerV1,
  type Consent,
  type ConsentDraftInput,
  type ConsentKind,
  type Customer,
  type CustomerDraftField,
  type CustomerDraftInput,
} from '../../../shared/schemas/customer';
import type { Role } from '../../../shared/schemas/users';
import { compareCustomers, CustomerIndex } from './customer-index';
import { CustomerRestrictedError, ForbiddenError, NotFoundError } from './errors';
import type { KirjuriDatabase } from './database';
import { commitStaged, SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';

/**
 * The customer register of an unlocked session: encrypted pages underneath, an in-memory search
 * index on top. Everything decrypted lives here and is dropped by `close()` (lock).
 *
 * Every write is validated with the same zod schema as the form, because the data layer must not
 * trust the UI either. Erasing a customer spans stores (their appointments go too), so it is the
 * register's (`register.ts`), which uses `stageErase` here.
 */
export const CUSTOMER_STORE = 'customers';
/** 2: source, legal basis, language, consents, health notes, authorship (issue 5). */
export const CUSTOMER_SCHEMA_VERSION = 2;
/** Records per encrypted page; chosen by measurement (docs/performance.md). */
export const CUSTOMER_PAGE_CAPACITY = 256;

/** Who is working: recorded as author of changes, and checked for what the role may do. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
}

export class CustomerNotFoundError extends NotFoundError {
  override readonly name = 'CustomerNotFoundError';
}

export { CustomerRestrictedError, ForbiddenError };

/** Health notes are special-category data (GDPR Art. 9): only with the customer's explicit consent. */
export const HEALTH_CONSENT_REQUIRED = 'health_consent_required';
/** The expiry given is not in the future. */
export const CONSENT_EXPIRY_PAST = 'consent_expiry_past';

/** A validation error at one field, shaped like zod's own (the forms show it at the field). */
function fieldError(path: string, code: string, input: unknown): ZodError {
  return new ZodError([{ code: 'custom', path: [path], message: code, input: typeof input === 'string' ? '' : input }]);
}

type Listener = () => void;

/** Links an edit made under a rectification request to it (the register's request repository). */
export interface RectificationLinker {
  /** Checks that the request may carry the link and stages it; throws when it may not. */
  stageRectification(requestId: string, customerId: string, fields: readonly CustomerDraftField[], now: number): Promise<StagedWrite>;
  /** The same for a consent withdrawn under a consent-withdrawal request (Art. 7(3)). */
  stageConsentWithdrawal(requestId: string, customerId: string, kind: ConsentKind, now: number): Promise<StagedWrite>;
}

export interface CustomerRepositoryOptions {
  /** The session's shared write queue (register.ts); a repository of its own gets a private one. */
  readonly queue?: WriteQueue;
  /** The privacy-notice version in force at `now`, recorded with each consent. */
  readonly noticeVersion?: (now: number) => number | null;
  /** Whether the customer's processing is restricted at `now` (GDPR Art. 18): then they are read-only. */
  readonly isRestricted?: (customerId: string, now: number) => boolean;
  /** Where `update(…, { requestId })` records the rectification link. */
  readonly rectifications?: RectificationLinker;
}

/** How an edit is made: when, and under which rectification request (Art. 16), if any. */
export interface CustomerUpdateOptions {
  readonly now?: number;
  readonly requestId?: string | null;
}

/** How a consent is withdrawn: when, and under which consent-withdrawal request (Art. 7(3)), if any. */
export interface ConsentWithdrawalOptions {
  readonly now?: number;
  readonly requestId?: string | null;
}

export class CustomerRepository {
  private readonly listeners = new Set<Listener>();
  private revision = 0;

  private constructor(
    private readonly db: KirjuriDatabase,
    private readonly store: SealedPageStore<Customer>,
    readonly damaged: readonly PageDamage[],
    private readonly index: CustomerIndex,
    readonly actor: Actor,
    private readonly options: CustomerRepositoryOptions,
  ) {}

  /** Decrypts the register and builds the search index: after this, search answers at once. */
  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, options: CustomerRepositoryOptions = {}): Promise<CustomerRepository> {
    const store = new SealedPageStore<Customer>(db, dataKey, {
      store: CUSTOMER_STORE,
      schemaVersion: CUSTOMER_SCHEMA_VERSION,
      capacity: CUSTOMER_PAGE_CAPACITY,
      order: compareCustomers,
      queue: options.queue,
      upgrade: (record, version) => {
        if (version === 1) return upgradeCustomerV1(record as Record<string, unknown>);
        throw new Error(`no upgrade from customer schema ${version}`);
      },
    });
    const index = new CustomerIndex();
    const { damaged } = await store.load((records) => index.add(records));
    index.finish();
    return new CustomerRepository(db, store, damaged, index, actor, options);
  }

  get role(): Role {
    return this.actor.role;
  }

  get count(): number {
    return this.store.size;
  }

  /** Changes whenever the register changes; React reads it through useSyncExternalStore. */
  get version(): number {
    return this.revision;
  }

  get(id: string): Customer | undefined {
    return this.store.get(id);
  }

  values(): IterableIterator<Customer> {
    return this.store.values();
  }

  search(query: string): string[] {
    return this.index.search(query);
  }

  async create(draft: CustomerDraftInput, now = Date.now()): Promise<Customer> {
    const [customer] = await this.createMany([draft], now);
    return customer!;
  }

  /**
   * Adds many customers in one all-or-nothing write (imports, demo data). `consents` lists, per
   * draft, consents the source explicitly recorded (an import's consent columns).
   */
  async createMany(
    drafts: readonly CustomerDraftInput[],
    now = Date.now(),
    consents?: readonly (readonly ConsentDraftInput[])[],
  ): Promise<Customer[]> {
    const customers = drafts.map((draft, i): Customer => {
      const given = (consents?.[i] ?? []).map((consent) => this.newConsent(consent, now));
      const customer: Customer = {
        id: crypto.randomUUID(),
        ...CustomerDraftSchema.parse(draft),
        consents: given,
        createdAt: now,
        createdBy: this.actor.userId,
        updatedAt: now,
        updatedBy: this.actor.userId,
      };
      assertHealthNotesAllowed(customer, now);
      return customer;
    });
    if (customers.length === 1) await this.store.put(customers[0]!);
    else await this.store.putMany(customers);
    this.indexed(customers);
    return customers;
  }

  /**
   * Saves an edit of the customer. Refused while their processing is restricted. With a
   * `requestId`, the edit is a rectification under that request (Art. 16): the request records
   * which fields changed, who changed them and when, in the same transaction as the edit.
   */
  async update(id: string, draft: CustomerDraftInput, options: number | CustomerUpdateOptions = {}): Promise<Customer> {
    const { now = Date.now(), requestId = null } = typeof options === 'number' ? { now: options } : options;
    const edited = (current: Customer): Customer => {
      this.assertNotRestricted(id, now);
      const customer: Customer = { ...current, ...CustomerDraftSchema.parse(draft), ...this.touched(current, now) };
      assertHealthNotesAllowed(customer, now);
      return customer;
    };
    if (requestId === null) return this.save(id, edited);
    const linker = this.options.rectifications;
    if (!linker) throw new Error('rectification links need the register');
    const { before, after } = await this.store.runExclusive(async () => {
      const current = this.store.get(id);
      if (!current) throw new CustomerNotFoundError('no such customer');
      const next = edited(current);
      const fields = CUSTOMER_DRAFT_FIELDS.filter((field) => next[field] !== current[field]);
      if (fields.length === 0) return { before: current, after: null };
      await commitStaged(this.db, [await this.store.stage({ put: [next] }), await linker.stageRectification(requestId, id, fields, now)]);
      return { before: current, after: next };
    });
    if (after === null) return before;
    this.index.upsert(after, before);
    this.changed();
    return after;
  }

  /** Records a consent (its own dated, attributed entry). */
  /**
   * Records a consent (its own dated, attributed entry). Refused, as a field error, when the
   * expiry is already past: that would record a consent that never was. A second consent of a
   * kind already in force is allowed (renewed with a new scope or expiry); the newest counts.
   */
  async giveConsent(id: string, draft: ConsentDraftInput, now = Date.now()): Promise<Customer> {
    return this.save(id, (current) => {
      this.assertNotRestricted(id, now);
      const consent = this.newConsent(draft, now);
      if (consent.expiresAt !== null && consent.expiresAt <= now) throw fieldError('expiresAt', CONSENT_EXPIRY_PAST, consent.expiresAt);
      return { ...current, consents: [...current.consents, consent], ...this.touched(current, now) };
    });
  }

  /**
   * Withdraws a consent: as easy as giving it, and the history stays. Withdrawing the health-data
   * consent also removes the health notes it allowed: there is no basis left to keep them.
   * Allowed under a restriction too: a withdrawal only narrows what is done with the data, and
   * Art. 7(3) gives the right to withdraw "at any time".
   */
  async withdrawConsent(id: string, consentId: string, options: number | ConsentWithdrawalOptions = {}): Promise<Customer> {
    const { now = Date.now(), requestId = null } = typeof options === 'number' ? { now: options } : options;
    const withdrawn = (current: Customer): { next: Customer; kind: ConsentKind } | null => {
      const target = current.consents.find((consent) => consent.id === consentId);
      if (!target) throw new CustomerNotFoundError('no such consent');
      if (target.withdrawnAt !== null) return null;
      const consents = current.consents.map((consent) =>
        consent.id === consentId ? { ...consent, withdrawnAt: now, withdrawnBy: this.actor.userId } : consent,
      );
      const next: Customer = { ...current, consents, ...this.touched(current, now) };
      if (target.kind === 'health_data' && activeConsent(next, 'health_data', now) === null) next.healthNotes = '';
      return { next, kind: target.kind };
    };
    if (requestId === null) return this.save(id, (current) => withdrawn(current)?.next ?? null);
    // Under a request: the withdrawal and the request's record of it are one write, or neither.
    const linker = this.options.rectifications;
    if (!linker) throw new Error('request links need the register');
    const { before, after } = await this.store.runExclusive(async () => {
      const current = this.store.get(id);
      if (!current) throw new CustomerNotFoundError('no such customer');
      const change = withdrawn(current);
      if (change === null) return { before: current, after: null };
      await commitStaged(this.db, [await this.store.stage({ put: [change.next] }), await linker.stageConsentWithdrawal(requestId, id, change.kind, now)]);
      return { before: current, after: change.next };
    });
    if (after === null) return before;
    this.index.upsert(after, before);
    this.changed();
    return after;
  }

  /** Stages erasing customers: their pages are re-sealed without them, no logged change remains. */
  stageErase(ids: readonly string[]): Promise<StagedWrite> {
    return this.store.stage({ remove: ids });
  }

  /** Stages putting some customers and erasing others in one write (merge, undo). */
  stage(changes: { readonly put?: readonly Customer[]; readonly remove?: readonly string[] }): Promise<StagedWrite> {
    return this.store.stage(changes);
  }

  /** Stages replacing every customer (a restore); `reindexed()` after the commit. */
  stageReplaceAll(customers: readonly Customer[]): Promise<StagedWrite> {
    return this.store.stageReplaceAll(customers);
  }

  /** Rebuilds the search index from the store (after a committed restore). */
  reindexed(): void {
    this.index.build(this.store.values());
    this.changed();
  }

  /** Brings the search index and listeners up to date after a committed cross-store write. */
  applied(put: readonly Customer[], removed: readonly Customer[]): void {
    for (const customer of removed) this.index.remove(customer.id, customer);
    for (const customer of put) this.index.upsert(customer);
    this.changed();
  }

  /** Runs `work` in the session's write queue (writes spanning stores). */
  runExclusive<R>(work: () => Promise<R>): Promise<R> {
    return this.store.runExclusive(work);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets every decrypted customer and the key reference (lock). */
  async close(): Promise<void> {
    await this.store.close();
    this.index.clear();
    this.changed();
    this.listeners.clear();
  }

  /** Whether the customer's processing is restricted at `now` (read-only then). */
  isRestricted(id: string, now = Date.now()): boolean {
    return this.options.isRestricted?.(id, now) ?? false;
  }

  private assertNotRestricted(id: string, now: number): void {
    if (this.isRestricted(id, now)) throw new CustomerRestrictedError(id);
  }

  /** updatedAt grows with every change, even within one millisecond or after the clock went back (undoMerge relies on it). */
  private touched(current: Customer, now: number): Pick<Customer, 'updatedAt' | 'updatedBy'> {
    return { updatedAt: Math.max(now, current.updatedAt + 1), updatedBy: this.actor.userId };
  }

  private newConsent(draft: ConsentDraftInput, now: number): Consent {
    const parsed = ConsentDraftSchema.parse(draft);
    return {
      id: crypto.randomUUID(),
      kind: parsed.kind,
      givenAt: now,
      method: parsed.method,
      recordedBy: this.actor.userId,
      noticeVersion: this.options.noticeVersion?.(now) ?? null,
      scope: parsed.scope,
      expiresAt: parsed.expiresAt,
      withdrawnAt: null,
      withdrawnBy: null,
    };
  }

  /**
   * Saves what `change` makes of the customer, decided inside the write queue against the record
   * as it is then: a change computed from an earlier copy would undo a write queued before it
   * (a second consent given at once) or bring back a customer erased meanwhile.
   */
  private async save(id: string, change: (current: Customer) => Customer | null): Promise<Customer> {
    const { before, after } = await this.store.modify(id, (current) => {
      if (!current) throw new CustomerNotFoundError('no such customer');
      return change(current);
    });
    if (after === null) return before!;
    this.index.upsert(after, before);
    this.changed();
    return after;
  }

  /**
   * New customers into the search index. One at a time is a binary-search insert; a batch (an
   * import) is appended and sorted once, because a thousand inserts into a large array cost the
   * square of the batch.
   */
  private indexed(customers: readonly Customer[]): void {
    if (customers.length < 64) {
      for (const customer of customers) this.index.upsert(customer);
    } else {
      this.index.add(customers);
      this.index.finish();
    }
    this.changed();
  }

  private changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }
}

/** Refuses health notes without an active health-data consent, as a field error of `healthNotes`. */
function assertHealthNotesAllowed(customer: Customer, now: number): void {
  if (customer.healthNotes === '' || activeConsent(customer, 'health_data', now) !== null) return;
  // No `input`: a ZodError's message includes it, and these are health data (zod's own issues omit it too).
  throw new ZodError([{ code: 'custom', path: ['healthNotes'], message: HEALTH_CONSENT_REQUIRED }]);
}
