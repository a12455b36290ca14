import { describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../../renderer/src/db/crypto';
import { CustomerRepository, CUSTOMER_STORE } from '../../../../renderer/src/db/customer-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { commitStaged, SealedPageStore, WriteQueue, type StagedWrite } from '../../../../renderer/src/db/sealed-page-store';
import { OWNER } from '../../../support/actors';
import { injectWriteFaults, pagesSnapshot, rowsOf } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { ZodError } from 'zod';

/** Version 1 of a record kind: one name field. Version 2 splits it and remembers where it came from. */
interface V1 {
  id: string;
  name: string;
}
interface V2 {
  id: string;
  first: string;
  last: string;
  from: number;
}

const STORE = 'things';

function upgradeV1(record: unknown, fromVersion: number): V2 {
  const { id, name } = record as Partial<V1>;
  if (fromVersion !== 1 || typeof id !== 'string' || typeof name !== 'string' || !name.includes(' ')) throw new Error('cannot upgrade');
  const [first, ...rest] = name.split(' ');
  return { id, first: first!, last: rest.join(' '), from: fromVersion };
}

const v1Store = (db: KirjuriDatabase, key: CryptoKey, capacity = 3) => new SealedPageStore<V1>(db, key, { store: STORE, schemaVersion: 1, capacity });
const v2Store = (db: KirjuriDatabase, key: CryptoKey, capacity = 3, queue?: WriteQueue) =>
  new SealedPageStore<V2>(db, key, { store: STORE, schemaVersion: 2, capacity, upgrade: upgradeV1, queue });
const byId = <T extends { id: string }>(store: SealedPageStore<T>) => [...store.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const versions = async (db: KirjuriDatabase, store: string) => (await rowsOf(db, store)).map((row) => [row.page, row.v]);

describe('records sealed under an older schema version', () => {
  it('load through the upgrade, pages and logged changes alike, without rewriting anything at unlock', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const old = v1Store(db, key);
    await old.putMany(Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, name: `Etu${i} Suku ${i}` })));
    await old.put({ id: 'r1', name: 'Muutettu Nimi' }); // a logged change, never compacted (no close: a crash)
    await old.put({ id: 'r9', name: 'Uusi Tulokas' }); // a new record on a page not sealed yet
    const disk = await pagesSnapshot(db);
    expect(await versions(db, STORE)).toEqual([[0, 1], [1, 1], [2, 1]]);

    const current = v2Store(db, key);
    const { damaged } = await current.load();
    expect(damaged).toEqual([]);
    expect(current.size).toBe(10);
    expect(current.get('r0')).toEqual({ id: 'r0', first: 'Etu0', last: 'Suku 0', from: 1 });
    expect(current.get('r1')).toEqual({ id: 'r1', first: 'Muutettu', last: 'Nimi', from: 1 });
    expect(current.get('r9')).toEqual({ id: 'r9', first: 'Uusi', last: 'Tulokas', from: 1 });
    expect(await pagesSnapshot(db)).toEqual(disk);

    // Writing re-seals a page at version 2 with every record in today's shape; the rest stay at 1 and still load.
    await current.delete('r0');
    expect(await versions(db, STORE)).toEqual([[0, 2], [1, 1], [2, 1]]);
    await current.put({ id: 'r4', first: 'Uusin', last: 'Versio', from: 2 });
    await current.close();
    expect(await versions(db, STORE)).toEqual([[0, 2], [1, 2], [2, 1], [3, 2]]);
    expect(await rowsOf(db, `${STORE}.log`)).toEqual([]);

    const again = v2Store(db, key);
    expect((await again.load()).damaged).toEqual([]);
    expect(again.get('r0')).toBeUndefined();
    expect(again.get('r1')).toEqual({ id: 'r1', first: 'Muutettu', last: 'Nimi', from: 1 });
    expect(again.get('r4')).toEqual({ id: 'r4', first: 'Uusin', last: 'Versio', from: 2 });
    expect(again.get('r9')).toEqual({ id: 'r9', first: 'Uusi', last: 'Tulokas', from: 1 });
    expect(again.size).toBe(9);
  });

  it('marks a page whose record cannot be upgraded as format-damaged; the other pages and changes load, and it is never written over', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const old = v1Store(db, key);
    await old.putMany([
      { id: 'a', name: 'Aino Aalto' },
      { id: 'b', name: 'Bertta Berg' },
      { id: 'c', name: 'Cecilia Carlsson' },
      { id: 'd', name: 'Eioo' }, // page 1: cannot be split into two names
      { id: 'e', name: 'Eero Eskola' },
    ]);
    await old.put({ id: 'b', name: 'Yksinimi' }); // a change that cannot be upgraded
    await old.put({ id: 'c', name: 'Cecilia Uusi' });
    const damagedPage = (await rowsOf(db, STORE)).find((row) => row.page === 1)!;
    const badChange = (await rowsOf(db, `${STORE}.log`))[0]!;

    const current = v2Store(db, key);
    const { damaged } = await current.load();
    expect(damaged).toEqual([
      { page: 1, kind: 'page', reason: 'format' },
      { page: badChange.page, kind: 'change', reason: 'format' },
    ]);
    expect(byId(current).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(current.get('b')?.first).toBe('Bertta'); // the sealed version, as the change could not be read
    expect(current.get('c')?.last).toBe('Uusi');

    await current.putMany([{ id: 'f', first: 'Fanni', last: 'Forsman', from: 2 }, { id: 'g', first: 'Greta', last: 'Grönroos', from: 2 }]);
    await current.put({ id: 'h', first: 'Heli', last: 'Hakala', from: 2 });
    await current.close();
    const after = (await rowsOf(db, STORE)).find((row) => row.page === 1)!;
    expect(Buffer.from(after.ct).equals(Buffer.from(damagedPage.ct))).toBe(true);
    expect(after.v).toBe(1);
    const again = v2Store(db, key);
    expect((await again.load()).damaged.map((d) => d.reason)).toEqual(['format', 'format']);
    expect(byId(again).map((r) => r.id)).toEqual(['a', 'b', 'c', 'f', 'g', 'h']);
  });

  it('reads older rows as they are when the store has no upgrade, and refuses rows from a newer version', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    await v1Store(db, key).putMany([{ id: 'a', name: 'Aino Aalto' }]);
    const plain = new SealedPageStore<V1>(db, key, { store: STORE, schemaVersion: 2, capacity: 3 });
    expect((await plain.load()).damaged).toEqual([]);
    expect(plain.get('a')).toEqual({ id: 'a', name: 'Aino Aalto' });
    await plain.put({ id: 'a', name: 'Aino Uusi' });
    await plain.close();

    // Old code meeting version 2 rows: reported, not misread, and not written over.
    const disk = await pagesSnapshot(db);
    const older = v1Store(db, key);
    expect((await older.load()).damaged).toEqual([{ page: 0, kind: 'page', reason: 'future_version' }]);
    expect(older.size).toBe(0);
    await older.put({ id: 'x', name: 'Xenia X' });
    await older.close();
    expect((await pagesSnapshot(db)).filter((row) => row.page === 0 && row.store === STORE)).toEqual(disk);
  });

  it('upgrades version 1 customers of the walking skeleton with upgradeCustomerV1', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const skeleton = new SealedPageStore<{ id: string }>(db, key, { store: CUSTOMER_STORE, schemaVersion: 1, capacity: 2 });
    const v1 = (id: string, firstName: unknown, lastName: string) => ({
      id,
      firstName,
      lastName,
      phone: '+358401234567',
      email: `${id}@example.test`,
      street: 'Testikatu 1',
      postalCode: '00100',
      city: 'Helsinki',
      notes: 'Vanha muistiinpano',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    await skeleton.putMany([v1('c1', 'Aino', 'Virtanen'), v1('c2', 'Eero', 'Mäkinen'), v1('c3', 5, 'Rikki'), v1('c4', 'Väinö', 'Östman')]);
    const repo = await CustomerRepository.open(db, key, OWNER);
    expect(repo.damaged).toEqual([{ page: 1, kind: 'page', reason: 'format' }]);
    expect(repo.count).toBe(2);
    expect(repo.get('c1')).toEqual({
      ...v1('c1', 'Aino', 'Virtanen'),
      language: 'fi',
      source: 'other',
      sourceDetail: '',
      legalBasis: 'customer_relationship',
      healthNotes: '',
      consents: [],
      createdBy: null,
      updatedBy: null,
    });
    expect(repo.search('mäkinen')).toEqual(['c2']);
    // "other" needs its detail, as for any customer: editing an upgraded card asks for it
    const draft = { ...repo.get('c2')!, healthNotes: '' };
    await expect(repo.update('c2', draft)).rejects.toBeInstanceOf(ZodError);
    const edited = await repo.update('c2', { ...draft, sourceDetail: 'ei kirjattu' });
    expect(edited).toMatchObject({ sourceDetail: 'ei kirjattu', createdBy: null, updatedBy: OWNER.userId });
    await repo.close();
    const again = await CustomerRepository.open(db, key, OWNER);
    expect(again.get('c2')).toEqual(edited);
    expect(again.get('c1')?.source).toBe('other');
  });
});

