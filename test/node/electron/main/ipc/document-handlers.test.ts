import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AccessReportJsonSchema } from '../../../../../shared/documents/access-report';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import type { Channel, ChannelInput } from '../../../../../shared/ipc/contract';
import type { Result } from '../../../../../shared/ipc/result';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/schemas/gdpr-request';
import type { JournalEntry } from '../../../../../shared/schemas/journal';
import { silentLogger } from '../../../../../electron/main/logger';
import { createAllHandlers, createMainServices } from '../../../../../electron/main/ipc/register-all';
import type { DialogKind, Dialogs } from '../../../../../electron/main/services/dialogs';
import { JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { dateStamp } from '../../../../../electron/main/services/document-files';
import { createInProcessBridge, type InProcessBridge } from '../../../../support/ipc-bridge';
import { allText, readPdf } from '../../../shared/documents/pdf-text';
import {
  SAMPLE_NOW,
  sampleAppointment,
  sampleCustomer,
  samplePrivacyNotice,
  sampleReplyLetter,
  sampleReport,
  TINY_JPEG_BASE64,
  TINY_PNG_BASE64,
} from '../../helpers/document-samples';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The document channels (issue 7) through the REAL dispatcher, handlers, session, vault and
 * journal (in-process bridge), with real files behind the dialogs: what each channel writes (read
 * back: PDFs with pdfjs-dist, JSON against its schema), that a cancel or bad input writes
 * nothing, who may call what, and the attachment pick with real PDF, PNG and JPEG files.
 */
const OWNER_PASS = 'korppi-lumi-omena-puhelin';
const DESK_PASS = 'kerta-kaytto-sana-2026';
const SLOW = 60_000;
const tempDir = useTempDirs();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}
const call = <C extends Channel>(bridge: InProcessBridge, channel: C, input: ChannelInput<C>) => bridge.api.invoke(channel, input);

interface World {
  bridge: InProcessBridge;
  dir: string;
  out: string;
  ownerId: string;
  receptionistId: string;
}

