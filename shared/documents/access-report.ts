import { z } from 'zod';
import { formatPhone } from '../domain/phone';
import { AppointmentSchema, type Appointment, type AppointmentChange } from '../schemas/appointment';
import { BusinessSchema, type Business } from '../schemas/business';
import { CustomerSchema, type Consent, type Customer } from '../schemas/customer';
import { formatDate, formatDateTime, formatIsoDate, formatMoney, SALON_TIME_ZONE } from './format';
import { dueDateOf } from '../domain/gdpr-deadline';
import type { Disclosure } from '../schemas/disclosure';
import type { GdprRequest } from '../schemas/gdpr-request';
import {
  APPOINTMENT_STATUS_LABELS,
  CHANGE_KIND_LABELS,
  CONSENT_KIND_LABELS,
  CONSENT_METHOD_LABELS,
  DISCLOSURE_BASIS_LABELS,
  DISCLOSURE_RECIPIENT_LABELS,
  DocumentDisclosureSchema,
  DocumentRequestSchema,
  LANGUAGE_LABELS,
  LEGAL_BASIS_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  SOURCE_LABELS,
  type DocumentDisclosure,
  type DocumentRequest,
} from './labels';
import { DocumentLanguageSchema, heading, keyValue, paragraph, table, type Block, type DocumentLanguage, type DocumentModel } from './model';
import { renderPdf, type PdfOptions } from './pdf';
import { INFO_SECTIONS, processingInfo, sectionText, type InfoSectionKey } from './processing-info';
import { RetentionPolicySchema } from '../schemas/retention';

/**
 * The access report for one person (GDPR Art. 15, and Art. 20 portability): everything the
 * register holds about them — the customer record, consents with their history, appointments
 * with services, prices, statuses and history, requests and disclosures concerning them — and
 * the information Art. 15(1) requires, taken from the business settings.
 *
 * Two outputs from one input: a readable PDF in the person's language and a JSON document
 * (`AccessReportJsonSchema`, described in docs/access-report.md). The JSON carries the stored
 * records as they are, field for field; the PDF shows the same fields with labels and formatted
 * values. Appointments of anyone else are dropped here, whatever the caller passes, so a
 * report can never carry another customer's data.
 */
export interface AccessReportInput {
  readonly customer: Customer;
  /** The person's appointments; any with another customerId are left out. */
  readonly appointments: readonly Appointment[];
  /** GDPR requests concerning the person (`requestsForReport` picks and maps them from the register). */
  readonly requests: readonly DocumentRequest[];
  /** Disclosures that included the person's data (`disclosuresForReport`). */
  readonly disclosures: readonly DocumentDisclosure[];
  readonly business: Business;
  /** The retention policy's review period (settings `RetentionPolicy.reviewAfterMonths`). */
  readonly reviewAfterMonths: number;
  readonly healthNotesEnabled: boolean;
  /** When the report is made (epoch ms). */
  readonly generatedAt: number;
  /** The report's language; the customer's own language when omitted. */
  readonly language?: DocumentLanguage;
  /** Users' display names by id, for "recorded by" in the PDF (the JSON keeps the stored ids). */
  readonly userNames?: Readonly<Record<string, string>>;
  /** The salon's time zone for dates and times (default Europe/Helsinki). */
  readonly timeZone?: string;
}

/** Bounds of one report's input where it crosses a boundary (IPC): a long history fits, a runaway message does not. */
export const ACCESS_REPORT_LIMITS = { appointments: 100_000, requests: 1_000, disclosures: 10_000, userNames: 1_000 } as const;

/**
 * The access report's input as it crosses a boundary (the renderer sends it, main renders it):
 * everything `AccessReportInput` holds except `generatedAt` and `timeZone`, which the side that
 * renders sets. The customer record and appointments keep any field the schema does not know
 * yet (`loose`), as the JSON copy promises to carry the stored records as they are.
 */
