import { it } from 'vitest';
import { CustomerIndex } from '../../../renderer/src/db/customer-index';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { foldText } from '../../../shared/domain/text-fold';
import { CustomerDraftSchema } from '../../../shared/schemas/customer';
it('prof4', () => {
  const cs = demoCustomers(100000, 42).map((d, i) => ({ ...CustomerDraftSchema.parse(d), id: crypto.randomUUID(), createdAt: 0, updatedAt: 0 }));
  for (let r = 0; r < 4; r++) {
    const idx = new CustomerIndex();
    let t = performance.now(); idx.add(cs); const add = performance.now() - t;
    t = performance.now(); idx.finish(); const fin = performance.now() - t;
    t = performance.now(); for (const c of cs) foldText(c.email); const em = performance.now() - t;
    t = performance.now(); idx.search('ma'); const s1 = performance.now() - t;
    t = performance.now(); idx.search('040 123'); const s2 = performance.now() - t;
    console.log(JSON.stringify({ add, fin, em, s1, s2 }));
  }
});
