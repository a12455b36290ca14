import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../../renderer/src/db/errors';
import { Register } from '../../../../renderer/src/db/register';
import { decryptBackup, encryptBackup } from '../../../../shared/backup/age-file';
import { buildBackupDocument, canonicalJson, checkBackupDocument, serialiseBackupDocument, type BackupTables } from '../../../../shared/backup/format';
import { DEMO_SERVICES, demoAppointments, demoCustomers } from '../../../../shared/domain/demo-data';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { freshDatabase } from '../../../support/fresh-db';
import { decryptAll, rawDump } from '../../../support/db-inspect';
import { fillGdprRecords, requestDraft } from '../../../support/gdpr-fixtures';

/**
 * Backups and restores through the real data layer and the real backup code: the register is
 * snapshotted, written as a document, encrypted, decrypted, checked and restored into another
 * register, which must then hold exactly the same. Erased people never come back.
 */
const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const NOTHING = { customers: 0, services: 0, appointments: 0, gdprRequests: 0, requestAttachments: 0, disclosures: 0, retentionDecisions: 0, privacyFlags: 0, privacyNotices: 0 };
const PASS = 'varmuus-kopio-lause-2026';

async function filledRegister(customers: number, seed = 1) {
  const db = freshDatabase();
  const key = await testDataKey();
  const register = await Register.open(db, key, OWNER);
  const created = await register.customers.createMany(demoCustomers(customers, seed), NOW);
  await register.services.createMany(DEMO_SERVICES, NOW);
  await register.appointments.createMany(demoAppointments(created.map((c) => c.id), 3, NOW, seed), NOW);
  return { db, key, register, created };
}

const sorted = (tables: BackupTables) =>
  canonicalJson(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, [...(rows as { id?: string; customerId?: string }[])].sort((a, b) => ((a.id ?? a.customerId ?? '') < (b.id ?? b.customerId ?? '') ? -1 : 1))])));

async function throughBackup(tables: BackupTables): Promise<BackupTables> {
  const document = await buildBackupDocument({ appVersion: 'test', createdAt: new Date(NOW), settings: {}, tables });
  const { bytes } = await encryptBackup(serialiseBackupDocument(document), PASS);
  const checked = await checkBackupDocument(await decryptBackup(bytes, PASS));
  if (!checked.ok) throw new Error(`backup did not check: ${checked.problem.kind}`);
  return checked.document.tables;
}

