import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../renderer/src/db/customer-repository';
import { ForbiddenError, NotFoundError } from '../../../../renderer/src/db/errors';
import { MergeNotUndoableError, Register } from '../../../../renderer/src/db/register';
import type { MergeChoice, MergePicks } from '../../../../shared/domain/merge';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../../../shared/schemas/appointment';
import { CUSTOMER_DRAFT_FIELDS, toDraft, type ConsentKind, type Customer } from '../../../../shared/schemas/customer';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { decryptAll } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { syntheticCustomer } from '../../../support/synthetic';
import { ZodError } from 'zod';

/**
 * A whole register against a model a person could check by hand: random sequences of what the
 * front desk and the owner do (create, edit, consents, health notes, bookings, merges, undo,
 * erasure, lock and unlock, a crash), and after every step the register shows exactly what the
 * model says — and so does a fresh unlock at the end, whose disk holds nothing of anyone erased.
 */

const T0 = Date.UTC(2026, 1, 2, 8);
const HALF_HOUR = 30 * 60_000;

interface MConsent {
  id: string;
  kind: ConsentKind;
  withdrawn: boolean;
}
interface MCustomer {
  id: string;
  /** Unique per customer: how the disk scan recognises them. */
  lastName: string;
  firstName: string;
  notes: string;
  healthNotes: string;
  consents: MConsent[];
  createdAt: number;
  createdBy: string;
  updatedBy: string;
  /** Bumped on every change; restored by undo. The register's updatedAt plays this part. */
  version: number;
}
interface MAppointment {
  id: string;
  customerId: string;
  start: number;
  status: AppointmentStatus;
  historyLength: number;
}
interface MMerge {
  id: string;
  survivor: MCustomer;
  merged: MCustomer;
  moved: string[];
  versionAfter: number;
}
interface Model {
  customers: Map<string, MCustomer>;
  appointments: Map<string, MAppointment>;
  merges: Map<string, MMerge>;
  erasedTags: Set<string>;
  tick: number;
}

const NOTES = ['', 'Lyhyet hiukset', 'Kahvi ilman maitoa', 'Hiljainen aika'];
const HEALTH = ['Allergia: PPD', 'Herkkä päänahka'];
const FIRST = ['Aino', 'Eero', 'Ilona'];
const choice = fc.constantFrom<MergeChoice>('survivor', 'merged', 'both', 'survivor', 'merged');
const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), first: fc.constantFrom(...FIRST) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), who: fc.nat(), notes: fc.constantFrom(...NOTES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('health' as const), who: fc.nat(), text: fc.constantFrom(...HEALTH) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('give' as const), who: fc.nat(), consent: fc.constantFrom<ConsentKind>('health_data', 'marketing_sms', 'health_data') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(), which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), who: fc.nat(), slot: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), which: fc.nat(), status: fc.constantFrom(...APPOINTMENT_STATUSES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), which: fc.nat(), slot: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('merge' as const), survivor: fc.nat(), merged: fc.nat(), firstName: choice, notes: choice, healthNotes: choice }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), owner: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
);
type Op = typeof op extends fc.Arbitrary<infer O> ? O : never;

const nth = <T>(items: Iterable<T>, n: number): T | undefined => {
  const list = [...items];
  return list.length === 0 ? undefined : list[n % list.length];
};
const sortedById = <T extends { id: string }>(items: Iterable<T>) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const joinBoth = (a: string, b: string) => [...new Set([a, b].filter((t) => t !== ''))].join('\n\n');
const picked = (c: MergeChoice, s: string, m: string) => (c === 'survivor' ? s : c === 'merged' ? m : joinBoth(s, m));
const hasHealthConsent = (c: MCustomer) => c.consents.some((k) => k.kind === 'health_data' && !k.withdrawn);
const copy = (c: MCustomer): MCustomer => ({ ...c, consents: c.consents.map((k) => ({ ...k })) });

function view(c: Customer) {
  return {
    id: c.id,
    lastName: c.lastName,
    firstName: c.firstName,
    notes: c.notes,
    healthNotes: c.healthNotes,
    consents: sortedById(c.consents.map((k) => ({ id: k.id, kind: k.kind, withdrawn: k.withdrawnAt !== null }))),
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
  };
}
const modelView = (c: MCustomer) => {
  const { version: _version, ...rest } = c;
  return { ...rest, consents: sortedById(c.consents) };
};

