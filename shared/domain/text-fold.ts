/**
 * Folding text for accent-insensitive search (`Mäki` → `maki`, `Åström` → `astrom`) and Finnish
 * alphabetical sort keys. Both run for every customer when the register is unlocked, so they
 * work character by character from a table instead of Unicode normalisation plus a regex,
 * which was several times slower (docs/performance.md).
 */
const BASE: Record<string, string> = {};
for (const [base, accented] of [
  ['a', 'àáâãäåāăąǎ'],
  ['c', 'çćĉċč'],
  ['d', 'ďđð'],
  ['e', 'èéêëēĕėęě'],
  ['g', 'ĝğġģ'],
  ['h', 'ĥħ'],
  ['i', 'ìíîïĩīĭįıǐ'],
  ['j', 'ĵ'],
  ['k', 'ķ'],
  ['l', 'ĺļľŀł'],
  ['n', 'ñńņňŉ'],
  ['o', 'òóôõöøōŏőǒ'],
  ['r', 'ŕŗř'],
  ['s', 'śŝşšș'],
  ['t', 'ţťŧț'],
  ['u', 'ùúûüũūŭůűųǔ'],
  ['w', 'ŵ'],
  ['y', 'ýÿŷ'],
  ['z', 'źżž'],
] as const) {
  for (const ch of accented) BASE[ch] = base;
}
Object.assign(BASE, { ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' });

/** Å, Ä and Ö are letters of their own in Finnish and Swedish, sorted after Z. */
const FINNISH_LAST: Record<string, string> = { å: '{', ä: '|', ö: '}' };

const isCombiningMark = (code: number) => code >= 0x0300 && code <= 0x036f;

function fold(input: string, finnish: boolean): string {
  const lower = input.toLowerCase();
  let i = 0;
  while (i < lower.length && lower.charCodeAt(i) < 0x80) i += 1;
  if (i === lower.length) return lower;
  // Decomposed input (`a` + U+0308) is composed first so `ä` is one character either way.
  const text = finnish ? lower.normalize('NFC') : lower;
  let out = text.slice(0, i);
  for (; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += text[i];
      continue;
    }
    if (isCombiningMark(code)) continue;
    const ch = text[i]!;
    const mapped = (finnish ? FINNISH_LAST[ch] : undefined) ?? BASE[ch];
    if (mapped !== undefined) out += mapped;
    else out += ch.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  return out;
}

/** Lower case, diacritics removed: the form both the index and the query are compared in. */
export function foldText(input: string): string {
  return fold(input, false);
}

/**
 * Sort key in Finnish alphabetical order: Å, Ä and Ö come after Z (as in a Finnish phone book),
 * other accents sort with their base letter. Plain string comparison of these keys is fast
 * enough to sort 100,000 names at unlock, which Intl.Collator is not.
 */
export function finnishSortKey(input: string): string {
  return fold(input, true);
}
