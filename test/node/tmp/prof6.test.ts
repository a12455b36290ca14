import { it } from 'vitest';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey } from '../../../shared/domain/text-fold';
it('prof6', () => {
  const cs = demoCustomers(100000, 42).map((d) => ({ ...d, id: crypto.randomUUID() }));
  for (let r = 0; r < 3; r++) {
    const ids = cs.map((c) => c.id);
    const keys0 = cs.map((c) => `${finnishSortKey(c.lastName!)} ${finnishSortKey(c.firstName!)}`);
    let t0 = performance.now(); const keys = r === 0 ? keys0 : r === 1 ? JSON.parse(JSON.stringify(keys0)) as string[] : keys0.map((k) => k.normalize('NFC')); console.log('flatten', performance.now() - t0);
    let t = performance.now();
    const order = Uint32Array.from(ids, (_, i) => i);
    const a = performance.now() - t; t = performance.now();
    order.sort((a, b) => { const x = keys[a]!, y = keys[b]!; if (x !== y) return x < y ? -1 : 1; const p = ids[a]!, q = ids[b]!; return p < q ? -1 : p > q ? 1 : 0; });
    const b = performance.now() - t; t = performance.now();
    const p1 = Array.from(order, (i) => keys[i]!);
    const c = performance.now() - t; t = performance.now();
    const p2 = new Array<string>(order.length); for (let i = 0; i < order.length; i++) p2[i] = keys[order[i]!]!;
    const d = performance.now() - t;
    console.log(JSON.stringify({ a, b, c, d, n: p1.length + p2.length }));
  }
});
