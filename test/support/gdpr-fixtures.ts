import type { Register } from '../../renderer/src/db/register';
import { addDays, isoDateInZone, type IsoDate } from '../../shared/domain/calendar-date';
import { BusinessSchema, type Business } from '../../shared/schemas/business';
import type { Customer } from '../../shared/schemas/customer';
import type { GdprRequest, GdprRequestDraftInput } from '../../shared/schemas/gdpr-request';

/**
 * GDPR records for data-layer tests (issue 7): written requests' files, intake drafts, and a
 * helper that fills every GDPR store of a register through its real repositories.
 */

/** A small but real-looking PDF ("%PDF-" first), with a text that marks whose letter it is. */
export function letterPdf(marker: string, size = 600): Uint8Array {
  const text = new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n`);
  const bytes = new Uint8Array(Math.max(size, text.length));
  bytes.set(text);
  for (let i = text.length; i < bytes.length; i += 1) bytes[i] = (i * 31 + marker.length) % 251;
  return bytes;
}

/** A PNG signature and some bytes. */
export function photoPng(size = 300): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i += 1) bytes[i] = (i * 17) % 256;
  return bytes;
}

export const SALON: Business = BusinessSchema.parse({
  name: 'Kauneushoitola Sävy',
  businessId: '1234567-1',
  street: 'Testikatu 5 B',
  postalCode: '00990',
  city: 'Helsinki',
  privacyEmail: 'tietosuoja@example.test',
  privacyPhone: '040 555 0123',
});

/** An intake draft about `customer` (their name and e-mail as the requester's). */
export function requestDraft(customer: Pick<Customer, 'id' | 'firstName' | 'lastName' | 'email'> | null, overrides: Partial<GdprRequestDraftInput> = {}, today: IsoDate = '2026-11-20'): GdprRequestDraftInput {
  return {
    type: 'access',
    requesterName: customer ? `${customer.firstName} ${customer.lastName}` : 'Tuntematon Kirjoittaja',
    requesterContact: customer?.email || 'kirjoittaja@example.test',
    channel: 'email',
    receivedDate: addDays(today, -3),
    customerId: customer?.id ?? null,
    description: customer ? `Pyyntö koskien asiakasta ${customer.lastName}` : 'Ei rekisterissä',
    attachment: null,
    identity: { state: 'pending' },
    ...overrides,
  };
}

export interface GdprFill {
  readonly requests: GdprRequest[];
}

/**
 * Writes at least one record of every GDPR table for `customers` (at least three), through the
 * real repositories at `now`: requests of several kinds (one with a PDF, one extended, one
 * answered, one refused, one rectification), a disclosure, a retention decision, a restriction
 * (lifted again), an objection and a privacy-notice version.
 */
export async function fillGdprRecords(register: Register, customers: readonly Customer[], now: number): Promise<GdprFill> {
  if (customers.length < 3) throw new Error('fillGdprRecords needs three customers');
  const today = isoDateInZone(now);
  const [a, b, c] = customers as [Customer, Customer, Customer];
  const when = { now, today };
  await register.requests.create(
    requestDraft(a, { type: 'access', attachment: { fileName: 'pyynto.pdf', mimeType: 'application/pdf', size: 700 } }, today),
    { ...when, file: letterPdf(`kirje ${a.id}`, 700) },
  );
  const extended = await register.requests.create(requestDraft(b, { type: 'portability', channel: 'letter' }, today), when);
  await register.requests.extend(extended.id, { reason: 'Laaja pyyntö', notifiedDate: today, extraMonths: 1 }, when);
  const answered = await register.requests.create(requestDraft(c, { type: 'objection', identity: { state: 'not_needed', reason: 'Uutiskirjeen osoitteesta' } }, today), when);
  await register.requests.markReplySent(answered.id, { replySentDate: today }, when);
  const refused = await register.requests.create(requestDraft(null, { type: 'erasure' }, today), when);
  await register.requests.refuse(refused.id, { reason: 'Henkilöä ei löydy rekisteristä', complaintRightNotified: true, replySentDate: today }, when);
  await register.requests.create(requestDraft(b, { type: 'rectification', identity: { state: 'verified', method: 'known_in_person', detail: '', verifiedAt: today } }, today), when);
  await register.disclosures.record(
    { recipientKind: 'authority', recipientName: 'Helsingin poliisilaitos', legalBasis: 'legal_obligation', legalBasisDetail: 'Poliisilaki 4:3', scope: 'Yhteystiedot', customerIds: [a.id, b.id], date: today, reference: 'PL-1', requestId: null },
    when,
  );
  await register.retention.decide(c.id, { reason: 'Lahjakortti voimassa', nextReviewDate: addDays(today, 365) }, when);
  await register.privacy.restrict(b.id, { ground: 'accuracy_contested', note: '' }, null, now);
  await register.privacy.liftRestriction(b.id, 'Tiedot tarkistettu', now + 1);
  await register.privacy.object(c.id, answered.id, now);
  await register.notices.publish({ languages: ['fi'], date: today, business: SALON, reviewAfterMonths: 36, healthNotesEnabled: false }, now);
  return { requests: register.requests.values() };
}