export const AccessReportInputSchema = z.object({
  customer: CustomerSchema.loose(),
  appointments: z.array(AppointmentSchema.loose()).max(ACCESS_REPORT_LIMITS.appointments),
  requests: z.array(DocumentRequestSchema).max(ACCESS_REPORT_LIMITS.requests),
  disclosures: z.array(DocumentDisclosureSchema).max(ACCESS_REPORT_LIMITS.disclosures),
  business: BusinessSchema,
  reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
  healthNotesEnabled: z.boolean(),
  language: DocumentLanguageSchema.optional(),
  userNames: z
    .record(z.string().min(1).max(64), z.string().max(200))
    .refine((names) => Object.keys(names).length <= ACCESS_REPORT_LIMITS.userNames)
    .optional(),
});
export type AccessReportInputMessage = z.input<typeof AccessReportInputSchema>;

export const ACCESS_REPORT_FORMAT = 'kirjuri.access-report';
export const ACCESS_REPORT_VERSION = 1;

const InfoTextSchema = z.object({ heading: z.string(), text: z.array(z.string()) });

/** The JSON document's structure. Every field is described in docs/access-report.md. */
export const AccessReportJsonSchema = z.object({
  format: z.literal(ACCESS_REPORT_FORMAT),
  version: z.literal(ACCESS_REPORT_VERSION),
  /** ISO 8601 instant (UTC). */
  generatedAt: z.iso.datetime(),
  language: DocumentLanguageSchema,
  controller: z.object({
    name: z.string(),
    businessId: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    privacyEmail: z.string(),
    privacyPhone: z.string(),
  }),
  /** The customer record exactly as stored, consents and their history included. */
  customer: CustomerSchema,
  /** The person's appointments as stored, oldest first. */
  appointments: z.array(AppointmentSchema),
  requests: z.array(DocumentRequestSchema),
  disclosures: z.array(DocumentDisclosureSchema),
  /** The Art. 15(1) information, as text in the report's language, one entry per section. */
  information: z.object(Object.fromEntries(INFO_SECTIONS.map((key) => [key, InfoTextSchema])) as Record<InfoSectionKey, typeof InfoTextSchema>),
});
export type AccessReportJson = z.infer<typeof AccessReportJsonSchema>;

interface ReportWords {
  title: string;
  generated: string;
  intro: string;
  controller: string;
  record: string;
  consents: string;
  noConsents: string;
  consent: { id: string; kind: string; state: string; given: string; method: string; recordedBy: string; noticeVersion: string; scope: string; expires: string; withdrawn: string; withdrawnBy: string };
  consentState: { active: string; withdrawn: string; expired: string };
  appointments: string;
  appointmentCount: (n: number) => string;
  appointment: { id: string; start: string; services: string; total: string; staff: string; channel: string; status: string; notes: string; created: string; createdBy: string; updated: string; history: string };
  historyColumns: [string, string, string, string, string];
  requests: string;
  noRequests: string;
  requestColumns: [string, string, string, string, string];
  disclosures: string;
  noDisclosures: string;
  disclosureColumns: [string, string, string, string, string];
  information: string;
  yourSource: (source: string) => string;
  none: string;
  system: string;
  fields: Readonly<Record<string, string>>;
}

