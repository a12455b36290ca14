import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CustomerNotFoundError, type Actor } from '../../../../renderer/src/db/customer-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { CustomerRestrictedError, ForbiddenError, NotFoundError, PrivacyStateError, RequestStateError } from '../../../../renderer/src/db/errors';
import { Register } from '../../../../renderer/src/db/register';
import { flagsLookup, registerExportTables, restrictedIds } from '../../../../shared/backup/register-export';
import { addDays } from '../../../../shared/domain/calendar-date';
import { marketingExclusions, marketingList, NO_PRIVACY_FLAGS } from '../../../../shared/domain/marketing';
import type { AppointmentDraftInput } from '../../../../shared/schemas/appointment';
import { toDraft, type ConsentDraftInput, type Customer } from '../../../../shared/schemas/customer';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { injectWriteFaults, pagesSnapshot } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { requestDraft, SALON } from '../../../support/gdpr-fixtures';
import { syntheticCustomer } from '../../../support/synthetic';

/**
 * Restriction (Art. 18), objection to marketing (Art. 21), rectification links (Art. 16), the
 * disclosure log, retention decisions and privacy-notice versions, through the whole register.
 */
const NOW = Date.UTC(2026, 10, 20, 10, 0);
const TODAY = '2026-11-20';
const WHEN = { now: NOW, today: TODAY };
const HOUR = 3_600_000;
const fieldErrors = (error: unknown) => (error instanceof ZodError ? error.issues.map((issue) => [issue.path.join('.'), issue.message]) : error);
const consent = (kind: ConsentDraftInput['kind']): ConsentDraftInput => ({ kind, method: 'signed_form', scope: '', expiresAt: null });
const visit = (customerId: string, start: number): AppointmentDraftInput => ({
  customerId,
  start,
  services: [{ serviceId: null, name: 'Kasvohoito', durationMin: 60, priceCents: 7900 }],
  staff: 'Minna',
  channel: 'phone',
  notes: '',
});

async function open(actor: Actor, db: KirjuriDatabase, key: CryptoKey): Promise<Register> {
  const register = await Register.open(db, key, actor);
  await register.appointments.ready;
  return register;
}

async function salon(count = 4, db: KirjuriDatabase = freshDatabase()) {
  const key = await testDataKey();
  const register = await open(OWNER, db, key);
  const customers = await register.customers.createMany(Array.from({ length: count }, (_, i) => syntheticCustomer(i)), NOW - 400 * 24 * HOUR);
  return { db, key, register, customers };
}

