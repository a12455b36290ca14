/**
 * Pure helpers for showing and checking a recovery key. The key arrives from main already
 * grouped for reading (`ABCD-EFGH-…`); these never look at what the groups mean.
 */

/** The key's groups, as main wrote them. */
export function splitGroups(recoveryKey: string): string[] {
  return recoveryKey
    .trim()
    .split(/[-\s]+/)
    .filter((group) => group.length > 0);
}

/** Crockford base32 (shared/domain/recovery-key.ts) has no O, I or L: a typed one means 0 or 1. */
const CONFUSABLES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/**
 * What the user typed, compared as people read it: case, spaces and dashes do not matter, and
 * the look-alikes the key's alphabet leaves out are read the way main reads them.
 */
export function normalizeGroup(value: string): string {
  return [...value.normalize('NFKC').replace(/[\s\u002D\u2010-\u2015\u2212]+/gu, '').toUpperCase()]
    .map((char) => CONFUSABLES[char] ?? char)
    .join('');
}

export function isSameGroup(typed: string, group: string): boolean {
  return normalizeGroup(typed) !== '' && normalizeGroup(typed) === normalizeGroup(group);
}

/**
 * Two different group positions (0-based, ascending) to ask back, chosen at random so that the
 * same two groups are not always the ones written down carefully. Fewer groups: all of them.
 */
export function pickGroupsToConfirm(groupCount: number, random: () => number = Math.random): number[] {
  if (groupCount <= 2) return Array.from({ length: groupCount }, (_, i) => i);
  const first = Math.floor(random() * groupCount);
  let second = Math.floor(random() * (groupCount - 1));
  if (second >= first) second += 1;
  return [first, second].sort((a, b) => a - b);
}
