import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CustomerNotFoundError, CustomerRepository, HEALTH_CONSENT_REQUIRED } from '../../../../renderer/src/db/customer-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { ERASURE_STORE, Register } from '../../../../renderer/src/db/register';
import { activeConsent } from '../../../../shared/domain/consent';
import { toDraft, type Consent, type ConsentDraftInput, type Customer } from '../../../../shared/schemas/customer';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { decryptAll, pagesSnapshot } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { syntheticCustomer } from '../../../support/synthetic';

/** The full customer record of issue 5: consents with history, health notes under consent, authorship. */
const T0 = Date.UTC(2026, 0, 15, 9, 0);
const DAY = 86_400_000;
const consent = (kind: ConsentDraftInput['kind'], over: Partial<ConsentDraftInput> = {}): ConsentDraftInput => ({
  kind,
  method: 'in_person',
  scope: kind === 'publication' ? 'Ennen/jälkeen-kuvat Instagramissa' : '',
  expiresAt: null,
  ...over,
});
const HEALTH = 'Allergia: PPD, tee aina kokeilu';

async function opened(actor = RECEPTIONIST, noticeVersion?: () => number | null) {
  const db = freshDatabase();
  const key = await testDataKey();
  const repo = await CustomerRepository.open(db, key, actor, noticeVersion ? { noticeVersion } : {});
  return { db, key, repo };
}
async function reopen(db: KirjuriDatabase, key: CryptoKey, repo: CustomerRepository, actor = RECEPTIONIST) {
  await repo.close();
  return CustomerRepository.open(db, key, actor);
}
const fieldErrors = (error: unknown) => (error as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('customer repository: authorship', () => {
  it('records who created and who last changed a customer, and when', async () => {
    const { db, key, repo } = await opened(OWNER);
    const created = await repo.create({ ...syntheticCustomer(1), email: ' Aino.1@Example.TEST ', phone: '040 123 4567' }, T0);
    expect(created).toMatchObject({ email: 'aino.1@example.test', phone: '+358401234567', consents: [], createdAt: T0, createdBy: OWNER.userId, updatedAt: T0, updatedBy: OWNER.userId });
    const desk = await reopen(db, key, repo);
    const edited = await desk.update(created.id, { ...toDraft(created), notes: 'Vastaanotto muutti' }, T0 + DAY);
    expect(edited).toEqual({ ...created, notes: 'Vastaanotto muutti', updatedAt: T0 + DAY, updatedBy: RECEPTIONIST.userId });
    // even two edits within one millisecond, or with the clock set back, move updatedAt forward
    const again = await desk.update(created.id, { ...toDraft(edited), notes: 'Toinen' }, T0 + DAY);
    const back = await desk.update(created.id, { ...toDraft(again), notes: 'Kolmas' }, T0);
    expect([again.updatedAt, back.updatedAt]).toEqual([T0 + DAY + 1, T0 + DAY + 2]);
    expect(back.createdBy).toBe(OWNER.userId);
    const bulk = await desk.createMany([syntheticCustomer(2), syntheticCustomer(3)], T0 + 5);
    for (const c of bulk) expect(c).toMatchObject({ createdBy: RECEPTIONIST.userId, updatedBy: RECEPTIONIST.userId, createdAt: T0 + 5 });
    expect((await reopen(db, key, desk)).get(created.id)).toEqual(back);
  });

  it('validates every write, all or nothing, and changes nothing on a refused one', async () => {
    const { db, repo } = await opened();
    const kept = await repo.create(syntheticCustomer(1), T0);
    const disk = await pagesSnapshot(db);
    const bad = await repo.update(kept.id, { ...toDraft(kept), firstName: ' ', source: 'other', sourceDetail: '' }).catch((e: unknown) => e);
    expect(fieldErrors(bad)).toEqual([['firstName', 'required'], ['sourceDetail', 'required']]);
    await expect(repo.createMany([syntheticCustomer(2), { ...syntheticCustomer(3), postalCode: '123' }])).rejects.toBeInstanceOf(ZodError);
    await expect(repo.update('nobody', syntheticCustomer(1))).rejects.toBeInstanceOf(CustomerNotFoundError);
    await expect(repo.giveConsent('nobody', consent('marketing_sms'))).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect(repo.count).toBe(1);
    expect(repo.get(kept.id)).toEqual(kept);
    expect(await pagesSnapshot(db)).toEqual(disk);
  });
});

describe('customer repository: consents', () => {
  it('records each consent as its own dated, attributed entry with the notice version in force', async () => {
    let notice: number | null = null;
    const { db, key, repo } = await opened(RECEPTIONIST, () => notice);
    const c = await repo.create(syntheticCustomer(1), T0);
    const first = await repo.giveConsent(c.id, consent('marketing_email', { method: 'signed_form' }), T0 + 1);
    notice = 3;
    const second = await repo.giveConsent(c.id, consent('publication', { expiresAt: T0 + 365 * DAY }), T0 + 2);
    expect(first.consents).toEqual<Consent[]>([
      { id: first.consents[0]!.id, kind: 'marketing_email', givenAt: T0 + 1, method: 'signed_form', recordedBy: RECEPTIONIST.userId, noticeVersion: null, scope: '', expiresAt: null, withdrawnAt: null, withdrawnBy: null },
    ]);
    expect(second.consents[1]).toMatchObject({ kind: 'publication', noticeVersion: 3, scope: 'Ennen/jälkeen-kuvat Instagramissa', expiresAt: T0 + 365 * DAY });
    expect(second.consents[0]).toEqual(first.consents[0]);
    expect(second).toMatchObject({ updatedAt: T0 + 2, updatedBy: RECEPTIONIST.userId });
    expect((await reopen(db, key, repo)).get(c.id)).toEqual(second);
  });

  it('refuses a publication consent without its scope, and unknown kinds or methods', async () => {
    const { db, repo } = await opened();
    const c = await repo.create(syntheticCustomer(1), T0);
    const disk = await pagesSnapshot(db);
    const noScope = await repo.giveConsent(c.id, consent('publication', { scope: '  ' })).catch((e: unknown) => e);
    expect(fieldErrors(noScope)).toEqual([['scope', 'required']]);
    await expect(repo.giveConsent(c.id, { ...consent('marketing_sms'), kind: 'everything' as never })).rejects.toBeInstanceOf(ZodError);
    await expect(repo.giveConsent(c.id, { ...consent('marketing_sms'), method: 'telepathy' as never })).rejects.toBeInstanceOf(ZodError);
    expect(repo.get(c.id)).toEqual(c);
    expect(await pagesSnapshot(db)).toEqual(disk);
  });

  it('withdraws as easily as it was given, keeping the history; a second withdrawal changes nothing', async () => {
    const { db, key, repo } = await opened();
    const c = await repo.create(syntheticCustomer(1), T0);
    const given = await repo.giveConsent(c.id, consent('marketing_sms'), T0 + 1);
    const id = given.consents[0]!.id;
    const withdrawn = await repo.withdrawConsent(c.id, id, T0 + DAY);
    expect(withdrawn.consents).toEqual([{ ...given.consents[0], withdrawnAt: T0 + DAY, withdrawnBy: RECEPTIONIST.userId }]);
    expect(activeConsent(withdrawn, 'marketing_sms', T0 + DAY)).toBeNull();
    const disk = await pagesSnapshot(db);
    expect(await repo.withdrawConsent(c.id, id, T0 + 2 * DAY)).toBe(withdrawn);
    expect(await pagesSnapshot(db)).toEqual(disk);
    const regiven = await repo.giveConsent(c.id, consent('marketing_sms'), T0 + 3 * DAY);
    expect(regiven.consents.map((k) => [k.kind, k.withdrawnAt])).toEqual([['marketing_sms', T0 + DAY], ['marketing_sms', null]]);
    expect(activeConsent(regiven, 'marketing_sms', T0 + 3 * DAY)?.id).toBe(regiven.consents[1]!.id);
    await expect(repo.withdrawConsent(c.id, 'no-such-consent')).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect((await reopen(db, key, repo)).get(c.id)).toEqual(regiven);
  });

  it('keeps both consents given at once (no write is lost to a copy read earlier)', async () => {
    const { db, key, repo } = await opened();
    const c = await repo.create(syntheticCustomer(1), T0);
    await Promise.all([
      repo.giveConsent(c.id, consent('marketing_email'), T0 + 1),
      repo.giveConsent(c.id, consent('marketing_sms'), T0 + 1),
      repo.update(c.id, { ...toDraft(c), notes: 'Samaan aikaan' }, T0 + 1),
    ]);
    const after = repo.get(c.id)!;
    expect(after.consents.map((k) => k.kind).sort()).toEqual(['marketing_email', 'marketing_sms']);
    expect(after.notes).toBe('Samaan aikaan');
    expect(repo.search('')).toEqual([c.id]);
    expect((await reopen(db, key, repo)).get(c.id)).toEqual(after);
  });

  it('never brings back a customer erased while an edit of them was on its way', async () => {
    const db = freshDatabase();
    const key = await testDataKey();
    const register = await Register.open(db, key, OWNER);
    await register.appointments.ready;
    const c = await register.customers.create({ ...syntheticCustomer(1), notes: 'Poistuva asiakas' }, T0);
    const erasing = register.eraseCustomer(c.id);
    // the erasure is queued and under way (sealing), the customer still on screen: now the edit is saved
    for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
    expect(register.customers.get(c.id)).toBeDefined();
    const editing = register.customers.update(c.id, { ...toDraft(c), notes: 'Myöhästynyt muokkaus' }, T0 + 1);
    await erasing;
    await expect(editing).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect(register.customers.get(c.id)).toBeUndefined();
    expect(register.customers.search('')).toEqual([]);
    // Only the erasure ledger names the id; no customer row or logged change does.
    const rows = await decryptAll(db, key);
    expect(rows.filter((row) => row.plaintext.includes(c.id)).map((row) => row.store)).toEqual([ERASURE_STORE]);
    expect(rows.some((row) => row.plaintext.includes('Myöhästynyt') || row.plaintext.includes('Poistuva'))).toBe(false);
    await register.close();
  });
});

describe('customer repository: health notes', () => {
  const withHealthConsent = async (repo: CustomerRepository, at = T0, over: Partial<ConsentDraftInput> = {}) => {
    const c = await repo.create(syntheticCustomer(1), at);
    return repo.giveConsent(c.id, consent('health_data', over), at + 1);
  };

  it('refuses health notes without an active health-data consent, as a field error that does not repeat them', async () => {
    const { db, repo } = await opened();
    const refused = await repo.create({ ...syntheticCustomer(1), healthNotes: HEALTH }, T0).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZodError);
    expect(fieldErrors(refused)).toEqual([['healthNotes', HEALTH_CONSENT_REQUIRED]]);
    expect(String((refused as Error).message)).not.toContain('Allergia');
    expect(JSON.stringify((refused as ZodError).issues)).not.toContain('Allergia');
    const c = await repo.create(syntheticCustomer(2), T0);
    const other = await repo.giveConsent(c.id, consent('marketing_email'), T0 + 1); // another kind does not count
    await expect(repo.update(c.id, { ...toDraft(other), healthNotes: HEALTH }, T0 + 2)).rejects.toBeInstanceOf(ZodError);
    expect(repo.get(c.id)).toEqual(other);
    expect(repo.count).toBe(1);
    expect(await db.pages.count()).toBeGreaterThan(0);
  });

  it('keeps health notes with an active consent, and with one given in the same import', async () => {
    const { repo } = await opened();
    const c = await withHealthConsent(repo);
    const noted = await repo.update(c.id, { ...toDraft(c), healthNotes: HEALTH }, T0 + 2);
    expect(noted.healthNotes).toBe(HEALTH);
    const [imported, plain] = await repo.createMany(
      [{ ...syntheticCustomer(5), healthNotes: HEALTH }, syntheticCustomer(6)],
      T0,
      [[consent('health_data', { method: 'booking_system' })], []],
    );
    expect(imported).toMatchObject({ healthNotes: HEALTH, consents: [{ kind: 'health_data', method: 'booking_system', givenAt: T0, recordedBy: RECEPTIONIST.userId }] });
    expect(plain!.consents).toEqual([]);
    await expect(repo.createMany([{ ...syntheticCustomer(7), healthNotes: HEALTH }], T0, [[consent('marketing_sms')]])).rejects.toBeInstanceOf(ZodError);
  });

  it('does not accept an expired health consent', async () => {
    const { repo } = await opened();
    const c = await withHealthConsent(repo, T0, { expiresAt: T0 + DAY });
    await expect(repo.update(c.id, { ...toDraft(c), healthNotes: HEALTH }, T0 + DAY)).rejects.toBeInstanceOf(ZodError);
    expect((await repo.update(c.id, { ...toDraft(c), healthNotes: HEALTH }, T0 + DAY - 1)).healthNotes).toBe(HEALTH);
  });

  it('clears the health notes when their consent is withdrawn, also on disk; other withdrawals keep them', async () => {
    const { db, key, repo } = await opened();
    const c = await withHealthConsent(repo);
    const withSms = await repo.giveConsent(c.id, consent('marketing_sms'), T0 + 2);
    const noted = await repo.update(c.id, { ...toDraft(withSms), healthNotes: HEALTH }, T0 + 3);
    const sms = noted.consents.find((k) => k.kind === 'marketing_sms')!;
    expect((await repo.withdrawConsent(c.id, sms.id, T0 + 4)).healthNotes).toBe(HEALTH);
    const health = noted.consents.find((k) => k.kind === 'health_data')!;
    const cleared = await repo.withdrawConsent(c.id, health.id, T0 + 5);
    expect(cleared.healthNotes).toBe('');
    expect(cleared.consents.find((k) => k.id === health.id)).toMatchObject({ withdrawnAt: T0 + 5, withdrawnBy: RECEPTIONIST.userId });
    const again = await reopen(db, key, repo);
    expect(again.get(c.id)).toEqual(cleared);
    await again.close();
    // the notes are gone from the disk too, once the log is compacted on close
    expect((await decryptAll(db, key)).filter((row) => row.plaintext.includes('Allergia'))).toEqual([]);
  });

  it('keeps the notes while another health consent is still in force', async () => {
    const { repo } = await opened();
    const c = await withHealthConsent(repo);
    const twice = await repo.giveConsent(c.id, consent('health_data', { method: 'signed_form' }), T0 + 2);
    const noted = await repo.update(c.id, { ...toDraft(twice), healthNotes: HEALTH }, T0 + 3);
    const [older, newer] = noted.consents;
    expect((await repo.withdrawConsent(c.id, newer!.id, T0 + 4)).healthNotes).toBe(HEALTH);
    expect((await repo.withdrawConsent(c.id, older!.id, T0 + 5)).healthNotes).toBe('');
  });
});

