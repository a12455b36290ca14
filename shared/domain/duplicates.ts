import type { Customer } from '../schemas/customer';
import { foldText } from './text-fold';

/**
 * Likely duplicates of a customer (issue 5): shown before a new customer is saved, and used by the
 * CSV import to flag rows that may already be in the register. Pure and synchronous.
 *
 * A customer is a likely duplicate of the candidate when any of these hold:
 * - `phone`: the same phone number (both in E.164, as the schemas store them; '' never matches);
 * - `email`: the same e-mail address, ignoring case and surrounding spaces ('' never matches);
 * - `name`: a very similar name —
 *   - the same first and last name once folded (case and accents ignored: `Mäki` = `maki`), or
 *   - first and last name swapped (`Virtanen Aino` for `Aino Virtanen`), or
 *   - the full folded names ("first last", spaces collapsed) are at most one edit apart
 *     (Damerau–Levenshtein: one letter added, removed, changed, or two neighbours swapped),
 *     when both names have at least {@link MIN_FUZZY_NAME_LENGTH} letters. Shorter names are too
 *     easily one edit apart by chance (`Ea Li` / `Ea Lu`).
 *
 * Results are ranked: more reasons first; a matching phone or e-mail outweighs a matching name; an
 * exact (folded) name outweighs a near one. Ties keep the order of `customers`.
 *
 * Cost: one linear pass. Each customer is rejected on cheap checks (string equality of the contact
 * fields, then the folded lengths) before any edit distance is computed, and the distance check
 * itself is linear because it only has to decide "at most one edit". Fine for 100,000 customers per
 * call; a caller checking many candidates against the same register (an import) pays one pass per
 * candidate.
 *
 * This API is used by the customer form and the CSV import: keep it stable.
 */
export type DuplicateReason = 'phone' | 'email' | 'name';

export interface DuplicateCandidate {
  readonly firstName: string;
  readonly lastName: string;
  /** E.164 (`+358401234567`) or ''. */
  readonly phone: string;
  readonly email: string;
}

export interface LikelyDuplicate {
  /** The id of the existing customer. */
  readonly customerId: string;
  /** Why it looks like the same person, in the order phone, e-mail, name. */
  readonly reasons: readonly DuplicateReason[];
}

export interface FindDuplicatesOptions {
  /** A customer never to report (the one being edited). */
  readonly excludeId?: string | undefined;
  /** At most this many results (the best ranked); all by default. */
  readonly limit?: number | undefined;
}

/** Names shorter than this (letters, spaces not counted) only match exactly or swapped. */
export const MIN_FUZZY_NAME_LENGTH = 5;

const SCORE = { phone: 8, email: 8, exactName: 3, nearName: 2 } as const;

/** Folded for comparison: lower case, no accents, inner whitespace collapsed to one space. */
function foldName(name: string): string {
  const folded = foldText(name.trim());
  return /\s{2,}|[\t\n\r]/.test(folded) ? folded.split(/\s+/).join(' ') : folded;
}

const letterCount = (folded: string): number => {
  let count = 0;
  for (let i = 0; i < folded.length; i += 1) if (folded.charCodeAt(i) !== 32) count += 1;
  return count;
};

/**
 * Whether `a` and `b` are at most one edit apart (insert, delete, substitute one character, or
 * swap two adjacent ones): the Damerau–Levenshtein (optimal string alignment) distance ≤ 1,
 * decided in one pass without a distance matrix.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let endA = la;
  let endB = lb;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  const restA = endA - start;
  const restB = endB - start;
  // What remains after the common prefix and suffix must be one edit:
  // one char vs none (insert/delete), one vs one (substitute), or "xy" vs "yx" (transpose).
  if (restA + restB <= 1) return true;
  if (restA === 1 && restB === 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/** Likely duplicates of `candidate` among `customers`, best first (see the module comment). */
export function findLikelyDuplicates(
  candidate: DuplicateCandidate,
  customers: Iterable<Customer>,
  options: FindDuplicatesOptions = {},
): LikelyDuplicate[] {
  const phone = candidate.phone.trim();
  const email = candidate.email.trim().toLowerCase();
  const first = foldName(candidate.firstName);
  const last = foldName(candidate.lastName);
  const full = first === '' ? last : last === '' ? first : `${first} ${last}`;
  const hasName = first !== '' || last !== '';
  const isFuzzy = letterCount(full) >= MIN_FUZZY_NAME_LENGTH;

  const found: { customerId: string; reasons: DuplicateReason[]; score: number; order: number }[] = [];
  let order = 0;
  for (const customer of customers) {
    order += 1;
    if (customer.id === options.excludeId) continue;
    const reasons: DuplicateReason[] = [];
    let score = 0;
    if (phone !== '' && customer.phone === phone) {
      reasons.push('phone');
      score += SCORE.phone;
    }
    if (email !== '' && customer.email !== '' && (customer.email === email || customer.email.trim().toLowerCase() === email)) {
      reasons.push('email');
      score += SCORE.email;
    }
    if (hasName) {
      const name = nameMatch(first, last, full, isFuzzy, customer);
      if (name !== null) {
        reasons.push('name');
        score += name === 'exact' ? SCORE.exactName : SCORE.nearName;
      }
    }
    if (reasons.length > 0) found.push({ customerId: customer.id, reasons, score, order });
  }
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  const limited = options.limit === undefined ? found : found.slice(0, Math.max(0, options.limit));
  return limited.map(({ customerId, reasons }) => ({ customerId, reasons }));
}

function nameMatch(first: string, last: string, full: string, isFuzzy: boolean, customer: Customer): 'exact' | 'near' | null {
  // Cheap reject before folding: a name more than a few characters longer or shorter cannot be
  // one edit away. Folding changes lengths only slightly (ß → ss, decomposed accents), hence the slack.
  const rawLength = customer.firstName.length + customer.lastName.length + 1;
  if (rawLength > full.length * 2 + 8 || rawLength * 2 + 8 < full.length) return null;
  const theirFirst = foldName(customer.firstName);
  const theirLast = foldName(customer.lastName);
  if (theirFirst === first && theirLast === last) return 'exact';
  if (theirFirst === last && theirLast === first) return 'exact';
  if (!isFuzzy) return null;
  const theirFull = theirFirst === '' ? theirLast : theirLast === '' ? theirFirst : `${theirFirst} ${theirLast}`;
  if (Math.abs(theirFull.length - full.length) > 1 || letterCount(theirFull) < MIN_FUZZY_NAME_LENGTH) return null;
  return isWithinOneEdit(full, theirFull) ? 'near' : null;
}
