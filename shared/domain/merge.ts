import { CUSTOMER_DRAFT_FIELDS, type Customer, type CustomerDraftField } from '../schemas/customer';

/**
 * Merging two records of the same person (issue 5): the survivor keeps its id; for each field the
 * person merging picks whose value wins. Consents of both are kept (their history is evidence),
 * and the earlier creation time stays. Appointments move to the survivor (register.ts).
 */
export type MergeChoice = 'survivor' | 'merged' | 'both';
export type MergePicks = Partial<Record<CustomerDraftField, MergeChoice>>;

/** Free-text fields, where keeping both texts is a sensible choice. */
export const JOINABLE_FIELDS: readonly CustomerDraftField[] = ['notes', 'healthNotes'];

/**
 * What a person would pick by default: the survivor's value, unless it is empty and the other's
 * is not; for notes that differ, both.
 */
export function defaultPicks(survivor: Customer, merged: Customer): Record<CustomerDraftField, MergeChoice> {
  const picks = {} as Record<CustomerDraftField, MergeChoice>;
  for (const field of CUSTOMER_DRAFT_FIELDS) {
    const mine = survivor[field];
    const theirs = merged[field];
    if (JOINABLE_FIELDS.includes(field) && mine !== '' && theirs !== '' && mine !== theirs) picks[field] = 'both';
    else picks[field] = mine === '' && theirs !== '' ? 'merged' : 'survivor';
  }
  return picks;
}

/** The survivor as it will be after the merge (pure; the register writes it). */
export function mergeCustomers(survivor: Customer, merged: Customer, picks: MergePicks, now: number, actorId: string): Customer {
  const defaults = defaultPicks(survivor, merged);
  const result: Customer = { ...survivor };
  for (const field of CUSTOMER_DRAFT_FIELDS) {
    const choice = picks[field] ?? defaults[field];
    if (choice === 'merged') {
      (result as Record<CustomerDraftField, string>)[field] = merged[field];
    } else if (choice === 'both') {
      if (!JOINABLE_FIELDS.includes(field)) throw new RangeError(`field ${field} cannot keep both values`);
      const texts = [survivor[field], merged[field]].filter((text) => text !== '');
      (result as Record<CustomerDraftField, string>)[field] = [...new Set(texts)].join('\n\n').slice(0, 5000);
    }
  }
  // The source detail describes the source: it goes with whichever source won, unless picked itself.
  if (picks.sourceDetail === undefined) {
    result.sourceDetail = (picks.source ?? defaults.source) === 'merged' ? merged.sourceDetail : survivor.sourceDetail;
  }
  const consents = new Map(survivor.consents.map((consent) => [consent.id, consent]));
  for (const consent of merged.consents) if (!consents.has(consent.id)) consents.set(consent.id, consent);
  result.consents = [...consents.values()].sort((a, b) => a.givenAt - b.givenAt);
  const isMergedOlder = merged.createdAt < survivor.createdAt;
  result.createdAt = isMergedOlder ? merged.createdAt : survivor.createdAt;
  result.createdBy = isMergedOlder ? merged.createdBy : survivor.createdBy;
  // A change of the survivor: later than its previous one even within one millisecond (undo relies on it).
  result.updatedAt = Math.max(now, survivor.updatedAt + 1, merged.updatedAt);
  result.updatedBy = actorId;
  return result;
}