/** An owner signed in, a receptionist who exists, and an empty folder for the dialogs to answer with. */
async function world(): Promise<World> {
  const dir = await tempDir();
  const out = await tempDir();
  const bridge = createInProcessBridge({ userDataDir: dir, origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT, now: () => SAMPLE_NOW });
  const created = value(await call(bridge, 'vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS }));
  const desk = value(await call(bridge, 'users.add', { name: 'Riikka Vastaanotto', oneTimePassphrase: DESK_PASS }));
  return { bridge, dir, out, ownerId: created.session.user.id, receptionistId: desk.id };
}

async function journal(dir: string): Promise<JournalEntry[]> {
  const text = await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalEntry);
}

const exportsIn = async (dir: string) => (await journal(dir)).filter((entry) => entry.action === 'export.created');

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const mode = async (file: string) => (await stat(file)).mode & 0o777;
const pdfTextOf = async (file: string) => allText(await readPdf(new Uint8Array(await readFile(file))));

const FI_HEADINGS = [
  'Selvitys henkilötiedoistasi',
  'Rekisterinpitäjä',
  'Asiakastietosi',
  'Suostumukset ja niiden historia',
  'Ajanvaraukset',
  'Tietosuojapyynnöt',
  'Tietojen luovutukset',
  'Käsittelyn tarkoitukset',
  'Käsiteltävät henkilötietoryhmät',
  'Vastaanottajat, joille tietoja on luovutettu tai voidaan luovuttaa',
  'Säilytysaika',
  'Mistä tiedot on saatu',
  'Oikeutesi: oikaisu, poistaminen, rajoittaminen ja vastustaminen',
  'Oikeus tehdä valitus valvontaviranomaiselle',
];

describe('documents.saveAccessReport', () => {
  it(
    'writes one person’s PDF through the save dialog: Finnish Art. 15 headings, their data exactly (DejaVu embedded), nobody else’s; journaled by id',
    async () => {
      const w = await world();
      const person = sampleCustomer(1, { firstName: 'Ольга', createdBy: w.ownerId });
      const other = sampleCustomer(2);
      const target = path.join(w.out, 'selvitys.pdf');
      w.bridge.setDialogAnswer('saveFile', target);
      const report = sampleReport(person, { appointments: [sampleAppointment(person.id, 1), sampleAppointment(other.id, 5)] });
      expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'pdf', reports: [report] }))).toEqual({ status: 'ok', fileCount: 1 });

      expect(await filesUnder(w.out)).toEqual(['selvitys.pdf']);
      expect(await mode(target)).toBe(0o600);
      const text = await pdfTextOf(target);
      for (const heading of FI_HEADINGS) expect(text, heading).toContain(heading);
      // Outside WinAnsi: printed as written only because main embeds DejaVu Sans.
      for (const fact of ['Ольга', person.lastName, person.email, person.street, 'Hiustenleikkaus 1', 'Varaamo Testi Oy', 'Kauneushoitola Sävy']) {
        expect(text, fact).toContain(fact);
      }
      expect(text).not.toContain(other.id);
      expect(text).not.toContain('Hiustenleikkaus 5');
      // "Added by": the vault's user name stands in for the id; an id the vault does not know stays.
      expect(text).toContain('Lisääjä Olga Omistaja');
      expect(text).toContain('user-gone');
      const entries = await exportsIn(w.dir);
      expect(entries).toEqual([expect.objectContaining({ userId: w.ownerId, recordId: person.id, detail: 'access-report-pdf' })]);
    },
    SLOW,
  );

  it('writes the JSON copy: the documented structure, every stored field of the person, no value of another', async () => {
    const w = await world();
    const person = sampleCustomer(3, { healthNotes: 'Allergia: PPD', someFutureField: 'kept as stored' } as never);
    const other = sampleCustomer(4);
    const target = path.join(w.out, 'selvitys.json');
    w.bridge.setDialogAnswer('saveFile', target);
    const report = sampleReport(person, { appointments: [sampleAppointment(person.id, 1), sampleAppointment(other.id, 1)], language: 'en' });
    expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'json', reports: [report] }))).toEqual({ status: 'ok', fileCount: 1 });

    expect(await mode(target)).toBe(0o600);
    const text = await readFile(target, 'utf8');
    const json = AccessReportJsonSchema.parse(JSON.parse(text));
    expect(json.language).toBe('en');
    expect(json.generatedAt).toBe(new Date(SAMPLE_NOW).toISOString());
    expect((JSON.parse(text) as { customer: unknown }).customer).toEqual(person);
    expect(json.appointments.map((a) => a.id)).toEqual([`appointment-${person.id}-1`]);
    for (const foreign of [other.id, other.firstName, other.lastName, other.email, other.phone, other.street]) expect(text).not.toContain(foreign);
    expect(json.information.complaint.heading).toBe('Right to lodge a complaint with the supervisory authority');
    expect(await exportsIn(w.dir)).toEqual([expect.objectContaining({ recordId: person.id, detail: 'access-report-json' })]);
  });

  it(
    '"both" writes the PDF and the JSON into a new folder inside the chosen one, both 0600',
    async () => {
      const w = await world();
      const person = sampleCustomer(5);
      w.bridge.setDialogAnswer('exportFolder', w.out);
      expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'both', reports: [sampleReport(person)] }))).toEqual({ status: 'ok', fileCount: 2 });
      const folder = `kirjuri-access-report-${dateStamp(SAMPLE_NOW)}`;
      expect(await filesUnder(w.out)).toEqual([path.join(folder, `access-report-${person.id}.json`), path.join(folder, `access-report-${person.id}.pdf`)]);
      for (const file of await filesUnder(w.out)) expect(await mode(path.join(w.out, file))).toBe(0o600);
      expect(await pdfTextOf(path.join(w.out, folder, `access-report-${person.id}.pdf`))).toContain(person.lastName);
      expect((await exportsIn(w.dir)).map((entry) => entry.detail)).toEqual(['access-report-pdf', 'access-report-json']);
    },
    SLOW,
  );

  it(
    'an authority’s request: one PDF and one JSON per person, each in that person’s language and holding only them',
    async () => {
      const w = await world();
      const people = [sampleCustomer(6), sampleCustomer(7, { language: 'sv' }), sampleCustomer(8, { language: 'en' })];
      w.bridge.setDialogAnswer('exportFolder', w.out);
      const reports = people.map((person) => sampleReport(person));
      expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'both', reports }))).toEqual({ status: 'ok', fileCount: 6 });
      const folder = path.join(w.out, `kirjuri-access-reports-${dateStamp(SAMPLE_NOW)}`);
      expect((await readdir(folder)).sort()).toEqual(people.flatMap((p) => [`access-report-${p.id}.json`, `access-report-${p.id}.pdf`]).sort());
      const titles = { fi: 'Selvitys henkilötiedoistasi', sv: 'Redogörelse för dina personuppgifter', en: 'Report of your personal data' };
      for (const person of people) {
        const pdf = await pdfTextOf(path.join(folder, `access-report-${person.id}.pdf`));
        const json = await readFile(path.join(folder, `access-report-${person.id}.json`), 'utf8');
        expect(pdf).toContain(titles[person.language]);
        expect(pdf).toContain(person.lastName);
        for (const someoneElse of people.filter((p) => p !== person)) {
          expect(pdf).not.toContain(someoneElse.lastName);
          expect(json).not.toContain(someoneElse.lastName);
        }
      }
      const entries = await exportsIn(w.dir);
      expect(entries).toHaveLength(6);
      expect(new Set(entries.map((entry) => entry.recordId))).toEqual(new Set(people.map((p) => p.id)));
    },
    SLOW,
  );

  it('a cancelled dialog writes nothing and journals nothing', async () => {
    const w = await world();
    // No dialog answer set: every dialog is cancelled.
    expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'pdf', reports: [sampleReport(sampleCustomer(9))] }))).toEqual({ status: 'cancelled' });
    expect(value(await call(w.bridge, 'documents.saveAccessReport', { format: 'both', reports: [sampleReport(sampleCustomer(9))] }))).toEqual({ status: 'cancelled' });
    expect(await filesUnder(w.out)).toEqual([]);
    expect(await exportsIn(w.dir)).toEqual([]);
  });

  it('refuses bad input with invalid_request before any dialog: no file, no journal entry', async () => {
    const w = await world();
    w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'x.pdf'));
    w.bridge.setDialogAnswer('exportFolder', w.out);
    const good = sampleReport(sampleCustomer(10));
    const bad: unknown[] = [
      { format: 'pdf', reports: [] },
      { format: 'docx', reports: [good] },
      { format: 'pdf', reports: [good], path: '/etc/passwd' },
      { format: 'pdf', reports: [{ ...good, extra: 1 }] },
      { format: 'pdf', reports: [{ ...good, customer: 'Ilona' }] },
      { format: 'pdf', reports: [{ ...good, customer: { ...good.customer, language: 'de' } }] },
      { format: 'pdf', reports: [{ ...good, customer: { ...good.customer, consents: [{ kind: 'marketing_email' }] } }] },
      { format: 'pdf', reports: [{ ...good, appointments: [{ id: 'a' }] }] },
      { format: 'pdf', reports: [{ ...good, business: { ...good.business, businessId: '1234567-2' } }] },
      { format: 'pdf', reports: [{ ...good, business: { ...good.business, privacyEmail: '', privacyPhone: '' } }] },
      { format: 'pdf', reports: [{ ...good, requests: [{ type: 'access', receivedDate: '2026-02-30', status: 'done', replySentDate: null }] }] },
      { format: 'pdf', reports: [{ ...good, reviewAfterMonths: 0 }] },
      { format: 'both', reports: [good, good] },
    ];
    for (const payload of bad) {
      expect(await w.bridge.dispatch('documents.saveAccessReport', payload), JSON.stringify(payload).slice(0, 120)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(await filesUnder(w.out)).toEqual([]);
    expect(await exportsIn(w.dir)).toEqual([]);
  });
});

