import { describe, expect, it } from 'vitest';
import { completeTables, type BackupTables } from '../../../../shared/backup/format';
import { flagsLookup, registerExportTables } from '../../../../shared/backup/register-export';
import { syntheticStored } from '../../../support/synthetic';

/**
 * A successor company takes the whole register over (issue 7, the seed's business-transfer
 * case): restricted customers go with it — with their appointments and flags — so that the new
 * controller keeps honouring the restriction, where any other recipient gets the register
 * without them (Art. 18).
 */
describe('registerExportTables for a successor', () => {
  const restricted = syntheticStored(1);
  const kept = syntheticStored(2);
  const tables: BackupTables = completeTables({
    customers: [restricted, kept],
    services: [],
    appointments: [],
    erasureLedger: [],
    privacyFlags: [{ customerId: restricted.id, restrictions: [{ restrictedSince: 10, ground: 'unlawful_processing', requestId: null, note: '', liftedAt: null, liftedBy: null, liftReason: '' }], objections: [] }],
  });
  const flagsOf = flagsLookup(tables.privacyFlags ?? []);

  it('keeps every customer and their restriction for the successor, but not for another recipient', () => {
    const successor = registerExportTables(tables, flagsOf, { forRecipient: 'successor', now: 20 });
    expect(successor).toEqual(tables);
    expect(successor.customers.map((c) => c.id)).toEqual([restricted.id, kept.id]);
    expect(successor.privacyFlags).toHaveLength(1);
    const other = registerExportTables(tables, flagsOf, { forRecipient: 'other', now: 20 });
    expect(other.customers.map((c) => c.id)).toEqual([kept.id]);
    expect(other.privacyFlags).toEqual([]);
  });
});
