import { it } from 'vitest';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey } from '../../../shared/domain/text-fold';
it('prof5', () => {
  const cs = demoCustomers(100000, 42).map((d) => ({ ...d, id: crypto.randomUUID() }));
  const ids = cs.map((c) => c.id);
  for (let r = 0; r < 3; r++) {
    const keys = cs.map((c) => `${finnishSortKey(c.lastName!)} ${finnishSortKey(c.firstName!)}`);
    let t = performance.now();
    Uint32Array.from(ids, (_, i) => i).sort((a, b) => { const x = keys[a]!, y = keys[b]!; if (x !== y) return x < y ? -1 : 1; const p = ids[a]!, q = ids[b]!; return p < q ? -1 : p > q ? 1 : 0; });
    const withIds = performance.now() - t;
    t = performance.now();
    Uint32Array.from(ids, (_, i) => i).sort((a, b) => { const x = keys[a]!, y = keys[b]!; if (x !== y) return x < y ? -1 : 1; return a - b; });
    const withIdx = performance.now() - t;
    t = performance.now();
    const arr = Array.from(ids, (_, i) => i); arr.sort((a, b) => { const x = keys[a]!, y = keys[b]!; if (x !== y) return x < y ? -1 : 1; const p = ids[a]!, q = ids[b]!; return p < q ? -1 : p > q ? 1 : 0; });
    const plainArr = performance.now() - t;
    console.log(JSON.stringify({ withIds, withIdx, plainArr }));
  }
});
