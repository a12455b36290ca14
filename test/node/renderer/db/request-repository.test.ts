import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ATTACHMENT_BYTES_STORE, ATTACHMENT_STORE } from '../../../../renderer/src/db/attachment-store';
import { CustomerNotFoundError } from '../../../../renderer/src/db/customer-repository';
import type { KirjuriDatabase } from '../../../../renderer/src/db/database';
import { ForbiddenError, NotFoundError, RequestStateError } from '../../../../renderer/src/db/errors';
import { Register } from '../../../../renderer/src/db/register';
import { REQUEST_STORE } from '../../../../renderer/src/db/request-repository';
import { addDays } from '../../../../shared/domain/calendar-date';
import { firstDueDate, requestDeadline } from '../../../../shared/domain/gdpr-deadline';
import { MAX_ATTACHMENT_BYTES, type GdprRequest } from '../../../../shared/schemas/gdpr-request';
import type { Actor } from '../../../../renderer/src/db/customer-repository';
import { OWNER, RECEPTIONIST } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { decryptAll, injectWriteFaults, pagesSnapshot, rowsOf } from '../../../support/db-inspect';
import { freshDatabase } from '../../../support/fresh-db';
import { letterPdf, photoPng, requestDraft } from '../../../support/gdpr-fixtures';
import { syntheticCustomer } from '../../../support/synthetic';

/**
 * The GDPR request register (issue 7) against real IndexedDB: intake with the written request's
 * file, identity, deadline extension, answer and refusal, each with its history entry; the
 * front desk's part and the owner's; nothing half-written.
 */
const NOW = Date.UTC(2026, 10, 20, 10, 0);
const TODAY = '2026-11-20';
const WHEN = { now: NOW, today: TODAY };
const fieldErrors = (error: unknown) => (error instanceof ZodError ? error.issues.map((issue) => [issue.path.join('.'), issue.message]) : error);

async function setup(actor: Actor = OWNER, db: KirjuriDatabase = freshDatabase(), key?: CryptoKey) {
  const dataKey = key ?? (await testDataKey());
  const register = await Register.open(db, dataKey, actor);
  await register.appointments.ready;
  return { db, key: dataKey, register };
}

async function withCustomer(actor: Actor = OWNER) {
  const { db, key, register } = await setup(OWNER);
  const customer = await register.customers.create(syntheticCustomer(1), NOW - 100 * 86_400_000);
  if (actor === OWNER) return { db, key, register, customer };
  await register.close();
  return { ...(await setup(actor, db, key)), customer };
}

const pdfDraft = (size: number, fileName = 'kirje.pdf') => ({ fileName, mimeType: 'application/pdf' as const, size });

