import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finnishSortKey, foldText } from '../../../../shared/domain/text-fold';

describe('foldText', () => {
  it.each([
    ['Mäki', 'maki'],
    ['ÅSTRÖM', 'astrom'],
    ['Zoë Ærø', 'zoe aero'],
    ['Straße', 'strasse'],
    ['Mäki'.normalize('NFD'), 'maki'],
  ])('%s → %s', (input, out) => {
    expect(foldText(input)).toBe(out);
  });

  it('is idempotent and never longer than twice the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.length * 3);
      }),
    );
  });
});

describe('finnishSortKey', () => {
  it('puts Å, Ä and Ö after Z, and other accents with their base letter', () => {
    const names = ['Östman', 'Zetterberg', 'Åberg', 'Mäki', 'Maki', 'Ärjä', 'Émile', 'Aalto'];
    expect([...names].sort((a, b) => (finnishSortKey(a) < finnishSortKey(b) ? -1 : 1))).toEqual(['Aalto', 'Émile', 'Maki', 'Mäki', 'Zetterberg', 'Åberg', 'Ärjä', 'Östman']);
  });
});
