import { endOf, overlapping, totalDurationMin, type SlotCandidate } from '../../../shared/domain/appointments';
import {
  AppointmentDraftSchema,
  AppointmentStatusSchema,
  BookedServiceSchema,
  type Appointment,
  type AppointmentChange,
  type AppointmentDraftInput,
  type AppointmentStatus,
  type BookedService,
} from '../../../shared/schemas/appointment';
import { optionalText, requiredText } from '../../../shared/schemas/fields';
import type { Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { CustomerRestrictedError, NotFoundError } from './errors';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';

/**
 * Appointments: sealed pages like customers, 256 to a page in time order, and two in-memory
 * indexes — by start time (the day view answers with two binary searches) and by customer (the
 * customer card). A salon with years of history has far more appointments than customers, so
 * they are decrypted **after** the customer list is ready: `ready` resolves when they are, and
 * until then queries answer empty and `isLoaded` is false (the screens say "loading").
 *
 * Every change is appended to the appointment's history with who and when; the price and
 * duration of each service are copied at booking time and never follow the catalogue.
 */
export const APPOINTMENT_STORE = 'appointments';
export const APPOINTMENT_SCHEMA_VERSION = 1;
export const APPOINTMENT_PAGE_CAPACITY = 256;

const byStart = (a: Appointment, b: Appointment) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What can change on a booked appointment. */
export interface AppointmentPatch {
  readonly start?: number;
  readonly services?: readonly BookedService[];
  readonly staff?: string;
  readonly notes?: string;
  readonly status?: AppointmentStatus;
}

export interface AppointmentRepositoryOptions {
  /**
   * Whether a customer's processing is restricted at `now` (GDPR Art. 18): no new bookings for
   * them and no changes to theirs, except cancelling one.
   */
  readonly isRestricted?: (customerId: string, now: number) => boolean;
}

const CANCELLED: readonly AppointmentStatus[] = ['cancelled_by_customer', 'cancelled_by_salon'];

export class AppointmentRepository {
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** Every appointment by start time (then id): the day and week views' index. */
  private sorted: Appointment[] = [];
  private readonly byCustomer = new Map<string, Appointment[]>();
  /** Duration (ms) of the longest appointment indexed since loading; bounds overlapsWith's search. */
  private longest = 0;
  private loaded = false;
  private damagedPages: readonly PageDamage[] = [];
  /** Resolves when every appointment is decrypted and indexed. */
  readonly ready: Promise<void>;

  private constructor(
    private readonly store: SealedPageStore<Appointment>,
    private readonly actor: Actor,
    private readonly options: AppointmentRepositoryOptions,
  ) {
    this.ready = this.store.load().then(({ damaged }) => {
      this.damagedPages = damaged;
      this.reindex();
      this.loaded = true;
      this.changed();
    });
    // A failed load is reported through `ready`; it must not be an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  /** Starts decrypting the appointments and returns at once (see `ready`). */
  static open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue?: WriteQueue, options: AppointmentRepositoryOptions = {}): AppointmentRepository {
    const store = new SealedPageStore<Appointment>(db, dataKey, {
      store: APPOINTMENT_STORE,
      schemaVersion: APPOINTMENT_SCHEMA_VERSION,
      capacity: APPOINTMENT_PAGE_CAPACITY,
      order: byStart,
      queue,
    });
    return new AppointmentRepository(store, actor, options);
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  get damaged(): readonly PageDamage[] {
    return this.damagedPages;
  }

  get count(): number {
    return this.store.size;
  }

  get version(): number {
    return this.revision;
  }

  get(id: string): Appointment | undefined {
    return this.store.get(id);
  }

  /** Appointments starting in [start, end), in time order. */
  between(start: number, end: number): Appointment[] {
    return this.sorted.slice(this.lowerBound(start), this.lowerBound(end));
  }

  /** A customer's appointments, newest first. */
  forCustomer(customerId: string): Appointment[] {
    return [...(this.byCustomer.get(customerId) ?? [])].sort((a, b) => b.start - a.start);
  }

  /** Appointments of the same staff member that overlap `candidate` (for the warning before saving). */
  overlapsWith(candidate: SlotCandidate): Appointment[] {
    // Anything overlapping starts before the candidate ends, and at most the longest appointment
    // indexed before it starts (up to ten services of 12 h each: not a fixed window).
    const end = candidate.start + totalDurationMin(candidate.services) * 60_000;
    return overlapping(candidate, this.between(candidate.start - this.longest, end));
  }

  /** Books an appointment; status `booked`, the first history entry `booked`. */
  async book(draft: AppointmentDraftInput, now = Date.now()): Promise<Appointment> {
    const values = AppointmentDraftSchema.parse(draft);
    await this.ready;
    const appointment: Appointment = {
      id: crypto.randomUUID(),
      ...values,
      status: 'booked',
      history: [{ at: now, by: this.actor.userId, kind: 'booked', from: null, to: String(values.start) }],
      createdAt: now,
      createdBy: this.actor.userId,
      updatedAt: now,
    };
    // Checked inside the write queue, against a restriction recorded just before.
    await this.store.modify(appointment.id, () => {
      this.assertNotRestricted(appointment.customerId, now);
      return appointment;
    });
    this.insert(appointment);
    this.changed();
    return appointment;
  }

  /** Adds many appointments in one write (demo data, imports, benchmarks), keeping their status. */
  async createMany(drafts: readonly (AppointmentDraftInput & { status?: AppointmentStatus })[], now = Date.now()): Promise<Appointment[]> {
    await this.ready;
    const appointments = drafts.map((draft): Appointment => ({
      id: crypto.randomUUID(),
      ...AppointmentDraftSchema.parse(draft),
      status: AppointmentStatusSchema.parse(draft.status ?? 'booked'),
      history: [{ at: now, by: this.actor.userId, kind: 'booked', from: null, to: String(draft.start) }],
      createdAt: now,
      createdBy: this.actor.userId,
      updatedAt: now,
    }));
    for (const appointment of appointments) this.assertNotRestricted(appointment.customerId, now);
    await this.store.putMany(appointments);
    for (const appointment of appointments) this.insert(appointment);
    this.changed();
    return appointments;
  }

  /**
   * Changes time, services, staff, notes or status; each change that really changes something
   * becomes a history entry. Returns the appointment unchanged when nothing differs.
   */
  async update(id: string, patch: AppointmentPatch, now = Date.now()): Promise<Appointment> {
    await this.ready;
    // Decided inside the write queue against the appointment as it is then: two presses at once
    // must give two history entries, not one lost and the appointment indexed twice.
    const { before, after } = await this.store.modify(id, (current) => (current ? this.patched(current, patch, now) : null));
    if (!before) throw new NotFoundError('no such appointment');
    if (after === null) return before;
    this.replace(before, after);
    this.changed();
    return after;
  }

  /** What `patch` makes of `current`, with a history entry per real change; null when nothing changes. */
  private patched(current: Appointment, patch: AppointmentPatch, now: number): Appointment | null {
    const isCancelling = patch.status !== undefined && CANCELLED.includes(patch.status) && Object.values({ ...patch, status: undefined }).every((value) => value === undefined);
    if (!isCancelling) this.assertNotRestricted(current.customerId, now);
    const next: Appointment = { ...current };
    const history: AppointmentChange[] = [];
    const note = (kind: AppointmentChange['kind'], from: string, to: string) => history.push({ at: now, by: this.actor.userId, kind, from, to });
    if (patch.start !== undefined && patch.start !== current.start) {
      next.start = AppointmentDraftSchema.shape.start.parse(patch.start);
      note('rescheduled', String(current.start), String(next.start));
    }
    if (patch.services !== undefined) {
      const services = AppointmentDraftSchema.shape.services.parse(patch.services.map((service) => BookedServiceSchema.parse(service)));
      if (JSON.stringify(services) !== JSON.stringify(current.services)) {
        next.services = services;
        note('services_changed', serviceSummary(current.services), serviceSummary(services));
      }
    }
    if (patch.staff !== undefined) {
      const staff = requiredText(100).parse(patch.staff);
      if (staff !== current.staff) {
        next.staff = staff;
        note('staff_changed', current.staff, staff);
      }
    }
    if (patch.notes !== undefined) {
      const notes = optionalText(1000).parse(patch.notes);
      if (notes !== current.notes) {
        next.notes = notes;
        // The note's text is not copied into the history: it may be personal, and it is in the record.
        note('notes_changed', '', '');
      }
    }
    if (patch.status !== undefined && patch.status !== current.status) {
      next.status = AppointmentStatusSchema.parse(patch.status);
      note('status_changed', current.status, next.status);
    }
    if (history.length === 0) return null;
    next.history = [...current.history, ...history];
    next.updatedAt = Math.max(now, current.updatedAt);
    return next;
  }

  setStatus(id: string, status: AppointmentStatus, now = Date.now()): Promise<Appointment> {
    return this.update(id, { status }, now);
  }

  /** Stages moving appointments to another customer, or back (merge, undo). */
  async stageMove(ids: readonly string[], customerId: string): Promise<{ staged: StagedWrite; moved: Appointment[] }> {
    await this.ready;
    const moved = ids.map((id) => {
      const current = this.get(id);
      if (!current) throw new NotFoundError('no such appointment');
      return { ...current, customerId };
    });
    return { staged: await this.store.stage({ put: moved }), moved };
  }

  /** Stages erasing appointments (with their customer). */
  async stageErase(ids: readonly string[]): Promise<StagedWrite> {
    await this.ready;
    return this.store.stage({ remove: ids });
  }

  /** Stages replacing every appointment (a restore); `applied()` after the commit. */
  async stageReplaceAll(appointments: readonly Appointment[]): Promise<StagedWrite> {
    await this.ready;
    return this.store.stageReplaceAll(appointments);
  }

  /** Every appointment, in time order (for backups). */
  all(): Appointment[] {
    return [...this.sorted];
  }

  /** Brings the indexes up to date after a committed cross-store write. */
  applied(): void {
    this.reindex();
    this.changed();
  }

  private assertNotRestricted(customerId: string, now: number): void {
    if (this.options.isRestricted?.(customerId, now)) throw new CustomerRestrictedError(customerId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.store.close();
    this.sorted = [];
    this.byCustomer.clear();
    this.loaded = false;
    this.changed();
    this.listeners.clear();
  }

  private reindex(): void {
    this.sorted = [...this.store.values()].sort(byStart);
    this.byCustomer.clear();
    for (const appointment of this.sorted) this.addToCustomer(appointment);
  }

  private lowerBound(start: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]!.start < start) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private insert(appointment: Appointment): void {
    let at = this.lowerBound(appointment.start);
    while (at < this.sorted.length && byStart(this.sorted[at]!, appointment) < 0) at += 1;
    this.sorted.splice(at, 0, appointment);
    this.addToCustomer(appointment);
  }

  private replace(previous: Appointment, next: Appointment): void {
    let at = this.lowerBound(previous.start);
    while (at < this.sorted.length && this.sorted[at] !== previous && this.sorted[at]!.start === previous.start) at += 1;
    if (this.sorted[at] === previous) this.sorted.splice(at, 1);
    const list = this.byCustomer.get(previous.customerId);
    if (list) {
      const i = list.indexOf(previous);
      if (i >= 0) list.splice(i, 1);
    }
    this.insert(next);
  }

  private addToCustomer(appointment: Appointment): void {
    this.longest = Math.max(this.longest, endOf(appointment) - appointment.start);
    const list = this.byCustomer.get(appointment.customerId);
    if (list) list.push(appointment);
    else this.byCustomer.set(appointment.customerId, [appointment]);
  }

  private changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }
}

const serviceSummary = (services: readonly BookedService[]): string => services.map((service) => service.name).join(', ').slice(0, 500);