describe('taking in a request', () => {
  it('records the request with its written copy, encrypted in its own rows, and a history of who did what', async () => {
    const { db, key, register, customer } = await withCustomer(RECEPTIONIST);
    const file = letterPdf('Maija Virtanen pyytää tietojaan', 5000);
    const request = await register.requests.create(
      requestDraft(customer, { attachment: pdfDraft(5000, 'C:\\Users\\kassa\\Skannaukset\\kirje.pdf'), identity: { state: 'verified', method: 'id_document', detail: 'ajokortti', verifiedAt: TODAY } }, TODAY),
      { ...WHEN, file },
    );
    expect(request).toMatchObject({
      type: 'access',
      status: 'received',
      customerId: customer.id,
      attachment: { fileName: 'kirje.pdf', mimeType: 'application/pdf', size: 5000 },
      identity: { state: 'verified', method: 'id_document', detail: 'ajokortti', verifiedBy: RECEPTIONIST.userId, verifiedAt: TODAY },
      createdBy: RECEPTIONIST.userId,
      createdAt: NOW,
    });
    expect(request.history.map((h) => [h.what, h.detail, h.by, h.at])).toEqual([
      ['recorded', 'access', RECEPTIONIST.userId, NOW],
      ['customer_linked', null, RECEPTIONIST.userId, NOW],
      ['identity_recorded', 'verified', RECEPTIONIST.userId, NOW],
      ['attachment_added', null, RECEPTIONIST.userId, NOW],
    ]);
    expect(await register.requests.readAttachment(request.id)).toEqual(file);
    expect(register.requests.attachmentInfo(request.id)).toMatchObject({ requestId: request.id, size: 5000, addedBy: RECEPTIONIST.userId });
    expect(register.requests.attachmentInfo(request.id)?.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(register.requests.forCustomer(customer.id)).toEqual([request]);

    // The bytes are one row of their own; the request's row stays small (lists never read the file).
    const bytesRows = await rowsOf(db, ATTACHMENT_BYTES_STORE);
    expect(bytesRows).toHaveLength(1);
    expect(bytesRows[0]!.ct.byteLength).toBeGreaterThan(5000);
    const requestRows = [...(await rowsOf(db, REQUEST_STORE)), ...(await rowsOf(db, `${REQUEST_STORE}.log`))];
    expect(Math.max(...requestRows.map((row) => row.ct.byteLength))).toBeLessThan(3000);
    // Encrypted: the letter's text is in no raw row.
    const raw = Buffer.concat((await db.pages.toArray()).map((row) => Buffer.from(row.ct)));
    expect(raw.includes(Buffer.from('Maija Virtanen'))).toBe(false);

    // A fresh unlock has all of it.
    await register.close();
    const { register: again } = await setup(OWNER, db, key);
    expect(again.requests.get(request.id)).toEqual(request);
    expect(await again.requests.readAttachment(request.id)).toEqual(file);
    await again.close();
  });

  it('accepts a file of exactly 10 MiB and refuses a larger one, an empty one, and one that is not what it says', async () => {
    const { db, register, customer } = await withCustomer(RECEPTIONIST);
    const big = letterPdf('iso', MAX_ATTACHMENT_BYTES);
    const request = await register.requests.create(requestDraft(customer, { attachment: pdfDraft(MAX_ATTACHMENT_BYTES) }, TODAY), { ...WHEN, file: big });
    expect((await register.requests.readAttachment(request.id)).byteLength).toBe(MAX_ATTACHMENT_BYTES);
    const disk = await pagesSnapshot(db);
    const refused = [
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(MAX_ATTACHMENT_BYTES + 1) }, TODAY), { ...WHEN, file: letterPdf('x', MAX_ATTACHMENT_BYTES + 1) }).catch(fieldErrors),
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(0) }, TODAY), { ...WHEN, file: new Uint8Array() }).catch(fieldErrors),
      // An HTML page named kirje.pdf
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(20) }, TODAY), { ...WHEN, file: new TextEncoder().encode('<html><script></html>') .slice(0, 20) }).catch(fieldErrors),
      // A PNG said to be a PDF
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(300) }, TODAY), { ...WHEN, file: photoPng(300) }).catch(fieldErrors),
      // The bytes are not the size the picker reported
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(400) }, TODAY), { ...WHEN, file: letterPdf('x', 401) }).catch(fieldErrors),
      // A file named in the draft but not given
      await register.requests.create(requestDraft(customer, { attachment: pdfDraft(400) }, TODAY), WHEN).catch(fieldErrors),
      await register.requests.create(requestDraft(customer, { attachment: { fileName: 'kirje.exe', mimeType: 'application/x-msdownload' as 'application/pdf', size: 10 } }, TODAY), { ...WHEN, file: letterPdf('x', 10) }).catch(fieldErrors),
    ];
    expect(refused).toEqual([
      [['attachment.size', 'file_too_large']],
      [['attachment.size', 'file_type_invalid']],
      [['attachment.mimeType', 'file_type_invalid']],
      [['attachment.mimeType', 'file_type_invalid']],
      [['attachment.size', 'file_type_invalid']],
      [['attachment', 'required']],
      [['attachment.mimeType', 'file_type_invalid']],
    ]);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(register.requests.count).toBe(1);
    await register.close();
  }, 60_000);

  it('validates the intake with the form’s codes and writes nothing for a bad one', async () => {
    const { db, register, customer } = await withCustomer(RECEPTIONIST);
    const disk = await pagesSnapshot(db);
    const errors = await register.requests
      .create({ ...requestDraft(customer, {}, TODAY), requesterName: ' ', receivedDate: '2026-11-21', identity: { state: 'not_needed', reason: '' } }, WHEN)
      .catch(fieldErrors);
    expect(errors).toEqual([
      ['requesterName', 'required'],
      ['receivedDate', 'date_in_future'],
      ['identity.reason', 'required'],
    ]);
    await expect(register.requests.create(requestDraft({ ...customer, id: 'no-such-customer' }, {}, TODAY), WHEN)).rejects.toBeInstanceOf(CustomerNotFoundError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(register.requests.values()).toEqual([]);
    await register.close();
  });

  it('lets the front desk correct the intake, link the customer, verify identity and replace the letter — the old file leaves no ciphertext', async () => {
    const { db, key, register, customer } = await withCustomer(RECEPTIONIST);
    const first = letterPdf('ensimmäinen kirje', 900);
    const request = await register.requests.create(requestDraft(null, { receivedDate: '2026-11-02', attachment: pdfDraft(900) }, TODAY), { ...WHEN, file: first });
    const oldRow = (await rowsOf(db, ATTACHMENT_BYTES_STORE))[0]!;
    const versions: number[] = [];
    const unsubscribe = register.requests.subscribe(() => versions.push(register.requests.version));

    await register.requests.update(request.id, { type: 'rectification', requesterName: 'Aino Mäkinen', requesterContact: 'aino@example.test', channel: 'letter', receivedDate: '2026-11-03', description: 'Osoite väärin' }, { ...WHEN, now: NOW + 1 });
    await register.requests.linkCustomer(request.id, customer.id, { now: NOW + 2 });
    await expect(register.requests.setIdentity(request.id, { state: 'verified', method: 'known_in_person', detail: '', verifiedAt: '2026-11-01' }, WHEN).catch(fieldErrors)).resolves.toEqual([['verifiedAt', 'date_before_received']]);
    await register.requests.setIdentity(request.id, { state: 'verified', method: 'known_in_person', detail: '', verifiedAt: '2026-11-04' }, { ...WHEN, now: NOW + 3 });
    const second = photoPng(1200);
    const replaced = await register.requests.attach(request.id, { fileName: 'kuva.png', mimeType: 'image/png', size: 1200 }, second, { now: NOW + 4 });
    unsubscribe();

    expect(replaced).toMatchObject({ type: 'rectification', requesterName: 'Aino Mäkinen', receivedDate: '2026-11-03', customerId: customer.id, attachment: { fileName: 'kuva.png', size: 1200 } });
    expect(replaced.history.map((h) => h.what).slice(-4)).toEqual(['details_changed', 'customer_linked', 'identity_recorded', 'attachment_added']);
    expect(versions).toHaveLength(4);
    expect(await register.requests.readAttachment(request.id)).toEqual(second);
    const rows = await rowsOf(db, ATTACHMENT_BYTES_STORE);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.ct).equals(Buffer.from(oldRow.ct))).toBe(false);
    expect((await decryptAll(db, key)).some((row) => row.plaintext.includes('ensimmäinen kirje'))).toBe(false);
    await register.close();
  });

  it('keeps the first request and its file when the write fails half-way (all or nothing)', async () => {
    const db = freshDatabase();
    const faults = injectWriteFaults(db);
    const { register, customer } = await (async () => {
      const opened = await setup(OWNER, db);
      return { ...opened, customer: await opened.register.customers.create(syntheticCustomer(2), NOW) };
    })();
    const request = await register.requests.create(requestDraft(customer, { attachment: pdfDraft(800) }, TODAY), { ...WHEN, file: letterPdf('a', 800) });
    const disk = await pagesSnapshot(db);
    faults.failNext((mutation) => mutation.type === 'put');
    await expect(register.requests.attach(request.id, pdfDraft(900), letterPdf('b', 900), WHEN)).rejects.toThrow('injected write failure');
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(register.requests.get(request.id)).toEqual(request);
    expect(await register.requests.readAttachment(request.id)).toEqual(letterPdf('a', 800));
    await register.close();
  });
});