const WORDS: Readonly<Record<DocumentLanguage, ReportWords>> = {
  fi: {
    title: 'Selvitys henkilötiedoistasi',
    generated: 'laadittu',
    intro:
      'Tämä selvitys sisältää kaikki sinusta asiakasrekisteriin tallennetut henkilötiedot sekä EU:n yleisen tietosuoja-asetuksen 15 artiklan mukaiset tiedot niiden käsittelystä. Samat tiedot toimitetaan myös koneellisesti luettavassa muodossa (JSON-tiedosto, tietosuoja-asetuksen 20 artikla).',
    controller: 'Rekisterinpitäjä',
    record: 'Asiakastietosi',
    consents: 'Suostumukset ja niiden historia',
    noConsents: 'Sinulta ei ole kirjattu suostumuksia.',
    consent: { id: 'Tunniste', kind: 'Suostumus', state: 'Tila', given: 'Annettu', method: 'Antotapa', recordedBy: 'Kirjaaja', noticeVersion: 'Tietosuojaselosteen versio', scope: 'Laajuus', expires: 'Päättyy', withdrawn: 'Peruttu', withdrawnBy: 'Peruutuksen kirjaaja' },
    consentState: { active: 'Voimassa', withdrawn: 'Peruttu', expired: 'Päättynyt' },
    appointments: 'Ajanvaraukset',
    appointmentCount: (n) => (n === 1 ? 'Rekisterissä on 1 ajanvaraus.' : `Rekisterissä on ${n} ajanvarausta.`),
    appointment: { id: 'Tunniste', start: 'Ajankohta', services: 'Palvelut ja hinnat', total: 'Yhteensä', staff: 'Palvelun tekijä', channel: 'Varauskanava', status: 'Tila', notes: 'Lisätiedot', created: 'Varattu', createdBy: 'Varauksen kirjaaja', updated: 'Viimeksi muutettu', history: 'Muutoshistoria' },
    historyColumns: ['Aika', 'Muutos', 'Ennen', 'Jälkeen', 'Tekijä'],
    requests: 'Tietosuojapyynnöt',
    noRequests: 'Sinua koskevia tietosuojapyyntöjä ei ole kirjattu.',
    requestColumns: ['Pyyntö', 'Vastaanotettu', 'Määräpäivä', 'Tila', 'Vastaus lähetetty'],
    disclosures: 'Tietojen luovutukset',
    noDisclosures: 'Tietojasi ei ole luovutettu kenellekään.',
    disclosureColumns: ['Vastaanottaja', 'Päivämäärä', 'Laajuus', 'Peruste', 'Viite'],
    information: 'Tietoja käsittelystä (tietosuoja-asetuksen 15 artikla)',
    yourSource: (source) => `Sinua koskevat tiedot on saatu: ${source}.`,
    none: '–',
    system: 'järjestelmä',
    fields: {
      id: 'Asiakastunniste',
      firstName: 'Etunimi',
      lastName: 'Sukunimi',
      phone: 'Puhelinnumero',
      email: 'Sähköpostiosoite',
      street: 'Katuosoite',
      postalCode: 'Postinumero',
      city: 'Postitoimipaikka',
      language: 'Asiointikieli',
      source: 'Tietolähde',
      sourceDetail: 'Tietolähteen tarkenne',
      legalBasis: 'Käsittelyn oikeusperuste',
      notes: 'Lisätiedot ja erityistoiveet',
      healthNotes: 'Terveystiedot',
      createdAt: 'Lisätty rekisteriin',
      createdBy: 'Lisääjä',
      updatedAt: 'Viimeksi muutettu',
      updatedBy: 'Muuttaja',
    },
  },
  sv: {
    title: 'Redogörelse för dina personuppgifter',
    generated: 'upprättad',
    intro:
      'Denna redogörelse innehåller alla personuppgifter om dig som har sparats i kundregistret och den information om behandlingen som avses i artikel 15 i EU:s allmänna dataskyddsförordning. Samma uppgifter lämnas också i maskinläsbart format (en JSON-fil, artikel 20 i dataskyddsförordningen).',
    controller: 'Personuppgiftsansvarig',
    record: 'Dina kunduppgifter',
    consents: 'Samtycken och deras historik',
    noConsents: 'Inga samtycken har registrerats för dig.',
    consent: { id: 'Identifierare', kind: 'Samtycke', state: 'Status', given: 'Givet', method: 'Hur det gavs', recordedBy: 'Registrerat av', noticeVersion: 'Version av dataskyddsbeskrivningen', scope: 'Omfattning', expires: 'Upphör', withdrawn: 'Återkallat', withdrawnBy: 'Återkallelsen registrerad av' },
    consentState: { active: 'Gällande', withdrawn: 'Återkallat', expired: 'Upphört' },
    appointments: 'Tidsbokningar',
    appointmentCount: (n) => (n === 1 ? 'Registret innehåller 1 bokning.' : `Registret innehåller ${n} bokningar.`),
    appointment: { id: 'Identifierare', start: 'Tidpunkt', services: 'Tjänster och priser', total: 'Totalt', staff: 'Utförs av', channel: 'Bokningskanal', status: 'Status', notes: 'Tilläggsuppgifter', created: 'Bokad', createdBy: 'Bokningen registrerad av', updated: 'Senast ändrad', history: 'Ändringshistorik' },
    historyColumns: ['Tid', 'Ändring', 'Före', 'Efter', 'Av'],
    requests: 'Begäranden om dataskydd',
    noRequests: 'Inga begäranden om dataskydd som gäller dig har registrerats.',
    requestColumns: ['Begäran', 'Mottagen', 'Sista dag', 'Status', 'Svar skickat'],
    disclosures: 'Utlämnanden av uppgifter',
    noDisclosures: 'Dina uppgifter har inte lämnats ut till någon.',
    disclosureColumns: ['Mottagare', 'Datum', 'Omfattning', 'Grund', 'Referens'],
    information: 'Information om behandlingen (artikel 15 i dataskyddsförordningen)',
    yourSource: (source) => `Uppgifterna om dig har fåtts via: ${source}.`,
    none: '–',
    system: 'systemet',
    fields: {
      id: 'Kundidentifierare',
      firstName: 'Förnamn',
      lastName: 'Efternamn',
      phone: 'Telefonnummer',
      email: 'E-postadress',
      street: 'Gatuadress',
      postalCode: 'Postnummer',
      city: 'Postanstalt',
      language: 'Kontaktspråk',
      source: 'Uppgiftskälla',
      sourceDetail: 'Precisering av källan',
      legalBasis: 'Rättslig grund för behandlingen',
      notes: 'Tilläggsuppgifter och särskilda önskemål',
      healthNotes: 'Hälsouppgifter',
      createdAt: 'Införd i registret',
      createdBy: 'Införd av',
      updatedAt: 'Senast ändrad',
      updatedBy: 'Ändrad av',
    },
  },
  en: {
    title: 'Report of your personal data',
    generated: 'prepared',
    intro:
      'This report contains all personal data about you stored in the customer register, and the information about their processing required by Article 15 of the EU General Data Protection Regulation. The same data are also provided in a machine-readable format (a JSON file, Article 20 of the GDPR).',
    controller: 'Controller',
    record: 'Your customer record',
    consents: 'Consents and their history',
    noConsents: 'No consents have been recorded for you.',
    consent: { id: 'Identifier', kind: 'Consent', state: 'Status', given: 'Given', method: 'How it was given', recordedBy: 'Recorded by', noticeVersion: 'Privacy notice version', scope: 'Scope', expires: 'Expires', withdrawn: 'Withdrawn', withdrawnBy: 'Withdrawal recorded by' },
    consentState: { active: 'In force', withdrawn: 'Withdrawn', expired: 'Expired' },
    appointments: 'Appointments',
    appointmentCount: (n) => (n === 1 ? 'The register holds 1 appointment.' : `The register holds ${n} appointments.`),
    appointment: { id: 'Identifier', start: 'Time', services: 'Services and prices', total: 'Total', staff: 'Provided by', channel: 'Booking channel', status: 'Status', notes: 'Notes', created: 'Booked', createdBy: 'Booking recorded by', updated: 'Last changed', history: 'Change history' },
    historyColumns: ['When', 'Change', 'Before', 'After', 'By'],
    requests: 'Data protection requests',
    noRequests: 'No data protection requests concerning you have been recorded.',
    requestColumns: ['Request', 'Received', 'Due', 'Status', 'Reply sent'],
    disclosures: 'Disclosures of your data',
    noDisclosures: 'Your data have not been disclosed to anyone.',
    disclosureColumns: ['Recipient', 'Date', 'Scope', 'Basis', 'Reference'],
    information: 'Information about the processing (Article 15 of the GDPR)',
    yourSource: (source) => `The data about you were obtained through: ${source}.`,
    none: '–',
    system: 'system',
    fields: {
      id: 'Customer ID',
      firstName: 'First name',
      lastName: 'Last name',
      phone: 'Phone number',
      email: 'E-mail address',
      street: 'Street address',
      postalCode: 'Postal code',
      city: 'City',
      language: 'Preferred language',
      source: 'Source of data',
      sourceDetail: 'Source details',
      legalBasis: 'Legal basis for processing',
      notes: 'Additional information and special wishes',
      healthNotes: 'Health information',
      createdAt: 'Added to the register',
      createdBy: 'Added by',
      updatedAt: 'Last changed',
      updatedBy: 'Changed by',
    },
  },
};

