/**
 * The owner's recovery key: a random secret shown once at setup (and when replaced), printed or
 * written down, which opens its own key slot so a forgotten passphrase is not the end of the
 * business's records.
 *
 * Format: 28 symbols of Crockford's base32 (digits and letters without I, L, O, U), shown in seven
 * groups of four, `7KQ2-M9XD-…`. 28 × 5 = 140 bits of entropy, far beyond guessing even without
 * the KDF; the symbol set has no look-alike pairs and reads aloud unambiguously. Typed input is
 * forgiving the Crockford way: case, spaces and dashes do not matter, O reads as 0, I and L as 1.
 */
export const RECOVERY_KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_SYMBOLS = 28;
export const RECOVERY_KEY_GROUP_SIZE = 4;
export const RECOVERY_KEY_GROUPS = RECOVERY_KEY_SYMBOLS / RECOVERY_KEY_GROUP_SIZE;
/** 5 bits per symbol. */
export const RECOVERY_KEY_ENTROPY_BITS = RECOVERY_KEY_SYMBOLS * 5;

const CONFUSABLES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };
// Whitespace and the dash family (hyphen, non-breaking hyphen, figure/en/em dash, minus sign).
const SEPARATORS = /[\s\u002D\u2010-\u2015\u2212]/gu;

/** A new recovery key, formatted for display (`XXXX-XXXX-…`). */
export function generateRecoveryKey(): string {
  // 256 is a multiple of 32, so taking the low five bits of each random byte is unbiased.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_SYMBOLS));
  let canonical = '';
  for (const byte of bytes) canonical += RECOVERY_KEY_ALPHABET[byte & 31];
  return formatRecoveryKey(canonical);
}

/**
 * Reduces typed input to the canonical 28 symbols, or null when it cannot be a recovery key
 * (wrong length, a symbol outside the alphabet such as U). The canonical form is what the key
 * slot is derived from, so every way of typing the same key opens it.
 */
export function normaliseRecoveryKey(input: string): string | null {
  // NFKC folds full-width letters and digits (typed with an East Asian input method) to ASCII.
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  let canonical = '';
  for (const char of compact) {
    const symbol = CONFUSABLES[char] ?? char;
    if (!RECOVERY_KEY_ALPHABET.includes(symbol)) return null;
    canonical += symbol;
  }
  return canonical.length === RECOVERY_KEY_SYMBOLS ? canonical : null;
}

/** Whether typed input is a well-formed recovery key (not whether it is the right one). */
export function isWellFormedRecoveryKey(input: string): boolean {
  return normaliseRecoveryKey(input) !== null;
}

/** `ABCDEFGH…` (or any accepted spelling) → `ABCD-EFGH-…`; throws for input that is not a key. */
export function formatRecoveryKey(input: string): string {
  const canonical = normaliseRecoveryKey(input);
  if (canonical === null) throw new RangeError('not a recovery key');
  return recoveryKeyGroups(canonical).join('-');
}

/** The groups of four as shown, e.g. for a "type back group 3" check at setup. */
export function recoveryKeyGroups(input: string): string[] {
  const canonical = normaliseRecoveryKey(input);
  if (canonical === null) throw new RangeError('not a recovery key');
  const groups: string[] = [];
  for (let i = 0; i < canonical.length; i += RECOVERY_KEY_GROUP_SIZE) {
    groups.push(canonical.slice(i, i + RECOVERY_KEY_GROUP_SIZE));
  }
  return groups;
}