describe('handling a request (owner)', () => {
  async function received(actor: Actor = OWNER) {
    const opened = await withCustomer(OWNER);
    const request = await opened.register.requests.create(requestDraft(opened.customer, { type: 'access', receivedDate: '2026-10-30' }, TODAY), WHEN);
    if (actor === OWNER) return { ...opened, request };
    await opened.register.close();
    return { ...(await setup(actor, opened.db, opened.key)), customer: opened.customer, request };
  }

  it('extends once, within the first month, and the deadline follows', async () => {
    const { db, register, request } = await received();
    // 30 October + 1 month = 30 November 2026 (a Monday).
    expect(firstDueDate(request.receivedDate)).toBe('2026-11-30');
    const late = await register.requests.extend(request.id, { reason: 'Laaja', notifiedDate: '2026-12-01', extraMonths: 2 }, { now: NOW, today: '2026-12-02' }).catch(fieldErrors);
    expect(late).toEqual([['notifiedDate', 'extension_notice_late']]);
    const disk = await pagesSnapshot(db);
    expect(await register.requests.extend(request.id, { reason: '', notifiedDate: TODAY }, WHEN).catch(fieldErrors)).toEqual([['reason', 'required']]);
    expect(await pagesSnapshot(db)).toEqual(disk);
    const extended = await register.requests.extend(request.id, { reason: 'Useita vuosia tietoja', notifiedDate: TODAY, extraMonths: 2 }, { ...WHEN, now: NOW + 1 });
    expect(extended.extension).toEqual({ reason: 'Useita vuosia tietoja', notifiedDate: TODAY, extraMonths: 2, newDueDate: '2027-02-01' });
    expect(requestDeadline(extended, TODAY)).toMatchObject({ dueDate: '2027-02-01', state: 'on_time' });
    expect(extended.history.at(-1)).toEqual({ at: NOW + 1, by: OWNER.userId, what: 'extended', detail: '2' });
    await expect(register.requests.extend(request.id, { reason: 'Toinen', notifiedDate: TODAY }, WHEN)).rejects.toEqual(new RequestStateError('already_extended'));
    await register.close();
  });

  it('moves through in progress to done with the reply’s date; a refusal carries its reasons; closed requests refuse further steps', async () => {
    const { register, request, customer } = await received();
    await register.requests.setStatus(request.id, 'in_progress', { now: NOW + 1 });
    expect(await register.requests.setStatus(request.id, 'done', WHEN).catch(fieldErrors)).toEqual([['replySentDate', 'required']]);
    expect(await register.requests.markReplySent(request.id, { replySentDate: '2026-10-29' }, WHEN).catch(fieldErrors)).toEqual([['replySentDate', 'date_before_received']]);
    const done = await register.requests.markReplySent(request.id, { replySentDate: TODAY }, { ...WHEN, now: NOW + 2 });
    expect(done).toMatchObject({ status: 'done', replySentDate: TODAY });
    expect(done.history.slice(-3).map((h) => [h.what, h.detail])).toEqual([
      ['status_changed', 'in_progress'],
      ['reply_sent', null],
      ['status_changed', 'done'],
    ]);
    await expect(register.requests.extend(request.id, { reason: 'x', notifiedDate: TODAY }, WHEN)).rejects.toEqual(new RequestStateError('request_closed'));
    await expect(register.requests.setIdentity(request.id, { state: 'pending' }, WHEN)).rejects.toEqual(new RequestStateError('request_closed'));
    await register.requests.markExported(request.id, 'pdf', { now: NOW + 3 });
    expect(register.requests.get(request.id)!.history.at(-1)).toMatchObject({ what: 'exported', detail: 'pdf' });

    const other = await register.requests.create(requestDraft(customer, { type: 'erasure' }, TODAY), WHEN);
    expect(await register.requests.refuse(other.id, { reason: 'x', complaintRightNotified: false, replySentDate: TODAY }, WHEN).catch(fieldErrors)).toEqual([['complaintRightNotified', 'required']]);
    const refused = await register.requests.refuse(other.id, { reason: 'Laskutustiedot on säilytettävä (KPL 2:10)', complaintRightNotified: true, replySentDate: TODAY }, WHEN);
    expect(refused).toMatchObject({ status: 'refused', refusal: { reason: 'Laskutustiedot on säilytettävä (KPL 2:10)', complaintRightNotified: true }, replySentDate: TODAY });
    // Reopening drops the refusal (the schema keeps the two together).
    const reopened = await register.requests.setStatus(other.id, 'in_progress', WHEN);
    expect(reopened).toMatchObject({ status: 'in_progress', refusal: null });
    await expect(register.requests.setStatus(other.id, 'refused' as 'done', WHEN)).rejects.toBeInstanceOf(RangeError);
    await expect(register.requests.extend('no-such-request', { reason: 'x', notifiedDate: TODAY }, WHEN)).rejects.toBeInstanceOf(NotFoundError);
    await register.close();
  });

  it('is refused to the receptionist, who may only take requests in; nothing changes', async () => {
    const { db, register, request, customer } = await received(RECEPTIONIST);
    await register.requests.create(requestDraft(customer, {}, TODAY), WHEN);
    await register.requests.setIdentity(request.id, { state: 'not_needed', reason: 'Tuttu asiakas' }, WHEN);
    await register.requests.attach(request.id, pdfDraft(500), letterPdf('skannaus', 500), WHEN);
    const disk = await pagesSnapshot(db);
    const attempts: Promise<unknown>[] = [
      register.requests.extend(request.id, { reason: 'x', notifiedDate: TODAY }, WHEN),
      register.requests.setStatus(request.id, 'in_progress', WHEN),
      register.requests.refuse(request.id, { reason: 'x', complaintRightNotified: true, replySentDate: TODAY }, WHEN),
      register.requests.markReplySent(request.id, { replySentDate: TODAY }, WHEN),
      register.requests.markExported(request.id, 'json', WHEN),
      register.requests.removeAttachment(request.id, WHEN),
      register.eraseCustomer(customer.id, { requestId: request.id }),
      register.disclosures.record({ recipientKind: 'other', recipientName: 'X', legalBasis: 'consent', legalBasisDetail: '', scope: 'x', customerIds: [customer.id], date: TODAY, reference: '', requestId: null }, WHEN),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(await pagesSnapshot(db)).toEqual(disk);
    await register.close();
  });

  it('removes the letter (owner) without a trace of its bytes, and says when there is none', async () => {
    const { db, key, register, request } = await received();
    await register.requests.attach(request.id, pdfDraft(700), letterPdf('poistettava kirje', 700), WHEN);
    const removed = await register.requests.removeAttachment(request.id, { now: NOW + 5 });
    expect(removed.attachment).toBeNull();
    expect(removed.history.at(-1)).toMatchObject({ what: 'attachment_removed', by: OWNER.userId, at: NOW + 5 });
    expect(await rowsOf(db, ATTACHMENT_BYTES_STORE)).toEqual([]);
    expect((await decryptAll(db, key)).filter((row) => row.store === ATTACHMENT_STORE || row.store === `${ATTACHMENT_STORE}.log`).map((row) => row.plaintext).join('')).not.toContain(request.id);
    await expect(register.requests.readAttachment(request.id)).rejects.toEqual(new RequestStateError('no_attachment'));
    await expect(register.requests.removeAttachment(request.id)).rejects.toEqual(new RequestStateError('no_attachment'));
    await register.close();
  });

  it('keeps the newest first and every step after a fresh unlock', async () => {
    const { db, key, register, customer } = await withCustomer();
    const made: GdprRequest[] = [];
    for (const [i, days] of [10, 2, 5].entries()) made.push(await register.requests.create(requestDraft(customer, { receivedDate: addDays(TODAY, -days) }, TODAY), { ...WHEN, now: NOW + i }));
    expect(register.requests.values().map((r) => r.id)).toEqual([made[1]!.id, made[2]!.id, made[0]!.id]);
    await register.requests.setStatus(made[0]!.id, 'in_progress', WHEN);
    const before = register.requests.values();
    await register.close();
    const { register: again } = await setup(OWNER, db, key);
    expect(again.requests.values()).toEqual(before);
    await again.close();
  });
});
