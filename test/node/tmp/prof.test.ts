import { it } from 'vitest';
import { CustomerIndex } from '../../../renderer/src/db/customer-index';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey, foldText } from '../../../shared/domain/text-fold';
import { phoneSearchDigits } from '../../../shared/domain/phone';
import { CustomerDraftSchema } from '../../../shared/schemas/customer';
it('prof', () => {
  const cs = demoCustomers(100000, 42).map((d, i) => ({ ...CustomerDraftSchema.parse(d), id: `id-${i}-xxxxxxxxxxxxxxxxxxxxxxxx`, createdAt: 0, updatedAt: 0 }));
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const idx = new CustomerIndex(); idx.build(cs as never);
    const build = performance.now() - t;
    t = performance.now(); for (const c of cs) { foldText(c.firstName); foldText(c.lastName); } const fold = performance.now() - t;
    t = performance.now(); for (const c of cs) finnishSortKey(`${c.lastName} ${c.firstName}`); const sk = performance.now() - t;
    t = performance.now(); for (const c of cs) phoneSearchDigits(c.phone); const ph = performance.now() - t;
    const keys = cs.map((c) => finnishSortKey(`${c.lastName} ${c.firstName}`));
    t = performance.now(); keys.slice().sort(); const sort = performance.now() - t;
    console.log({ build, fold, sk, ph, sort });
  }
});