/** The customer-record labels of a language (tests check that every stored field has one). */
export const customerFieldLabels = (language: DocumentLanguage): Readonly<Record<string, string>> => WORDS[language].fields;

/** The Art. 15(1) sections the report prints, in order (purposes, categories, recipients, retention, source, rights, complaint…). */
export const ACCESS_REPORT_INFO_SECTIONS: readonly InfoSectionKey[] = [
  'purposes',
  'legalBasis',
  'categories',
  'recipients',
  'transfers',
  'retention',
  'sources',
  'automatedDecisions',
  'rights',
  'complaint',
  'requests',
];

/**
 * The report names each section after what Art. 15(1)(a)–(h) and 15(2) give the person a right
 * to know; the text under it is the privacy notice's.
 */
const INFO_HEADINGS: Readonly<Record<DocumentLanguage, Readonly<Record<InfoSectionKey, string>>>> = {
  fi: {
    controller: 'Rekisterinpitäjä',
    purposes: 'Käsittelyn tarkoitukset',
    legalBasis: 'Käsittelyn oikeusperusteet',
    categories: 'Käsiteltävät henkilötietoryhmät',
    recipients: 'Vastaanottajat, joille tietoja on luovutettu tai voidaan luovuttaa',
    transfers: 'Siirrot EU:n ja ETA:n ulkopuolelle',
    protection: 'Rekisterin suojauksen periaatteet',
    retention: 'Säilytysaika',
    sources: 'Mistä tiedot on saatu',
    automatedDecisions: 'Automaattinen päätöksenteko',
    rights: 'Oikeutesi: oikaisu, poistaminen, rajoittaminen ja vastustaminen',
    complaint: 'Oikeus tehdä valitus valvontaviranomaiselle',
    requests: 'Pyyntöjen tekeminen ja vastausaika',
  },
  sv: {
    controller: 'Personuppgiftsansvarig',
    purposes: 'Ändamålen med behandlingen',
    legalBasis: 'Rättslig grund för behandlingen',
    categories: 'Kategorier av personuppgifter som behandlas',
    recipients: 'Mottagare som uppgifterna har lämnats ut eller kan lämnas ut till',
    transfers: 'Överföring utanför EU och EES',
    protection: 'Principer för skyddet av registret',
    retention: 'Lagringstid',
    sources: 'Varifrån uppgifterna har fåtts',
    automatedDecisions: 'Automatiserat beslutsfattande',
    rights: 'Dina rättigheter: rättelse, radering, begränsning och invändning',
    complaint: 'Rätt att lämna in klagomål till tillsynsmyndigheten',
    requests: 'Hur man gör en begäran och svarstid',
  },
  en: {
    controller: 'Controller',
    purposes: 'Purposes of the processing',
    legalBasis: 'Legal basis of the processing',
    categories: 'Categories of personal data concerned',
    recipients: 'Recipients to whom the data have been or may be disclosed',
    transfers: 'Transfers outside the EU and EEA',
    protection: 'Principles of protecting the register',
    retention: 'Retention period',
    sources: 'Source of the data',
    automatedDecisions: 'Automated decision-making',
    rights: 'Your rights: rectification, erasure, restriction and objection',
    complaint: 'Right to lodge a complaint with the supervisory authority',
    requests: 'How to make a request, and when you will get an answer',
  },
};