describe('staging and committing across stores', () => {
  interface Rec {
    id: string;
    value: string;
  }
  async function two(db = freshDatabase()) {
    const key = await generateDataKey();
    const queue = new WriteQueue();
    const left = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2, queue });
    const right = new SealedPageStore<Rec>(db, key, { store: 'right', schemaVersion: 1, capacity: 2, queue });
    await Promise.all([left.load(), right.load()]);
    await left.putMany([{ id: 'l1', value: 'a' }, { id: 'l2', value: 'b' }, { id: 'l3', value: 'c' }]);
    await right.putMany([{ id: 'r1', value: 'x' }]);
    await left.put({ id: 'l1', value: 'loki' }); // a logged change the commit must delete
    await right.put({ id: 'r1', value: 'loki' });
    const reopen = async () => {
      const l = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2 });
      const r = new SealedPageStore<Rec>(db, key, { store: 'right', schemaVersion: 1, capacity: 2 });
      await Promise.all([l.load(), r.load()]);
      return { left: contents(l), right: contents(r) };
    };
    return { db, key, queue, left, right, reopen };
  }
  const contents = (store: SealedPageStore<Rec>): Record<string, string> => Object.fromEntries([...store.values()].map((r): [string, string] => [r.id, r.value]).sort());
  const move = async (left: SealedPageStore<Rec>, right: SealedPageStore<Rec>) => [
    await left.stage({ remove: ['l1'], put: [{ id: 'l9', value: 'uusi' }] }),
    await right.stage({ put: [{ id: 'l1', value: 'siirretty' }, { id: 'r1', value: 'muutettu' }] }),
  ];

  it('changes nothing until the commit, then both stores at once in memory and on disk', async () => {
    const { db, left, right, reopen } = await two();
    const disk = await pagesSnapshot(db);
    const parts = await move(left, right);
    expect(contents(left)).toEqual({ l1: 'loki', l2: 'b', l3: 'c' });
    expect(contents(right)).toEqual({ r1: 'loki' });
    expect(await pagesSnapshot(db)).toEqual(disk);
    await commitStaged(db, parts);
    expect(contents(left)).toEqual({ l2: 'b', l3: 'c', l9: 'uusi' });
    expect(contents(right)).toEqual({ l1: 'siirretty', r1: 'muutettu' });
    expect(await rowsOf(db, 'left.log')).toEqual([]);
    expect(await rowsOf(db, 'right.log')).toEqual([]);
    expect(await reopen()).toEqual({ left: contents(left), right: contents(right) });
  });

  it('is one transaction: a part failing inside it leaves both stores as they were', async () => {
    const { db, left, right, reopen } = await two();
    const disk = await pagesSnapshot(db);
    const before = await reopen();
    const parts = await move(left, right);
    let applied = false;
    const broken: StagedWrite = {
      puts: [{ store: 'broken', page: Number.NaN, v: 1, iv: new Uint8Array(12), ct: new Uint8Array(16) }],
      deletes: [],
      apply: () => {
        applied = true;
      },
    };
    await expect(commitStaged(db, [...parts, broken])).rejects.toThrow();
    expect(applied).toBe(false);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(contents(left)).toEqual(before.left);
    expect(contents(right)).toEqual(before.right);
    expect(await reopen()).toEqual(before);
    // nothing is half-applied in memory either: staging again and committing works
    await commitStaged(db, await move(left, right));
    expect(await reopen()).toEqual({ left: { l2: 'b', l3: 'c', l9: 'uusi' }, right: { l1: 'siirretty', r1: 'muutettu' } });
  });

  it('rolls back the deletes already done when a put fails in the same transaction', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const { left, right, reopen } = await two(db);
    const disk = await pagesSnapshot(db);
    const before = await reopen();
    faults.failNext((request) => request.type === 'put');
    const seen = faults.seen.length;
    await expect(commitStaged(db, await move(left, right))).rejects.toThrow('injected write failure');
    expect(faults.seen.slice(seen)).toEqual(['delete', 'put']);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect({ left: contents(left), right: contents(right) }).toEqual(before);
  });

  it('refuses to stage a record put and removed at once, and never stages over a damaged page', async () => {
    const { db, key, left } = await two();
    await expect(left.stage({ put: [{ id: 'l2', value: 'x' }], remove: ['l2'] })).rejects.toThrow();
    const page0 = (await rowsOf(db, 'left')).find((row) => row.page === 0)!;
    const ct = new Uint8Array(page0.ct);
    ct[3]! ^= 0x40;
    await db.pages.put({ ...page0, ct });
    const reopened = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2 });
    expect((await reopened.load()).damaged).toEqual([{ page: 0, kind: 'page', reason: 'integrity' }]);
    // new records go elsewhere, never onto the damaged page
    const staged = await reopened.stage({ put: [{ id: 'n1', value: '1' }, { id: 'n2', value: '2' }, { id: 'n3', value: '3' }] });
    expect(staged.puts.map((row) => row.page)).not.toContain(0);
    expect(staged.deletes).toEqual([]);
  });

  it('keeps compacting the other pages when a damaged page has logged changes', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const store = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2 });
    await store.putMany([{ id: 'a', value: '1' }, { id: 'b', value: '2' }, { id: 'c', value: '3' }, { id: 'd', value: '4' }]);
    await store.put({ id: 'a', value: 'sivulla 0' });
    await store.put({ id: 'c', value: 'sivulla 1' });
    // (no close: the log stays) page 0 gets damaged on disk
    const page0 = (await rowsOf(db, 'left')).find((row) => row.page === 0)!;
    const ct = new Uint8Array(page0.ct);
    ct[0]! ^= 1;
    await db.pages.put({ ...page0, ct });
    const reopened = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2 });
    expect((await reopened.load()).damaged).toEqual([{ page: 0, kind: 'page', reason: 'integrity' }]);
    expect(contents(reopened)).toEqual({ c: 'sivulla 1', d: '4' });
    await reopened.compact();
    // page 1 was re-sealed and its change deleted; the damaged page and its change are left alone
    expect(await rowsOf(db, 'left.log')).toHaveLength(1);
    await reopened.put({ id: 'd', value: 'vielä' });
    await reopened.close();
    expect(await rowsOf(db, 'left.log')).toHaveLength(1);
    expect(Buffer.from((await rowsOf(db, 'left')).find((row) => row.page === 0)!.ct).equals(Buffer.from(ct))).toBe(true);
    const again = new SealedPageStore<Rec>(db, key, { store: 'left', schemaVersion: 1, capacity: 2 });
    await again.load();
    expect(contents(again)).toEqual({ c: 'sivulla 1', d: 'vielä' });
  });
});

