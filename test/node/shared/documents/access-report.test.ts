import { describe, expect, it } from 'vitest';
import {
  ACCESS_REPORT_FORMAT,
  AccessReportJsonSchema,
  accessReportJson,
  accessReportJsonText,
  accessReportModel,
  accessReportPdf,
  customerFieldLabels,
  disclosuresForReport,
  requestsForReport,
  type AccessReportInput,
} from '../../../../shared/documents/access-report';
import type { DocumentDisclosure, DocumentRequest } from '../../../../shared/documents/labels';
import { modelText, type DocumentLanguage } from '../../../../shared/documents/model';
import { demoRegister } from '../../../../shared/domain/demo-data';
import type { Appointment } from '../../../../shared/schemas/appointment';
import { CustomerSchema, type Customer } from '../../../../shared/schemas/customer';
import { storedDisclosure, storedRequest, syntheticBusiness } from './fixtures';
import { allText, readPdf } from './pdf-text';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const DAY = 24 * 60 * 60 * 1000;
const CHOSEN = 17;

/** 50 synthetic customers with 5 appointments each; customer 17 gets a full history to report. */
function register() {
  const { customers, appointments } = demoRegister({ customers: 50, appointmentsPerCustomer: 5, now: NOW, seed: 4 });
  const base = customers[CHOSEN]!;
  const chosen: Customer = {
    ...base,
    lastName: 'Öhman-Åberg',
    street: 'Kirkkokatu 7 A 3',
    postalCode: '00170',
    city: 'Helsinki',
    source: 'booking_system',
    sourceDetail: 'Varaamo Testi Oy',
    legalBasis: 'consent',
    notes: 'Toivoo hiljaista aikaa. Ei hajusteita.',
    healthNotes: 'Allergia: parafenyleenidiamiini (PPD) – herkkyystesti 2025.',
    consents: [
      { id: 'consent-a', kind: 'marketing_email', givenAt: NOW - 400 * DAY, method: 'signed_form', recordedBy: 'user-owner', noticeVersion: 2, scope: '', expiresAt: null, withdrawnAt: NOW - 30 * DAY, withdrawnBy: 'user-desk' },
      { id: 'consent-b', kind: 'publication', givenAt: NOW - 100 * DAY, method: 'in_person', recordedBy: 'user-desk', noticeVersion: 3, scope: 'Ennen ja jälkeen -kuvat salongin Instagramissa', expiresAt: NOW + 265 * DAY, withdrawnAt: null, withdrawnBy: null },
      { id: 'consent-c', kind: 'health_data', givenAt: NOW - 90 * DAY, method: 'signed_form', recordedBy: 'user-owner', noticeVersion: 3, scope: '', expiresAt: null, withdrawnAt: null, withdrawnBy: null },
    ],
    createdBy: 'user-owner',
    updatedAt: NOW - 30 * DAY,
    updatedBy: 'user-desk',
  };
  customers[CHOSEN] = chosen;
  // One appointment with more history: moved, then completed.
  const index = appointments.findIndex((a) => a.customerId === chosen.id);
  const first = appointments[index]!;
  appointments[index] = {
    ...first,
    notes: 'Asiakas toivoi lisäaikaa föönaukseen.',
    status: 'completed',
    history: [
      ...first.history,
      { at: first.createdAt + DAY, by: 'user-desk', kind: 'rescheduled', from: String(first.start - 2 * 60 * 60 * 1000), to: String(first.start) },
      { at: first.start + 60 * 60 * 1000, by: 'user-owner', kind: 'status_changed', from: 'booked', to: 'completed' },
    ],
  };
  return { customers, appointments, chosen };
}

const requests: DocumentRequest[] = [
  { type: 'access', receivedDate: '2026-11-10', status: 'in_progress', replySentDate: null, dueDate: '2026-12-10' },
  { type: 'consent_withdrawal', receivedDate: '2026-10-26', status: 'done', replySentDate: '2026-10-27' },
];
const disclosures: DocumentDisclosure[] = [{ recipient: 'Helsingin poliisilaitos', date: '2026-06-02', scope: 'Ajanvaraukset 1.–31.5.2026', legalBasis: 'Poliisilaki 4 luku 3 §', reference: 'PL-2026-0042' }];