function agree(register: Register, model: Model) {
  expect(sortedById([...register.customers.values()]).map(view)).toEqual(sortedById(model.customers.values()).map(modelView));
  expect(register.customers.search('').sort()).toEqual([...model.customers.keys()].sort());
  for (const c of model.customers.values()) expect(register.customers.search(c.lastName), c.lastName).toEqual([c.id]);
  for (const tag of model.erasedTags) expect(register.customers.search(tag)).toEqual([]);
  expect(register.appointments.count).toBe(model.appointments.size);
  const all = register.appointments.between(0, Number.MAX_SAFE_INTEGER);
  expect(all.map((a) => a.id).sort()).toEqual([...model.appointments.keys()].sort());
  for (const a of model.appointments.values()) {
    const actual = register.appointments.get(a.id)!;
    expect({ id: actual.id, customerId: actual.customerId, start: actual.start, status: actual.status, historyLength: actual.history.length }).toEqual(a);
  }
  for (const c of model.customers.values()) {
    expect(register.appointments.forCustomer(c.id).map((a) => a.id).sort()).toEqual([...model.appointments.values()].filter((a) => a.customerId === c.id).map((a) => a.id).sort());
  }
  expect(register.undoableMerges().map((m) => m.id).sort()).toEqual([...model.merges.keys()].sort());
  expect(register.damaged).toEqual([]);
}

async function step(register: Register, model: Model, o: Op, now: number, actor: Actor): Promise<void> {
  const bump = (c: MCustomer) => {
    c.version = model.tick += 1;
    c.updatedBy = actor.userId;
  };
  switch (o.kind) {
    case 'create': {
      const tag = `Malli${model.tick += 1}x`;
      const created = await register.customers.create({ ...syntheticCustomer(model.tick), firstName: o.first, lastName: tag, notes: '' }, now);
      model.customers.set(created.id, { id: created.id, lastName: tag, firstName: o.first, notes: '', healthNotes: '', consents: [], createdAt: now, createdBy: actor.userId, updatedBy: actor.userId, version: model.tick });
      return;
    }
    case 'update':
    case 'health': {
      const c = nth(model.customers.values(), o.who);
      if (!c) return;
      const current = register.customers.get(c.id)!;
      const draft = o.kind === 'update' ? { ...toDraft(current), notes: o.notes } : { ...toDraft(current), healthNotes: o.text };
      if (o.kind === 'health' && !hasHealthConsent(c)) {
        await expect(register.customers.update(c.id, draft, now)).rejects.toBeInstanceOf(ZodError);
        return;
      }
      await register.customers.update(c.id, draft, now);
      if (o.kind === 'update') c.notes = o.notes;
      else c.healthNotes = o.text;
      bump(c);
      return;
    }
    case 'give': {
      const c = nth(model.customers.values(), o.who);
      if (!c) return;
      const after = await register.customers.giveConsent(c.id, { kind: o.consent, method: 'in_person', scope: '', expiresAt: null }, now);
      const known = new Set(c.consents.map((k) => k.id));
      const added = after.consents.filter((k) => !known.has(k.id));
      expect(added).toHaveLength(1);
      c.consents.push({ id: added[0]!.id, kind: o.consent, withdrawn: false });
      bump(c);
      return;
    }
    case 'withdraw': {
      const c = nth([...model.customers.values()].filter((x) => x.consents.length > 0), o.who);
      if (!c) return;
      const target = c.consents[o.which % c.consents.length]!;
      await register.customers.withdrawConsent(c.id, target.id, now);
      if (target.withdrawn) return; // a second withdrawal changes nothing
      target.withdrawn = true;
      if (target.kind === 'health_data' && !hasHealthConsent(c)) c.healthNotes = '';
      bump(c);
      return;
    }
    case 'book': {
      const c = nth(model.customers.values(), o.who);
      if (!c) return;
      const start = T0 + o.slot * HALF_HOUR;
      const a = await register.appointments.book({ customerId: c.id, start, services: [{ serviceId: null, name: 'Leikkaus', durationMin: 30, priceCents: 3500 }], staff: 'Minna', channel: 'walk_in', notes: '' }, now);
      model.appointments.set(a.id, { id: a.id, customerId: c.id, start, status: 'booked', historyLength: 1 });
      return;
    }
    case 'status':
    case 'reschedule': {
      const a = nth(model.appointments.values(), o.which);
      if (!a) return;
      if (o.kind === 'status') {
        await register.appointments.setStatus(a.id, o.status, now);
        if (o.status !== a.status) a.historyLength += 1;
        a.status = o.status;
      } else {
        const start = T0 + o.slot * HALF_HOUR;
        await register.appointments.update(a.id, { start }, now);
        if (start !== a.start) a.historyLength += 1;
        a.start = start;
      }
      return;
    }
    case 'merge': {
      const s = nth(model.customers.values(), o.survivor);
      const m = nth([...model.customers.values()].filter((c) => c !== s), o.merged);
      if (!s || !m) return;
      const picks: MergePicks = Object.fromEntries(CUSTOMER_DRAFT_FIELDS.map((f) => [f, 'survivor']));
      Object.assign(picks, { firstName: o.firstName, notes: o.notes, healthNotes: o.healthNotes });
      if (o.firstName === 'both') {
        await expect(register.merge(s.id, m.id, picks, now)).rejects.toBeInstanceOf(RangeError);
        return;
      }
      const record = await register.merge(s.id, m.id, picks, now);
      const before = { survivor: copy(s), merged: copy(m) };
      s.firstName = picked(o.firstName, s.firstName, m.firstName);
      s.notes = picked(o.notes, s.notes, m.notes);
      s.healthNotes = picked(o.healthNotes, s.healthNotes, m.healthNotes);
      const known = new Set(s.consents.map((k) => k.id));
      s.consents.push(...m.consents.filter((k) => !known.has(k.id)).map((k) => ({ ...k })));
      if (m.createdAt < s.createdAt) {
        s.createdAt = m.createdAt;
        s.createdBy = m.createdBy;
      }
      bump(s);
      const moved = [...model.appointments.values()].filter((a) => a.customerId === m.id);
      for (const a of moved) a.customerId = s.id;
      model.customers.delete(m.id);
      model.merges.set(record.id, { id: record.id, ...before, moved: moved.map((a) => a.id), versionAfter: s.version });
      return;
    }
    case 'undo': {
      const record = nth(model.merges.values(), o.which);
      if (!record) return;
      const survivor = model.customers.get(record.survivor.id);
      if (!survivor) {
        await expect(register.undoMerge(record.id)).rejects.toBeInstanceOf(NotFoundError);
        return;
      }
      if (survivor.version !== record.versionAfter) {
        await expect(register.undoMerge(record.id)).rejects.toBeInstanceOf(MergeNotUndoableError);
        return;
      }
      await register.undoMerge(record.id);
      model.customers.set(record.survivor.id, copy(record.survivor));
      model.customers.set(record.merged.id, copy(record.merged));
      for (const id of record.moved) {
        const a = model.appointments.get(id);
        if (a?.customerId === record.survivor.id) a.customerId = record.merged.id;
      }
      model.merges.delete(record.id);
      return;
    }
    case 'erase': {
      const c = nth(model.customers.values(), o.who);
      if (!c) return;
      if (actor.role !== 'owner') {
        await expect(register.eraseCustomer(c.id)).rejects.toBeInstanceOf(ForbiddenError);
        return;
      }
      await register.eraseCustomer(c.id);
      const person = new Set([c.id]);
      model.erasedTags.add(c.lastName);
      for (let grew = true; grew; ) {
        grew = false;
        for (const merge of model.merges.values()) {
          if (!person.has(merge.survivor.id) && !person.has(merge.merged.id)) continue;
          model.merges.delete(merge.id);
          person.add(merge.merged.id);
          model.erasedTags.add(merge.merged.lastName).add(merge.survivor.lastName);
          grew = true;
        }
      }
      model.customers.delete(c.id);
      for (const a of [...model.appointments.values()]) if (a.customerId === c.id) model.appointments.delete(a.id);
      return;
    }
    default:
      return;
  }
}

