import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  isWellFormedRecoveryKey,
  normaliseRecoveryKey,
  RECOVERY_KEY_ALPHABET,
  RECOVERY_KEY_ENTROPY_BITS,
  RECOVERY_KEY_GROUP_SIZE,
  RECOVERY_KEY_GROUPS,
  RECOVERY_KEY_SYMBOLS,
  recoveryKeyGroups,
} from '../../../../shared/domain/recovery-key';

// A synthetic key; every symbol class appears in it.
const CANONICAL = '0123456789ABCDEFGHJKMNPQRSTV';
const DISPLAY = '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV';
const DISPLAY_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

const symbol = fc.constantFrom(...RECOVERY_KEY_ALPHABET);
/** Any canonical key: 28 symbols of the alphabet. */
const canonicalKey = fc.string({ unit: symbol, minLength: RECOVERY_KEY_SYMBOLS, maxLength: RECOVERY_KEY_SYMBOLS });

/** How a person might type a displayed key back: lower case, spaces instead of dashes. */
const retyped = (display: string): string => display.toLowerCase().replaceAll('-', ' ');

describe('recovery key format', () => {
  it('is Crockford base32: 32 symbols without I, L, O or U', () => {
    expect(RECOVERY_KEY_ALPHABET).toHaveLength(32);
    expect(new Set(RECOVERY_KEY_ALPHABET).size).toBe(32);
    expect(RECOVERY_KEY_ALPHABET).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
    for (const excluded of 'ILOU') expect(RECOVERY_KEY_ALPHABET).not.toContain(excluded);
  });

  it('has 28 symbols in 7 groups of 4, 140 bits', () => {
    expect(RECOVERY_KEY_SYMBOLS).toBe(28);
    expect(RECOVERY_KEY_GROUP_SIZE).toBe(4);
    expect(RECOVERY_KEY_GROUPS).toBe(7);
    expect(RECOVERY_KEY_ENTROPY_BITS).toBe(140);
  });
});