function reportInput(language?: DocumentLanguage): { input: AccessReportInput; others: Customer[]; othersAppointments: Appointment[]; mine: Appointment[] } {
  const { customers, appointments, chosen } = register();
  return {
    input: {
      customer: chosen,
      // Everyone's appointments go in: the report must pick the person's own.
      appointments,
      requests,
      disclosures,
      business: syntheticBusiness(),
      reviewAfterMonths: 36,
      healthNotesEnabled: true,
      generatedAt: NOW,
      userNames: { 'user-owner': 'Omistaja Testi', 'user-desk': 'Vastaanotto Testi' },
      ...(language ? { language } : {}),
    },
    others: customers.filter((c) => c.id !== chosen.id),
    othersAppointments: appointments.filter((a) => a.customerId !== chosen.id),
    mine: appointments.filter((a) => a.customerId === chosen.id).sort((a, b) => a.start - b.start),
  };
}

/** Every leaf (string, number, boolean, null) of a value with its path. */
function leaves(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, `${path}.${key}`));
  return [[path, value]];
}

describe('access report JSON', () => {
  it('matches its documented schema and holds every stored field of the person, as stored', () => {
    const { input, mine } = reportInput();
    const json = JSON.parse(accessReportJsonText(input)) as unknown;
    const parsed = AccessReportJsonSchema.parse(json);
    expect(parsed.format).toBe(ACCESS_REPORT_FORMAT);
    expect(parsed.generatedAt).toBe('2026-11-25T10:00:00.000Z');
    // Field for field: every leaf of the record and of each appointment is at the same path.
    const record = json as { customer: unknown; appointments: unknown };
    for (const [path, value] of leaves(input.customer, '$.customer')) expect(leaves(record.customer, '$.customer')).toContainEqual([path, value]);
    expect(record.customer).toEqual(input.customer);
    expect(record.appointments).toEqual(mine);
    expect(mine).toHaveLength(5);
    expect(Object.keys(record.customer as object).sort()).toEqual(Object.keys(CustomerSchema.shape).sort());
    expect(parsed.requests).toEqual(requests);
    expect(parsed.disclosures).toEqual(disclosures);
    expect(parsed.customer.consents.map((c) => c.id)).toEqual(['consent-a', 'consent-b', 'consent-c']);
  });

  it('contains no value of any other customer (of 50)', () => {
    const { input, others, othersAppointments, mine } = reportInput();
    const text = accessReportJsonText(input);
    const reportLeaves = new Set(leaves(JSON.parse(text)).map(([, value]) => JSON.stringify(value)));
    const ownLeaves = new Set([...leaves(input.customer), ...leaves(mine)].map(([, value]) => JSON.stringify(value)));
    let checked = 0;
    for (const [path, value] of [...leaves(others), ...leaves(othersAppointments)]) {
      const key = JSON.stringify(value);
      // A value that is also the person's own (same city, same staff member, same service) is theirs too.
      if (ownLeaves.has(key) || value === '' || value === null) continue;
      checked += 1;
      expect(reportLeaves.has(key), `${path} = ${key}`).toBe(false);
    }
    expect(checked).toBeGreaterThan(1000);
    // And no other person's identifying values appear anywhere in the text, even inside a string.
    for (const other of others) {
      for (const value of [other.id, other.email, other.phone].filter((v) => v !== '')) expect(text).not.toContain(value);
    }
    for (const appointment of othersAppointments) expect(text).not.toContain(appointment.id);
  });

  it('carries the Art. 15(1) information from the business settings', () => {
    const { input } = reportInput('en');
    const json = accessReportJson(input);
    expect(json.language).toBe('en');
    expect(json.controller).toEqual({ ...input.business });
    const info = JSON.stringify(json.information);
    for (const needle of ['contacting customers', 'Office of the Data Protection Ombudsman', 'tietosuoja.fi', 'for 3 years', 'Right to rectification', 'Right to erasure', 'Right to restriction', 'object to direct marketing', 'authorities']) {
      expect(info).toContain(needle);
    }
    expect(Object.keys(json.information)).toEqual(expect.arrayContaining(['purposes', 'categories', 'recipients', 'retention', 'sources', 'rights', 'complaint']));
  });

  it('keeps only the documented request and disclosure fields', () => {
    const { input } = reportInput();
    const richer = { ...requests[0]!, requesterName: 'Joku Muu', internalNote: 'ei raporttiin' } as DocumentRequest;
    const json = accessReportJsonText({ ...input, requests: [richer] });
    expect(json).not.toContain('Joku Muu');
    expect(json).not.toContain('ei raporttiin');
  });
});

