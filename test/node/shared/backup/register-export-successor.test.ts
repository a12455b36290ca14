import { describe, expect, it } from 'vitest';
import { completeTables, type BackupTables } from '../../../../shared/backup/format';
import { flagsLookup, registerExportTables } from '../../../../shared/backup/register-export';
import { syntheticStored } from '../../../support/synthetic';

/**
 * A successor company takes the register over (issue 7, the seed's business-transfer case), but
 * not the customers whose processing is restricted (Art. 18: their data may only be stored): they
 * stay with the salon, as for any recipient other than the person or an authority. A restriction
 * that has been lifted no longer keeps anyone back.
 */
describe('registerExportTables for a successor', () => {
  const restricted = syntheticStored(1);
  const kept = syntheticStored(2);
  const lifted = syntheticStored(3);
  const restriction = { restrictedSince: 10, ground: 'unlawful_processing' as const, requestId: null, note: '', liftedAt: null, liftedBy: null, liftReason: '' };
  const tables: BackupTables = completeTables({
    customers: [restricted, kept, lifted],
    services: [],
    appointments: [],
    erasureLedger: [],
    privacyFlags: [
      { customerId: restricted.id, restrictions: [restriction], objections: [] },
      { customerId: lifted.id, restrictions: [{ ...restriction, liftedAt: 15, liftedBy: 'owner', liftReason: 'Tarkistettu' }], objections: [] },
    ],
  });
  const flagsOf = flagsLookup(tables.privacyFlags ?? []);

  it('leaves restricted customers and their flags out for the successor, as for another recipient; an authority gets everyone', () => {
    const successor = registerExportTables(tables, flagsOf, { forRecipient: 'successor', now: 20 });
    expect(successor.customers.map((c) => c.id)).toEqual([kept.id, lifted.id]);
    expect(successor.privacyFlags.map((record) => record.customerId)).toEqual([lifted.id]);
    expect(registerExportTables(tables, flagsOf, { forRecipient: 'other', now: 20 })).toEqual(successor);
    expect(registerExportTables(tables, flagsOf, { forRecipient: 'authority', now: 20 }).customers).toHaveLength(3);
  });
});