describe('documents.savePrivacyNotice and its preview', () => {
  it(
    'writes the numbered Finnish notice as PDF, and as a standalone HTML page; journals the version',
    async () => {
      const w = await world();
      const pdfPath = path.join(w.out, 'seloste.pdf');
      w.bridge.setDialogAnswer('saveFile', pdfPath);
      expect(value(await call(w.bridge, 'documents.savePrivacyNotice', { ...samplePrivacyNotice(), format: 'pdf' }))).toEqual({ status: 'ok', fileCount: 1 });
      const pdf = await readPdf(new Uint8Array(await readFile(pdfPath)));
      const first = pdf.pages[0]!.join(' ');
      expect(first).toContain('Rekisteri- ja tietosuojaseloste');
      expect(first).toContain('1. Rekisterinpitäjä ja yhteyshenkilö');
      expect(allText(pdf)).toContain('13. Pyyntöjen tekeminen ja vastausaika');
      expect(allText(pdf)).toContain('versio 3 · päivitetty 25.11.2026');
      expect(pdf.info.Title).toBe('Rekisteri- ja tietosuojaseloste');
      expect(await mode(pdfPath)).toBe(0o600);

      const htmlPath = path.join(w.out, 'seloste.html');
      w.bridge.setDialogAnswer('saveFile', htmlPath);
      const business = { ...samplePrivacyNotice().business, name: 'Sävy <script>alert(1)</script>' };
      expect(value(await call(w.bridge, 'documents.savePrivacyNotice', { ...samplePrivacyNotice(), business, language: 'sv', format: 'html' }))).toEqual({
        status: 'ok',
        fileCount: 1,
      });
      const html = await readFile(htmlPath, 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<html lang="sv">');
      expect(html).toContain('<title>Register- och dataskyddsbeskrivning</title>');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');

      expect((await exportsIn(w.dir)).map((e) => [e.recordId, e.detail])).toEqual([
        ['privacy-notice-v3', 'privacy-notice-pdf'],
        ['privacy-notice-v3', 'privacy-notice-html'],
      ]);
    },
    SLOW,
  );

  it('refuses a bad notice (version 0, impossible date, unknown language, bad business) and writes nothing', async () => {
    const w = await world();
    w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'seloste.pdf'));
    const good = { ...samplePrivacyNotice(), format: 'pdf' };
    for (const payload of [
      { ...good, version: 0 },
      { ...good, date: '2026-13-01' },
      { ...good, language: 'de' },
      { ...good, format: 'docx' },
      { ...good, business: { ...good.business, name: '' } },
      { ...good, business: null },
    ]) {
      expect(await w.bridge.dispatch('documents.savePrivacyNotice', payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(await w.bridge.dispatch('documents.renderPrivacyNoticePreview', { ...payload, format: undefined })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(await filesUnder(w.out)).toEqual([]);
    expect(await exportsIn(w.dir)).toEqual([]);
  });

  it('previews the notice as its model and plain text lines, writing and journaling nothing', async () => {
    const w = await world();
    const preview = value(await call(w.bridge, 'documents.renderPrivacyNoticePreview', { ...samplePrivacyNotice(), language: 'en' }));
    expect(preview.model.title).toBe('Register and privacy notice');
    expect(preview.lines[0]).toBe('Register and privacy notice');
    expect(preview.lines).toContain('1. Controller and contact person');
    expect(preview.lines.join('\n')).toContain('Kauneushoitola Sävy');
    expect(await filesUnder(w.out)).toEqual([]);
    expect(await exportsIn(w.dir)).toEqual([]);
  });
});

describe('documents.saveReplyLetter', () => {
  it(
    'writes the letter as PDF with the outcome and the right to complain; the journal names the request id only',
    async () => {
      const w = await world();
      const target = path.join(w.out, 'vastaus.pdf');
      w.bridge.setDialogAnswer('saveFile', target);
      expect(value(await call(w.bridge, 'documents.saveReplyLetter', sampleReplyLetter()))).toEqual({ status: 'ok', fileCount: 1 });
      const text = await pdfTextOf(target);
      for (const fact of ['Vastaus pyyntöösi', 'Hyvä Kerttu Kirjoittaja', 'Kirjekuja 9', 'Kirjanpitolaki velvoittaa', 'Tietosuojavaltuutetun toimistolle', 'Olga Omistaja', 'request-7']) {
        expect(text, fact).toContain(fact);
      }
      expect(await mode(target)).toBe(0o600);
      expect(await exportsIn(w.dir)).toEqual([expect.objectContaining({ userId: w.ownerId, recordId: 'request-7', detail: 'reply-letter-pdf' })]);
    },
    SLOW,
  );

  it('refuses a letter without a reason for a refusal, or with a name-like journal id, and writes nothing', async () => {
    const w = await world();
    w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'vastaus.pdf'));
    const good = sampleReplyLetter();
    for (const payload of [
      { ...good, outcome: { kind: 'refused', reason: '   ' } },
      { ...good, outcome: { kind: 'maybe' } },
      { ...good, request: { ...good.request, requesterName: '' } },
      { ...good, request: { ...good.request, type: 'complaint' } },
      { ...good, requestId: 'Kerttu Kirjoittaja' },
      { ...good, date: 'huomenna' },
    ]) {
      expect(await w.bridge.dispatch('documents.saveReplyLetter', payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await filesUnder(w.out)).toEqual([]);
  });
});

describe('who may make documents', () => {
  it('a receptionist is refused every document channel (forbidden, one access.denied each) but may pick an attachment', async () => {
    const w = await world();
    value(await call(w.bridge, 'session.signOut', { reason: 'manual' }));
    value(await call(w.bridge, 'session.signIn', { userId: w.receptionistId, passphrase: DESK_PASS }));
    w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'x.pdf'));
    w.bridge.setDialogAnswer('exportFolder', w.out);
    const before = (await journal(w.dir)).length;
    const attempts = [
      call(w.bridge, 'documents.saveAccessReport', { format: 'both', reports: [sampleReport(sampleCustomer(11))] }),
      call(w.bridge, 'documents.savePrivacyNotice', { ...samplePrivacyNotice(), format: 'pdf' }),
      call(w.bridge, 'documents.renderPrivacyNoticePreview', samplePrivacyNotice()),
      call(w.bridge, 'documents.saveReplyLetter', sampleReplyLetter()),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await filesUnder(w.out)).toEqual([]);
    const after = (await journal(w.dir)).slice(before);
    expect(after.map((entry) => [entry.action, entry.detail]).sort()).toEqual(
      [
        ['access.denied', 'documents.renderPrivacyNoticePreview'],
        ['access.denied', 'documents.saveAccessReport'],
        ['access.denied', 'documents.savePrivacyNotice'],
        ['access.denied', 'documents.saveReplyLetter'],
      ].sort(),
    );

    const scan = path.join(w.out, 'kirje.png');
    await writeFile(scan, Buffer.from(TINY_PNG_BASE64, 'base64'));
    w.bridge.setDialogAnswer('attachmentFile', scan);
    expect(value(await call(w.bridge, 'requests.pickAttachment', undefined))).toMatchObject({ status: 'ok', mimeType: 'image/png' });
  });

  it('nobody signed in: the attachment pick is refused with not_signed_in, before any dialog', async () => {
    const w = await world();
    value(await call(w.bridge, 'session.signOut', { reason: 'manual' }));
    expect(await call(w.bridge, 'requests.pickAttachment', undefined)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});

describe('requests.pickAttachment', () => {
  async function realPdf(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawText('Pyydän tietojeni poistamista.', { x: 10, y: 100, size: 8 });
    return doc.save();
  }

  it('hands over a real PDF, PNG and JPEG: base name, sniffed type, size and the exact bytes; journals nothing', async () => {
    const w = await world();
    const files: [string, Uint8Array, string][] = [
      ['Pyyntö 2026-11-10.pdf', await realPdf(), 'application/pdf'],
      ['kirje.PNG', new Uint8Array(Buffer.from(TINY_PNG_BASE64, 'base64')), 'image/png'],
      ['valokuva.jpeg', new Uint8Array(Buffer.from(TINY_JPEG_BASE64, 'base64')), 'image/jpeg'],
      ['IMG_0042.jpg', new Uint8Array(Buffer.from(TINY_JPEG_BASE64, 'base64')), 'image/jpeg'],
    ];
    // The fixtures are the real thing: pdf-lib parses and embeds both images.
    const check = await PDFDocument.create();
    await check.embedPng(files[1]![1]);
    await check.embedJpg(files[2]![1]);
    const before = (await journal(w.dir)).length;
    for (const [name, bytes, mimeType] of files) {
      const file = path.join(w.out, name);
      await writeFile(file, bytes);
      w.bridge.setDialogAnswer('attachmentFile', file);
      const picked = value(await call(w.bridge, 'requests.pickAttachment', undefined));
      expect(picked).toEqual({ status: 'ok', fileName: name, mimeType, size: bytes.length, bytesBase64: Buffer.from(bytes).toString('base64') });
    }
    expect((await journal(w.dir)).length).toBe(before);
  });

  it('refuses what is not what its name says (type_invalid), too big (too_large) or not readable (unreadable)', async () => {
    const w = await world();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    const cases: [string, Uint8Array | 'folder' | 'missing', string][] = [
      ['kirje.pdf', new TextEncoder().encode('Hei, poistakaa tietoni. T. Kerttu'), 'type_invalid'],
      ['kuva.jpg', png, 'type_invalid'],
      ['kirje.html', new TextEncoder().encode('%PDF-1.7 but really a page'), 'type_invalid'],
      ['ohjelma.exe', await realPdf(), 'type_invalid'],
      ['tyhja.pdf', new Uint8Array(0), 'type_invalid'],
      ['lyhyt.png', png.subarray(0, 4), 'type_invalid'],
      ['iso.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - 9)]), 'too_large'],
      ['kansio.pdf', 'folder', 'unreadable'],
      ['poissa.pdf', 'missing', 'unreadable'],
    ];
    for (const [name, content, problem] of cases) {
      const file = path.join(w.out, name);
      if (content === 'folder') await mkdir(file);
      else if (content !== 'missing') await writeFile(file, content);
      w.bridge.setDialogAnswer('attachmentFile', file);
      expect(value(await call(w.bridge, 'requests.pickAttachment', undefined)), name).toEqual({ status: 'failed', problem });
    }
  });

  it('takes a file of exactly 10 MiB across both contract checks', async () => {
    const w = await world();
    const file = path.join(w.out, 'skannaus.pdf');
    await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES - 9, 0x20)]));
    w.bridge.setDialogAnswer('attachmentFile', file);
    const picked = value(await call(w.bridge, 'requests.pickAttachment', undefined));
    expect(picked).toMatchObject({ status: 'ok', size: MAX_ATTACHMENT_BYTES, mimeType: 'application/pdf' });
  });

  it('a cancelled dialog is "cancelled"', async () => {
    const w = await world();
    expect(value(await call(w.bridge, 'requests.pickAttachment', undefined))).toEqual({ status: 'cancelled' });
  });
});

describe('the journal of document exports', () => {
  it(
    'holds ids and kinds only: no name, contact, address, note or letter text of anyone',
    async () => {
      const w = await world();
      const person = sampleCustomer(12);
      w.bridge.setDialogAnswer('exportFolder', w.out);
      value(await call(w.bridge, 'documents.saveAccessReport', { format: 'both', reports: [sampleReport(person)] }));
      w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'seloste.html'));
      value(await call(w.bridge, 'documents.savePrivacyNotice', { ...samplePrivacyNotice(), format: 'html' }));
      w.bridge.setDialogAnswer('saveFile', path.join(w.out, 'vastaus.pdf'));
      value(await call(w.bridge, 'documents.saveReplyLetter', sampleReplyLetter()));
      const letter = sampleReplyLetter();
      const text = await readFile(path.join(w.dir, JOURNAL_FILE_NAME), 'utf8');
      for (const secret of [
        person.firstName,
        person.lastName,
        person.email,
        person.phone,
        person.street,
        person.notes,
        letter.request.requesterName,
        'Kirjekuja',
        'Kirjanpitolaki',
        'Kauneushoitola',
        'tietosuoja@example.test',
        w.out,
      ]) {
        expect(text, secret).not.toContain(secret);
      }
      const details = (await exportsIn(w.dir)).map((entry) => entry.detail);
      expect(details).toEqual(['access-report-pdf', 'access-report-json', 'privacy-notice-html', 'reply-letter-pdf']);
    },
    SLOW,
  );
});

