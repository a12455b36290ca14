import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { APPOINTMENT_PAGE_CAPACITY, APPOINTMENT_STORE, AppointmentRepository } from '../../../../renderer/src/db/appointment-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { NotFoundError } from '../../../../renderer/src/db/errors';
import { commitStaged, WriteQueue } from '../../../../renderer/src/db/sealed-page-store';
import { ServiceRepository } from '../../../../renderer/src/db/service-repository';
import { totalPriceCents } from '../../../../shared/domain/appointments';
import type { Appointment, AppointmentDraftInput, BookedService } from '../../../../shared/schemas/appointment';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { pagesSnapshot, rowsOf } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';

const T0 = Date.UTC(2026, 4, 4, 7, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const service = (name: string, durationMin: number, priceCents = 5000): BookedService => ({ serviceId: null, name, durationMin, priceCents });
const CUT = service('Leikkaus', 60, 5900);
const COLOUR = service('Värjäys', 90, 8500);
const draft = (over: Partial<AppointmentDraftInput> = {}): AppointmentDraftInput => ({
  customerId: 'customer-1',
  start: T0,
  services: [CUT],
  staff: 'Minna',
  channel: 'phone',
  notes: '',
  ...over,
});
const byStartThenId = (a: Appointment, b: Appointment) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function opened(actor = RECEPTIONIST) {
  const db = freshDatabase();
  const key = await testDataKey();
  const repo = AppointmentRepository.open(db, key, actor);
  await repo.ready;
  return { db, key, repo };
}
async function reopen(db: KirjuriDatabase, key: CryptoKey, repo?: AppointmentRepository, actor = RECEPTIONIST) {
  await repo?.close();
  const again = AppointmentRepository.open(db, key, actor);
  await again.ready;
  return again;
}
const everything = (repo: AppointmentRepository) => repo.between(0, Number.MAX_SAFE_INTEGER);

describe('appointment repository: loading', () => {
  it('answers empty until the appointments are decrypted, then has them all and tells its listeners', async () => {
    const { db, key, repo } = await opened();
    const many = await repo.createMany(
      Array.from({ length: APPOINTMENT_PAGE_CAPACITY * 2 + 10 }, (_, i) => ({ ...draft({ customerId: `c${i % 7}`, start: T0 + i * 30 * MIN }), status: 'completed' as const })),
      T0,
    );
    await repo.update(many[5]!.id, { notes: 'lokiin' }, T0 + 1); // and one logged change
    expect((await rowsOf(db, APPOINTMENT_STORE)).length).toBe(3);
    const again = AppointmentRepository.open(db, key, RECEPTIONIST);
    let told = 0;
    again.subscribe(() => (told += 1));
    expect(again.isLoaded).toBe(false);
    expect(everything(again)).toEqual([]);
    expect(again.forCustomer('c1')).toEqual([]);
    expect(again.count).toBe(0);
    await again.ready;
    expect(again.isLoaded).toBe(true);
    expect(told).toBeGreaterThan(0);
    expect(again.count).toBe(many.length);
    expect(everything(again)).toEqual(everything(repo));
    expect(again.get(many[5]!.id)?.notes).toBe('lokiin');
    expect(again.damaged).toEqual([]);
  });

  it('makes every write wait until loading is done, so nothing is placed over pages not read yet', async () => {
    const { db, key, repo } = await opened();
    const existing = await repo.createMany(Array.from({ length: APPOINTMENT_PAGE_CAPACITY + 3 }, (_, i) => draft({ start: T0 + i * HOUR })), T0);
    await repo.close();
    const again = AppointmentRepository.open(db, key, RECEPTIONIST);
    // not awaiting `ready`: the front desk books while the history is still being decrypted
    const [booked, updated, bulk] = await Promise.all([
      again.book(draft({ customerId: 'c-new', start: T0 - HOUR }), T0 + 1),
      again.update(existing[0]!.id, { status: 'completed' }, T0 + 2),
      again.createMany([draft({ customerId: 'c-bulk' })], T0 + 3),
    ]);
    expect(again.isLoaded).toBe(true);
    expect(updated.status).toBe('completed');
    const final = await reopen(db, key, again);
    expect(final.count).toBe(existing.length + 2);
    expect(final.get(booked.id)).toEqual(booked);
    expect(final.get(bulk[0]!.id)).toEqual(bulk[0]);
    for (const a of existing.slice(1)) expect(final.get(a.id)).toEqual(a);
  });

  it('reports a damaged page once loaded; the other pages load', async () => {
    const { db, key, repo } = await opened();
    await repo.createMany(Array.from({ length: APPOINTMENT_PAGE_CAPACITY + 1 }, (_, i) => draft({ start: T0 + i * HOUR })), T0);
    await repo.close();
    const row = (await rowsOf(db, APPOINTMENT_STORE))[1]!;
    const ct = new Uint8Array(row.ct);
    ct[5]! ^= 0x10;
    await db.pages.put({ ...row, ct });
    const again = await reopen(db, key);
    expect(again.damaged).toEqual([{ page: 1, kind: 'page', reason: 'integrity' }]);
    expect(again.count).toBe(APPOINTMENT_PAGE_CAPACITY);
  });

  it('forgets everything on close', async () => {
    const { repo } = await opened();
    const a = await repo.book(draft(), T0);
    await repo.close();
    expect(repo.isLoaded).toBe(false);
    expect(repo.get(a.id)).toBeUndefined();
    expect(everything(repo)).toEqual([]);
    expect(repo.forCustomer('customer-1')).toEqual([]);
  });
});

describe('appointment repository: booking and history', () => {
  it('books with status booked, one history entry, the actor as author, the services as quoted', async () => {
    const { repo } = await opened();
    const a = await repo.book(draft({ services: [CUT, COLOUR], staff: '  Minna ', notes: ' Tuo oma väri ' }), T0 - HOUR);
    expect(a).toEqual<Appointment>({
      id: a.id,
      customerId: 'customer-1',
      start: T0,
      services: [CUT, COLOUR],
      staff: 'Minna',
      channel: 'phone',
      notes: 'Tuo oma väri',
      status: 'booked',
      history: [{ at: T0 - HOUR, by: RECEPTIONIST.userId, kind: 'booked', from: null, to: String(T0) }],
      createdAt: T0 - HOUR,
      createdBy: RECEPTIONIST.userId,
      updatedAt: T0 - HOUR,
    });
  });

  it('refuses an invalid booking and writes nothing', async () => {
    const { db, repo } = await opened();
    const disk = await pagesSnapshot(db);
    const services = await repo.book(draft({ services: [] })).catch((error: unknown) => error);
    expect(services).toBeInstanceOf(ZodError);
    expect((services as ZodError).issues[0]).toMatchObject({ path: ['services'], message: 'services_required' });
    await expect(repo.book(draft({ staff: '   ' }))).rejects.toBeInstanceOf(ZodError);
    await expect(repo.book(draft({ services: [service('Pitkä', 721)] }))).rejects.toBeInstanceOf(ZodError);
    await expect(repo.book(draft({ start: -1 }))).rejects.toBeInstanceOf(ZodError);
    await expect(repo.createMany([draft(), { ...draft(), status: 'lost' as never }])).rejects.toBeInstanceOf(ZodError);
    expect(repo.count).toBe(0);
    expect(await pagesSnapshot(db)).toEqual(disk);
  });

  it('adds a history entry exactly for each real change, with who, when, before and after', async () => {
    const { db, key, repo } = await opened();
    const a = await repo.book(draft({ notes: 'Alkuperäinen' }), T0);
    const disk = await pagesSnapshot(db);
    const version = repo.version;
    // nothing really changes: same time, equal services (a copy, padded name), staff with spaces, same notes and status
    const same = await repo.update(a.id, { start: T0, services: [{ ...CUT, name: ` ${CUT.name} ` }], staff: ' Minna ', notes: 'Alkuperäinen ', status: 'booked' }, T0 + 1);
    expect(same).toBe(repo.get(a.id));
    expect(same).toEqual(a);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(repo.version).toBe(version);

    const moved = await repo.update(a.id, { start: T0 + HOUR, staff: 'Minna' }, T0 + 2);
    expect(moved.history.slice(1)).toEqual([{ at: T0 + 2, by: RECEPTIONIST.userId, kind: 'rescheduled', from: String(T0), to: String(T0 + HOUR) }]);
    const all = await repo.update(a.id, { start: T0 + 2 * HOUR, services: [CUT, COLOUR], staff: 'Sari', notes: 'Salainen muistiinpano', status: 'completed' }, T0 + 3);
    expect(all.history.slice(2)).toEqual([
      { at: T0 + 3, by: RECEPTIONIST.userId, kind: 'rescheduled', from: String(T0 + HOUR), to: String(T0 + 2 * HOUR) },
      { at: T0 + 3, by: RECEPTIONIST.userId, kind: 'services_changed', from: 'Leikkaus', to: 'Leikkaus, Värjäys' },
      { at: T0 + 3, by: RECEPTIONIST.userId, kind: 'staff_changed', from: 'Minna', to: 'Sari' },
      { at: T0 + 3, by: RECEPTIONIST.userId, kind: 'notes_changed', from: '', to: '' },
      { at: T0 + 3, by: RECEPTIONIST.userId, kind: 'status_changed', from: 'booked', to: 'completed' },
    ]);
    expect(JSON.stringify(all.history)).not.toContain('Salainen');
    expect(all).toMatchObject({ start: T0 + 2 * HOUR, services: [CUT, COLOUR], staff: 'Sari', notes: 'Salainen muistiinpano', status: 'completed', updatedAt: T0 + 3 });
    expect(all.createdBy).toBe(RECEPTIONIST.userId);
    // pressing the same status again changes nothing; a new price of a booked service is a change of services
    expect(await repo.setStatus(a.id, 'completed', T0 + 4)).toBe(all);
    const repriced = await repo.update(a.id, { services: [{ ...CUT, priceCents: 6100 }, COLOUR] }, T0 + 5);
    expect(repriced.history).toHaveLength(8);
    expect(repriced.history.at(-1)).toMatchObject({ kind: 'services_changed', at: T0 + 5 });
    const again = await reopen(db, key, repo);
    expect(again.get(a.id)).toEqual(repriced);
  });

  it('rejects an invalid patch as a whole, even when other fields in it are fine, and an unknown id', async () => {
    const { db, repo } = await opened();
    const a = await repo.book(draft(), T0);
    const disk = await pagesSnapshot(db);
    await expect(repo.update(a.id, { start: T0 + HOUR, staff: '' }, T0 + 1)).rejects.toBeInstanceOf(ZodError);
    await expect(repo.update(a.id, { start: T0 + HOUR, services: [] }, T0 + 1)).rejects.toBeInstanceOf(ZodError);
    await expect(repo.update(a.id, { status: 'gone' as never }, T0 + 1)).rejects.toBeInstanceOf(ZodError);
    await expect(repo.update('nope', { status: 'completed' })).rejects.toBeInstanceOf(NotFoundError);
    expect(repo.get(a.id)).toEqual(a);
    expect(repo.between(T0 + HOUR, T0 + 2 * HOUR)).toEqual([]);
    expect(await pagesSnapshot(db)).toEqual(disk);
  });

  it('keeps each status press when two arrive at once (a double press in the day view)', async () => {
    const { db, key, repo } = await opened();
    const a = await repo.book(draft(), T0);
    const [first, second] = await Promise.all([repo.setStatus(a.id, 'completed', T0 + 1), repo.setStatus(a.id, 'no_show', T0 + 2)]);
    expect(first.status).toBe('completed');
    expect(second.status).toBe('no_show');
    expect(everything(repo).map((x) => x.id)).toEqual([a.id]);
    expect(repo.forCustomer(a.customerId).map((x) => x.id)).toEqual([a.id]);
    expect(repo.get(a.id)!.history.map((h) => `${h.from}>${h.to}`)).toEqual([`null>${T0}`, 'booked>completed', 'completed>no_show']);
    const again = await reopen(db, key, repo);
    expect(again.get(a.id)).toEqual(second);
  });

  it('keeps the quoted price when the catalogue changes', async () => {
    const db = freshDatabase();
    const key = await testDataKey();
    const queue = new WriteQueue();
    const services = await ServiceRepository.open(db, key, OWNER, queue);
    const repo = AppointmentRepository.open(db, key, RECEPTIONIST, queue);
    const cut = await services.create({ name: 'Naisten leikkaus', durationMin: 60, priceCents: 5900, active: true }, T0);
    const quoted: BookedService = { serviceId: cut.id, name: cut.name, durationMin: cut.durationMin, priceCents: cut.priceCents };
    const a = await repo.book(draft({ services: [quoted] }), T0);
    await services.update(cut.id, { name: 'Naisten leikkaus ja föönaus', durationMin: 75, priceCents: 6900, active: false }, T0 + 1);
    expect(services.get(cut.id)).toMatchObject({ priceCents: 6900, durationMin: 75, active: false });
    expect(repo.get(a.id)!.services).toEqual([quoted]);
    expect(totalPriceCents(repo.get(a.id)!.services)).toBe(5900);
    await services.close();
    const again = await reopen(db, key, repo);
    expect(again.get(a.id)!.services).toEqual([quoted]);
    expect((await ServiceRepository.open(db, key, OWNER)).get(cut.id)?.priceCents).toBe(6900);
  });

  it('changes nothing in memory when the write fails', async () => {
    const { db, repo } = await opened();
    const a = await repo.book(draft(), T0);
    db.close();
    await expect(repo.update(a.id, { start: T0 + HOUR }, T0 + 1)).rejects.toThrow();
    await expect(repo.book(draft({ start: T0 + 5 * HOUR }), T0 + 1)).rejects.toThrow();
    expect(everything(repo)).toEqual([a]);
    expect(repo.get(a.id)).toEqual(a);
  });

  it('stages moves and erasures that change nothing until committed', async () => {
    const { db, key, repo } = await opened();
    const [x, y] = await repo.createMany([draft({ customerId: 'a' }), draft({ customerId: 'a', start: T0 + HOUR })], T0);
    const { staged, moved } = await repo.stageMove([x!.id], 'b');
    expect(moved).toEqual([{ ...x, customerId: 'b' }]);
    expect(repo.forCustomer('b')).toEqual([]);
    await commitStaged(db, [staged]);
    repo.applied();
    expect(repo.forCustomer('b')).toEqual([{ ...x, customerId: 'b' }]);
    await commitStaged(db, [await repo.stageErase([y!.id])]);
    repo.applied();
    expect(repo.forCustomer('a')).toEqual([]);
    await expect(repo.stageMove(['nope'], 'b')).rejects.toBeInstanceOf(NotFoundError);
    const again = await reopen(db, key, repo);
    expect(everything(again)).toEqual([{ ...x, customerId: 'b' }]);
  });
});

describe('appointment repository: queries', () => {
  it('between is [start, end) in time order and forCustomer newest first, after any writes and a reopen (property)', async () => {
    const slot = fc.integer({ min: 0, max: 12 }).map((i) => T0 + i * 30 * MIN);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('book' as const), customer: fc.integer({ min: 0, max: 3 }), start: slot }),
      fc.record({ kind: fc.constant('move' as const), which: fc.nat(), start: slot }),
      fc.record({ kind: fc.constant('cancel' as const), which: fc.nat() }),
      fc.constant({ kind: 'reopen' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), fc.tuple(slot, slot), async (ops, [s, e]) => {
        const db = freshDatabase();
        const key = await testDataKey();
        let repo = AppointmentRepository.open(db, key, RECEPTIONIST);
        await repo.ready;
        const model = new Map<string, Appointment>();
        for (const o of ops) {
          const ids = [...model.keys()];
          if (o.kind === 'book') {
            const a = await repo.book(draft({ customerId: `c${o.customer}`, start: o.start }), T0);
            model.set(a.id, a);
          } else if (o.kind === 'reopen') {
            repo = await reopen(db, key, repo);
          } else if (ids.length > 0) {
            const id = ids[o.which % ids.length]!;
            const a = await repo.update(id, o.kind === 'move' ? { start: o.start } : { status: 'cancelled_by_customer' }, T0);
            model.set(id, a);
          }
          const all = [...model.values()].sort(byStartThenId);
          expect(everything(repo)).toEqual(all);
          const [from, to] = s <= e ? [s, e] : [e, s];
          expect(repo.between(from, to)).toEqual(all.filter((a) => a.start >= from && a.start < to));
          for (let c = 0; c < 4; c += 1) {
            const mine = repo.forCustomer(`c${c}`);
            expect(mine.map((a) => a.id).sort()).toEqual(all.filter((a) => a.customerId === `c${c}`).map((a) => a.id).sort());
            for (let i = 1; i < mine.length; i += 1) expect(mine[i - 1]!.start).toBeGreaterThanOrEqual(mine[i]!.start);
          }
        }
        await repo.close();
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('overlapsWith finds the same staff member’s clashing appointments, whatever their length', async () => {
    const { repo } = await opened();
    const ten = T0 + 3 * HOUR; // 10.00 in Helsinki in summer
    const existing = await repo.createMany(
      [
        draft({ start: ten, staff: 'Minna' }), // 10–11
        draft({ start: ten + HOUR, staff: 'minna ' }), // 11–12, same person typed differently
        draft({ start: ten, staff: 'Sari' }), // someone else
        { ...draft({ start: ten + 30 * MIN, staff: 'Minna' }), status: 'cancelled_by_customer' as const }, // holds no time
        { ...draft({ start: ten + 30 * MIN, staff: 'Minna' }), status: 'no_show' as const }, // holds it
      ],
      T0,
    );
    const ids = (list: Appointment[]) => list.map((a) => a.id);
    expect(ids(repo.overlapsWith({ start: ten + 30 * MIN, services: [CUT], staff: 'MINNA' }))).toEqual([existing[0]!.id, existing[4]!.id, existing[1]!.id]);
    // touching ends are fine
    expect(repo.overlapsWith({ start: ten - HOUR, services: [CUT], staff: 'Minna' })).toEqual([]);
    expect(repo.overlapsWith({ start: ten + 2 * HOUR, services: [CUT], staff: 'Minna' })).toEqual([]);
    // rescheduling an appointment does not clash with its own old slot
    expect(ids(repo.overlapsWith({ id: existing[0]!.id, start: ten, services: [CUT], staff: 'Minna' }))).toEqual([existing[4]!.id]);

    // The schema allows up to ten services of twelve hours each: a long appointment still clashes.
    const marathon = await repo.book(draft({ start: T0 + 100 * HOUR, services: [service('Pitkä', 720), service('Pidempi', 720)], staff: 'Jussi' }), T0);
    expect(ids(repo.overlapsWith({ start: T0 + 100 * HOUR + 20 * HOUR, services: [CUT], staff: 'Jussi' }))).toEqual([marathon.id]);
    const later = await repo.book(draft({ start: T0 + 200 * HOUR + 30 * HOUR, staff: 'Jussi' }), T0);
    const longCandidate = { start: T0 + 200 * HOUR, services: [service('Pitkä', 720), service('Pidempi', 720), service('Pisin', 720)], staff: 'Jussi' };
    expect(ids(repo.overlapsWith(longCandidate))).toEqual([later.id]);
  });
});