/** The stored requests concerning `customerId`, as the report lists them (oldest first). */
export function requestsForReport(customerId: string, requests: Iterable<GdprRequest>): DocumentRequest[] {
  return [...requests]
    .filter((request) => request.customerId === customerId)
    .sort((a, b) => a.receivedDate.localeCompare(b.receivedDate))
    .map((request) => ({
      type: request.type,
      receivedDate: request.receivedDate,
      status: request.status,
      replySentDate: request.replySentDate,
      dueDate: dueDateOf(request),
    }));
}

/**
 * The disclosures that included `customerId`, as the report lists them (oldest first). The list
 * of the other customers a disclosure covered is not carried over: that is their data.
 */
export function disclosuresForReport(customerId: string, disclosures: Iterable<Disclosure>, language: DocumentLanguage): DocumentDisclosure[] {
  return [...disclosures]
    .filter((disclosure) => disclosure.customerIds.includes(customerId))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((disclosure) => {
      const basis = DISCLOSURE_BASIS_LABELS[language][disclosure.legalBasis];
      return {
        recipient: `${disclosure.recipientName} (${DISCLOSURE_RECIPIENT_LABELS[language][disclosure.recipientKind]})`,
        date: disclosure.date,
        scope: disclosure.scope,
        legalBasis: disclosure.legalBasisDetail === '' ? basis : `${basis}: ${disclosure.legalBasisDetail}`,
        ...(disclosure.reference === '' ? {} : { reference: disclosure.reference }),
      };
    });
}

