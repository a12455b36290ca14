import { phoneSearchDigits } from '../../../shared/domain/phone';
import { finnishSortKey, foldText } from '../../../shared/domain/text-fold';
import type { Customer } from '../../../shared/schemas/customer';

/**
 * In-memory search over the decrypted register. Entries are kept in alphabetical order (last
 * name, first name), so one linear pass yields results already ordered: no sort per keystroke.
 * A pass over 100,000 pre-folded strings takes a few milliseconds, well under one frame, and an
 * inverted index would only hold the same personal data in more places.
 */
interface Entry {
  id: string;
  /** `last first` in Finnish alphabetical order (Å, Ä, Ö after Z). */
  sortKey: string;
  /** Folded `last first`, for prefix ranking. */
  reversed: string;
  /** Folded `first last`, with a leading space so ` token` tests word starts. */
  name: string;
  /** Folded name + e-mail: what text queries search. */
  text: string;
  phoneIntl: string;
  phoneNational: string;
}

const PHONE_LIKE = /^[\d\s+()\-./]+$/;

export class CustomerIndex {
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();

  /** Rebuilds the index from scratch (unlock). */
  build(customers: Iterable<Customer>): void {
    this.entries = [];
    this.byId.clear();
    for (const customer of customers) {
      const entry = toEntry(customer);
      this.entries.push(entry);
      this.byId.set(entry.id, entry);
    }
    this.entries.sort(compareEntries);
  }

  upsert(customer: Customer): void {
    this.remove(customer.id);
    const entry = toEntry(customer);
    this.entries.splice(this.insertionPoint(entry), 0, entry);
    this.byId.set(entry.id, entry);
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    const at = this.insertionPoint(entry);
    if (this.entries[at] === entry) this.entries.splice(at, 1);
    else this.entries.splice(this.entries.indexOf(entry), 1);
    this.byId.delete(id);
  }

  clear(): void {
    this.entries = [];
    this.byId.clear();
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Ids of customers matching `query`, best first: name starts with the query, then a name
   * word starts with its first word, then any other match; alphabetical within each group.
   * Every word must appear in the name or e-mail (accents and case ignored); a query that looks
   * like a phone number also matches the phone in any formatting (`040 123`, `+35840123`).
   */
  search(query: string): string[] {
    const folded = foldText(query).trim().replace(/\s+/g, ' ');
    if (folded === '') return this.entries.map((e) => e.id);
    const tokens = folded.split(' ');
    const first = tokens[0]!;
    const wordStart = ` ${first}`;
    const whole = ` ${folded}`;
    const trimmed = query.trim();
    const digits = PHONE_LIKE.test(trimmed) ? trimmed.replace(/\D/g, '') : '';
    const exact: string[] = [];
    const word: string[] = [];
    const other: string[] = [];
    const single = tokens.length === 1;
    for (const entry of this.entries) {
      const textMatch = single ? entry.text.includes(first) : tokens.every((t) => entry.text.includes(t));
      if (!textMatch && !(digits !== '' && (entry.phoneNational.includes(digits) || entry.phoneIntl.includes(digits)))) {
        continue;
      }
      if (entry.name.startsWith(whole) || entry.reversed.startsWith(folded)) exact.push(entry.id);
      else if (entry.name.includes(wordStart)) word.push(entry.id);
      else other.push(entry.id);
    }
    return exact.concat(word, other);
  }

  private insertionPoint(entry: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.entries[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function toEntry(customer: Customer): Entry {
  const first = foldText(customer.firstName);
  const last = foldText(customer.lastName);
  const phone = customer.phone ? phoneSearchDigits(customer.phone) : { international: '', national: '' };
  return {
    id: customer.id,
    sortKey: finnishSortKey(`${customer.lastName} ${customer.firstName}`),
    reversed: `${last} ${first}`,
    name: ` ${first} ${last}`,
    text: ` ${first} ${last} ${customer.email.toLowerCase()}`,
    phoneIntl: phone.international,
    phoneNational: phone.national,
  };
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