/** The Art. 15 headings and record headings each language must print, written out here. */
const HEADINGS: Record<DocumentLanguage, string[]> = {
  fi: [
    'Selvitys henkilötiedoistasi',
    'Rekisterinpitäjä',
    'Asiakastietosi',
    'Suostumukset ja niiden historia',
    'Ajanvaraukset',
    'Tietosuojapyynnöt',
    'Tietojen luovutukset',
    'Tietoja käsittelystä (tietosuoja-asetuksen 15 artikla)',
    'Käsittelyn tarkoitukset',
    'Käsiteltävät henkilötietoryhmät',
    'Vastaanottajat, joille tietoja on luovutettu tai voidaan luovuttaa',
    'Säilytysaika',
    'Mistä tiedot on saatu',
    'Oikeutesi: oikaisu, poistaminen, rajoittaminen ja vastustaminen',
    'Oikeus tehdä valitus valvontaviranomaiselle',
  ],
  sv: [
    'Redogörelse för dina personuppgifter',
    'Personuppgiftsansvarig',
    'Dina kunduppgifter',
    'Samtycken och deras historik',
    'Tidsbokningar',
    'Begäranden om dataskydd',
    'Utlämnanden av uppgifter',
    'Information om behandlingen (artikel 15 i dataskyddsförordningen)',
    'Ändamålen med behandlingen',
    'Kategorier av personuppgifter som behandlas',
    'Mottagare som uppgifterna har lämnats ut eller kan lämnas ut till',
    'Lagringstid',
    'Varifrån uppgifterna har fåtts',
    'Dina rättigheter: rättelse, radering, begränsning och invändning',
    'Rätt att lämna in klagomål till tillsynsmyndigheten',
  ],
  en: [
    'Report of your personal data',
    'Controller',
    'Your customer record',
    'Consents and their history',
    'Appointments',
    'Data protection requests',
    'Disclosures of your data',
    'Information about the processing (Article 15 of the GDPR)',
    'Purposes of the processing',
    'Categories of personal data concerned',
    'Recipients to whom the data have been or may be disclosed',
    'Retention period',
    'Source of the data',
    'Your rights: rectification, erasure, restriction and objection',
    'Right to lodge a complaint with the supervisory authority',
  ],
};

/** Values of the person, as each language prints them. */
const PERSON: Record<DocumentLanguage, string[]> = {
  fi: ['Ennen ja jälkeen -kuvat salongin Instagramissa', 'Peruttu', 'Voimassa', 'Kolmannen osapuolen ajanvarausjärjestelmä', 'Suostumus', 'Tarkastuspyyntö', 'Suostumuksen peruuttaminen', '10.12.2026', 'Aika muutettu', 'Toteutunut', 'Omistaja Testi', 'Vastaanotto Testi', 'Tietosuojavaltuutetun toimisto', 'Sinua koskevat tiedot on saatu: Kolmannen osapuolen ajanvarausjärjestelmä (Varaamo Testi Oy).'],
  sv: ['Ennen ja jälkeen -kuvat salongin Instagramissa', 'Återkallat', 'Gällande', 'Tidsbokningstjänst som drivs av tredje part', 'Samtycke', 'Begäran om tillgång', 'Återkallelse av samtycke', '10.12.2026', 'Tiden ändrad', 'Genomförd', 'Dataombudsmannens byrå'],
  en: ['Ennen ja jälkeen -kuvat salongin Instagramissa', 'Withdrawn', 'In force', 'Third-party booking system', 'Consent', 'Access to personal data', 'Withdrawal of consent', '10 December 2026', 'Rescheduled', 'Completed', 'Office of the Data Protection Ombudsman'],
};

describe.each(['fi', 'sv', 'en'] as const)('access report PDF (%s)', (language) => {
  it('prints the Art. 15 headings and the person’s data', async () => {
    const { input, others, othersAppointments, mine } = reportInput(language);
    const pdf = await readPdf(await accessReportPdf(input));
    const lines = pdf.pages.flat();
    for (const title of HEADINGS[language]) expect(lines, title).toContain(title);
    const text = allText(pdf);
    const c = input.customer;
    for (const value of [c.id, c.firstName, 'Öhman-Åberg', c.email, '+358', 'Kirkkokatu 7 A 3', '00170', c.notes, c.healthNotes, 'Varaamo Testi Oy', 'Helsingin poliisilaitos', 'PL-2026-0042', 'Asiakas toivoi lisäaikaa föönaukseen.', ...PERSON[language]]) {
      expect(text, value).toContain(value);
    }
    for (const appointment of mine) {
      expect(text).toContain(appointment.id);
      expect(text).toContain(appointment.services[0]!.name);
      expect(text).toContain(appointment.staff);
    }
    for (const other of others) {
      expect(text).not.toContain(other.id);
      if (other.email) expect(text).not.toContain(other.email);
    }
    for (const appointment of othersAppointments) expect(text).not.toContain(appointment.id);
    expect(pdf.info.Language).toBe(language);
    expect(pdf.info.Title).toBe(HEADINGS[language][0]);
    expect(JSON.stringify(pdf.info)).not.toContain(c.firstName);
  });
});

