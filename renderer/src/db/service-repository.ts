import { ServiceDraftSchema, type Service, type ServiceDraftInput } from '../../../shared/schemas/appointment';
import type { Actor } from './customer-repository';
import { ForbiddenError, NotFoundError } from './errors';
import type { KirjuriDatabase } from './database';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';

/**
 * The service catalogue: what the salon sells, for how long and at what price. The owner edits it;
 * everyone books from it. Sealed like everything else (prices are not secret, but a tampered
 * price list would be a problem), and small: one page.
 */
export const SERVICE_STORE = 'services';
export const SERVICE_SCHEMA_VERSION = 1;

const byName = (a: Service, b: Service) => a.name.localeCompare(b.name, 'fi');

export class ServiceRepository {
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  private constructor(
    private readonly store: SealedPageStore<Service>,
    readonly damaged: readonly PageDamage[],
    private readonly actor: Actor,
  ) {}

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue?: WriteQueue): Promise<ServiceRepository> {
    const store = new SealedPageStore<Service>(db, dataKey, {
      store: SERVICE_STORE,
      schemaVersion: SERVICE_SCHEMA_VERSION,
      capacity: 512,
      order: byName,
      queue,
    });
    const { damaged } = await store.load();
    return new ServiceRepository(store, damaged, actor);
  }

  get version(): number {
    return this.revision;
  }

  get(id: string): Service | undefined {
    return this.store.get(id);
  }

  /** Every service, by name; `activeOnly` for what can be booked now. */
  list({ activeOnly = false }: { readonly activeOnly?: boolean } = {}): Service[] {
    return [...this.store.values()].filter((service) => !activeOnly || service.active).sort(byName);
  }

  async create(draft: ServiceDraftInput, now = Date.now()): Promise<Service> {
    this.assertOwner();
    const service: Service = { id: crypto.randomUUID(), ...ServiceDraftSchema.parse(draft), createdAt: now, updatedAt: now };
    await this.store.put(service);
    this.changed();
    return service;
  }

  /** Adds many in one write (demo data, a first catalogue). */
  async createMany(drafts: readonly ServiceDraftInput[], now = Date.now()): Promise<Service[]> {
    this.assertOwner();
    const services = drafts.map((draft): Service => ({ id: crypto.randomUUID(), ...ServiceDraftSchema.parse(draft), createdAt: now, updatedAt: now }));
    await this.store.putMany(services);
    this.changed();
    return services;
  }

  /** Changes a service. Appointments already booked keep the name and price they were booked with. */
  async update(id: string, draft: ServiceDraftInput, now = Date.now()): Promise<Service> {
    this.assertOwner();
    const current = this.store.get(id);
    if (!current) throw new NotFoundError('no such service');
    const service: Service = { ...current, ...ServiceDraftSchema.parse(draft), updatedAt: Math.max(now, current.updatedAt) };
    await this.store.put(service);
    this.changed();
    return service;
  }

  /** Stages replacing the whole catalogue (a restore); `replaced()` after the commit. */
  stageReplaceAll(services: readonly Service[]): Promise<StagedWrite> {
    return this.store.stageReplaceAll(services);
  }

  replaced(): void {
    this.changed();
  }

  /** Every service, as stored (for backups). */
  values(): Service[] {
    return [...this.store.values()];
  }

  /** Runs `work` in the session's write queue. */
  runExclusive<R>(work: () => Promise<R>): Promise<R> {
    return this.store.runExclusive(work);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.store.close();
    this.changed();
    this.listeners.clear();
  }

  private assertOwner(): void {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner edits the service catalogue');
  }

  private changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }
}
