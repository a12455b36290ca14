import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerIndex } from '../../../../renderer/src/db/customer-index';
import { finnishSortKey, foldText } from '../../../../shared/domain/text-fold';
import type { Customer } from '../../../../shared/schemas/customer';
import { syntheticStored } from '../../../support/synthetic';

let seq = 0;
function customer(firstName: string, lastName: string, phone = '', email = ''): Customer {
  seq += 1;
  return { ...syntheticStored(seq), id: `c${String(seq).padStart(5, '0')}`, firstName, lastName, phone, email };
}

describe('customer search', () => {
  const people = [
    customer('Aino', 'Mäki', '+358401234567', 'aino.maki@example.test'),
    customer('Eero', 'Mäkinen', '+358501112222', 'eero@example.test'),
    customer('Mari', 'Virtanen', '+46701234567', 'mari.v@example.test'),
    customer('Åsa', 'Östman', '', 'asa@example.test'),
    customer('Matti', 'Aaltonen', '+358912345678', ''),
  ];
  const index = new CustomerIndex();
  index.build(people);
  const names = (ids: string[]) => ids.map((id) => people.find((p) => p.id === id)!.lastName);

  it('is accent- and case-insensitive both ways', () => {
    expect(names(index.search('maki'))).toEqual(['Mäki', 'Mäkinen']);
    expect(names(index.search('MÄKI'))).toEqual(['Mäki', 'Mäkinen']);
    expect(names(index.search('ostman'))).toEqual(['Östman']);
    expect(names(index.search('åsa'))).toEqual(['Östman']);
  });

  it('finds phone numbers typed in any formatting', () => {
    expect(names(index.search('040 123'))).toEqual(['Mäki']);
    expect(names(index.search('+35840123'))).toEqual(['Mäki']);
    expect(names(index.search('040-123 45'))).toEqual(['Mäki']);
    expect(names(index.search('4567'))).toEqual(['Aaltonen', 'Mäki', 'Virtanen']);
    expect(names(index.search('09 1234'))).toEqual(['Aaltonen']);
  });

  it('finds e-mail fragments and requires every word', () => {
    expect(names(index.search('mari.v@'))).toEqual(['Virtanen']);
    expect(names(index.search('aino mäki'))).toEqual(['Mäki']);
    expect(index.search('aino virtanen')).toEqual([]);
  });

  it('ranks name starts first, then word starts, then other matches', () => {
    // "ma": Mäki/Mäkinen (last name starts), Mari (first name starts), Matti; "ma" inside aino.maki@ too
    const ranked = names(index.search('ma'));
    expect(ranked.slice(0, 4).sort()).toEqual(['Aaltonen', 'Mäki', 'Mäkinen', 'Virtanen'].sort());
    expect(names(index.search('ari'))).toEqual(['Virtanen']);
  });

  it('returns everyone alphabetically for an empty query', () => {
    // Finnish order: Ö after V (and after Z)
    expect(names(index.search('  '))).toEqual(['Aaltonen', 'Mäki', 'Mäkinen', 'Virtanen', 'Östman']);
  });

  const nameArb = fc.constantFrom('Aino', 'Äijä', 'Mäki', 'Maki', 'Östman', 'Olli', 'Ville', 'Åsa', 'Eero', 'Ilona', 'Juha');
  const personArb = fc.record({ first: nameArb, last: nameArb, phone: fc.option(fc.integer({ min: 1000000, max: 9999999 }), { nil: undefined }) });
  const queryArb = fc.oneof(nameArb.map((n) => n.slice(0, 3)), fc.constantFrom('a', 'ä', 'mä', 'o', '040', '123', ' ', 'xyz'));

  /** The specification: a straightforward filter and sort, independent of the index's tricks. */
  function oracle(all: Customer[], query: string): string[] {
    const q = foldText(query).trim();
    if (q === '') return [...all].sort(byName).map((c) => c.id);
    const isPhone = /^[\d\s+()\-./]+$/.test(query.trim()) && /\d/.test(query);
    const digits = isPhone ? query.replace(/\D/g, '') : '';
    return all
      .filter((c) => {
        const intl = c.phone.replace(/\D/g, '');
        const national = intl.startsWith('358') ? `0${intl.slice(3)}` : intl;
        const text = `${foldText(`${c.firstName} ${c.lastName} ${c.email}`)} ${national}`;
        if (!isPhone) return q.split(/\s+/).every((t) => text.includes(t));
        const fromStart = digits.startsWith('00358') ? digits.slice(5) : digits.startsWith('358') ? digits.slice(3) : null;
        return text.includes(digits) || (fromStart !== null && fromStart !== '' && national.startsWith(`0${fromStart}`));
      })
      .sort(byName)
      .map((c) => c.id);
  }
  function byName(a: Customer, b: Customer): number {
    const ka = finnishSortKey(`${a.lastName} ${a.firstName}`);
    const kb = finnishSortKey(`${b.lastName} ${b.firstName}`);
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1;
  }

  it('finds exactly what the specification finds, whatever the register and query (property)', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 40 }), queryArb, (rows, query) => {
        const all = rows.map((r) => customer(r.first, r.last, r.phone ? `+35840${r.phone}` : ''));
        const idx = new CustomerIndex();
        idx.build(all);
        const got = idx.search(query);
        expect([...got].sort()).toEqual(oracle(all, query).sort());
        expect(new Set(got).size).toBe(got.length);
      }),
    );
  });

  it('gives the same answers after incremental edits as after a rebuild (property)', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), personArb, fc.boolean()), { maxLength: 20 }),
        queryArb,
        (rows, edits, query) => {
          const all = rows.map((r) => customer(r.first, r.last));
          const live = new CustomerIndex();
          live.build(all);
          let current = [...all];
          for (const [at, person, isDelete] of edits) {
            if (current.length === 0) break;
            const target = current[at % current.length]!;
            if (isDelete) {
              live.remove(target.id);
              current = current.filter((c) => c.id !== target.id);
            } else {
              const changed = { ...target, firstName: person.first, lastName: person.last };
              // with and without the previous version as a hint: both must land the same
              live.upsert(changed, at % 2 === 0 ? target : undefined);
              current = current.map((c) => (c.id === target.id ? changed : c));
            }
          }
          const rebuilt = new CustomerIndex();
          rebuilt.build(current);
          expect(live.search(query)).toEqual(rebuilt.search(query));
          expect(live.size).toBe(current.length);
        },
      ),
    );
  });
});
