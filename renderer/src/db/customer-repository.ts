import { CustomerDraftSchema, type Customer, type CustomerDraftInput } from '../../../shared/schemas/customer';
import { compareCustomers, CustomerIndex } from './customer-index';
import type { Role } from '../../../shared/schemas/users';
import type { KirjuriDatabase } from './database';
import { SealedPageStore, type PageDamage } from './sealed-page-store';

/**
 * The customer register of an unlocked session: encrypted pages underneath, an in-memory search
 * index on top. Everything decrypted lives here and is dropped by `close()` (lock).
 *
 * Every write is validated with the same zod schema as the form, because the data layer must not
 * trust the UI either.
 */
export const CUSTOMER_STORE = 'customers';
export const CUSTOMER_SCHEMA_VERSION = 1;
/** Records per encrypted page; chosen by measurement (docs/performance.md). */
export const CUSTOMER_PAGE_CAPACITY = 256;

export class CustomerNotFoundError extends Error {
  override readonly name = 'CustomerNotFoundError';
}

/** The signed-in role may not do this (the UI hides it too; main enforces its own channels). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

type Listener = () => void;

export class CustomerRepository {
  private readonly listeners = new Set<Listener>();
  private revision = 0;

  private constructor(
    private readonly store: SealedPageStore<Customer>,
    readonly damaged: readonly PageDamage[],
    private readonly index: CustomerIndex,
    readonly role: Role,
  ) {}

  /** Decrypts the register and builds the search index: after this, search answers at once. */
  static async open(db: KirjuriDatabase, dataKey: CryptoKey, role: Role = 'owner'): Promise<CustomerRepository> {
    const store = new SealedPageStore<Customer>(db, dataKey, CUSTOMER_STORE, CUSTOMER_SCHEMA_VERSION, CUSTOMER_PAGE_CAPACITY, compareCustomers);
    const index = new CustomerIndex();
    const { damaged } = await store.load((records) => index.add(records));
    index.finish();
    return new CustomerRepository(store, damaged, index, role);
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

  search(query: string): string[] {
    return this.index.search(query);
  }

  async create(draft: CustomerDraftInput, now = Date.now()): Promise<Customer> {
    const values = CustomerDraftSchema.parse(draft);
    const customer: Customer = { id: crypto.randomUUID(), ...values, createdAt: now, updatedAt: now };
    await this.store.put(customer);
    this.index.upsert(customer);
    this.changed();
    return customer;
  }

  /** Adds many customers in one all-or-nothing write (imports, demo data). */
  async createMany(drafts: readonly CustomerDraftInput[], now = Date.now()): Promise<Customer[]> {
    const customers = drafts.map((draft): Customer => ({
      id: crypto.randomUUID(),
      ...CustomerDraftSchema.parse(draft),
      createdAt: now,
      updatedAt: now,
    }));
    await this.store.putMany(customers);
    for (const customer of customers) this.index.upsert(customer);
    this.changed();
    return customers;
  }

  async update(id: string, draft: CustomerDraftInput, now = Date.now()): Promise<Customer> {
    const current = this.store.get(id);
    if (!current) throw new CustomerNotFoundError('no such customer');
    const values = CustomerDraftSchema.parse(draft);
    const customer: Customer = { ...current, ...values, updatedAt: Math.max(now, current.updatedAt) };
    await this.store.put(customer);
    this.index.upsert(customer, current);
    this.changed();
    return customer;
  }

  /** Erases a customer. Owner only: a receptionist cannot erase customers (issue 4). */
  async delete(id: string): Promise<void> {
    if (this.role !== 'owner') throw new ForbiddenError('only the owner may erase customers');
    const current = this.store.get(id);
    if (!current) throw new CustomerNotFoundError('no such customer');
    await this.store.delete(id);
    this.index.remove(id, current);
    this.changed();
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

  private changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }
}
