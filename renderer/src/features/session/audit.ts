import type { RENDERER_JOURNAL_ACTIONS } from '../../../../shared/schemas/journal';
import { invoke } from '../../ipc/client';

/**
 * Tells main what the signed-in user did with a customer; main adds who and when to the audit
 * journal. Ids only. A failure to journal does not stop the front desk: main logs it.
 */
export async function journalCustomer(action: (typeof RENDERER_JOURNAL_ACTIONS)[number], customerId: string): Promise<void> {
  await invoke('journal.record', { action, recordId: customerId });
}
