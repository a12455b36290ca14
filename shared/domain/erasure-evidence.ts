import type { Disclosure } from '../schemas/disclosure';
import type { GdprRequest, Identity } from '../schemas/gdpr-request';
import { maskName } from './masking';

/**
 * What an erasure (GDPR Art. 17) leaves of the records that merely mention the person: the
 * minimal evidence that their requests were received and answered, and that a disclosure once
 * included them — nothing that identifies them. Used when a customer is erased and again when an
 * older backup that still holds them is restored, so both give exactly the same result.
 *
 * A request keeps its id, type, channel, dates, status, deadline and extension dates, the
 * fields a rectification changed, its history, and a masked name (`M*** V***`). Its contact,
 * description, attachment, identity details and any free-text reasons go; the customer link goes
 * too (the erasure ledger names the request, so the two can still be tied together).
 */

/** What every removed free-text field becomes (the stored schema wants something there). */
export const ERASED_TEXT = '***';

/** `Maija Liisa Virtanen` → `M*** V***`: first and last word, like the erasure ledger. */
export function maskRequesterName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const masked = maskName(words[0] ?? '', words.length > 1 ? words.at(-1)! : '');
  return masked === '' ? ERASED_TEXT : masked;
}

function maskedIdentity(identity: Identity): Identity {
  if (identity.state === 'verified') return { ...identity, detail: '' };
  if (identity.state === 'not_needed') return { state: 'not_needed', reason: ERASED_TEXT };
  return identity;
}

const fieldsOf = (request: GdprRequest) =>
  JSON.stringify([request.customerId, request.requesterContact, request.description, request.attachment, request.identity, request.refusal?.reason, request.extension?.reason]);

/**
 * The request with everything about the person removed, and an `erased` history entry; the same
 * request when there was nothing left to remove (masking twice changes nothing).
 */
export function maskRequest(request: GdprRequest, at: number, by: string | null): GdprRequest {
  const masked: GdprRequest = {
    ...request,
    requesterName: isErasureEvidence(request) ? request.requesterName : maskRequesterName(request.requesterName),
    requesterContact: ERASED_TEXT,
    customerId: null,
    description: '',
    attachment: null,
    identity: maskedIdentity(request.identity),
    refusal: request.refusal === null ? null : { ...request.refusal, reason: ERASED_TEXT },
    extension: request.extension === null ? null : { ...request.extension, reason: ERASED_TEXT },
  };
  if (fieldsOf(masked) === fieldsOf(request) && masked.requesterName === request.requesterName) return request;
  const history = [...request.history];
  if (request.attachment !== null) history.push({ at, by, what: 'attachment_removed', detail: null });
  history.push({ at, by, what: 'erased', detail: null });
  return { ...masked, history, updatedAt: Math.max(at, request.updatedAt), updatedBy: by };
}

/** Whether the request is what an erasure left of one (its history says so). */
export const isErasureEvidence = (request: Pick<GdprRequest, 'history'>): boolean => request.history.some((entry) => entry.what === 'erased');

/** Whether a request concerns any of `people` (by its customer link), or is one of `requestIds`. */
export const concernsErased = (request: Pick<GdprRequest, 'id' | 'customerId'>, people: ReadonlySet<string>, requestIds: ReadonlySet<string>): boolean =>
  (request.customerId !== null && people.has(request.customerId)) || requestIds.has(request.id);

/**
 * The disclosure without `people` in its customer list, the number of those removed added to
 * `erasedCustomerCount`; the same disclosure when it did not include any of them.
 */
export function forgetInDisclosure(disclosure: Disclosure, people: ReadonlySet<string>): Disclosure {
  const kept = disclosure.customerIds.filter((id) => !people.has(id));
  const removed = disclosure.customerIds.length - kept.length;
  if (removed === 0) return disclosure;
  return { ...disclosure, customerIds: kept, erasedCustomerCount: (disclosure.erasedCustomerCount ?? 0) + removed };
}