describe('restriction of processing (Art. 18)', () => {
  it('makes the record read-only — edits, consents, bookings, merges — until the owner lifts it with a reason', async () => {
    const { db, key, register: owner, customers } = await salon();
    const [target, other] = customers as [Customer, Customer];
    const booked = await owner.appointments.book(visit(target.id, NOW + 24 * HOUR), NOW);
    await owner.customers.giveConsent(target.id, consent('marketing_sms'), NOW);
    const request = await owner.requests.create(requestDraft(target, { type: 'restriction' }, TODAY), WHEN);
    await owner.close();

    // The front desk restricts when the letter arrives (it protects the person).
    const desk = await open(RECEPTIONIST, db, key);
    const flags = await desk.privacy.restrict(target.id, { ground: 'accuracy_contested', note: 'Kiistää osoitteen' }, request.id, NOW + 1);
    expect(flags.restriction).toEqual({
      restrictedSince: NOW + 1,
      ground: 'accuracy_contested',
      requestId: request.id,
      note: 'Kiistää osoitteen',
      liftedAt: null,
      liftedBy: null,
      liftReason: '',
    });
    expect(desk.privacy.isRestricted(target.id, NOW + 2)).toBe(true);
    expect(desk.customers.isRestricted(target.id, NOW + 2)).toBe(true);
    expect(desk.privacy.restrictedIds(NOW + 2)).toEqual(new Set([target.id]));

    const disk = await pagesSnapshot(db);
    const current = desk.customers.get(target.id)!;
    const refused: Promise<unknown>[] = [
      desk.customers.update(target.id, { ...toDraft(current), notes: 'muutos' }, NOW + 2),
      desk.customers.giveConsent(target.id, consent('marketing_email'), NOW + 2),
      desk.appointments.book(visit(target.id, NOW + 48 * HOUR), NOW + 2),
      desk.appointments.createMany([visit(other.id, NOW + 50 * HOUR), visit(target.id, NOW + 52 * HOUR)], NOW + 2),
      desk.appointments.update(booked.id, { start: NOW + 30 * HOUR }, NOW + 2),
      desk.appointments.setStatus(booked.id, 'completed', NOW + 2),
      desk.merge(other.id, target.id, {}, NOW + 2),
      desk.merge(target.id, other.id, {}, NOW + 2),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toEqual(new CustomerRestrictedError(target.id));
    expect(await pagesSnapshot(db)).toEqual(disk);
    // Taking data away stays possible: a consent withdrawn (Art. 7(3)), a booking cancelled.
    const sms = current.consents[0]!;
    expect((await desk.customers.withdrawConsent(target.id, sms.id, NOW + 3)).consents[0]!.withdrawnAt).toBe(NOW + 3);
    expect((await desk.appointments.setStatus(booked.id, 'cancelled_by_customer', NOW + 3)).status).toBe('cancelled_by_customer');
    // Other customers are not affected.
    await desk.customers.update(other.id, { ...toDraft(other), notes: 'muu asiakas' }, NOW + 3);

    // Lifting is the owner's, with a reason; a second restriction while one is in force is refused.
    await expect(desk.privacy.liftRestriction(target.id, 'Tiedot tarkistettu')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(desk.privacy.restrict(target.id, { ground: 'unlawful_processing', note: '' }, null, NOW + 4)).rejects.toEqual(new PrivacyStateError('already_restricted'));
    await desk.close();
    const owner2 = await open(OWNER, db, key);
    expect(await owner2.privacy.liftRestriction(target.id, ' ', NOW + 5).catch(fieldErrors)).toEqual([['liftReason', 'required']]);
    const lifted = await owner2.privacy.liftRestriction(target.id, 'Osoite tarkistettu ja korjattu', NOW + 5);
    expect(lifted.restriction).toMatchObject({ liftedAt: NOW + 5, liftedBy: OWNER.userId, liftReason: 'Osoite tarkistettu ja korjattu' });
    await expect(owner2.privacy.liftRestriction(target.id, 'uudelleen', NOW + 6)).rejects.toEqual(new PrivacyStateError('not_restricted'));
    expect(owner2.privacy.isRestricted(target.id, NOW + 6)).toBe(false);
    const edited = await owner2.customers.update(target.id, { ...toDraft(owner2.customers.get(target.id)!), notes: 'nyt saa' }, NOW + 6);
    expect(edited.notes).toBe('nyt saa');
    // A new restriction is a new entry; the history keeps the lifted one.
    await owner2.privacy.restrict(target.id, { ground: 'objection_pending', note: '' }, null, NOW + 7);
    expect(owner2.privacy.historyOf(target.id)!.restrictions.map((r) => [r.ground, r.liftedAt])).toEqual([
      ['accuracy_contested', NOW + 5],
      ['objection_pending', null],
    ]);
    await owner2.close();
  });

  it('refuses unknown customers and requests about someone else, writing nothing', async () => {
    const { db, register, customers } = await salon();
    const [a, b] = customers as [Customer, Customer];
    const aboutB = await register.requests.create(requestDraft(b, { type: 'restriction' }, TODAY), WHEN);
    const disk = await pagesSnapshot(db);
    await expect(register.privacy.restrict('nobody', { ground: 'accuracy_contested', note: '' })).rejects.toBeInstanceOf(CustomerNotFoundError);
    await expect(register.privacy.restrict(a.id, { ground: 'accuracy_contested', note: '' }, aboutB.id)).rejects.toEqual(new RequestStateError('request_other_customer'));
    await expect(register.privacy.restrict(a.id, { ground: 'accuracy_contested', note: '' }, 'no-such-request')).rejects.toBeInstanceOf(NotFoundError);
    await expect(register.privacy.restrict(a.id, { ground: 'made_up' as 'accuracy_contested', note: '' })).rejects.toBeInstanceOf(ZodError);
    await expect(register.privacy.object(a.id, aboutB.id)).rejects.toEqual(new RequestStateError('request_other_customer'));
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(register.privacy.flagsOf(a.id)).toBe(NO_PRIVACY_FLAGS);
    await register.close();
  });

  it('keeps restricted customers out of marketing lists and register exports, except for the person or an authority', async () => {
    const { register, customers } = await salon(4);
    for (const c of customers) await register.customers.giveConsent(c.id, consent('marketing_email'), NOW);
    const [restricted] = customers as [Customer];
    await register.appointments.book(visit(restricted.id, NOW + HOUR), NOW);
    await register.requests.create(requestDraft(restricted, { type: 'restriction' }, TODAY), WHEN);
    await register.privacy.restrict(restricted.id, { ground: 'unlawful_processing', note: '' }, null, NOW);
    const at = NOW + 1;
    const flagsOf = (id: string) => register.privacy.flagsOf(id);
    expect(marketingList(register.customers.values(), 'email', flagsOf, at).map((c) => c.id).sort()).toEqual(customers.slice(1).map((c) => c.id).sort());
    expect(marketingExclusions(register.customers.get(restricted.id)!, 'email', flagsOf(restricted.id), at)).toEqual(['restricted']);

    const tables = await register.snapshot();
    // The backup keeps them (it is not a disclosure); an export to anyone else does not.
    expect(tables.customers.map((c) => c.id)).toContain(restricted.id);
    for (const forRecipient of ['other', null] as const) {
      const exported = registerExportTables(tables, flagsOf, { forRecipient, now: at });
      expect(exported.customers.map((c) => c.id)).not.toContain(restricted.id);
      expect(exported.customers).toHaveLength(3);
      expect(exported.appointments.filter((a) => a.customerId === restricted.id)).toEqual([]);
      expect(exported.gdprRequests).toEqual([]);
      expect(exported.privacyFlags).toEqual([]);
      expect(JSON.stringify(exported)).not.toContain(restricted.email);
    }
    for (const forRecipient of ['self', 'authority'] as const) expect(registerExportTables(tables, flagsOf, { forRecipient, now: at })).toEqual(tables);
    // The same answer from the snapshot's own privacy table (an export made from a backup file).
    expect(restrictedIds(tables.customers, flagsLookup(tables.privacyFlags), at)).toEqual(new Set([restricted.id]));
    await register.privacy.liftRestriction(restricted.id, 'Käsittely lainmukaista', NOW + 2);
    expect(registerExportTables(await register.snapshot(), flagsOf, { forRecipient: 'other', now: NOW + 3 }).customers).toHaveLength(4);
    await register.close();
  });
});

describe('objection to direct marketing (Art. 21)', () => {
  it('outlives any consent given later, until withdrawn in writing by the owner; the history stays', async () => {
    const { db, key, register: owner, customers } = await salon(3);
    const [person] = customers as [Customer];
    const request = await owner.requests.create(requestDraft(person, { type: 'objection' }, TODAY), WHEN);
    await owner.close();
    const desk = await open(RECEPTIONIST, db, key);
    await desk.privacy.object(person.id, request.id, NOW);
    // A consent ticked afterwards (by mistake, or sincerely) does not put them back on the list.
    await desk.customers.giveConsent(person.id, consent('marketing_email'), NOW + HOUR);
    await desk.customers.giveConsent(person.id, consent('marketing_sms'), NOW + HOUR);
    const at = NOW + 2 * HOUR;
    const flagsOf = (id: string) => desk.privacy.flagsOf(id);
    for (const channel of ['email', 'sms'] as const) expect(marketingList(desk.customers.values(), channel, flagsOf, at).map((c) => c.id)).not.toContain(person.id);
    expect(marketingExclusions(desk.customers.get(person.id)!, 'email', flagsOf(person.id), at)).toEqual(['objected']);
    await expect(desk.privacy.withdrawObjection(person.id, at)).rejects.toBeInstanceOf(ForbiddenError);
    await desk.close();

    // After a fresh unlock too; then the owner records the written withdrawal.
    const owner2 = await open(OWNER, db, key);
    expect(marketingList(owner2.customers.values(), 'email', (id) => owner2.privacy.flagsOf(id), at).map((c) => c.id)).not.toContain(person.id);
    const withdrawn = await owner2.privacy.withdrawObjection(person.id, NOW + 3 * HOUR);
    expect(withdrawn.objections).toEqual([{ objectedAt: NOW, requestId: request.id, recordedBy: RECEPTIONIST.userId, withdrawnAt: NOW + 3 * HOUR, withdrawnBy: OWNER.userId }]);
    expect(marketingList(owner2.customers.values(), 'email', (id) => owner2.privacy.flagsOf(id), NOW + 4 * HOUR).map((c) => c.id)).toContain(person.id);
    await expect(owner2.privacy.withdrawObjection(person.id, NOW + 5 * HOUR)).rejects.toEqual(new PrivacyStateError('not_objected'));
    await owner2.close();
  });

  it('survives a merge of the person’s two cards, and undoing the merge gives it back to its card', async () => {
    const { register, customers } = await salon(3);
    const [survivor, duplicate] = customers as [Customer, Customer];
    await register.privacy.object(duplicate.id, null, NOW);
    await register.customers.giveConsent(survivor.id, consent('marketing_email'), NOW + 1);
    const request = await register.requests.create(requestDraft(duplicate, { type: 'access' }, TODAY), WHEN);
    const decision = await register.retention.decide(duplicate.id, { reason: 'Lahjakortti', nextReviewDate: addDays(TODAY, 30) }, WHEN);
    const disclosure = await register.disclosures.record(
      { recipientKind: 'authority', recipientName: 'Poliisi', legalBasis: 'legal_obligation', legalBasisDetail: 'PolL 4:3', scope: 'Yhteystiedot', customerIds: [duplicate.id], date: TODAY, reference: '', requestId: null },
      WHEN,
    );
    const merge = await register.merge(survivor.id, duplicate.id, {}, NOW + 10);
    expect(register.privacy.flagsOf(survivor.id).objections).toHaveLength(1);
    expect(register.privacy.historyOf(duplicate.id)).toBeNull();
    expect(marketingList(register.customers.values(), 'email', (id) => register.privacy.flagsOf(id), NOW + 20).map((c) => c.id)).not.toContain(survivor.id);
    expect(register.requests.get(request.id)!.customerId).toBe(survivor.id);
    expect(register.retention.latestFor(survivor.id)?.id).toBe(decision.id);
    expect(register.disclosures.get(disclosure.id)!.customerIds).toEqual([survivor.id]);

    expect(register.canUndoMerge(merge.id)).toBe(true);
    await register.undoMerge(merge.id);
    expect(register.privacy.historyOf(survivor.id)).toBeNull();
    expect(register.privacy.flagsOf(duplicate.id).objections).toHaveLength(1);
    expect(register.requests.get(request.id)!.customerId).toBe(duplicate.id);
    expect(register.requests.get(request.id)!.history.slice(-2).map((h) => h.detail)).toEqual(['merged', 'merge_undone']);
    expect(register.retention.latestFor(duplicate.id)?.id).toBe(decision.id);
    expect(register.disclosures.get(disclosure.id)!.customerIds).toEqual([duplicate.id]);

    // A flag changed on the survivor after a merge makes the merge final (undo would lose it).
    const again = await register.merge(survivor.id, duplicate.id, {}, NOW + 30);
    await register.privacy.object(survivor.id, null, NOW + 31);
    expect(register.canUndoMerge(again.id)).toBe(false);
    await register.close();
  });
});

describe('rectification under a request (Art. 16)', () => {
  it('links the edit to the request, with the fields, who and when, in the same transaction', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const { key, register: owner, customers } = await salon(3, db);
    const [person, other] = customers as [Customer, Customer];
    const request = await owner.requests.create(requestDraft(person, { type: 'rectification', description: 'Osoite ja puhelin väärin' }, TODAY), WHEN);
    const access = await owner.requests.create(requestDraft(person, { type: 'access' }, TODAY), WHEN);
    await owner.close();
    const desk = await open(RECEPTIONIST, db, key);
    const draft = { ...toDraft(person), street: 'Uusi katu 1', phone: '040 999 8888' };

    // A failing write changes neither the customer nor the request.
    const disk = await pagesSnapshot(db);
    faults.failNext((mutation) => mutation.type === 'put');
    await expect(desk.customers.update(person.id, draft, { now: NOW + 1, requestId: request.id })).rejects.toThrow('injected write failure');
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(desk.customers.get(person.id)).toEqual(person);
    expect(desk.requests.get(request.id)!.rectifications).toEqual([]);

    const edited = await desk.customers.update(person.id, draft, { now: NOW + 2, requestId: request.id });
    expect(edited).toMatchObject({ street: 'Uusi katu 1', phone: '+358409998888', updatedBy: RECEPTIONIST.userId });
    const linked = desk.requests.get(request.id)!;
    expect(linked.rectifications).toEqual([{ at: NOW + 2, by: RECEPTIONIST.userId, fields: ['phone', 'street'] }]);
    expect(linked.history.at(-1)).toMatchObject({ what: 'rectified', by: RECEPTIONIST.userId, at: NOW + 2 });
    expect(desk.customers.search('040 999 8888')).toEqual([person.id]);
    // Nothing changed: nothing to link.
    await desk.customers.update(person.id, draft, { now: NOW + 3, requestId: request.id });
    expect(desk.requests.get(request.id)!.rectifications).toHaveLength(1);

    const before = await pagesSnapshot(db);
    const next = { ...draft, city: 'Oulu' };
    await expect(desk.customers.update(person.id, next, { requestId: access.id })).rejects.toEqual(new RequestStateError('request_wrong_type'));
    await expect(desk.customers.update(other.id, { ...toDraft(other), city: 'Oulu' }, { requestId: request.id })).rejects.toEqual(new RequestStateError('request_other_customer'));
    await expect(desk.customers.update(person.id, next, { requestId: 'no-such-request' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(desk.customers.update(person.id, { ...next, firstName: '' }, { requestId: request.id })).rejects.toBeInstanceOf(ZodError);
    expect(await pagesSnapshot(db)).toEqual(before);
    await desk.close();
    const again = await open(OWNER, db, key);
    expect(again.requests.get(request.id)!.rectifications).toHaveLength(1);
    expect(again.customers.get(person.id)!.street).toBe('Uusi katu 1');
    await again.close();
  });
});

describe('consent withdrawal under a request (Art. 7(3))', () => {
  it('withdraws the consent and notes it on the request in one write; the consent history stays', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const { key, register, customers } = await salon(2, db);
    const [person, other] = customers as [Customer, Customer];
    const given = await register.customers.giveConsent(person.id, consent('marketing_email'), NOW);
    const consentId = given.consents[0]!.id;
    const request = await register.requests.create(requestDraft(person, { type: 'consent_withdrawal' }, TODAY), WHEN);
    const access = await register.requests.create(requestDraft(person, { type: 'access' }, TODAY), WHEN);

    // A failing write changes neither the consent nor the request.
    const disk = await pagesSnapshot(db);
    faults.failNext((mutation) => mutation.type === 'put');
    await expect(register.customers.withdrawConsent(person.id, consentId, { now: NOW + 1, requestId: request.id })).rejects.toThrow('injected write failure');
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(register.customers.get(person.id)!.consents[0]!.withdrawnAt).toBeNull();

    // Only a consent-withdrawal request about this person can carry it.
    await expect(register.customers.withdrawConsent(person.id, consentId, { requestId: access.id })).rejects.toEqual(new RequestStateError('request_wrong_type'));
    const otherGiven = await register.customers.giveConsent(other.id, consent('marketing_sms'), NOW);
    await expect(register.customers.withdrawConsent(other.id, otherGiven.consents[0]!.id, { requestId: request.id })).rejects.toEqual(new RequestStateError('request_other_customer'));
    expect(register.customers.get(other.id)!.consents[0]!.withdrawnAt).toBeNull();

    const withdrawn = await register.customers.withdrawConsent(person.id, consentId, { now: NOW + 2, requestId: request.id });
    expect(withdrawn.consents).toEqual([expect.objectContaining({ id: consentId, kind: 'marketing_email', givenAt: NOW, withdrawnAt: NOW + 2, withdrawnBy: OWNER.userId })]);
    expect(register.requests.get(request.id)!.history.at(-1)).toMatchObject({ what: 'consent_withdrawn', detail: 'marketing_email', at: NOW + 2, by: OWNER.userId });
    // Withdrawing again is a no-op, not a second note.
    await register.customers.withdrawConsent(person.id, consentId, { now: NOW + 3, requestId: request.id });
    expect(register.requests.get(request.id)!.history.filter((entry) => entry.what === 'consent_withdrawn')).toHaveLength(1);
    await register.close();
    const again = await open(OWNER, db, key);
    expect(again.customers.get(person.id)!.consents[0]!.withdrawnAt).toBe(NOW + 2);
    expect(again.requests.get(request.id)!.history.some((entry) => entry.what === 'consent_withdrawn')).toBe(true);
    await again.close();
  });
});

describe('disclosures, retention decisions and privacy-notice versions', () => {
  it('records a disclosure (owner), refusing unknown customers and requests', async () => {
    const { db, key, register, customers } = await salon(3);
    const draft = {
      recipientKind: 'authority' as const,
      recipientName: 'Helsingin poliisilaitos',
      legalBasis: 'legal_obligation' as const,
      legalBasisDetail: '',
      scope: 'Yhteystiedot ja käynnit 2026',
      customerIds: [customers[0]!.id, customers[1]!.id, customers[0]!.id],
      date: TODAY,
      reference: 'PL-2026-7',
      requestId: null,
    };
    expect(await register.disclosures.record(draft, WHEN).catch(fieldErrors)).toEqual([['legalBasisDetail', 'required']]);
    const disk = await pagesSnapshot(db);
    await expect(register.disclosures.record({ ...draft, legalBasisDetail: 'PolL 4:3', customerIds: ['nobody'] }, WHEN)).rejects.toBeInstanceOf(CustomerNotFoundError);
    await expect(register.disclosures.record({ ...draft, legalBasisDetail: 'PolL 4:3', requestId: 'no-such-request' }, WHEN)).rejects.toBeInstanceOf(NotFoundError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    const recorded = await register.disclosures.record({ ...draft, legalBasisDetail: 'PolL 4:3' }, WHEN);
    expect(recorded).toMatchObject({ customerIds: [customers[0]!.id, customers[1]!.id], recordedBy: OWNER.userId, recordedAt: NOW });
    expect(register.disclosures.forCustomer(customers[1]!.id)).toEqual([recorded]);
    expect(register.disclosures.forCustomer(customers[2]!.id)).toEqual([]);
    await register.close();
    const desk = await open(RECEPTIONIST, db, key);
    expect(desk.disclosures.values()).toEqual([recorded]);
    await expect(desk.disclosures.record({ ...draft, legalBasisDetail: 'PolL 4:3' }, WHEN)).rejects.toBeInstanceOf(ForbiddenError);
    await desk.close();
  });

  it('keeps a customer after review with a reason and a next date (owner); the review list respects it', async () => {
    const { db, key, register, customers } = await salon(3);
    const policy = { reviewAfterMonths: 12 };
    expect(register.retentionReview(policy, TODAY).map((item) => item.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
    expect(await register.retention.decide(customers[0]!.id, { reason: '', nextReviewDate: TODAY }, WHEN).catch(fieldErrors)).toEqual([
      ['reason', 'required'],
      ['nextReviewDate', 'date_not_future'],
    ]);
    await expect(register.retention.decide('nobody', { reason: 'x', nextReviewDate: addDays(TODAY, 1) }, WHEN)).rejects.toBeInstanceOf(CustomerNotFoundError);
    const kept = await register.retention.decide(customers[0]!.id, { reason: 'Voimassa oleva lahjakortti', nextReviewDate: addDays(TODAY, 180) }, WHEN);
    expect(kept).toMatchObject({ decision: 'keep', decidedBy: OWNER.userId, decidedAt: NOW });
    expect(register.retentionReview(policy, TODAY).map((item) => item.customerId)).not.toContain(customers[0]!.id);
    expect(register.retentionReview(policy, addDays(TODAY, 180)).find((item) => item.customerId === customers[0]!.id)?.previousDecision).toEqual(kept);
    // An open request keeps the customer off the list, too.
    await register.requests.create(requestDraft(customers[1]!, {}, TODAY), WHEN);
    expect(register.retentionReview(policy, TODAY).map((item) => item.customerId)).toEqual([customers[2]!.id]);
    // So does a restriction of processing (Art. 18): its data must not be erased meanwhile.
    await register.privacy.restrict(customers[2]!.id, { ground: 'needed_for_legal_claims', note: '' });
    expect(register.retentionReview(policy, TODAY)).toEqual([]);
    await register.close();
    const desk = await open(RECEPTIONIST, db, key);
    await expect(desk.retention.decide(customers[2]!.id, { reason: 'x', nextReviewDate: addDays(TODAY, 5) }, WHEN)).rejects.toBeInstanceOf(ForbiddenError);
    await desk.close();
  });

  it('numbers the notice versions, counts one from the date it takes effect, and records it with each consent', async () => {
    const { db, key, register, customers } = await salon(2);
    expect(register.currentNoticeVersion).toBeNull();
    const settings = { languages: ['fi' as const], date: TODAY, business: SALON, reviewAfterMonths: 36, healthNotesEnabled: false };
    const first = await register.notices.publish(settings, NOW);
    expect(first).toMatchObject({ version: 1, languages: ['fi'], date: TODAY, business: SALON, createdBy: OWNER.userId });
    // The same settings in Swedish and English: the same version, now in three languages.
    const same = await register.notices.publish({ ...settings, languages: ['sv', 'en', 'sv'] }, NOW + 1);
    expect(same).toMatchObject({ id: first.id, version: 1, languages: ['en', 'fi', 'sv'] });
    expect(await register.notices.publish({ ...settings, languages: ['fi'] }, NOW + 2)).toEqual(same);
    const consentGiven = await register.customers.giveConsent(customers[0]!.id, consent('marketing_email'), NOW + 3);
    expect(consentGiven.consents[0]!.noticeVersion).toBe(1);

    // New settings: version 2, in force from its date.
    const second = await register.notices.publish({ ...settings, reviewAfterMonths: 24, date: '2026-12-01' }, NOW + 4);
    expect(second.version).toBe(2);
    expect(register.notices.latest()).toEqual(second);
    expect(register.notices.versionInForce(NOW + 5)).toBe(1);
    expect(register.notices.versionInForce(Date.UTC(2026, 11, 1, 12))).toBe(2);
    expect((await register.customers.giveConsent(customers[1]!.id, consent('marketing_sms'), Date.UTC(2026, 11, 2))).consents[0]!.noticeVersion).toBe(2);
    expect(await register.notices.publish({ ...settings, business: { ...SALON, name: '' } }, NOW).catch(fieldErrors)).toEqual([['business.name', 'required']]);
    await register.close();

    const desk = await open(RECEPTIONIST, db, key);
    expect(desk.notices.values().map((n) => n.version)).toEqual([1, 2]);
    await expect(desk.notices.publish(settings, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // Consents recorded at the desk carry the version too.
    expect((await desk.customers.giveConsent(customers[0]!.id, consent('marketing_sms'), NOW + 6)).consents.at(-1)!.noticeVersion).toBe(1);
    await desk.close();
  });
});
