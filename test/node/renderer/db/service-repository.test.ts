import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ForbiddenError, NotFoundError } from '../../../../renderer/src/db/errors';
import { ServiceRepository } from '../../../../renderer/src/db/service-repository';
import { DEMO_SERVICES } from '../../../../shared/domain/demo-data';
import type { ServiceDraftInput } from '../../../../shared/schemas/appointment';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { pagesSnapshot } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';

const T0 = Date.UTC(2026, 1, 1, 10);
const CUT: ServiceDraftInput = { name: 'Leikkaus', durationMin: 45, priceCents: 4500, active: true };
const messages = (error: unknown) => (error as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('service repository', () => {
  it('lets the owner build the catalogue, listed in Finnish order, and keeps it across unlocks', async () => {
    const db = freshDatabase();
    const key = await testDataKey();
    const repo = await ServiceRepository.open(db, key, OWNER);
    const demo = await repo.createMany(DEMO_SERVICES, T0);
    const extra = await repo.create({ name: '  Äitienpäivän kampaus ', durationMin: 60, priceCents: 6000, active: false }, T0 + 1);
    const zen = await repo.create({ name: 'Zen-hieronta', durationMin: 30, priceCents: 3000, active: true }, T0 + 1);
    expect(extra).toEqual({ id: extra.id, name: 'Äitienpäivän kampaus', durationMin: 60, priceCents: 6000, active: false, createdAt: T0 + 1, updatedAt: T0 + 1 });
    const names = repo.list().map((s) => s.name);
    expect(names.indexOf('Zen-hieronta')).toBeLessThan(names.indexOf('Äitienpäivän kampaus')); // Ä after Z
    expect(repo.list({ activeOnly: true }).map((s) => s.id)).not.toContain(extra.id);
    expect(repo.list({ activeOnly: true })).toHaveLength(demo.length + 1);
    const updated = await repo.update(zen.id, { ...CUT, name: 'Zen-hieronta', priceCents: 3500 }, T0 - 5);
    expect(updated).toMatchObject({ priceCents: 3500, durationMin: 45, createdAt: T0 + 1, updatedAt: T0 + 1 });
    await repo.close();
    const again = await ServiceRepository.open(db, key, RECEPTIONIST);
    expect(again.list()).toEqual([...demo, extra, updated].sort((a, b) => a.name.localeCompare(b.name, 'fi')));
    expect(again.damaged).toEqual([]);
  });

  it('refuses a receptionist every edit, writing nothing, while she can read it all', async () => {
    const db = freshDatabase();
    const key = await testDataKey();
    const owner = await ServiceRepository.open(db, key, OWNER);
    const cut = await owner.create(CUT, T0);
    await owner.close();
    const desk = await ServiceRepository.open(db, key, RECEPTIONIST);
    const disk = await pagesSnapshot(db);
    await expect(desk.create(CUT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(desk.createMany([CUT])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(desk.update(cut.id, { ...CUT, priceCents: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(desk.list()).toEqual([cut]);
    expect(await pagesSnapshot(db)).toEqual(disk);
  });

  it('validates durations and prices (whole minutes 5–720, whole cents), and unknown ids', async () => {
    const repo = await ServiceRepository.open(freshDatabase(), await testDataKey(), OWNER);
    const bad = await repo.create({ name: ' ', durationMin: 4, priceCents: -1, active: true }).catch((e: unknown) => e);
    expect(messages(bad)).toEqual([['name', 'required'], ['durationMin', 'duration_invalid'], ['priceCents', 'price_invalid']]);
    expect(messages(await repo.create({ ...CUT, durationMin: 721, priceCents: 10.5 }).catch((e: unknown) => e))).toEqual([
      ['durationMin', 'duration_invalid'],
      ['priceCents', 'price_invalid'],
    ]);
    await expect(repo.create({ ...CUT, durationMin: 720, priceCents: 0 })).resolves.toMatchObject({ durationMin: 720, priceCents: 0 });
    await expect(repo.createMany([CUT, { ...CUT, durationMin: 0 }])).rejects.toBeInstanceOf(ZodError);
    await expect(repo.update('nope', CUT)).rejects.toBeInstanceOf(NotFoundError);
    expect(repo.list()).toHaveLength(1);
  });
});