const own = (input: AccessReportInput): Appointment[] =>
  input.appointments.filter((appointment) => appointment.customerId === input.customer.id).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));

const languageOf = (input: AccessReportInput): DocumentLanguage => input.language ?? input.customer.language;

/** The JSON document (Art. 20): the stored records as they are, plus the Art. 15(1) information. */
export function accessReportJson(input: AccessReportInput): AccessReportJson {
  const language = languageOf(input);
  const info = processingInfo(language, input);
  const { name, businessId, street, postalCode, city, privacyEmail, privacyPhone } = input.business;
  const report = {
    format: ACCESS_REPORT_FORMAT,
    version: ACCESS_REPORT_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    language,
    controller: { name, businessId, street, postalCode, city, privacyEmail, privacyPhone },
    // The records themselves, not a parsed copy: a field the schema does not know yet still goes out.
    customer: input.customer,
    appointments: own(input),
    // Only the documented fields: a richer request record from the caller stays out of the file.
    requests: input.requests.map((request) => DocumentRequestSchema.parse(request)),
    disclosures: input.disclosures.map((disclosure) => DocumentDisclosureSchema.parse(disclosure)),
    information: Object.fromEntries(INFO_SECTIONS.map((key) => [key, { heading: INFO_HEADINGS[language][key], text: sectionText(info[key]) }])) as AccessReportJson['information'],
  } satisfies AccessReportJson;
  // A report that does not match its documented structure is a bug; refuse it rather than send it.
  AccessReportJsonSchema.parse(report);
  return report;
}

/** The JSON document as the text of a file (UTF-8, two-space indented). */
export function accessReportJsonText(input: AccessReportInput): string {
  return `${JSON.stringify(accessReportJson(input), null, 2)}\n`;
}

