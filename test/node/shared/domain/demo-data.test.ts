import { describe, expect, it } from 'vitest';
import { demoCustomers } from '../../../../shared/domain/demo-data';
import { CustomerDraftSchema } from '../../../../shared/schemas/customer';

describe('demo data', () => {
  it('is deterministic per seed and prefix-stable', () => {
    expect(demoCustomers(50, 7)).toEqual(demoCustomers(50, 7));
    expect(demoCustomers(80, 7).slice(0, 50)).toEqual(demoCustomers(50, 7));
    expect(demoCustomers(50, 8)).not.toEqual(demoCustomers(50, 7));
  });

  it('produces only valid customers, with test-domain e-mails', () => {
    for (const customer of demoCustomers(2_000, 3)) {
      const parsed = CustomerDraftSchema.parse(customer);
      if (parsed.email) expect(parsed.email).toMatch(/@example\.(fi|com|net|org)$/);
      expect(parsed.phone).toMatch(/^\+3584\d{7,8}$|^\+35850\d{7}$/);
    }
  });
});
