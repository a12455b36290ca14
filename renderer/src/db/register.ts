import { mergeCustomers, type MergePicks } from '../../../shared/domain/merge';
import type { Customer } from '../../../shared/schemas/customer';
import { AppointmentRepository } from './appointment-repository';
import { CustomerNotFoundError, CustomerRepository, type Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError, NotFoundError } from './errors';
import { commitStaged, SealedPageStore, WriteQueue, type PageDamage } from './sealed-page-store';
import { ServiceRepository } from './service-repository';

/**
 * The unlocked register: every store of the session behind one write queue, and the operations
 * that span stores, each one all-or-nothing (one IndexedDB transaction, memory updated only after
 * it committed):
 * - erasing a customer takes their appointments and any merge record holding their data with it;
 * - merging moves the appointments to the survivor and keeps what is needed to undo it.
 *
 * Opening decrypts customers and services before it returns (the front desk can search at once)
 * and starts on the appointments, which arrive a moment later (`appointments.ready`).
 */
export const MERGE_STORE = 'merges';
export const MERGE_SCHEMA_VERSION = 1;

/** What undoing a merge needs: both records as they were, and which appointments moved. */
export interface MergeRecord {
  id: string;
  /** When it was merged: the survivor's `updatedAt` right after the merge (normally the merge's `now`). */
  at: number;
  by: string;
  survivorBefore: Customer;
  merged: Customer;
  movedAppointmentIds: string[];
}

/** The survivor was edited after the merge: undoing would silently lose that edit. */
export class MergeNotUndoableError extends Error {
  override readonly name = 'MergeNotUndoableError';
}

export interface RegisterOptions {
  /** The privacy-notice version in force, recorded with each consent. */
  readonly noticeVersion?: () => number | null;
}

export class Register {
  private constructor(
    private readonly db: KirjuriDatabase,
    readonly actor: Actor,
    readonly customers: CustomerRepository,
    readonly services: ServiceRepository,
    readonly appointments: AppointmentRepository,
    private readonly merges: SealedPageStore<MergeRecord>,
    private readonly mergeDamage: readonly PageDamage[],
  ) {}

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, options: RegisterOptions = {}): Promise<Register> {
    const queue = new WriteQueue();
    const appointments = AppointmentRepository.open(db, dataKey, actor, queue);
    const merges = new SealedPageStore<MergeRecord>(db, dataKey, { store: MERGE_STORE, schemaVersion: MERGE_SCHEMA_VERSION, capacity: 64, queue });
    const [customers, services, mergeLoad] = await Promise.all([
      CustomerRepository.open(db, dataKey, actor, { queue, ...(options.noticeVersion ? { noticeVersion: options.noticeVersion } : {}) }),
      ServiceRepository.open(db, dataKey, actor, queue),
      merges.load(),
    ]);
    return new Register(db, actor, customers, services, appointments, merges, mergeLoad.damaged);
  }

  /** Pages that could not be opened, in any store (the appointments' once they have loaded). */
  get damaged(): PageDamage[] {
    return [...this.customers.damaged, ...this.services.damaged, ...this.appointments.damaged, ...this.mergeDamage];
  }

  /**
   * Erases a customer: the record, their appointments and any undo record holding their data, in
   * one transaction; no ciphertext of them is left in the database. Owner only.
   */
  async eraseCustomer(id: string): Promise<void> {
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
      await commitStaged(this.db, [
        await this.customers.stageErase([id]),
        await this.appointments.stageErase(appointmentIds),
        await this.merges.stage({ remove: [...mergeIds] }),
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
      const result = mergeCustomers(survivor, merged, picks, now, this.actor.userId);
      const movedAppointmentIds = this.appointments.forCustomer(mergedId).map((appointment) => appointment.id);
      const record: MergeRecord = {
        id: crypto.randomUUID(),
        // The survivor's updatedAt after the merge: any later change makes it larger (undoMerge).
        at: result.updatedAt,
        by: this.actor.userId,
        survivorBefore: survivor,
        merged,
        movedAppointmentIds,
      };
      const { staged: moved } = await this.appointments.stageMove(movedAppointmentIds, survivorId);
      await commitStaged(this.db, [
        await this.customers.stage({ put: [result], remove: [mergedId] }),
        moved,
        await this.merges.stage({ put: [record] }),
      ]);
      this.customers.applied([result], [merged]);
      this.appointments.applied();
      return record;
    });
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
      if (survivorNow.updatedAt > record.at || this.customers.get(record.merged.id)) {
        throw new MergeNotUndoableError('the survivor has changed since the merge');
      }
      const stillThere = record.movedAppointmentIds.filter((id) => this.appointments.get(id)?.customerId === record.survivorBefore.id);
      const { staged: moved } = await this.appointments.stageMove(stillThere, record.merged.id);
      await commitStaged(this.db, [
        await this.customers.stage({ put: [record.survivorBefore, record.merged] }),
        moved,
        await this.merges.stage({ remove: [mergeId] }),
      ]);
      this.customers.applied([record.survivorBefore, record.merged], [survivorNow]);
      this.appointments.applied();
    });
  }

  /** Forgets undo records (after a verified backup, merges are final). */
  async clearMergeHistory(): Promise<void> {
    const ids = [...this.merges.values()].map((merge) => merge.id);
    if (ids.length > 0) await this.merges.deleteMany(ids);
  }

  /** Drops every decrypted record and the key from every store (lock). */
  async close(): Promise<void> {
    await Promise.all([this.customers.close(), this.services.close(), this.appointments.close(), this.merges.close()]);
  }
}