/** The readable report as a document model. */
export function accessReportModel(input: AccessReportInput): DocumentModel {
  const language = languageOf(input);
  const words = WORDS[language];
  const timeZone = input.timeZone ?? SALON_TIME_ZONE;
  const when = (ms: number) => formatDateTime(ms, language, timeZone);
  const who = (id: string | null) => (id === null ? words.system : (input.userNames?.[id] ?? id));
  const info = processingInfo(language, input);
  const customer = input.customer;
  const blocks: Block[] = [paragraph(words.intro)];

  blocks.push(heading(words.controller), info.controller.blocks[0]!);

  blocks.push(heading(words.record), keyValue(customerRows(customer, language, when, who)));

  blocks.push(heading(words.consents));
  if (customer.consents.length === 0) blocks.push(paragraph(words.noConsents));
  const consents = [...customer.consents].sort((a, b) => a.givenAt - b.givenAt);
  for (const consent of consents) {
    blocks.push(heading(`${CONSENT_KIND_LABELS[language][consent.kind]} · ${formatDate(consent.givenAt, language, timeZone)}`, 3), keyValue(consentRows(consent, input, when, who)));
  }

  const appointments = own(input);
  blocks.push(heading(words.appointments), paragraph(words.appointmentCount(appointments.length)));
  for (const appointment of appointments) blocks.push(...appointmentBlocks(appointment, language, when, who));

  blocks.push(heading(words.requests));
  if (input.requests.length === 0) blocks.push(paragraph(words.noRequests));
  else {
    const date = (value: string | null | undefined) => (value ? formatIsoDate(value, language) : words.none);
    blocks.push(
      table(
        words.requestColumns,
        input.requests.map((request) => [
          REQUEST_TYPE_LABELS[language][request.type],
          date(request.receivedDate),
          date(request.dueDate),
          REQUEST_STATUS_LABELS[language][request.status],
          date(request.replySentDate),
        ]),
        [3, 2, 2, 2, 2],
      ),
    );
  }

  blocks.push(heading(words.disclosures));
  if (input.disclosures.length === 0) blocks.push(paragraph(words.noDisclosures));
  else {
    blocks.push(
      table(
        words.disclosureColumns,
        input.disclosures.map((d) => [d.recipient, formatIsoDate(d.date, language), d.scope, d.legalBasis ?? words.none, d.reference ?? words.none]),
        [3, 2, 4, 3, 2],
      ),
    );
  }

  blocks.push(heading(words.information));
  for (const key of ACCESS_REPORT_INFO_SECTIONS) {
    blocks.push(heading(INFO_HEADINGS[language][key], 2), ...info[key].blocks);
    if (key === 'sources') blocks.push(paragraph(words.yourSource(sourceText(customer, language))));
  }

  return {
    language,
    title: words.title,
    subtitle: `${input.business.name} · ${words.generated} ${when(input.generatedAt)}`,
    blocks,
    footer: `${input.business.name} · ${words.title}`,
  };
}

/** The readable report as PDF bytes. */
export function accessReportPdf(input: AccessReportInput, options: PdfOptions = {}): Promise<Uint8Array> {
  return renderPdf(accessReportModel(input), { createdAt: new Date(input.generatedAt), ...options });
}

function sourceText(customer: Customer, language: DocumentLanguage): string {
  const label = SOURCE_LABELS[language][customer.source];
  return customer.sourceDetail === '' ? label : `${label} (${customer.sourceDetail})`;
}

/**
 * Every field of the record, in the schema's order, then any field the schema has gained since
 * this was written (shown under its own name rather than left out). Consents have their own section.
 */
function customerRows(customer: Customer, language: DocumentLanguage, when: (ms: number) => string, who: (id: string | null) => string): [string, string][] {
  const labels = WORDS[language].fields;
  const known = Object.keys(CustomerSchema.shape);
  const keys = [...known, ...Object.keys(customer).filter((key) => !known.includes(key))].filter((key) => key !== 'consents');
  const record = customer as unknown as Record<string, unknown>;
  return keys.map((key) => {
    const value = record[key];
    switch (key) {
      case 'phone':
        return [labels[key]!, customer.phone === '' ? '' : formatPhone(customer.phone)];
      case 'language':
        return [labels[key]!, LANGUAGE_LABELS[language][customer.language]];
      case 'source':
        return [labels[key]!, SOURCE_LABELS[language][customer.source]];
      case 'legalBasis':
        return [labels[key]!, LEGAL_BASIS_LABELS[language][customer.legalBasis]];
      case 'createdAt':
      case 'updatedAt':
        return [labels[key]!, when(value as number)];
      case 'createdBy':
      case 'updatedBy':
        return [labels[key]!, who(value as string | null)];
      default:
        return [labels[key] ?? key, plain(value)];
    }
  });
}

