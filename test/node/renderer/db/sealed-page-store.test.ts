import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../../renderer/src/db/crypto';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { COMPACT_AFTER_CHANGES, decodeRecords, encodeRecords, SealedPageStore } from '../../../../renderer/src/db/sealed-page-store';
import { freshDatabase } from '../../../support/fresh-db';

interface Rec {
  id: string;
  value: string;
}

const STORE = 'things';
const count = (db: KirjuriDatabase, store: string) => db.pages.where('[store+page]').between([store, 0], [store, Infinity]).count();
const open = async (db: KirjuriDatabase, key: CryptoKey, capacity = 4) => {
  const store = new SealedPageStore<Rec>(db, key, { store: STORE, schemaVersion: 1, capacity });
  const loaded = await store.load();
  return { store, loaded };
};
const contents = (store: SealedPageStore<Rec>) => new Map([...store.values()].map((r) => [r.id, r.value]));

describe('sealed pages with a change log', () => {
  it('saves one record as one small change, and replays it after a restart without close', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const { store } = await open(db, key);
    await store.putMany([{ id: 'a', value: 'eka' }, { id: 'b', value: 'toka' }]);
    await store.put({ id: 'a', value: 'muutettu' });
    await store.put({ id: 'c', value: 'uusi' });
    expect(await count(db, `${STORE}.log`)).toBe(2);
    expect(await count(db, STORE)).toBe(1);
    // no close(): as after a crash or power cut
    const { store: again, loaded } = await open(db, key);
    expect(contents(again)).toEqual(new Map([['a', 'muutettu'], ['b', 'toka'], ['c', 'uusi']]));
    expect(loaded.damaged).toEqual([]);
    expect(again.pendingChanges).toBe(2);
  });

  it('compacts after enough changes: pages re-sealed, changes deleted, nothing lost', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const { store } = await open(db, key, 8);
    for (let i = 0; i < COMPACT_AFTER_CHANGES + 3; i += 1) await store.put({ id: `r${i % 20}`, value: `v${i}` });
    await store.compact();
    expect(await count(db, `${STORE}.log`)).toBe(0);
    const { store: again } = await open(db, key, 8);
    expect(again.get('r3')?.value).toBe(`v${60 + 3}`);
    expect(again.size).toBe(20);
  });

  it('compacts on close', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const { store } = await open(db, key);
    await store.put({ id: 'a', value: '1' });
    await store.close();
    expect(await count(db, `${STORE}.log`)).toBe(0);
    expect(await count(db, STORE)).toBe(1);
  });

  it('leaves no logged change of a deleted record behind', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const { store } = await open(db, key);
    await store.putMany([{ id: 'a', value: 'x' }, { id: 'b', value: 'y' }]);
    await store.put({ id: 'a', value: 'salainen' });
    await store.put({ id: 'a', value: 'salaisempi' });
    await store.delete('a');
    expect(await count(db, `${STORE}.log`)).toBe(0);
    const { store: again } = await open(db, key);
    expect(contents(again)).toEqual(new Map([['b', 'y']]));
  });

  it('reports a damaged change and keeps the older sealed version of that record', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const { store } = await open(db, key);
    await store.putMany([{ id: 'a', value: 'vanha' }]);
    await store.put({ id: 'a', value: 'uusi' });
    const row = (await db.pages.where('[store+page]').between([`${STORE}.log`, 0], [`${STORE}.log`, Infinity]).first())!;
    const ct = new Uint8Array(row.ct);
    ct[0]! ^= 1;
    await db.pages.put({ ...row, ct });
    const { store: again, loaded } = await open(db, key);
    expect(loaded.damaged).toEqual([{ page: row.page, kind: 'change', reason: 'integrity' }]);
    expect(again.get('a')?.value).toBe('vanha');
  });

  it('encodes pages as columns and round-trips any mix of record shapes exactly (property)', () => {
    const json = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const record = fc.oneof(
      fc.record({ id: fc.string(), name: fc.string(), n: fc.integer() }),
      fc.record({ id: fc.string(), n: fc.integer(), name: fc.string() }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), json, { maxKeys: 4 }).map((d) => ({ id: 'x', ...d })),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        const body = JSON.parse(JSON.stringify(encodeRecords(records))) as unknown;
        expect(decodeRecords(body)).toEqual(records);
      }),
    );
    const uniform = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }];
    expect(JSON.stringify(encodeRecords(uniform))).toBe('{"k":["id","v"],"r":[["a",1],["b",2]]}');
    const tricky = [JSON.parse('{"id":"p","__proto__":{"polluted":true}}') as object, { id: 'q' }];
    const decoded = decodeRecords(JSON.parse(JSON.stringify(encodeRecords(tricky))));
    expect(decoded).toEqual(tricky);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(decodeRecords({ k: 'x', r: [] })).toBeNull();
    expect(decodeRecords({ k: [], r: [5] })).toBeNull();
  });

  const op = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 12 }), value: fc.string({ maxLength: 6 }) }),
    fc.record({ kind: fc.constant('putMany' as const), ids: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }), value: fc.string({ maxLength: 6 }) }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) }),
    fc.constant({ kind: 'compact' as const }),
    fc.constant({ kind: 'reopen' as const }),
    fc.constant({ kind: 'crash' as const }),
  );

  it('always holds exactly what a plain map would, across saves, bulk writes, deletes, compactions and restarts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const db = freshDatabase();
        const key = await generateDataKey();
        let { store } = await open(db, key, 3);
        const model = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === 'put') {
            await store.put({ id: `k${o.id}`, value: o.value });
            model.set(`k${o.id}`, o.value);
          } else if (o.kind === 'putMany') {
            await store.putMany(o.ids.map((id) => ({ id: `k${id}`, value: o.value })));
            for (const id of o.ids) model.set(`k${id}`, o.value);
          } else if (o.kind === 'delete') {
            await store.delete(`k${o.id}`);
            model.delete(`k${o.id}`);
          } else if (o.kind === 'compact') {
            await store.compact();
          } else {
            if (o.kind === 'reopen') await store.close();
            ({ store } = await open(db, key, 3));
          }
          expect(contents(store)).toEqual(model);
        }
        ({ store } = await open(db, key, 3));
        expect(contents(store)).toEqual(model);
        // every base page respects the capacity
        const pages = await db.pages.where('[store+page]').between([STORE, 0], [STORE, Infinity]).toArray();
        expect(pages.length).toBeLessThanOrEqual(Math.ceil(model.size / 3) + 13);
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
