import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STORE } from '../../../../renderer/src/db/appointment-repository';
import { CUSTOMER_STORE, CustomerNotFoundError } from '../../../../renderer/src/db/customer-repository';
import { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { ForbiddenError, NotFoundError } from '../../../../renderer/src/db/errors';
import { ERASURE_STORE, MERGE_STORE, MergeNotUndoableError, Register } from '../../../../renderer/src/db/register';
import type { MergePicks } from '../../../../shared/domain/merge';
import type { AppointmentDraftInput, BookedService } from '../../../../shared/schemas/appointment';
import { toDraft, type ConsentDraftInput, type Customer, type CustomerDraftInput } from '../../../../shared/schemas/customer';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { decryptAll, injectWriteFaults, pagesSnapshot, rawDump, rowsOf, variants } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { syntheticCustomer } from '../../../support/synthetic';

const T0 = Date.UTC(2026, 2, 2, 8, 0);
const HOUR = 3_600_000;
const CUT: BookedService = { serviceId: null, name: 'Naisten hiustenleikkaus', durationMin: 60, priceCents: 5900 };

const visit = (customerId: string, start: number, notes = '', staff = 'Minna'): AppointmentDraftInput => ({
  customerId,
  start,
  services: [CUT],
  staff,
  channel: 'phone',
  notes,
});
const consent = (kind: ConsentDraftInput['kind']): ConsentDraftInput => ({ kind, method: 'signed_form', scope: kind === 'publication' ? 'Instagram' : '', expiresAt: null });

/** Everything a screen can read from a register, in a comparable form. */
function state(register: Register) {
  const customers = [...register.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    customers,
    count: register.customers.count,
    search: register.customers.search(''),
    appointments: register.appointments.between(0, Number.MAX_SAFE_INTEGER),
    appointmentCount: register.appointments.count,
    byCustomer: Object.fromEntries(customers.map((c) => [c.id, register.appointments.forCustomer(c.id).map((a) => a.id)])),
    merges: register.undoableMerges(),
    damaged: register.damaged,
  };
}

async function setup() {
  const db = freshDatabase();
  const key = await testDataKey();
  const register = await Register.open(db, key, OWNER);
  await register.appointments.ready;
  return { db, key, register };
}

async function reopen(db: KirjuriDatabase, key: CryptoKey, register: Register, actor = OWNER): Promise<Register> {
  await register.close();
  const again = await Register.open(db, key, actor);
  await again.appointments.ready;
  return again;
}

/** Plaintext of every row, decrypted with the key, that contains any of `needles`. */
/**
 * Needles found in any decrypted row outside the erasure ledger. The ledger keeps, by design, the
 * erased ids (so no restore or import brings the person back) and a masked name — nothing else;
 * `ledgerHoldsOnly` checks that part.
 */
async function decryptedHits(db: KirjuriDatabase, key: CryptoKey, needles: readonly string[]): Promise<string[]> {
  const rows = (await decryptAll(db, key)).filter((row) => row.store !== ERASURE_STORE);
  return needles.filter((needle) => rows.some((row) => row.plaintext.includes(needle)));
}

/** The ledger rows hold the erased ids but none of the person's values. */
async function ledgerHoldsOnly(db: KirjuriDatabase, key: CryptoKey, ids: readonly string[], values: readonly string[]): Promise<void> {
  const ledger = (await decryptAll(db, key)).filter((row) => row.store === ERASURE_STORE).map((row) => row.plaintext).join('\n');
  for (const id of ids) expect(ledger).toContain(id);
  expect(values.flatMap(variants).filter((needle) => ledger.includes(needle))).toEqual([]);
}

describe('erasing a customer', () => {
  /** 50 customers; customer 17 has consents, health notes, appointments and a merged duplicate. */
  async function populated() {
    const { db, key, register } = await setup();
    const drafts: CustomerDraftInput[] = Array.from({ length: 50 }, (_, i) => syntheticCustomer(i));
    drafts[17] = {
      ...syntheticCustomer(17),
      firstName: 'Kyllikki',
      lastName: 'Poistettava-Öhman',
      email: 'kyllikki.poistettava@example.test',
      phone: '050 765 4321',
      street: 'Salakuja 99',
      postalCode: '93600',
      city: 'Kuusamo',
      notes: 'Erikoistoive: ei parfyymeja',
    };
    const customers = await register.customers.createMany(drafts, T0);
    const target = customers[17]!;
    await register.customers.giveConsent(target.id, consent('health_data'), T0 + 1);
    await register.customers.update(target.id, { ...toDraft(register.customers.get(target.id)!), healthNotes: 'Allergia: PPD-väriaine' }, T0 + 2);
    const duplicate = await register.customers.create(
      { ...syntheticCustomer(60), firstName: 'Kyllikki', lastName: 'Poistettava', email: 'k.vanhakortti@example.test', phone: '044 987 6543', notes: 'Vanha kortti: Ruusutie 5' },
      T0 + 3,
    );
    const targetVisits = await Promise.all([0, 1, 2].map((k) => register.appointments.book(visit(target.id, T0 + (24 + k) * HOUR, 'Kyllikin oma muistiinpano'), T0 + 4)));
    const duplicateVisits = await register.appointments.createMany([visit(duplicate.id, T0 - 300 * HOUR, 'Vanhan kortin aika'), visit(duplicate.id, T0 - 200 * HOUR)], T0 + 4);
    await register.appointments.setStatus(duplicateVisits[0]!.id, 'completed', T0 + 5);
    const otherVisits = await register.appointments.createMany(customers.slice(0, 10).map((c, i) => visit(c.id, T0 + i * HOUR, `muistiinpano ${i}`, 'Sari')), T0 + 4);
    const targetMerge = await register.merge(target.id, duplicate.id, { notes: 'both', phone: 'survivor' }, T0 + 6);
    const otherMerge = await register.merge(customers[3]!.id, customers[4]!.id, {}, T0 + 7);
    return { db, key, register, customers, target: register.customers.get(target.id)!, targetBefore: target, duplicate, targetVisits, duplicateVisits, otherVisits, targetMerge, otherMerge };
  }

  it('leaves no trace of them on disk, raw or decrypted, nor in memory, search or undo history; everyone else is intact', async () => {
    const w = await populated();
    const { db, key, target, duplicate } = w;
    let register = w.register;
    const erasedIds = [target.id, duplicate.id, w.targetMerge.id, ...w.targetVisits.map((a) => a.id), ...w.duplicateVisits.map((a) => a.id)];
    const erasedValues = [
      'Kyllikki',
      'Poistettava',
      'Öhman',
      'kyllikki.poistettava@example.test',
      'k.vanhakortti@example.test',
      target.phone,
      duplicate.phone,
      'Salakuja 99',
      'Kuusamo',
      '93600',
      'Erikoistoive',
      'parfyymeja',
      'Allergia: PPD',
      'Vanha kortti',
      'Ruusutie',
      'Kyllikin oma muistiinpano',
      'Vanhan kortin aika',
    ];
    // The scans can see what is there: before the erasure every needle decrypts from some row.
    expect(await decryptedHits(db, key, [...erasedIds, ...erasedValues])).toEqual([...erasedIds, ...erasedValues]);
    const mergeRowsBefore = await rowsOf(db, MERGE_STORE);
    expect(mergeRowsBefore.length).toBeGreaterThan(0);

    const before = state(register);
    await register.eraseCustomer(target.id);

    // 1. The raw rows, decrypting nothing: no value in any case or normalisation.
    const dump = await rawDump(db);
    expect(dump).toContain(CUSTOMER_STORE);
    expect(erasedValues.flatMap(variants).filter((needle) => dump.includes(needle))).toEqual([]);
    expect(erasedIds.filter((id) => dump.includes(id))).toEqual([]);
    // 2. Every row decrypted with the key: no id, no value, in any store or log — but the
    // erasure ledger, which keeps the ids (never a value) so that nothing brings them back.
    const rows = (await decryptAll(db, key)).filter((row) => row.store !== ERASURE_STORE);
    const plaintext = rows.map((row) => row.plaintext).join('\n');
    expect([...erasedIds, ...erasedValues.flatMap(variants)].filter((needle) => plaintext.includes(needle))).toEqual([]);
    await ledgerHoldsOnly(db, key, [target.id], erasedValues);
    // ... while the others are all there, in clear once decrypted
    for (const c of w.customers.filter((c) => c.id !== target.id && c.id !== w.customers[4]!.id)) expect(plaintext).toContain(c.email);
    expect(plaintext).toContain(w.otherMerge.id);
    expect(rows.some((row) => row.store === APPOINTMENT_STORE)).toBe(true);

    // 3. Memory and search.
    expect(register.customers.get(target.id)).toBeUndefined();
    for (const query of ['Kyllikki', 'poistettava', 'öhman', '050 765 4321', '+358507654321', 'kyllikki.poistettava', 'k.vanhakortti']) {
      expect(register.customers.search(query)).toEqual([]);
    }
    for (const a of [...w.targetVisits, ...w.duplicateVisits]) expect(register.appointments.get(a.id)).toBeUndefined();
    expect(register.appointments.forCustomer(target.id)).toEqual([]);
    expect(register.undoableMerges().map((m) => m.id)).toEqual([w.otherMerge.id]);

    // 4. Everyone else exactly as before.
    const expected = {
      ...before,
      customers: before.customers.filter((c) => c.id !== target.id),
      count: before.count - 1,
      search: before.search.filter((id) => id !== target.id),
      appointments: before.appointments.filter((a) => a.customerId !== target.id),
      appointmentCount: before.appointmentCount - 5,
      byCustomer: Object.fromEntries(Object.entries(before.byCustomer).filter(([id]) => id !== target.id)),
      merges: before.merges.filter((m) => m.id !== w.targetMerge.id),
    };
    expect(state(register)).toEqual(expected);

    // 5. After a new unlock: still gone, the rest still there, the other merge still undoable.
    register = await reopen(db, key, register);
    expect(state(register)).toEqual(expected);
    expect(register.customers.search('Kyllikki')).toEqual([]);
    await register.undoMerge(w.otherMerge.id);
    expect(register.customers.get(w.customers[4]!.id)).toEqual(w.customers[4]);
    await register.close();
  });

  it('follows merges made earlier: a chain of merged records of the person leaves nothing behind', async () => {
    const { db, key, register } = await setup();
    const [a, b, c, bystander] = await register.customers.createMany(
      [
        { ...syntheticCustomer(1), firstName: 'Ensimmäinen', email: 'ketju.a@example.test' },
        { ...syntheticCustomer(2), firstName: 'Toinen', email: 'ketju.b@example.test' },
        { ...syntheticCustomer(3), firstName: 'Kolmas', email: 'ketju.c@example.test' },
        syntheticCustomer(4),
      ],
      T0,
    );
    const first = await register.merge(b!.id, a!.id, { email: 'merged' }, T0 + 1); // A's card goes into B
    const second = await register.merge(c!.id, b!.id, { email: 'merged' }, T0 + 2); // B (holding A) goes into C
    const unrelated = await register.merge(bystander!.id, (await register.customers.create(syntheticCustomer(5), T0 + 3)).id, {}, T0 + 4);
    expect(register.customers.get(c!.id)?.email).toBe('ketju.a@example.test');

    await register.eraseCustomer(c!.id);
    const values = ['ketju.a@example.test', 'ketju.b@example.test', 'ketju.c@example.test', 'Ensimmäinen', 'Toinen', 'Kolmas'];
    const needles = [a!.id, b!.id, c!.id, first.id, second.id, ...values];
    expect(await decryptedHits(db, key, needles)).toEqual([]);
    // Every card of the person is in the ledger: an older backup may hold A or B on their own.
    await ledgerHoldsOnly(db, key, [a!.id, b!.id, c!.id], values);
    expect(['a', 'b', 'c'].map((_, i) => register.isErased([a!, b!, c!][i]!.id))).toEqual([true, true, true]);
    expect(register.undoableMerges().map((m) => m.id)).toEqual([unrelated.id]);
    await register.close();
  });

  it('is refused to a receptionist, and nothing changes on disk or on screen', async () => {
    const w = await populated();
    const { db, key } = w;
    await w.register.close();
    const desk = await Register.open(db, key, RECEPTIONIST);
    await desk.appointments.ready;
    const disk = await pagesSnapshot(db);
    const screen = state(desk);
    await expect(desk.eraseCustomer(w.target.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(state(desk)).toEqual(screen);
    const again = await reopen(db, key, desk);
    expect(state(again)).toEqual(screen);
    await again.close();
  });

  it('refuses an unknown customer without writing anything', async () => {
    const { db, register } = await setup();
    await register.customers.create(syntheticCustomer(1), T0);
    const disk = await pagesSnapshot(db);
    await expect(register.eraseCustomer('no-such-customer')).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    await register.close();
  });

  it('is all or nothing: a write failing inside the transaction leaves disk and memory exactly as before', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const key = await testDataKey();
    const register = await Register.open(db, key, OWNER);
    const [target, other] = await register.customers.createMany([syntheticCustomer(1), syntheticCustomer(2)], T0);
    await register.customers.update(target!.id, { ...syntheticCustomer(1), notes: 'lokiin' }, T0 + 1);
    await register.appointments.createMany([visit(target!.id, T0), visit(other!.id, T0 + HOUR)], T0);
    await register.appointments.update((register.appointments.forCustomer(target!.id)[0])!.id, { notes: 'lokiin' }, T0 + 2);
    const disk = await pagesSnapshot(db);
    const screen = state(register);
    const seenBefore = faults.seen.length;
    faults.failNext((request) => request.type === 'put');
    await expect(register.eraseCustomer(target!.id)).rejects.toThrow('injected write failure');
    expect(faults.failed).toBe(1);
    // the deletes of this transaction had already run when the put failed: they were rolled back
    expect(faults.seen.slice(seenBefore)).toEqual(['delete', 'put']);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(state(register)).toEqual(screen);
    // and the register still works: the same erasure succeeds afterwards
    await register.eraseCustomer(target!.id);
    expect(register.customers.get(target!.id)).toBeUndefined();
    await register.close();
  });
});

describe('merging customers', () => {
  async function pair() {
    const { db, key, register } = await setup();
    const survivor = await register.customers.create(
      { ...syntheticCustomer(1), firstName: 'Aino', lastName: 'Mäkinen', phone: '040 111 2233', email: '', notes: 'Lyhyet hiukset', source: 'phone', sourceDetail: '' },
      T0,
    );
    const merged = await register.customers.create(
      {
        ...syntheticCustomer(2),
        firstName: 'Aino-Maria',
        lastName: 'Mäkinen',
        phone: '040 444 5566',
        email: 'aino.maria@example.test',
        notes: 'Kahvi ilman maitoa',
        source: 'booking_system',
        sourceDetail: 'Ajanvaraus Oy',
      },
      T0 - 10 * HOUR,
    );
    await register.customers.giveConsent(survivor.id, consent('marketing_email'), T0 + 10);
    await register.customers.giveConsent(merged.id, consent('marketing_sms'), T0 + 5);
    await register.customers.giveConsent(merged.id, consent('health_data'), T0 + 6);
    await register.customers.update(merged.id, { ...toDraft(register.customers.get(merged.id)!), healthNotes: 'Herkkä päänahka' }, T0 + 7);
    const ownVisit = await register.appointments.book(visit(survivor.id, T0 + 48 * HOUR), T0 + 8);
    const [oldVisit, nextVisit] = await register.appointments.createMany(
      [
        { ...visit(merged.id, T0 - 100 * HOUR, 'vanha'), status: 'completed' },
        visit(merged.id, T0 + 72 * HOUR, 'tuleva'),
      ],
      T0 + 8,
    );
    return {
      db,
      key,
      register,
      survivor: register.customers.get(survivor.id)!,
      merged: register.customers.get(merged.id)!,
      ownVisit,
      movedVisits: [oldVisit!, nextVisit!],
    };
  }

  const PICKS: MergePicks = { firstName: 'survivor', phone: 'merged', email: 'merged', notes: 'both', source: 'merged', healthNotes: 'merged' };

  it('gives the survivor the picked values and both consents, moves the appointments, removes the merged record; a reopen shows the same', async () => {
    const w = await pair();
    const { db, key, survivor, merged } = w;
    let register = w.register;
    const record = await register.merge(survivor.id, merged.id, PICKS, T0 + 100);
    const after = register.customers.get(survivor.id)!;
    expect(after).toEqual<Customer>({
      ...survivor,
      phone: '+358404445566',
      email: 'aino.maria@example.test',
      notes: 'Lyhyet hiukset\n\nKahvi ilman maitoa',
      source: 'booking_system',
      sourceDetail: 'Ajanvaraus Oy',
      healthNotes: 'Herkkä päänahka',
      consents: [...merged.consents, ...survivor.consents],
      createdAt: merged.createdAt,
      createdBy: OWNER.userId,
      updatedAt: T0 + 100,
      updatedBy: OWNER.userId,
    });
    expect(after.consents.map((c) => c.kind)).toEqual(['marketing_sms', 'health_data', 'marketing_email']);
    expect(register.customers.get(merged.id)).toBeUndefined();
    expect(register.customers.count).toBe(1);
    expect(register.customers.search('aino.maria')).toEqual([survivor.id]);
    expect(register.customers.search('Aino-Maria')).toEqual([]);
    expect(register.appointments.forCustomer(merged.id)).toEqual([]);
    expect(register.appointments.forCustomer(survivor.id).map((a) => a.id)).toEqual([w.movedVisits[1]!.id, w.ownVisit.id, w.movedVisits[0]!.id]);
    for (const moved of w.movedVisits) expect(register.appointments.get(moved.id)).toEqual({ ...moved, customerId: survivor.id });
    expect(record).toMatchObject({ by: OWNER.userId, survivorBefore: survivor, merged, movedAppointmentIds: [w.movedVisits[1]!.id, w.movedVisits[0]!.id] });
    expect(register.undoableMerges()).toEqual([record]);

    const screen = state(register);
    register = await reopen(db, key, register);
    expect(state(register)).toEqual(screen);
    await register.close();
  });

  it('undo restores both customers exactly and gives back the moved appointments, also after a reopen', async () => {
    const w = await pair();
    const { db, key, survivor, merged } = w;
    let register = w.register;
    const screenBefore = state(register);
    const record = await register.merge(survivor.id, merged.id, PICKS, T0 + 100);
    // booked for the survivor after the merge: stays with the survivor
    const later = await register.appointments.book(visit(survivor.id, T0 + 96 * HOUR), T0 + 200);
    // a moved appointment changed after the merge goes back as it is now
    const completed = await register.appointments.setStatus(w.movedVisits[1]!.id, 'completed', T0 + 300);
    register = await reopen(db, key, register);
    await register.undoMerge(record.id);

    expect(register.customers.get(survivor.id)).toEqual(survivor);
    expect(register.customers.get(merged.id)).toEqual(merged);
    expect(register.customers.search('aino.maria')).toEqual([merged.id]);
    expect(register.appointments.forCustomer(merged.id)).toEqual([{ ...completed, customerId: merged.id }, w.movedVisits[0]]);
    expect(register.appointments.forCustomer(survivor.id).map((a) => a.id)).toEqual([later.id, w.ownVisit.id]);
    expect(register.undoableMerges()).toEqual([]);
    const returned = { ...completed, customerId: merged.id };
    const expected = {
      ...screenBefore,
      appointments: [...screenBefore.appointments.map((a) => (a.id === returned.id ? returned : a)), later].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1)),
      appointmentCount: screenBefore.appointmentCount + 1,
      byCustomer: { ...screenBefore.byCustomer, [survivor.id]: [later.id, w.ownVisit.id] },
    };
    expect(state(register)).toEqual(expected);
    register = await reopen(db, key, register);
    expect(state(register)).toEqual(expected);
    // no ciphertext of the undo record is left
    expect(await decryptedHits(db, key, [record.id])).toEqual([]);
    await register.close();
  });

  it.each([
    ['an edit of the survivor', (r: Register, id: string, at: number) => r.customers.update(id, { ...toDraft(r.customers.get(id)!), notes: 'muokattu' }, at)],
    ['a consent given to the survivor', (r: Register, id: string, at: number) => r.customers.giveConsent(id, consent('publication'), at)],
    ['another merge into the survivor', async (r: Register, id: string, at: number) => r.merge(id, (await r.customers.create(syntheticCustomer(9), at)).id, {}, at)],
  ])('refuses to undo after %s (made later, in the same millisecond, or by a clock that went back), changing nothing', async (_, change) => {
    for (const delay of [HOUR, 0, -HOUR]) {
      const w = await pair();
      const { db, survivor, merged } = w;
      const register = w.register;
      const record = await register.merge(survivor.id, merged.id, PICKS, T0 + 100);
      await change(register, survivor.id, T0 + 100 + delay);
      const disk = await pagesSnapshot(db);
      const screen = state(register);
      await expect(register.undoMerge(record.id), `delay ${delay}`).rejects.toBeInstanceOf(MergeNotUndoableError);
      expect(await pagesSnapshot(db)).toEqual(disk);
      expect(state(register)).toEqual(screen);
      await register.close();
    }
  });

  it('can undo at once even when the merged record was saved by a clock ahead of this one', async () => {
    const w = await pair();
    const { survivor, register } = w;
    const ahead = await register.customers.update(w.merged.id, { ...toDraft(w.merged), notes: 'kello edellä' }, T0 + 50 * HOUR);
    const record = await register.merge(survivor.id, ahead.id, PICKS, T0 + 100);
    await register.undoMerge(record.id);
    expect(register.customers.get(survivor.id)).toEqual(survivor);
    expect(register.customers.get(ahead.id)).toEqual(ahead);
    await register.close();
  });

  it('refuses nonsense: merging a customer with itself, unknown customers, a pick that cannot keep both, an unknown undo', async () => {
    const { db, register, survivor, merged } = await pair();
    const disk = await pagesSnapshot(db);
    const screen = state(register);
    await expect(register.merge(survivor.id, survivor.id, {})).rejects.toBeInstanceOf(RangeError);
    await expect(register.merge(survivor.id, 'nobody', {})).rejects.toBeInstanceOf(CustomerNotFoundError);
    await expect(register.merge(survivor.id, merged.id, { firstName: 'both' })).rejects.toBeInstanceOf(RangeError);
    await expect(register.undoMerge('no-such-merge')).rejects.toBeInstanceOf(NotFoundError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(state(register)).toEqual(screen);
    await register.close();
  });

  it('cannot undo a merge whose survivor was itself merged away later', async () => {
    const { register, survivor, merged } = await pair();
    const third = await register.customers.create(syntheticCustomer(7), T0);
    const first = await register.merge(survivor.id, merged.id, {}, T0 + 100);
    await register.merge(third.id, survivor.id, {}, T0 + 200);
    await expect(register.undoMerge(first.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(register.customers.get(merged.id)).toBeUndefined();
    await register.close();
  });

  it('forgets every undo record on clearMergeHistory, leaving no ciphertext of the merged customer', async () => {
    const w = await pair();
    const { db, key, survivor, merged } = w;
    let register = w.register;
    const record = await register.merge(survivor.id, merged.id, { notes: 'survivor', healthNotes: 'survivor', email: 'survivor', phone: 'survivor', source: 'survivor' }, T0 + 100);
    expect(await decryptedHits(db, key, ['Aino-Maria', 'aino.maria@example.test'])).toHaveLength(2);
    await register.clearMergeHistory();
    expect(register.undoableMerges()).toEqual([]);
    await expect(register.undoMerge(record.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await decryptedHits(db, key, ['Aino-Maria', 'aino.maria@example.test', 'Kahvi ilman maitoa', record.id])).toEqual([]);
    expect(await rowsOf(db, MERGE_STORE)).toEqual([]);
    register = await reopen(db, key, register);
    expect(register.undoableMerges()).toEqual([]);
    await register.close();
  });

  describe('all or nothing', () => {
    async function faulty() {
      const db = freshDatabase();
      const faults = injectWriteFaults(db);
      const key = await testDataKey();
      const register = await Register.open(db, key, OWNER);
      const [survivor, merged] = await register.customers.createMany([syntheticCustomer(1), syntheticCustomer(2)], T0);
      // logged changes of both pages, so the commit deletes rows before it puts any
      await register.customers.giveConsent(survivor!.id, consent('marketing_email'), T0 + 1);
      await register.customers.giveConsent(merged!.id, consent('marketing_sms'), T0 + 1);
      await register.appointments.createMany([visit(merged!.id, T0), visit(survivor!.id, T0 + HOUR)], T0);
      await register.appointments.update(register.appointments.forCustomer(merged!.id)[0]!.id, { notes: 'muutos lokiin' }, T0 + 2);
      return { db, faults, key, register, survivor: register.customers.get(survivor!.id)!, merged: register.customers.get(merged!.id)! };
    }

    it('a merge whose transaction fails half-way changes nothing in memory or on disk, and can be retried', async () => {
      const { db, faults, key, register, survivor, merged } = await faulty();
      const disk = await pagesSnapshot(db);
      const screen = state(register);
      const seenBefore = faults.seen.length;
      faults.failNext((request) => request.type === 'put');
      await expect(register.merge(survivor.id, merged.id, {}, T0 + 10)).rejects.toThrow('injected write failure');
      expect(faults.seen.slice(seenBefore)).toEqual(['delete', 'put']);
      expect(await pagesSnapshot(db)).toEqual(disk);
      expect(state(register)).toEqual(screen);
      const fresh = await Register.open(db, key, OWNER);
      await fresh.appointments.ready;
      expect(state(fresh)).toEqual(screen);
      const record = await register.merge(survivor.id, merged.id, {}, T0 + 10);
      expect(register.undoableMerges()).toEqual([record]);
      await register.close();
    });

    it('an undo whose transaction fails half-way changes nothing in memory or on disk', async () => {
      const { db, faults, register, survivor, merged } = await faulty();
      const record = await register.merge(survivor.id, merged.id, {}, T0 + 10);
      // a logged change of the moved appointment's page, so the undo's commit has deletes too
      await register.appointments.update(record.movedAppointmentIds[0]!, { notes: 'siirretty' }, T0 + 11);
      const disk = await pagesSnapshot(db);
      const screen = state(register);
      faults.failNext((request) => request.type === 'put');
      await expect(register.undoMerge(record.id)).rejects.toThrow('injected write failure');
      expect(await pagesSnapshot(db)).toEqual(disk);
      expect(state(register)).toEqual(screen);
      await register.undoMerge(record.id);
      expect(register.customers.get(merged.id)).toEqual(merged);
      expect(register.customers.get(survivor.id)).toEqual(survivor);
      await register.close();
    });

    it('a merge against a closed database fails and changes nothing', async () => {
      const { db, key, register, survivor, merged } = await faulty();
      const disk = await pagesSnapshot(db);
      const screen = state(register);
      db.close();
      await expect(register.merge(survivor.id, merged.id, {}, T0 + 10)).rejects.toThrow();
      expect(state(register)).toEqual(screen);
      const reopened = new KirjuriDatabase(db.name);
      expect(await pagesSnapshot(reopened)).toEqual(disk);
      const fresh = await Register.open(reopened, key, OWNER);
      await fresh.appointments.ready;
      expect(state(fresh)).toEqual(screen);
      await fresh.close();
    });
  });
});