/** A value the labels do not know, as readable text. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function consentRows(consent: Consent, input: AccessReportInput, when: (ms: number) => string, who: (id: string | null) => string): [string, string][] {
  const language = languageOf(input);
  const words = WORDS[language];
  const state =
    consent.withdrawnAt !== null ? words.consentState.withdrawn : consent.expiresAt !== null && consent.expiresAt <= input.generatedAt ? words.consentState.expired : words.consentState.active;
  return [
    [words.consent.kind, CONSENT_KIND_LABELS[language][consent.kind]],
    [words.consent.state, state],
    [words.consent.given, when(consent.givenAt)],
    [words.consent.method, CONSENT_METHOD_LABELS[language][consent.method]],
    [words.consent.recordedBy, who(consent.recordedBy)],
    [words.consent.noticeVersion, consent.noticeVersion === null ? words.none : String(consent.noticeVersion)],
    [words.consent.scope, consent.scope],
    [words.consent.expires, consent.expiresAt === null ? words.none : when(consent.expiresAt)],
    [words.consent.withdrawn, consent.withdrawnAt === null ? words.none : when(consent.withdrawnAt)],
    [words.consent.withdrawnBy, consent.withdrawnBy === null ? words.none : who(consent.withdrawnBy)],
    [words.consent.id, consent.id],
  ];
}

function appointmentBlocks(appointment: Appointment, language: DocumentLanguage, when: (ms: number) => string, who: (id: string | null) => string): Block[] {
  const words = WORDS[language];
  const status = APPOINTMENT_STATUS_LABELS[language][appointment.status];
  const duration = appointment.services.reduce((sum, service) => sum + service.durationMin, 0);
  const total = appointment.services.reduce((sum, service) => sum + service.priceCents, 0);
  const services = appointment.services.map((service) => `${service.name}, ${service.durationMin} min, ${formatMoney(service.priceCents, language)}`).join('\n');
  const blocks: Block[] = [
    heading(`${when(appointment.start)} · ${status}`, 3),
    keyValue([
      [words.appointment.start, when(appointment.start)],
      [words.appointment.services, services],
      [words.appointment.total, `${duration} min, ${formatMoney(total, language)}`],
      [words.appointment.staff, appointment.staff],
      [words.appointment.channel, SOURCE_LABELS[language][appointment.channel]],
      [words.appointment.status, status],
      [words.appointment.notes, appointment.notes],
      [words.appointment.created, when(appointment.createdAt)],
      [words.appointment.createdBy, who(appointment.createdBy)],
      [words.appointment.updated, when(appointment.updatedAt)],
      [words.appointment.id, appointment.id],
    ]),
  ];
  if (appointment.history.length > 0) {
    blocks.push(
      paragraph(`${words.appointment.history}:`),
      table(
        words.historyColumns,
        appointment.history.map((change) => [
          when(change.at),
          CHANGE_KIND_LABELS[language][change.kind],
          changeValue(change, change.from, language, when),
          changeValue(change, change.to, language, when),
          who(change.by),
        ]),
        [3, 3, 3, 3, 2],
      ),
    );
  }
  return blocks;
}

/** History values are machine-readable (epoch ms for times, status codes); print them readably. */
function changeValue(change: AppointmentChange, value: string | null, language: DocumentLanguage, when: (ms: number) => string): string {
  if (value === null || value === '') return WORDS[language].none;
  if ((change.kind === 'booked' || change.kind === 'rescheduled') && /^\d{1,15}$/.test(value)) return when(Number(value));
  if (change.kind === 'status_changed' && value in APPOINTMENT_STATUS_LABELS[language]) return APPOINTMENT_STATUS_LABELS[language][value as Appointment['status']];
  return value;
}
