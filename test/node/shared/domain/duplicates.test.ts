import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates, isWithinOneEdit, MIN_FUZZY_NAME_LENGTH, type DuplicateCandidate } from '../../../../shared/domain/duplicates';
import type { Customer } from '../../../../shared/schemas/customer';
import { syntheticStored } from '../../../support/synthetic';

/** A stored synthetic customer with the given name and contacts (ids `c-<n>`). */
function stored(n: number, firstName: string, lastName: string, phone = '', email = ''): Customer {
  return { ...syntheticStored(n), id: `c-${n}`, firstName, lastName, phone, email };
}

const candidate = (firstName: string, lastName: string, phone = '', email = ''): DuplicateCandidate => ({ firstName, lastName, phone, email });

const ids = (found: ReturnType<typeof findLikelyDuplicates>) => found.map((d) => d.customerId);

/** The textbook Damerau–Levenshtein (optimal string alignment) distance, as the reference. */
function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('isWithinOneEdit', () => {
  it.each([
    ['virtanen', 'virtanen', true],
    ['virtanen', 'virtasen', true], // substitution
    ['virtanen', 'virtannen', true], // insertion
    ['virtanen', 'virtnen', true], // deletion
    ['virtanen', 'vritanen', true], // adjacent transposition
    ['virtanen', 'virtanne', true], // transposition at the end
    ['virtanen', 'virtasem', false], // two substitutions
    ['virtanen', 'vrtiaen', false],
    ['abc', 'cab', false],
    ['', 'a', true],
    ['', 'ab', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(isWithinOneEdit(a, b)).toBe(expected);
    expect(isWithinOneEdit(b, a)).toBe(expected);
  });

  it('agrees with the textbook distance on random strings (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ä', ' '), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(isWithinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findLikelyDuplicates', () => {
  const register = [
    stored(1, 'Aino', 'Mäkinen', '+358401234567', 'aino.makinen@example.test'),
    stored(2, 'Eero', 'Virtanen', '+358507654321', 'eero@example.test'),
    stored(3, 'Åsa', 'Östman', '+46701234567', 'asa@example.test'),
    stored(4, 'Kerttu', 'Heikkilä', '', ''),
    stored(5, 'Ea', 'Li', '', ''),
  ];

  it('finds the same phone number', () => {
    const found = findLikelyDuplicates(candidate('Jussi', 'Uusi', '+358401234567'), register);
    expect(found).toEqual([{ customerId: 'c-1', reasons: ['phone'] }]);
  });

  it('finds the same e-mail address whatever its case and surrounding spaces', () => {
    const found = findLikelyDuplicates(candidate('Jussi', 'Uusi', '', '  Eero@Example.TEST '), register);
    expect(found).toEqual([{ customerId: 'c-2', reasons: ['email'] }]);
  });

  it('never matches on an empty phone or e-mail', () => {
    expect(findLikelyDuplicates(candidate('Jussi', 'Uusi', '', ''), register)).toEqual([]);
  });

  it('finds the same name without accents and in another case', () => {
    expect(ids(findLikelyDuplicates(candidate('aino', 'MAKINEN'), register))).toEqual(['c-1']);
    expect(ids(findLikelyDuplicates(candidate('Asa', 'Ostman'), register))).toEqual(['c-3']);
    expect(ids(findLikelyDuplicates(candidate('  Kerttu ', 'Heikkila'), register))).toEqual(['c-4']);
  });

  it('finds first and last name swapped', () => {
    expect(findLikelyDuplicates(candidate('Virtanen', 'Eero'), register)).toEqual([{ customerId: 'c-2', reasons: ['name'] }]);
    expect(ids(findLikelyDuplicates(candidate('Li', 'Ea'), register))).toEqual(['c-5']);
  });

  it('finds a name one typo away: a swapped pair, a missing, an extra or a wrong letter', () => {
    for (const [first, last] of [
      ['Aino', 'Mäkinne'],
      ['Aino', 'Mäkien'],
      ['Aino', 'Mäkkinen'],
      ['Aino', 'Mäkinan'],
      ['Aion', 'Makinen'],
      ['Eero', 'Virtasen'],
    ] as const) {
      const found = findLikelyDuplicates(candidate(first, last), register);
      expect(found.length, `${first} ${last}`).toBe(1);
      expect(found[0]!.reasons).toEqual(['name']);
    }
  });

  it('does not call short names one edit apart the same person', () => {
    expect(`ea li`.replace(' ', '').length).toBeLessThan(MIN_FUZZY_NAME_LENGTH);
    expect(findLikelyDuplicates(candidate('Ea', 'Lu'), register)).toEqual([]);
    expect(findLikelyDuplicates(candidate('Ea', 'Li'), register)).toEqual([{ customerId: 'c-5', reasons: ['name'] }]);
  });

  it('does not flag different people', () => {
    for (const [first, last] of [
      ['Eero', 'Mäkinen'],
      ['Aino', 'Virtanen'],
      ['Aila', 'Mäkelä'],
      ['Kerttu', 'Koskinen'],
      ['Åsa', 'Åberg'],
      ['Aino', 'Mäki'],
    ] as const) {
      expect(findLikelyDuplicates(candidate(first, last, '+358409999999', 'someone@example.test'), register), `${first} ${last}`).toEqual([]);
    }
  });

  it('ranks a phone or e-mail match above a name match and several reasons above one', () => {
    const people = [
      stored(10, 'Sanni', 'Nieminen', '', ''),
      stored(11, 'Other', 'Person', '+358401111111', ''),
      stored(12, 'Sanni', 'Nieminen', '+358401111111', 'sanni@example.test'),
      stored(13, 'Sani', 'Nieminen', '', ''),
    ];
    const found = findLikelyDuplicates(candidate('Sanni', 'Nieminen', '+358401111111', 'sanni@example.test'), people);
    expect(found).toEqual([
      { customerId: 'c-12', reasons: ['phone', 'email', 'name'] },
      { customerId: 'c-11', reasons: ['phone'] },
      { customerId: 'c-10', reasons: ['name'] },
      { customerId: 'c-13', reasons: ['name'] },
    ]);
  });

  it('leaves out the customer being edited and honours the limit', () => {
    const people = [stored(20, 'Juha', 'Lahtinen'), stored(21, 'Juha', 'Lahtinen'), stored(22, 'Juha', 'Lahtinen')];
    expect(ids(findLikelyDuplicates(candidate('Juha', 'Lahtinen'), people, { excludeId: 'c-21' }))).toEqual(['c-20', 'c-22']);
    expect(ids(findLikelyDuplicates(candidate('Juha', 'Lahtinen'), people, { limit: 1 }))).toEqual(['c-20']);
  });

  it('works on any iterable, such as a generator of 100,000 customers, in one pass', () => {
    let visited = 0;
    function* many() {
      for (let i = 0; i < 100_000; i += 1) {
        visited += 1;
        yield stored(1000 + i, `Etu${i}`, `Suku${i}`, `+35840${String(1_000_000 + i)}`, `etu${i}@example.test`);
      }
    }
    const found = findLikelyDuplicates(candidate('Etu77777', 'Suku77777', '+358401077777', ''), many());
    expect(visited).toBe(100_000);
    expect(found[0]).toEqual({ customerId: `c-${1000 + 77777}`, reasons: ['phone', 'name'] });
  });

  it('finds a customer under any accent or case variation of the same name (property)', () => {
    const ACCENTED: Record<string, string[]> = { a: ['a', 'A', 'ä', 'Ä', 'á', 'å'], o: ['o', 'O', 'ö', 'Ö', 'ó'], e: ['e', 'E', 'é', 'è'], u: ['u', 'U', 'ü'] };
    const letter = fc.constantFrom('a', 'o', 'e', 'u', 'k', 'l', 'm', 'n', 's', 't');
    const name = fc.array(letter, { minLength: 2, maxLength: 9 }).map((letters) => letters.join(''));
    const vary = (text: string, choices: number[]) => [...text].map((ch, i) => (ACCENTED[ch] ?? [ch, ch.toUpperCase()])[choices[i % choices.length]! % (ACCENTED[ch]?.length ?? 2)]).join('');
    fc.assert(
      fc.property(name, name, fc.array(fc.nat(), { minLength: 1, maxLength: 9 }), (first, last, choices) => {
        const existing = [stored(1, first, last)];
        expect(ids(findLikelyDuplicates(candidate(vary(first, choices), vary(last, choices)), existing))).toEqual(['c-1']);
      }),
    );
  });

  it('never flags a customer whose name is two or more edits away and whose contacts differ (property)', () => {
    const letter = fc.constantFrom('a', 'e', 'i', 'k', 'l', 'm', 'n', 'r', 's', 't');
    const name = fc.array(letter, { minLength: 1, maxLength: 10 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(name, name, name, name, (first, last, otherFirst, otherLast) => {
        const full = `${first} ${last}`;
        const otherFull = `${otherFirst} ${otherLast}`;
        fc.pre(osaDistance(full, otherFull) >= 2 && !(first === otherLast && last === otherFirst));
        const existing = [stored(1, otherFirst, otherLast, '+358401111111', 'one@example.test')];
        expect(findLikelyDuplicates(candidate(first, last, '+358402222222', 'two@example.test'), existing)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('flags every name one edit away once both names are long enough (property)', () => {
    const letter = fc.constantFrom('a', 'e', 'i', 'k', 'l', 'm', 'n', 'r', 's', 't');
    const name = fc.array(letter, { minLength: 3, maxLength: 8 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(name, name, fc.nat(), letter, (first, last, at, replacement) => {
        const i = at % last.length;
        const typo = last.slice(0, i) + replacement + last.slice(i + 1);
        const existing = [stored(1, first, last)];
        expect(ids(findLikelyDuplicates(candidate(first, typo), existing))).toEqual(['c-1']);
      }),
    );
  });
});
