import { it } from 'vitest';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey } from '../../../shared/domain/text-fold';
function prefixNumber(s: string, from = 0): number {
  let n = 0;
  for (let i = from; i < from + 10; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    const r = c < 0 ? 0 : c <= 32 ? 1 : c < 97 ? 2 : c <= 125 ? c - 94 : 31;
    n = n * 32 + r;
  }
  return n;
}
it('prof7', () => {
  const cs = demoCustomers(100000, 42).map((d) => ({ ...d, id: crypto.randomUUID() }));
  for (let r = 0; r < 3; r++) {
    const ids = cs.map((c) => c.id);
    const keys = cs.map((c) => `${finnishSortKey(c.lastName!)} ${finnishSortKey(c.firstName!)}`);
    let t = performance.now();
    const pre = Float64Array.from(keys, (k) => prefixNumber(k)); const pre2 = Float64Array.from(keys, (k) => prefixNumber(k, 10));
    const a = performance.now() - t; t = performance.now();
    const order = Uint32Array.from(ids, (_, i) => i);
    order.sort((a, b) => { const d = pre[a]! - pre[b]! || pre2[a]! - pre2[b]!; if (d !== 0) return d; const x = keys[a]!, y = keys[b]!; if (x !== y) return x < y ? -1 : 1; const p = ids[a]!, q = ids[b]!; return p < q ? -1 : p > q ? 1 : 0; });
    const b = performance.now() - t;
    let ok = true; for (let i = 1; i < order.length; i++) { const x = keys[order[i-1]!]!, y = keys[order[i]!]!; if (x > y) ok = false; }
    console.log(JSON.stringify({ a, b, ok }));
  }
});
