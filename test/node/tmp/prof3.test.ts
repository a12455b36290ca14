import { it } from 'vitest';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey } from '../../../shared/domain/text-fold';
it('prof3', () => {
  const cs = demoCustomers(100000, 42).map((d, i) => ({ ...d, id: crypto.randomUUID() }));
  const entries = cs.map((c) => ({ id: c.id, sortKey: finnishSortKey(`${c.lastName} ${c.firstName}`) }));
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    entries.slice().sort((a, b) => a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1);
    const cmp = performance.now() - t;
    t = performance.now();
    const keys = entries.map((e, i) => `${e.sortKey}\u0000${i}`);
    keys.sort();
    const sorted = keys.map((k) => entries[Number(k.slice(k.lastIndexOf('\u0000') + 1))]);
    const def = performance.now() - t;
    t = performance.now();
    const idx = new Uint32Array(entries.length).map((_, i) => i);
    const sk = entries.map((e) => e.sortKey);
    idx.sort((a, b) => { const x = sk[a]!, y = sk[b]!; return x < y ? -1 : x > y ? 1 : a - b; });
    const typed = performance.now() - t;
    console.log(JSON.stringify({ cmp, def, typed, n: sorted.length }));
  }
});