describe('document handlers called directly (no dispatcher)', () => {
  async function direct() {
    const asked: { kind: DialogKind; suggestedName: string | undefined }[] = [];
    const dialogs: Dialogs = {
      choose(kind, suggestedName) {
        asked.push({ kind, suggestedName });
        return Promise.resolve(null);
      },
    };
    const services = createMainServices({ userDataDir: await tempDir(), logger: silentLogger, kdf: PBKDF2_DEFAULT, now: () => SAMPLE_NOW, dialogs });
    const handlers = createAllHandlers({ version: 't', platform: 'linux', isPackaged: false, expectedOrigin: APP_ORIGIN }, services);
    return { asked, services, handlers };
  }

  it('suggests file names made of kind, date and version only, never of the person', async () => {
    const { asked, services, handlers } = await direct();
    await services.sessions.createVault({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS });
    const person = sampleCustomer(13);
    expect(await handlers['documents.saveAccessReport']({ format: 'json', reports: [sampleReport(person)] })).toEqual({ status: 'cancelled' });
    expect(await handlers['documents.saveAccessReport']({ format: 'pdf', reports: [sampleReport(person), sampleReport(sampleCustomer(14))] })).toEqual({ status: 'cancelled' });
    expect(await handlers['documents.savePrivacyNotice']({ ...samplePrivacyNotice(), format: 'pdf' })).toEqual({ status: 'cancelled' });
    expect(await handlers['documents.saveReplyLetter'](sampleReplyLetter())).toEqual({ status: 'cancelled' });
    expect(asked).toEqual([
      { kind: 'saveFile', suggestedName: `kirjuri-access-report-${dateStamp(SAMPLE_NOW)}.json` },
      { kind: 'exportFolder', suggestedName: undefined },
      { kind: 'saveFile', suggestedName: 'kirjuri-privacy-notice-v3-fi.pdf' },
      { kind: 'saveFile', suggestedName: `kirjuri-reply-letter-${dateStamp(SAMPLE_NOW)}.pdf` },
    ]);
  });

  it('checks the role and the input itself, before any dialog', async () => {
    const { asked, services, handlers } = await direct();
    const input = { format: 'pdf' as const, reports: [sampleReport(sampleCustomer(15))] };
    await expect(handlers['documents.saveAccessReport'](input)).rejects.toMatchObject({ code: 'not_signed_in' });
    await expect(handlers['requests.pickAttachment'](undefined)).rejects.toMatchObject({ code: 'not_signed_in' });
    await services.sessions.createVault({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASS });
    const broken = { ...input, reports: [{ ...input.reports[0]!, customer: { ...input.reports[0]!.customer, id: '' } }] };
    await expect(handlers['documents.saveAccessReport'](broken)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(asked).toEqual([]);
  });
});
