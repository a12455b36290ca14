import { canonicalJson, type BackupTables, type ErasureEntry } from '../../../shared/backup/format';
import { maskName } from '../../../shared/domain/masking';
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
 * - merging moves the appointments to the survivor and keeps what is needed to undo it;
 * - restoring a backup replaces every store at once, and never brings back anyone erased.
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
  readonly restored: { readonly customers: number; readonly services: number; readonly appointments: number };
  /** Customers in either erasure ledger, left out (and their appointments with them). */
  readonly skippedErased: number;
}

/** A restore wrote something other than what it meant to: the register is as the file says up to this. */
export class RestoreVerificationError extends Error {
  override readonly name = 'RestoreVerificationError';
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
    private readonly ledger: SealedPageStore<LedgerRecord>,
    private readonly ownDamage: readonly PageDamage[],
    private readonly dataKey: CryptoKey,
    private readonly options: RegisterOptions,
  ) {}

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, options: RegisterOptions = {}): Promise<Register> {
    const queue = new WriteQueue();
    const merges = new SealedPageStore<MergeRecord>(db, dataKey, { store: MERGE_STORE, schemaVersion: MERGE_SCHEMA_VERSION, capacity: 64, queue });
    const ledger = new SealedPageStore<LedgerRecord>(db, dataKey, { store: ERASURE_STORE, schemaVersion: ERASURE_SCHEMA_VERSION, capacity: 1024, queue });
    const [customers, services, mergeLoad, ledgerLoad] = await Promise.all([
      CustomerRepository.open(db, dataKey, actor, { queue, ...(options.noticeVersion ? { noticeVersion: options.noticeVersion } : {}) }),
      ServiceRepository.open(db, dataKey, actor, queue),
      merges.load(),
      ledger.load(),
    ]);
    const appointments = AppointmentRepository.open(db, dataKey, actor, queue);
    return new Register(db, actor, customers, services, appointments, merges, ledger, [...mergeLoad.damaged, ...ledgerLoad.damaged], dataKey, options);
  }

  /** Pages that could not be opened, in any store (the appointments' once they have loaded). */
  get damaged(): PageDamage[] {
    return [...this.customers.damaged, ...this.services.damaged, ...this.appointments.damaged, ...this.ownDamage];
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
   * Erases a customer: the record, their appointments and any undo record holding their data, in
   * one transaction; no ciphertext of them is left in the database. Owner only.
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

  /** Whether `undoMerge` would accept this merge now (the survivor unchanged since, the other still gone). */
  canUndoMerge(mergeId: string): boolean {
    const record = this.merges.get(mergeId);
    const survivor = record ? this.customers.get(record.survivorBefore.id) : undefined;
    return record !== undefined && survivor !== undefined && survivor.updatedAt <= record.at && !this.customers.get(record.merged.id);
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

  /** Every table as a backup holds it (after the appointments have loaded). */
  async snapshot(): Promise<BackupTables> {
    await this.appointments.ready;
    // In the write queue: a consistent picture, with no write half-applied across stores.
    return this.customers.runExclusive(() =>
      Promise.resolve({
        customers: [...this.customers.values()],
        services: this.services.values(),
        appointments: this.appointments.all(),
        erasureLedger: this.erasureLedger(),
      }),
    );
  }

  /**
   * Replaces the whole register with `tables` (a backup being restored), owner only. Customers in
   * this register's erasure ledger or the backup's are left out, with their appointments; the
   * ledgers are joined. Everything is written in one strict transaction; undo records of merges
   * go (they describe a register that no longer exists). Then the stores are read back from disk
   * with a fresh key handle and compared with what was meant: a difference is an error.
   */
  async restore(tables: BackupTables): Promise<RestoreResult> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner may restore backups');
    await this.appointments.ready;
    return this.customers.runExclusive(async () => {
      const ledger = new Map<string, LedgerRecord>();
      for (const entry of [...tables.erasureLedger, ...this.erasureLedger()]) {
        if (!ledger.has(entry.customerId)) ledger.set(entry.customerId, { ...entry, id: entry.customerId });
      }
      const customers = tables.customers.filter((customer) => !ledger.has(customer.id));
      const appointments = tables.appointments.filter((appointment) => !ledger.has(appointment.customerId));
      await commitStaged(this.db, [
        await this.customers.stageReplaceAll(customers),
        await this.services.stageReplaceAll(tables.services),
        await this.appointments.stageReplaceAll(appointments),
        await this.merges.stageReplaceAll([]),
        await this.ledger.stageReplaceAll([...ledger.values()]),
      ]);
      this.customers.reindexed();
      this.services.replaced();
      this.appointments.applied();

      // Read back what is now on disk, as a fresh unlock would, and compare.
      const check = await Register.open(this.db, this.dataKey, this.actor, this.options);
      try {
        const expected: BackupTables = { customers, services: tables.services, appointments, erasureLedger: [...ledger.values()].map(toEntry) };
        const actual = await check.snapshot();
        for (const name of ['customers', 'services', 'appointments', 'erasureLedger'] as const) {
          if (canonicalJson(sortById<Keyed>(actual[name])) !== canonicalJson(sortById<Keyed>(expected[name]))) {
            throw new RestoreVerificationError(`restored ${name} differ from the backup`);
          }
        }
      } finally {
        await check.close();
      }
      return {
        restored: { customers: customers.length, services: tables.services.length, appointments: appointments.length },
        skippedErased: tables.customers.length - customers.length,
      };
    });
  }

  /** Drops every decrypted record and the key from every store (lock). */
  async close(): Promise<void> {
    await Promise.all([this.customers.close(), this.services.close(), this.appointments.close(), this.merges.close(), this.ledger.close()]);
  }
}

const toEntry = ({ id: _id, ...entry }: LedgerRecord): ErasureEntry => entry;

type Keyed = { readonly id?: string; readonly customerId?: string };

/** Records in id order (key of ledger entries: the customer id), for comparing two stores. */
function sortById<T extends Keyed>(records: readonly T[]): T[] {
  const key = (record: T) => record.id ?? record.customerId ?? '';
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
