/**
 * Finnish Business ID (Y-tunnus): seven digits, a hyphen and a check digit.
 * Check digit: weights 7,9,10,5,8,4,2; remainder 0 → 0, remainder 1 → never issued, else 11 − r.
 * Older six-digit IDs are written with a leading zero (PRH's rule), which we add.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** Returns the canonical form `1234567-8`, or null when the ID is malformed or its check digit is wrong. */
export function normalizeBusinessId(input: string): string | null {
  const compact = input.replace(/\s+/g, '');
  const match = /^(\d{6,7})-?(\d)$/.exec(compact);
  if (!match) return null;
  const body = match[1]!.padStart(7, '0');
  const check = Number(match[2]);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  const expected = remainder === 0 ? 0 : 11 - remainder;
  return expected === check ? `${body}-${check}` : null;
}