describe('generateRecoveryKey', () => {
  it('gives seven dash-separated groups of four alphabet symbols', () => {
    for (let i = 0; i < 200; i += 1) {
      const key = generateRecoveryKey();
      expect(key).toMatch(DISPLAY_PATTERN);
      expect(key).toHaveLength(28 + 6);
      expect(normaliseRecoveryKey(key)).toBe(key.replaceAll('-', ''));
      expect(formatRecoveryKey(key)).toBe(key);
    }
  });

  it('gives a different key each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateRecoveryKey()));
    expect(keys.size).toBe(200);
  });

  it('normalises any generated key, re-typed in lower case with spaces, to the same canonical form', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const key = generateRecoveryKey();
        expect(normaliseRecoveryKey(retyped(key))).toBe(normaliseRecoveryKey(key));
        expect(normaliseRecoveryKey(retyped(key))).toBe(key.replaceAll('-', ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('normaliseRecoveryKey', () => {
  it.each([
    ['the canonical form', CANONICAL],
    ['the display form', DISPLAY],
    ['lower case', DISPLAY.toLowerCase()],
    ['spaces instead of dashes', DISPLAY.replaceAll('-', ' ')],
    ['no separators, mixed case', '0123456789abcdefGHJKmnpqRSTv'],
    ['surrounding whitespace, tabs and newlines', `  ${DISPLAY.replaceAll('-', '\t')}\n`],
    ['doubled separators', DISPLAY.replaceAll('-', ' - ')],
    ['typographic dashes', '0123\u20104567\u201189AB\u2012CDEF\u2013GHJK\u2014MNPQ\u2212RSTV'],
    ['a non-breaking space', DISPLAY.replaceAll('-', '\u00a0')],
    ['full-width characters', '０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＭＮＰＱＲＳＴＶ'],
    ['O for 0 and I for 1', 'OI23-4567-89AB-CDEF-GHJK-MNPQ-RSTV'],
    ['O for 0 and L for 1', 'OL23-4567-89AB-CDEF-GHJK-MNPQ-RSTV'],
    ['o for 0 and l for 1', 'ol23-4567-89ab-cdef-ghjk-mnpq-rstv'],
  ])('accepts %s', (_label, input) => {
    expect(normaliseRecoveryKey(input)).toBe(CANONICAL);
    expect(isWellFormedRecoveryKey(input)).toBe(true);
  });

  it('reads O as 0, I and L as 1, in any position', () => {
    expect(normaliseRecoveryKey('OOOO-IIII-LLLL-oooo-iiii-llll-OIL0')).toBe('0000111111110000111111110110');
  });

  it.each([
    ['empty input', ''],
    ['only separators', ' - - '],
    ['one symbol short', CANONICAL.slice(0, 27)],
    ['one symbol too many', `${CANONICAL}0`],
    ['six groups', DISPLAY.slice(0, 29)],
    ['eight groups', `${DISPLAY}-0000`],
    ['a U', `U${CANONICAL.slice(1)}`],
    ['a lower-case u', `${CANONICAL.slice(0, 27)}u`],
    ['punctuation', `${CANONICAL.slice(0, 27)}.`],
    ['an underscore separator', DISPLAY.replaceAll('-', '_')],
    ['a slash separator', DISPLAY.replaceAll('-', '/')],
    ['a letter outside ASCII', `${CANONICAL.slice(0, 27)}Ä`],
  ])('refuses %s', (_label, input) => {
    expect(normaliseRecoveryKey(input)).toBeNull();
    expect(isWellFormedRecoveryKey(input)).toBe(false);
  });

  it('maps every accepted spelling of a key to the same canonical form (property)', () => {
    const confusable: Record<string, readonly string[]> = { '0': ['0', 'O', 'o'], '1': ['1', 'I', 'i', 'L', 'l'] };
    fc.assert(
      fc.property(
        canonicalKey,
        fc.infiniteStream(fc.nat()),
        fc.constantFrom('-', ' ', '', ' - ', '\u2013', '\t'),
        fc.boolean(),
        (key, choices, separator, isLower) => {
          const typed = recoveryKeyGroups(key)
            .map((group) =>
              [...group]
                .map((char) => {
                  const options = confusable[char] ?? [isLower ? char.toLowerCase() : char];
                  return options[choices.next().value % options.length];
                })
                .join(''),
            )
            .join(separator);
          expect(normaliseRecoveryKey(typed)).toBe(key);
        },
      ),
    );
  });

  it('refuses any key with a U put in (property)', () => {
    fc.assert(
      fc.property(canonicalKey, fc.nat({ max: RECOVERY_KEY_SYMBOLS - 1 }), fc.constantFrom('U', 'u'), (key, at, u) => {
        expect(normaliseRecoveryKey(key.slice(0, at) + u + key.slice(at + 1))).toBeNull();
        expect(normaliseRecoveryKey(key.slice(0, at) + u + key.slice(at))).toBeNull();
      }),
    );
  });

  it('refuses any length but 28 symbols (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: symbol, maxLength: 60 }), (candidate) => {
        expect(normaliseRecoveryKey(candidate) !== null).toBe(candidate.length === RECOVERY_KEY_SYMBOLS);
      }),
    );
  });

  it('is idempotent: a canonical form normalises to itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const canonical = normaliseRecoveryKey(input);
        if (canonical === null) return;
        expect(canonical).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
        expect(normaliseRecoveryKey(canonical)).toBe(canonical);
      }),
    );
  });
});

describe('formatRecoveryKey and recoveryKeyGroups', () => {
  it('formats any accepted spelling for display', () => {
    expect(formatRecoveryKey(CANONICAL)).toBe(DISPLAY);
    expect(formatRecoveryKey(retyped(DISPLAY))).toBe(DISPLAY);
    expect(formatRecoveryKey('ol23 4567 89ab cdef ghjk mnpq rstv')).toBe(DISPLAY);
  });

  it('splits a key into its seven groups', () => {
    expect(recoveryKeyGroups(DISPLAY)).toEqual(['0123', '4567', '89AB', 'CDEF', 'GHJK', 'MNPQ', 'RSTV']);
    expect(recoveryKeyGroups(retyped(DISPLAY))).toEqual(DISPLAY.split('-'));
  });

  it.each(['', 'not a key', CANONICAL.slice(1), `U${CANONICAL.slice(1)}`])('throws a RangeError for %j', (input) => {
    expect(() => formatRecoveryKey(input)).toThrow(RangeError);
    expect(() => recoveryKeyGroups(input)).toThrow(RangeError);
  });

  it('round-trips every canonical key through display and back (property)', () => {
    fc.assert(
      fc.property(canonicalKey, (key) => {
        const display = formatRecoveryKey(key);
        expect(display).toMatch(DISPLAY_PATTERN);
        expect(recoveryKeyGroups(key)).toEqual(display.split('-'));
        expect(recoveryKeyGroups(key).join('')).toBe(key);
        expect(normaliseRecoveryKey(display)).toBe(key);
        expect(normaliseRecoveryKey(retyped(display))).toBe(key);
      }),
    );
  });
});