describe('backup and restore of a register', () => {
  it('round-trips any generated register exactly (property, real scrypt)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 1_000 }), fc.boolean(), fc.boolean(), async (count, seed, eraseOne, withGdpr) => {
        const { register, created } = await filledRegister(count, seed);
        // Every GDPR table of issue 7 (a request with its file among them), then perhaps an erasure
        // that masks some of them: both round-trip exactly.
        if (withGdpr && created.length >= 3) await fillGdprRecords(register, created.slice(count % 3, (count % 3) + 3), NOW - 3_600_000);
        const first = created[0];
        if (eraseOne && first) {
          const request = withGdpr ? register.requests.forCustomer(first.id)[0] : undefined;
          await register.eraseCustomer(first.id, { now: NOW, requestId: request?.id ?? null });
        }
        const customer = created[1];
        if (customer) await register.customers.giveConsent(customer.id, { kind: 'marketing_sms', method: 'in_person', scope: '', expiresAt: null }, NOW);
        const before = await register.snapshot();
        const restoredTables = await throughBackup(before);

        const target = await Register.open(freshDatabase(), await testDataKey(), OWNER);
        const result = await target.restore(restoredTables);
        expect(result).toMatchObject({ skippedErased: 0, maskedRequests: 0, skippedRecords: 0 });
        expect(sorted(await target.snapshot())).toBe(sorted(before));
        for (const attachment of before.requestAttachments) {
          const request = before.gdprRequests.find((r) => r.attachment?.id === attachment.id)!;
          expect(Buffer.from(await target.requests.readAttachment(request.id)).toString('base64')).toBe(attachment.data);
        }
        expect(target.notices.versionInForce(NOW)).toBe(before.privacyNotices.length > 0 ? 1 : null);
        expect(target.customers.count).toBe(before.customers.length);
        if (before.customers[0]) expect(target.customers.search(before.customers[0].lastName)).toContain(before.customers[0].id);
      }),
      { numRuns: 8 },
    );
  }, 300_000);

  it('never brings back a customer erased after the backup was made, and says how many were left out', async () => {
    const { register, created, db, key } = await filledRegister(20);
    const older = await throughBackup(await register.snapshot());
    const erased = created[4]!;
    const erasedAppointments = register.appointments.forCustomer(erased.id).map((a) => a.id);
    expect(erasedAppointments.length).toBeGreaterThan(0);
    const request = await register.requests.create(requestDraft(erased, { type: 'erasure' }, '2026-11-25'), { now: NOW, today: '2026-11-25' });
    await register.eraseCustomer(erased.id, { requestId: request.id, now: NOW });
    expect(register.erasureLedger()).toEqual([
      { customerId: erased.id, erasedAt: NOW, erasedBy: OWNER.userId, requestId: request.id, maskedName: `${erased.firstName[0]!.toUpperCase()}*** ${erased.lastName[0]!.toUpperCase()}***` },
    ]);

    const result = await register.restore(older);
    expect(result).toEqual({
      restored: { ...NOTHING, customers: 19, services: 10, appointments: older.appointments.length - erasedAppointments.length, gdprRequests: 1 },
      skippedErased: 1,
      maskedRequests: 0,
      skippedRecords: 0,
    });
    expect(register.customers.get(erased.id)).toBeUndefined();
    expect(register.customers.search(erased.lastName)).not.toContain(erased.id);
    for (const id of erasedAppointments) expect(register.appointments.get(id)).toBeUndefined();
    // Not on disk either: no decrypted row holds their e-mail or id.
    const opened = await decryptAll(db, key);
    const plain = opened.map((row) => row.plaintext).join('\n');
    expect(plain).not.toContain(erased.email);
    expect(await rawDump(db)).not.toContain(erased.email);
    // Their id is only in the erasure ledger.
    expect(opened.filter((row) => row.plaintext.includes(erased.id)).map((row) => row.store)).toEqual(['erasures']);
    // The ledger survives the restore, so the next restore skips them too.
    expect(register.isErased(erased.id)).toBe(true);
    const reopened = await Register.open(db, key, OWNER);
    expect(reopened.isErased(erased.id)).toBe(true);
    expect(reopened.customers.get(erased.id)).toBeUndefined();
  }, 60_000);

  it('keeps erased people out when the backup itself lists them in its ledger', async () => {
    const source = await filledRegister(10);
    await source.register.eraseCustomer(source.created[2]!.id, { now: NOW });
    const tables = await throughBackup(await source.register.snapshot());
    // The ledger is in the file; a hand-edited file that also lists the person as a customer:
    const planted: BackupTables = { ...tables, customers: [...tables.customers, { ...source.created[2]!, consents: [] }] };
    const target = await Register.open(freshDatabase(), await testDataKey(), OWNER);
    const result = await target.restore(planted);
    expect(result.skippedErased).toBe(1);
    expect(target.customers.get(source.created[2]!.id)).toBeUndefined();
    expect(target.isErased(source.created[2]!.id)).toBe(true);
  }, 60_000);

  it('replaces everything, damaged pages included, and refuses a receptionist', async () => {
    const { register } = await filledRegister(8);
    const tables = await register.snapshot();
    const empty: BackupTables = { customers: [], services: [], appointments: [], erasureLedger: [] };
    const desk = await Register.open(freshDatabase(), await testDataKey(), RECEPTIONIST);
    await expect(desk.restore(tables)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await register.restore(empty)).toEqual({ restored: NOTHING, skippedErased: 0, maskedRequests: 0, skippedRecords: 0 });
    expect(register.customers.count).toBe(0);
    expect(register.appointments.count).toBe(0);
    expect((await register.restore(tables)).restored.customers).toBe(8);
    expect(sorted(await register.snapshot())).toBe(sorted(tables));
  });
});
