import { describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_STORE } from '../../../../renderer/src/db/attachment-store';
import { CustomerNotFoundError } from '../../../../renderer/src/db/customer-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { NotFoundError, RequestStateError } from '../../../../renderer/src/db/errors';
import { ERASURE_STORE, Register } from '../../../../renderer/src/db/register';
import { buildBackupDocument, checkBackupDocument, serialiseBackupDocument, type CompleteBackupTables } from '../../../../shared/backup/format';
import { registerCsvFiles, registerJsonFile, requestLogCsv } from '../../../../shared/backup/open-files';
import { registerExportTables } from '../../../../shared/backup/register-export';
import { addDays } from '../../../../shared/domain/calendar-date';
import { marketingList, NO_PRIVACY_FLAGS } from '../../../../shared/domain/marketing';
import type { AppointmentDraftInput } from '../../../../shared/schemas/appointment';
import { toDraft, type Customer, type CustomerDraftInput } from '../../../../shared/schemas/customer';
import { OWNER } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { decryptAll, injectWriteFaults, pagesSnapshot, rawDump, rowsOf, variants } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { fillGdprRecords, letterPdf, requestDraft } from '../../../support/gdpr-fixtures';
import { syntheticCustomer } from '../../../support/synthetic';

/**
 * Erasure (GDPR Art. 17) across every store of issue 7, with the test: after erasing one
 * of 50 customers, a raw scan of every IndexedDB table finds no row with their id or ciphertext;
 * search does not find them; the next backup and every export lack them; restoring an older
 * backup that contains them does not bring them back and says how many were skipped. What stays
 * is the minimal evidence: the erasure ledger, and their requests with id, type, dates, status and
 * a masked name.
 */
const NOW = Date.UTC(2026, 10, 20, 10, 0);
const TODAY = '2026-11-20';
const WHEN = { now: NOW, today: TODAY };
const HOUR = 3_600_000;

const visit = (customerId: string, start: number, notes = ''): AppointmentDraftInput => ({
  customerId,
  start,
  services: [{ serviceId: null, name: 'Hiustenleikkaus', durationMin: 45, priceCents: 4900 }],
  staff: 'Sari',
  channel: 'phone',
  notes,
});