describe('the shared write queue', () => {
  it('runs work one after another, in order, and a failure does not stop what comes after', async () => {
    const queue = new WriteQueue();
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      events.push('1 start');
      await gate;
      events.push('1 end');
      return 1;
    });
    const second = queue.run(() => {
      events.push('2 start');
      return Promise.reject(new Error('kaatui'));
    });
    const third = queue.run(() => {
      events.push('3 start');
      return Promise.resolve(3);
    });
    const idle = queue.idle().then(() => events.push('idle'));
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['1 start']);
    release();
    await expect(first).resolves.toBe(1);
    await expect(second).rejects.toThrow('kaatui');
    await expect(third).resolves.toBe(3);
    await idle;
    expect(events).toEqual(['1 start', '1 end', '2 start', '3 start', 'idle']);
  });

  it('serialises writes of every store that shares it: a cross-store write sees no other write in between', async () => {
    const db = freshDatabase();
    const key = await generateDataKey();
    const queue = new WriteQueue();
    const a = v2Store(db, key, 3, queue);
    const b = new SealedPageStore<V2>(db, key, { store: 'other', schemaVersion: 2, capacity: 3, queue });
    await Promise.all([a.load(), b.load()]);
    const order: string[] = [];
    const exclusive = a.runExclusive(async () => {
      order.push('exclusive start');
      const parts = [await a.stage({ put: [{ id: 'x', first: 'X', last: 'X', from: 2 }] }), await b.stage({ put: [{ id: 'y', first: 'Y', last: 'Y', from: 2 }] })];
      await commitStaged(db, parts);
      order.push(`exclusive end: b has ${b.size}`);
    });
    const plain = b.put({ id: 'z', first: 'Z', last: 'Z', from: 2 }).then(() => order.push(`put done: b has ${b.size}`));
    await Promise.all([exclusive, plain]);
    expect(order).toEqual(['exclusive start', 'exclusive end: b has 1', 'put done: b has 2']);
  });
});
