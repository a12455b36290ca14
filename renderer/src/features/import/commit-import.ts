import type { ImportPlan } from '../../../../shared/domain/csv-import';
import type { CustomerRepository } from '../../db/customer-repository';
import { journalCustomer } from '../session/audit';

export type ReadyPlan = Extract<ImportPlan, { status: 'ready' }>;

export interface CommitOptions {
  readonly now?: number;
  /** Reports the import to main's journal (ids only); the app's `journal.record` by default. */
  readonly journal?: (batchId: string) => Promise<void>;
}

export interface CommitResult {
  /** The id the journal knows this import by. */
  readonly batchId: string;
  readonly count: number;
}

/**
 * Commits an import: every planned customer in ONE IndexedDB transaction (createMany), so a
 * failure anywhere leaves the register, on disk and in memory, exactly as it was; the error is
 * the caller's to show. Journals the import once it is durable: one entry with a batch id, no
 * names. A journal failure does not undo a durable import (main logs it).
 */
export async function commitImport(customers: CustomerRepository, plan: ReadyPlan, options: CommitOptions = {}): Promise<CommitResult> {
  const drafts = plan.rows.map((row) => row.draft);
  const consents = plan.rows.map((row) => row.consents);
  await customers.createMany(drafts, options.now ?? Date.now(), consents);
  const batchId = crypto.randomUUID();
  const journal = options.journal ?? ((id: string) => journalCustomer('customer.imported', id));
  await journal(batchId).catch(() => undefined);
  return { batchId, count: drafts.length };
}