describe('access report model', () => {
  it('is in the customer’s own language unless told otherwise', () => {
    const { input } = reportInput();
    const swedish = { ...input, customer: { ...input.customer, language: 'sv' as const } };
    expect(accessReportModel(swedish).title).toBe('Redogörelse för dina personuppgifter');
    expect(accessReportModel({ ...swedish, language: 'en' }).title).toBe('Report of your personal data');
  });

  it('labels every field of the customer schema in every language', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const labels = customerFieldLabels(language);
      for (const key of Object.keys(CustomerSchema.shape).filter((k) => k !== 'consents')) expect(labels[key], `${language}.${key}`).toBeTruthy();
    }
  });

  it('prints prices and times in the language’s conventions', () => {
    const { input, mine } = reportInput('fi');
    const fi = modelText(accessReportModel(input)).join('\n');
    const cents = mine[0]!.services[0]!.priceCents;
    expect(fi).toContain(`${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}\u00a0€`);
    expect(fi).toMatch(/\d{1,2}\.\d{1,2}\.\d{4} klo\u00a0\d{1,2}\.\d{2}/);
    const en = modelText(accessReportModel({ ...input, language: 'en' })).join('\n');
    expect(en).toContain(`€${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
  });

  it('says so when there are no consents, appointments, requests or disclosures', () => {
    const { input } = reportInput('fi');
    const text = modelText(accessReportModel({ ...input, customer: { ...input.customer, consents: [] }, appointments: [], requests: [], disclosures: [] })).join('\n');
    for (const line of ['Sinulta ei ole kirjattu suostumuksia.', 'Rekisterissä on 0 ajanvarausta.', 'Sinua koskevia tietosuojapyyntöjä ei ole kirjattu.', 'Tietojasi ei ole luovutettu kenellekään.']) expect(text).toContain(line);
  });
});

describe('requests and disclosures from the register', () => {
  it('lists only the person’s requests, with the deadline the register computes', () => {
    const mine = storedRequest({ id: 'r-mine', customerId: 'c-1', receivedDate: '2026-01-31' });
    const extended = storedRequest({ id: 'r-ext', customerId: 'c-1', receivedDate: '2026-03-02', status: 'in_progress', extension: { reason: 'Paljon pyyntöjä', notifiedDate: '2026-03-20', extraMonths: 2, newDueDate: '2026-06-02' } });
    const theirs = storedRequest({ id: 'r-theirs', customerId: 'c-2', requesterName: 'Joku Muu' });
    const unmatched = storedRequest({ id: 'r-none', customerId: null });
    expect(requestsForReport('c-1', [extended, theirs, mine, unmatched])).toEqual([
      // 31 January + one month = 28 February 2026, a Saturday → Monday 2 March.
      { type: 'access', receivedDate: '2026-01-31', status: 'received', replySentDate: null, dueDate: '2026-03-02' },
      { type: 'access', receivedDate: '2026-03-02', status: 'in_progress', replySentDate: null, dueDate: '2026-06-02' },
    ]);
  });

  it('lists the disclosures that included the person, without the other customers they covered', () => {
    const included = storedDisclosure({ customerIds: ['c-9', 'c-1', 'c-5'] });
    const other = storedDisclosure({ id: 'd-2', recipientName: 'Toinen viranomainen', customerIds: ['c-9'] });
    const successor = storedDisclosure({ id: 'd-3', recipientKind: 'successor', recipientName: 'Uusi Salonki Oy', legalBasis: 'legitimate_interests', legalBasisDetail: '', reference: '', customerIds: ['c-1'], date: '2027-01-15' });
    const listed = disclosuresForReport('c-1', [successor, other, included], 'fi');
    expect(listed).toEqual([
      { recipient: 'Helsingin poliisilaitos (Viranomainen)', date: '2026-06-02', scope: 'Yhteystiedot ja ajanvaraukset 2026', legalBasis: 'Lakisääteinen velvoite: Poliisilaki 4 luku 3 §', reference: 'PL-2026-0042' },
      { recipient: 'Uusi Salonki Oy (Seuraajayrityksen rekisterinpitäjä)', date: '2027-01-15', scope: 'Yhteystiedot ja ajanvaraukset 2026', legalBasis: 'Oikeutettu etu' },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/c-9|c-5|Toinen/);
  });
});