describe('customer repository: search follows every write', () => {
  it('finds a customer by the new name after an edit and not by the old one', async () => {
    const { repo } = await opened();
    const created: Customer[] = await repo.createMany([syntheticCustomer(1), syntheticCustomer(2), syntheticCustomer(3)], T0);
    const target = created[1]!;
    await repo.update(target.id, { ...toDraft(target), lastName: 'Uusinimi' }, T0 + 1);
    expect(repo.search('uusinimi')).toEqual([target.id]);
    expect(repo.search(target.lastName)).not.toContain(target.id);
    expect(repo.search('').sort()).toEqual(created.map((c) => c.id).sort());
  });
});

describe('customer repository: consent dates', () => {
  it('refuses a consent whose expiry is already past, as a field error, and records nothing', async () => {
    const db = freshDatabase();
    const register = await Register.open(db, await testDataKey(), OWNER);
    const c = await register.customers.create(syntheticCustomer(2), T0);
    const refused = await register.customers
      .giveConsent(c.id, { kind: 'publication', method: 'signed_form', scope: 'Instagram', expiresAt: T0 - 1 }, T0)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ZodError);
    expect((refused as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['expiresAt', 'consent_expiry_past']]);
    expect(register.customers.get(c.id)?.consents).toEqual([]);
    await register.close();
  });
});
