import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSameGroup,
  normalizeGroup,
  pickGroupsToConfirm,
  splitGroups,
} from '../../../../renderer/src/features/recovery/recovery-key-groups';
import { formatRecoveryKey, RECOVERY_KEY_ALPHABET, recoveryKeyGroups } from '../../../../shared/domain/recovery-key';

const DISPLAY = '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV';
const GROUPS = ['0123', '4567', '89AB', 'CDEF', 'GHJK', 'MNPQ', 'RSTV'];

describe('splitGroups', () => {
  it('splits the key main sends into its groups', () => {
    expect(splitGroups(DISPLAY)).toEqual(GROUPS);
  });

  it.each([
    ['surrounding whitespace', `  ${DISPLAY}\n`],
    ['spaces', GROUPS.join(' ')],
    ['mixed and doubled separators', GROUPS.join(' - ')],
    ['a trailing dash', `${DISPLAY}-`],
    ['a leading dash', `-${DISPLAY}`],
  ])('copes with %s', (_label, input) => {
    expect(splitGroups(input)).toEqual(GROUPS);
  });

  it('gives no groups for empty or blank input', () => {
    expect(splitGroups('')).toEqual([]);
    expect(splitGroups('   ')).toEqual([]);
    expect(splitGroups('-')).toEqual([]);
  });

  it('agrees with the shared groups for any well-formed key (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...RECOVERY_KEY_ALPHABET), minLength: 28, maxLength: 28 }), (key) => {
        expect(splitGroups(formatRecoveryKey(key))).toEqual(recoveryKeyGroups(key));
      }),
    );
  });
});

describe('normalizeGroup', () => {
  it.each([
    ['ABCD', 'ABCD'],
    ['abcd', 'ABCD'],
    [' a b-c d ', 'ABCD'],
    ['oOiI', '0011'],
    ['lL10', '1110'],
    ['ａｂｃｄ', 'ABCD'],
    ['ab\u2013cd', 'ABCD'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (input, normalized) => {
    expect(normalizeGroup(input)).toBe(normalized);
  });

  it('leaves symbols outside the alphabet alone, so they never match a group', () => {
    expect(normalizeGroup('u9?x')).toBe('U9?X');
  });
});

describe('isSameGroup', () => {
  it('matches a group typed as people read it', () => {
    expect(isSameGroup('89AB', '89AB')).toBe(true);
    expect(isSameGroup('89ab', '89AB')).toBe(true);
    expect(isSameGroup(' 89 ab ', '89AB')).toBe(true);
    expect(isSameGroup('o1l3', '0113')).toBe(true);
    expect(isSameGroup('OIL0', '0110')).toBe(true);
  });

  it('refuses a different or incomplete group', () => {
    expect(isSameGroup('89AC', '89AB')).toBe(false);
    expect(isSameGroup('89A', '89AB')).toBe(false);
    expect(isSameGroup('89ABC', '89AB')).toBe(false);
    expect(isSameGroup('4567', '89AB')).toBe(false);
    expect(isSameGroup('U000', 'V000')).toBe(false);
  });

  it('never matches an empty answer, even to an empty group', () => {
    expect(isSameGroup('', '')).toBe(false);
    expect(isSameGroup('  ', '')).toBe(false);
    expect(isSameGroup(' - ', ' ')).toBe(false);
    expect(isSameGroup('', '89AB')).toBe(false);
  });

  it('accepts each group of a key typed back in lower case, with O and I/L look-alikes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...RECOVERY_KEY_ALPHABET), minLength: 28, maxLength: 28 }), (key) => {
        for (const group of splitGroups(formatRecoveryKey(key))) {
          const typed = group.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
          expect(isSameGroup(typed, group)).toBe(true);
          expect(isSameGroup(group, typed)).toBe(true);
        }
      }),
    );
  });
});

describe('pickGroupsToConfirm', () => {
  /** A random source that plays back the given values in order. */
  const playback = (...values: number[]): (() => number) => {
    let i = 0;
    return () => values[i++ % values.length]!;
  };

  it('asks for every group when there are two or fewer', () => {
    expect(pickGroupsToConfirm(0)).toEqual([]);
    expect(pickGroupsToConfirm(1)).toEqual([0]);
    expect(pickGroupsToConfirm(2)).toEqual([0, 1]);
  });

  it.each([
    [[0, 0], [0, 1]],
    [[0.999, 0.999], [5, 6]],
    [[0.5, 0.5], [3, 4]], // first 3; second 3 collides with it and moves up
    [[0.5, 0.4], [2, 3]],
    [[0.9, 0], [0, 6]],
  ])('with random values %j picks %j of seven', (values, picked) => {
    expect(pickGroupsToConfirm(7, playback(...values))).toEqual(picked);
  });

  it('always picks two different positions in range, ascending (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (count, a, b) => {
          const picked = pickGroupsToConfirm(count, playback(a, b));
          expect(picked).toHaveLength(2);
          const [first, second] = picked as [number, number];
          expect(Number.isInteger(first) && Number.isInteger(second)).toBe(true);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(second).toBeLessThan(count);
          expect(first).toBeLessThan(second);
        },
      ),
    );
  });

  it('reaches every pair of seven groups, each equally often over evenly spread random values', () => {
    const count = 7;
    const tally = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      for (let j = 0; j < count - 1; j += 1) {
        const picked = pickGroupsToConfirm(count, playback((i + 0.5) / count, (j + 0.5) / (count - 1)));
        tally.set(picked.join(','), (tally.get(picked.join(',')) ?? 0) + 1);
      }
    }
    expect(tally.size).toBe((count * (count - 1)) / 2);
    expect(new Set(tally.values())).toEqual(new Set([2]));
  });

  it('uses Math.random by default and still gives a valid pair', () => {
    for (let i = 0; i < 50; i += 1) {
      const [first, second] = pickGroupsToConfirm(7) as [number, number];
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThan(second);
      expect(second).toBeLessThan(7);
    }
  });
});
