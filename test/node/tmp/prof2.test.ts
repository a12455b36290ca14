import { it } from 'vitest';
import { demoCustomers } from '../../../shared/domain/demo-data';
import { finnishSortKey, foldText } from '../../../shared/domain/text-fold';
import { CustomerDraftSchema } from '../../../shared/schemas/customer';
const BASE: Record<string,string> = { 'ä':'a','ö':'o','å':'a','é':'e','ü':'u' };
const re = /[^\x00-\x7f]/g;
function foldRe(s: string) { const l = s.toLowerCase(); return re.test(l) ? (re.lastIndex = 0, l.replace(re, (c) => BASE[c] ?? c)) : l; }
it('prof2', () => {
  const cs = demoCustomers(100000, 42).map((d, i) => ({ ...CustomerDraftSchema.parse(d), id: `id-${i}-xxxxxxxxxxxxxxxxxxxxxxxx`, createdAt: 0, updatedAt: 0 }));
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const entries = cs.map((c) => { const first = foldText(c.firstName), last = foldText(c.lastName); return { id: c.id, sortKey: finnishSortKey(`${c.lastName} ${c.firstName}`), reversed: `${last} ${first}`, name: ` ${first} ${last}`, text: ` ${first} ${last} ${c.email}`, a: c.phone.slice(1), b: '0' + c.phone.slice(4) }; });
    const make = performance.now() - t;
    t = performance.now();
    entries.sort((a, b) => a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1);
    const sort = performance.now() - t;
    t = performance.now(); for (const c of cs) { foldRe(c.firstName); foldRe(c.lastName); } const fre = performance.now() - t;
    t = performance.now(); for (const c of cs) { foldText(c.firstName); foldText(c.lastName); } const ftab = performance.now() - t;
    console.log(JSON.stringify({ make, sort, fre, ftab }));
  }
});