const TARGET: CustomerDraftInput = {
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
const DUPLICATE: CustomerDraftInput = { ...syntheticCustomer(70), firstName: 'Kyllikki', lastName: 'Poistettava', email: 'k.vanhakortti@example.test', phone: '044 987 6543', notes: 'Vanha kortti' };

/** Every value of the person the register held somewhere (record, requests, flags, decisions, files). */
const VALUES = [
  'Kyllikki',
  'Poistettava',
  'Öhman',
  'kyllikki.poistettava@example.test',
  'k.vanhakortti@example.test',
  '+358507654321',
  '+358449876543',
  'Salakuja 99',
  'Kuusamo',
  'Erikoistoive',
  'parfyymeja',
  'Vanha kortti',
  'Kyllikin oma aika',
  'Haluan tietoni poistetuiksi',
  'passi FI8642097',
  'Kyllikin laaja pyyntö',
  'Kyllikin lahjakortti',
  'kiistää osoitteen',
  'Osoite tarkistettu',
  'KYLLIKIN-KIRJE',
  'kyllikki-poistopyynto.pdf',
  'vanhan kortin pyyntö',
];

const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

async function throughBackup(tables: CompleteBackupTables): Promise<CompleteBackupTables> {
  const document = await buildBackupDocument({ appVersion: 'test', createdAt: new Date(NOW), settings: {}, tables });
  const checked = await checkBackupDocument(serialiseBackupDocument(document));
  if (!checked.ok) throw new Error(checked.problem.kind);
  return checked.document.tables;
}

/** 50 customers; the target has a merged duplicate card and something in every GDPR store. */
async function populated(db: KirjuriDatabase = freshDatabase()) {
  const key = await testDataKey();
  const register = await Register.open(db, key, OWNER);
  await register.appointments.ready;
  const drafts = Array.from({ length: 50 }, (_, i) => (i === 17 ? TARGET : syntheticCustomer(i)));
  const customers = await register.customers.createMany(drafts, NOW - 300 * 24 * HOUR);
  const target = customers[17]!;
  const others = customers.filter((c) => c.id !== target.id);
  await fillGdprRecords(register, others.slice(0, 3), NOW - 2 * HOUR);

  // The old card: its own request and objection, merged into the target (they move with it).
  const duplicate = await register.customers.create(DUPLICATE, NOW - 200 * 24 * HOUR);
  const duplicateRequest = await register.requests.create(requestDraft(duplicate, { type: 'objection', description: 'vanhan kortin pyyntö' }, TODAY), WHEN);
  await register.privacy.object(duplicate.id, duplicateRequest.id, NOW);
  await register.appointments.createMany([visit(duplicate.id, NOW - 100 * HOUR, 'Vanha kortti')], NOW - 100 * HOUR);
  const merge = await register.merge(target.id, duplicate.id, { notes: 'both' }, NOW + 1);

  await register.customers.giveConsent(target.id, { kind: 'marketing_email', method: 'signed_form', scope: '', expiresAt: null }, NOW + 2);
  const visits = await Promise.all([0, 1].map((k) => register.appointments.book(visit(target.id, NOW + (24 + k) * HOUR, 'Kyllikin oma aika'), NOW + 3)));
  const access = await register.requests.create(requestDraft(customers[17]!, { type: 'access', receivedDate: addDays(TODAY, -10) }, TODAY), WHEN);
  await register.requests.extend(access.id, { reason: 'Kyllikin laaja pyyntö', notifiedDate: TODAY }, WHEN);
  const rectification = await register.requests.create(requestDraft(customers[17]!, { type: 'rectification' }, TODAY), WHEN);
  await register.customers.update(target.id, { ...toDraft(register.customers.get(target.id)!), postalCode: '93601' }, { now: NOW + 4, requestId: rectification.id });
  await register.privacy.restrict(target.id, { ground: 'accuracy_contested', note: 'Asiakas kiistää osoitteen' }, rectification.id, NOW + 5);
  await register.privacy.liftRestriction(target.id, 'Osoite tarkistettu', NOW + 6);
  await register.retention.decide(target.id, { reason: 'Kyllikin lahjakortti voimassa', nextReviewDate: addDays(TODAY, 90) }, WHEN);
  const shared = await register.disclosures.record(
    { recipientKind: 'authority', recipientName: 'Poliisi', legalBasis: 'legal_obligation', legalBasisDetail: 'PolL 4:3', scope: 'Yhteystiedot', customerIds: [others[5]!.id, target.id, others[6]!.id], date: TODAY, reference: 'PL-9', requestId: null },
    WHEN,
  );
  const alone = await register.disclosures.record(
    { recipientKind: 'successor', recipientName: 'Uusi Salonki Oy', legalBasis: 'legitimate_interests', legalBasisDetail: '', scope: 'Asiakaskortti', customerIds: [target.id], date: TODAY, reference: '', requestId: null },
    WHEN,
  );
  const erasure = await register.requests.create(
    requestDraft(customers[17]!, {
      type: 'erasure',
      description: 'Haluan tietoni poistetuiksi',
      attachment: { fileName: 'kyllikki-poistopyynto.pdf', mimeType: 'application/pdf', size: 2000 },
      identity: { state: 'verified', method: 'id_document', detail: 'passi FI8642097', verifiedAt: TODAY },
    }, TODAY),
    { ...WHEN, file: letterPdf('KYLLIKIN-KIRJE Kyllikki Poistettava-Öhman', 2000) },
  );
  return {
    db,
    key,
    register,
    customers,
    others,
    target: register.customers.get(target.id)!,
    duplicate,
    ids: [target.id, duplicate.id, merge.id, erasure.attachment!.id, ...visits.map((v) => v.id), ...register.appointments.forCustomer(target.id).map((a) => a.id)],
    requests: { erasure, access, rectification, duplicateRequest },
    disclosures: { shared, alone },
  };
}

/** The needles: every id and value of the person, in every form a careless copy could take. */
const needlesOf = (ids: readonly string[]) => [...new Set([...ids, ...VALUES.flatMap(variants)])];
const hits = (text: string, needles: readonly string[]) => needles.filter((needle) => text.includes(needle));

/** Decrypted rows outside the erasure ledger (which keeps the ids, by design, and a masked name). */
async function plaintextOutsideLedger(db: KirjuriDatabase, key: CryptoKey): Promise<string> {
  return (await decryptAll(db, key))
    .filter((row) => row.store !== ERASURE_STORE)
    .map((row) => row.plaintext)
    .join('\n');
}

async function expectNoTrace(db: KirjuriDatabase, key: CryptoKey, ids: readonly string[], oldCiphertexts: ReadonlySet<string>) {
  const needles = needlesOf(ids);
  expect(hits(await rawDump(db), needles)).toEqual([]);
  expect(hits(await plaintextOutsideLedger(db, key), needles)).toEqual([]);
  const ledger = (await decryptAll(db, key)).filter((row) => row.store === ERASURE_STORE).map((row) => row.plaintext).join('\n');
  expect(hits(ledger, VALUES.flatMap(variants))).toEqual([]);
  // No row that held any of them is still there: every such page was re-sealed or deleted.
  const now = new Set((await db.pages.toArray()).map((row) => hex(row.ct)));
  expect([...oldCiphertexts].filter((ct) => now.has(ct))).toEqual([]);
}

describe('erasing one of 50 customers (issue 7)', () => {
  it('leaves no row with their id, value or ciphertext; search, the next backup and every export lack them; the minimal evidence stays', async () => {
    const w = await populated();
    const { db, key, register, target } = w;
    const needles = needlesOf(w.ids);
    // The scan can see them before: every value and id is in some decrypted row.
    const before = await decryptAll(db, key);
    const plainBefore = before.map((row) => row.plaintext).join('\n');
    expect(VALUES.filter((value) => !plainBefore.includes(value))).toEqual([]);
    expect(w.ids.filter((id) => !plainBefore.includes(id))).toEqual([]);
    // The ciphertext of every row that holds anything of them (customers, appointments, requests,
    // files, flags, decisions, disclosures, merges and their change logs).
    const holding = new Set(before.filter((row) => hits(row.plaintext, needles).length > 0).map((row) => `${row.store}#${row.page}`));
    const tainted = new Set((await db.pages.toArray()).filter((row) => holding.has(`${row.store}#${row.page}`)).map((row) => hex(row.ct)));
    expect(new Set([...holding].map((row) => row.split('#')[0]!.replace(/\.log$/, '')))).toEqual(
      new Set(['customers', 'appointments', 'gdpr-requests', 'request-attachments', 'request-attachments.bytes', 'privacy-flags', 'retention-decisions', 'disclosures', 'merges']),
    );
    const olderBackup = await throughBackup(await register.snapshot());
    const othersBefore = (await register.snapshot()).customers.filter((c) => c.id !== target.id);

    await register.eraseCustomer(target.id, { requestId: w.requests.erasure.id, now: NOW + 100 });

    // 1. Disk: raw, decrypted, and no old ciphertext.
    await expectNoTrace(db, key, w.ids, tainted);
    expect(await rowsOf(db, ATTACHMENT_BYTES_STORE)).toHaveLength(1); // the others' file only

    // 2. Memory and search.
    expect(register.customers.get(target.id)).toBeUndefined();
    for (const query of ['Kyllikki', 'poistettava', 'öhman', '050 765 4321', 'kyllikki.poistettava', 'k.vanhakortti']) expect(register.customers.search(query)).toEqual([]);
    expect(register.privacy.flagsOf(target.id)).toBe(NO_PRIVACY_FLAGS);
    expect(register.privacy.flagsOf(w.duplicate.id)).toBe(NO_PRIVACY_FLAGS);
    expect(register.retention.forCustomer(target.id)).toEqual([]);
    expect(register.requests.forCustomer(target.id)).toEqual([]);
    expect(register.disclosures.forCustomer(target.id)).toEqual([]);

    // 3. The minimal evidence: the ledger, the requests (id, type, dates, status, masked name), the disclosures with a count.
    expect(register.erasureLedger().map((e) => [e.customerId, e.requestId, e.maskedName]).sort()).toEqual(
      [
        [target.id, w.requests.erasure.id, 'K*** P***'],
        [w.duplicate.id, w.requests.erasure.id, 'K*** P***'],
      ].sort(),
    );
    const evidence = register.requests.get(w.requests.erasure.id)!;
    expect(evidence).toMatchObject({
      id: w.requests.erasure.id,
      type: 'erasure',
      receivedDate: w.requests.erasure.receivedDate,
      status: 'received',
      requesterName: 'K*** P***',
      requesterContact: '***',
      customerId: null,
      description: '',
      attachment: null,
      identity: { state: 'verified', method: 'id_document', detail: '', verifiedBy: OWNER.userId, verifiedAt: TODAY },
    });
    expect(evidence.history.slice(-2).map((h) => [h.what, h.at, h.by])).toEqual([
      ['attachment_removed', NOW + 100, OWNER.userId],
      ['erased', NOW + 100, OWNER.userId],
    ]);
    const access = register.requests.get(w.requests.access.id)!;
    expect(access).toMatchObject({ type: 'access', requesterName: 'K*** P***', extension: { reason: '***', notifiedDate: TODAY, extraMonths: 2 } });
    expect(register.requests.get(w.requests.rectification.id)!.rectifications).toEqual([{ at: NOW + 4, by: OWNER.userId, fields: ['postalCode'] }]);
    expect(register.requests.get(w.requests.duplicateRequest.id)).toMatchObject({ type: 'objection', customerId: null, requesterName: 'K*** P***' });
    expect(register.disclosures.get(w.disclosures.shared.id)).toMatchObject({ customerIds: [w.others[5]!.id, w.others[6]!.id], erasedCustomerCount: 1 });
    expect(register.disclosures.get(w.disclosures.alone.id)).toMatchObject({ customerIds: [], erasedCustomerCount: 1 });
    // The request can now be answered and closed as usual.
    await register.requests.markReplySent(w.requests.erasure.id, { replySentDate: TODAY }, { now: NOW + 200, today: TODAY });

    // 4. The next backup and every export: no value; ids only in the ledger.
    const snapshot = await register.snapshot();
    expect(snapshot.customers.filter((c) => c.id !== target.id)).toEqual(othersBefore);
    const document = await buildBackupDocument({ appVersion: 'test', createdAt: new Date(NOW), settings: {}, tables: snapshot });
    const { erasureLedger, ...withoutLedger } = snapshot;
    expect(erasureLedger).toHaveLength(2);
    const csv = registerCsvFiles(document);
    const exports: [string, string][] = [
      ['backup document (without the ledger)', JSON.stringify(withoutLedger)],
      ['backup document', serialiseBackupDocument(document).replaceAll(target.id, '').replaceAll(w.duplicate.id, '')],
      ['register.json', registerJsonFile(document).replaceAll(target.id, '').replaceAll(w.duplicate.id, '')],
      ...Object.entries(csv).map(([name, text]): [string, string] => [name, name === 'erasure-ledger.csv' ? text.replaceAll(target.id, '').replaceAll(w.duplicate.id, '') : text]),
      ['request log', requestLogCsv(snapshot.gdprRequests, ';')],
      ['register export (without the ledger)', JSON.stringify({ ...registerExportTables(snapshot, (id) => register.privacy.flagsOf(id), { forRecipient: 'other', now: NOW + 300 }), erasureLedger: [] })],
      ['marketing list', JSON.stringify(marketingList(snapshot.customers, 'email', (id) => register.privacy.flagsOf(id), NOW + 300))],
    ];
    for (const [name, text] of exports) expect(hits(text, needles), name).toEqual([]);
    expect(requestLogCsv(snapshot.gdprRequests, ';')).toContain('K*** P***');

    // 5. Restoring the older backup that still holds them brings none of it back, and says so.
    const result = await register.restore(olderBackup);
    expect(result.skippedErased).toBe(1); // the duplicate card was merged before that backup
    expect(result.maskedRequests).toBe(4); // access, rectification, the old card's objection, the erasure request
    expect(result.skippedRecords).toBe(3); // the letter, the privacy flags, the retention decision
    expect(result.restored).toMatchObject({ customers: 49, requestAttachments: 1, privacyFlags: 2, retentionDecisions: 1 });
    await expectNoTrace(db, key, w.ids, tainted);
    expect(register.customers.search('Kyllikki')).toEqual([]);
    expect(register.isErased(target.id)).toBe(true);
    expect(register.requests.get(w.requests.erasure.id)).toMatchObject({ requesterName: 'K*** P***', customerId: null, attachment: null });
    expect(register.disclosures.get(w.disclosures.alone.id)).toMatchObject({ customerIds: [], erasedCustomerCount: 1 });
    const byId = (a: Customer, b: Customer) => (a.id < b.id ? -1 : 1);
    expect((await register.snapshot()).customers.sort(byId)).toEqual([...othersBefore].sort(byId));
    // And a fresh unlock agrees.
    await register.close();
    const again = await Register.open(db, key, OWNER);
    expect(again.customers.get(target.id)).toBeUndefined();
    expect(again.customers.count).toBe(49);
    expect(again.requests.get(w.requests.erasure.id)!.requesterName).toBe('K*** P***');
    await again.close();
  }, 120_000);

  it('is all or nothing: a write failing inside the one transaction leaves every store on disk and in memory as it was', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const w = await populated(db);
    const { register, target } = w;
    const disk = await pagesSnapshot(db);
    const screen = await register.snapshot();
    const flags = register.privacy.flagsOf(target.id);
    faults.failNext((mutation) => mutation.type === 'put');
    await expect(register.eraseCustomer(target.id, { requestId: w.requests.erasure.id, now: NOW + 100 })).rejects.toThrow('injected write failure');
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(await register.snapshot()).toEqual(screen);
    expect(register.privacy.flagsOf(target.id)).toEqual(flags);
    expect(register.customers.search('Kyllikki')).toEqual([target.id]);
    expect(await register.requests.readAttachment(w.requests.erasure.id)).toEqual(letterPdf('KYLLIKIN-KIRJE Kyllikki Poistettava-Öhman', 2000));
    // A fresh unlock sees the same register; the erasure then succeeds.
    const fresh = await Register.open(db, w.key, OWNER);
    expect(await fresh.snapshot()).toEqual(screen);
    await fresh.close();
    await register.eraseCustomer(target.id, { requestId: w.requests.erasure.id, now: NOW + 100 });
    expect(register.customers.get(target.id)).toBeUndefined();
    await register.close();
  }, 120_000);

  it('refuses a request about someone else or none, and an unknown customer, writing nothing', async () => {
    const { db, register, customers } = await (async () => {
      const database = freshDatabase();
      const opened = await Register.open(database, await testDataKey(), OWNER);
      return { db: database, register: opened, customers: await opened.customers.createMany([syntheticCustomer(1), syntheticCustomer(2)], NOW) };
    })();
    const [a, b] = customers as [Customer, Customer];
    const aboutB = await register.requests.create(requestDraft(b, { type: 'erasure' }, TODAY), WHEN);
    const aboutNobody = await register.requests.create(requestDraft(null, { type: 'erasure' }, TODAY), WHEN);
    const disk = await pagesSnapshot(db);
    await expect(register.eraseCustomer(a.id, { requestId: aboutB.id })).rejects.toEqual(new RequestStateError('request_other_customer'));
    await expect(register.eraseCustomer(a.id, { requestId: aboutNobody.id })).rejects.toEqual(new RequestStateError('request_other_customer'));
    await expect(register.eraseCustomer(a.id, { requestId: 'no-such-request' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(register.eraseCustomer('nobody')).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    // Without a request (a retention review's erasure) is fine.
    await register.eraseCustomer(a.id);
    expect(register.erasureLedger()[0]).toMatchObject({ customerId: a.id, requestId: null });
    await register.close();
  });
});