describe('register against a model (property)', () => {
  it('agrees with the model after every step, after a crash or a lock, and leaves nothing of erased customers on disk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ op, dt: fc.constantFrom(0, 1, 1000, 60_000) }), { minLength: 10, maxLength: 40 }), fc.boolean(), async (steps, startAsOwner) => {
        const db = freshDatabase();
        const key = await testDataKey();
        let actor = startAsOwner ? OWNER : RECEPTIONIST;
        let register = await Register.open(db, key, actor);
        await register.appointments.ready;
        const model: Model = { customers: new Map(), appointments: new Map(), merges: new Map(), erasedTags: new Set(), tick: 0 };
        let now = T0;
        // a register with a few customers to start from
        for (const first of FIRST) await step(register, model, { kind: 'create', first }, now, actor);
        for (let i = 0; i < 3; i += 1) await step(register, model, { kind: 'book', who: i, slot: i }, now, actor);
        for (const { op: o, dt } of steps) {
          now += dt; // the same millisecond happens too
          if (o.kind === 'reopen' || o.kind === 'crash') {
            if (o.kind === 'reopen') {
              await register.close();
              actor = o.owner ? OWNER : RECEPTIONIST;
            } else {
              // a crash: nothing compacted, the old session simply gone (once its writes have settled)
              await register.customers.runExclusive(() => Promise.resolve());
            }
            register = await Register.open(db, key, actor);
            await register.appointments.ready;
          } else {
            await step(register, model, o, now, actor);
          }
          agree(register, model);
        }
        await register.close();
        const final = await Register.open(db, key, OWNER);
        await final.appointments.ready;
        agree(final, model);
        await final.close();
        const plaintext = (await decryptAll(db, key)).map((row) => row.plaintext).join('\n');
        for (const c of model.customers.values()) expect(plaintext).toContain(c.lastName);
        expect([...model.erasedTags].filter((tag) => plaintext.includes(`"${tag}"`))).toEqual([]);
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
