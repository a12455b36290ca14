import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CustomerRepository, CUSTOMER_PAGE_CAPACITY, CUSTOMER_STORE } from '../../../../renderer/src/db/customer-repository';
import { ERASURE_STORE, Register } from '../../../../renderer/src/db/register';
import { OWNER } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { freshDatabase } from '../../../support/fresh-db';
import { syntheticCustomer } from '../../../support/synthetic';

const basePages = (db: ReturnType<typeof freshDatabase>) => db.pages.where('[store+page]').between([CUSTOMER_STORE, 0], [CUSTOMER_STORE, Infinity]).count();
const loggedChanges = (db: ReturnType<typeof freshDatabase>) => db.pages.where('[store+page]').between([`${CUSTOMER_STORE}.log`, 0], [`${CUSTOMER_STORE}.log`, Infinity]).count();

async function openVault() {
  return { db: freshDatabase(), dataKey: await testDataKey() };
}

describe('customer repository', () => {
  it('stores customers encrypted and reads them back after a new unlock', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    const created = await repo.create(syntheticCustomer(0));
    expect(created.phone).toMatch(/^\+3584\d+$/);
    await repo.close();

    const again = await CustomerRepository.open(db, dataKey, OWNER);
    expect(again.get(created.id)).toEqual(created);
    expect(again.damaged).toEqual([]);
  });

  it('packs customers into pages and keeps each customer exactly once across edits and deletes', async () => {
    const { db, dataKey } = await openVault();
    const register = await Register.open(db, dataKey, OWNER);
    const repo = register.customers;
    const many = await repo.createMany(Array.from({ length: CUSTOMER_PAGE_CAPACITY * 2 + 5 }, (_, i) => syntheticCustomer(i)));
    expect(await basePages(db)).toBe(3);
    await repo.update(many[3]!.id, { ...syntheticCustomer(3), notes: 'muutettu' });
    await register.eraseCustomer(many[0]!.id);
    await repo.create(syntheticCustomer(999));
    const reopened = await CustomerRepository.open(db, dataKey, OWNER);
    expect(reopened.count).toBe(many.length);
    expect(reopened.get(many[3]!.id)?.notes).toBe('muutettu');
    expect(reopened.get(many[0]!.id)).toBeUndefined();
    // the freed slot in page 0 is reused instead of opening a fourth page
    expect(await basePages(db)).toBe(3);
  });

  it('removes the page row when its last customer is deleted; only the erasure ledger remains', async () => {
    const { db, dataKey } = await openVault();
    const register = await Register.open(db, dataKey, OWNER);
    const one = await register.customers.create(syntheticCustomer(1));
    expect(await loggedChanges(db)).toBe(1);
    await register.eraseCustomer(one.id);
    expect((await db.pages.toArray()).map((row) => row.store)).toEqual([ERASURE_STORE]);
  });

  it('reports a damaged page while the other pages still load, and never writes over it', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    await repo.createMany(Array.from({ length: CUSTOMER_PAGE_CAPACITY + 3 }, (_, i) => syntheticCustomer(i)));
    const row = await db.pages.get([CUSTOMER_STORE, 1]);
    const flipped = new Uint8Array(row!.ct);
    flipped[10]! ^= 0xff;
    await db.pages.put({ ...row!, ct: flipped });

    const reopened = await CustomerRepository.open(db, dataKey, OWNER);
    expect(reopened.damaged).toEqual([{ page: 1, kind: 'page', reason: 'integrity' }]);
    expect(reopened.count).toBe(CUSTOMER_PAGE_CAPACITY);
    await reopened.createMany(Array.from({ length: 5 }, (_, i) => syntheticCustomer(500 + i)));
    const stillDamaged = await db.pages.get([CUSTOMER_STORE, 1]);
    expect(Buffer.from(stillDamaged!.ct).equals(Buffer.from(flipped))).toBe(true);
  });

  it('refuses a page moved to another page number', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    await repo.createMany(Array.from({ length: CUSTOMER_PAGE_CAPACITY + 1 }, (_, i) => syntheticCustomer(i)));
    const page0 = await db.pages.get([CUSTOMER_STORE, 0]);
    await db.pages.put({ ...page0!, page: 1 });
    const reopened = await CustomerRepository.open(db, dataKey, OWNER);
    expect(reopened.damaged).toEqual([{ page: 1, kind: 'page', reason: 'integrity' }]);
  });

  it('validates every write and saves nothing from an invalid draft', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    await expect(repo.create({ ...syntheticCustomer(1), phone: '12' })).rejects.toBeInstanceOf(ZodError);
    await expect(
      repo.createMany([syntheticCustomer(2), { ...syntheticCustomer(3), email: 'not-an-email' }]),
    ).rejects.toBeInstanceOf(ZodError);
    expect(repo.count).toBe(0);
    expect(await db.pages.count()).toBe(0);
  });

  it('leaves memory and disk unchanged when the write fails', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    const kept = await repo.create(syntheticCustomer(1));
    db.close();
    await expect(repo.update(kept.id, { ...syntheticCustomer(1), notes: 'ei tallennu' })).rejects.toThrow();
    expect(repo.get(kept.id)?.notes).toBe(kept.notes);
    expect(repo.search('ei tallennu')).toEqual([]);
  });

  it('forgets every decrypted customer on close', async () => {
    const { db, dataKey } = await openVault();
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    const c = await repo.create(syntheticCustomer(1));
    await repo.close();
    expect(repo.get(c.id)).toBeUndefined();
    expect(repo.count).toBe(0);
    expect(repo.search('')).toEqual([]);
  });
});
