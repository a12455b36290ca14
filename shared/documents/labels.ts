import { z } from 'zod';
import type { AppointmentChange, AppointmentStatus } from '../schemas/appointment';
import type { ConsentKind, ConsentMethod, CustomerLanguage, CustomerSource, LegalBasis } from '../schemas/customer';
import { IsoDateSchema } from '../schemas/dates';
import type { DisclosureLegalBasis, DisclosureRecipientKind } from '../schemas/disclosure';
import { GdprRequestTypeSchema, RequestStatusSchema, type GdprRequestType, type RequestStatus } from '../schemas/gdpr-request';
import type { DocumentLanguage } from './model';

/**
 * The names documents give to the register's enums, in each language, and the small request
 * and disclosure shapes that the access report prints: the fields a person sees, nothing of the
 * register's bookkeeping (and, for a disclosure, not the other customers it covered).
 * `access-report.ts` maps the stored `GdprRequest` and `Disclosure` records onto them.
 */

/** A GDPR request concerning the person, as a report lists it. */
export const DocumentRequestSchema = z.object({
  type: GdprRequestTypeSchema,
  receivedDate: IsoDateSchema,
  status: RequestStatusSchema,
  replySentDate: IsoDateSchema.nullable(),
  /** The answer's deadline (after any extension), when the register has computed it. */
  dueDate: IsoDateSchema.nullable().optional(),
});
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

/** A disclosure of the person's data (to an authority, to a successor's controller, …). */
export const DocumentDisclosureSchema = z.object({
  recipient: z.string().max(500),
  date: IsoDateSchema,
  scope: z.string().max(5000),
  legalBasis: z.string().max(1000).optional(),
  reference: z.string().max(500).optional(),
});
export type DocumentDisclosure = z.infer<typeof DocumentDisclosureSchema>;

type Labels<K extends string> = Readonly<Record<DocumentLanguage, Readonly<Record<K, string>>>>;

export const SOURCE_LABELS: Labels<CustomerSource> = {
  fi: {
    online_booking: 'Nettiajanvaraus',
    phone: 'Puhelu',
    sms: 'Tekstiviesti',
    email: 'Sähköposti',
    walk_in: 'Käynti liikkeessä',
    booking_system: 'Kolmannen osapuolen ajanvarausjärjestelmä',
    social_media: 'Sosiaalinen media',
    other: 'Muu',
  },
  sv: {
    online_booking: 'Webbokning',
    phone: 'Telefonsamtal',
    sms: 'Sms',
    email: 'E-post',
    walk_in: 'Besök i salongen',
    booking_system: 'Tidsbokningstjänst som drivs av tredje part',
    social_media: 'Sociala medier',
    other: 'Annat',
  },
  en: {
    online_booking: 'Online booking',
    phone: 'Phone call',
    sms: 'Text message',
    email: 'E-mail',
    walk_in: 'Walk-in visit',
    booking_system: 'Third-party booking system',
    social_media: 'Social media',
    other: 'Other',
  },
};

export const LEGAL_BASIS_LABELS: Labels<LegalBasis> = {
  fi: { customer_relationship: 'Asiakassuhde', consent: 'Suostumus' },
  sv: { customer_relationship: 'Kundrelation', consent: 'Samtycke' },
  en: { customer_relationship: 'Customer relationship', consent: 'Consent' },
};

export const LANGUAGE_LABELS: Labels<CustomerLanguage> = {
  fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
  sv: { fi: 'finska', sv: 'svenska', en: 'engelska' },
  en: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
};

export const CONSENT_KIND_LABELS: Labels<ConsentKind> = {
  fi: { marketing_email: 'Markkinointi sähköpostitse', marketing_sms: 'Markkinointi tekstiviestillä', publication: 'Julkaiseminen (esim. kuvat)', health_data: 'Terveystietojen käsittely' },
  sv: { marketing_email: 'Marknadsföring per e-post', marketing_sms: 'Marknadsföring per sms', publication: 'Publicering (t.ex. bilder)', health_data: 'Behandling av hälsouppgifter' },
  en: { marketing_email: 'Marketing by e-mail', marketing_sms: 'Marketing by text message', publication: 'Publication (e.g. photos)', health_data: 'Processing of health information' },
};

export const CONSENT_METHOD_LABELS: Labels<ConsentMethod> = {
  fi: { in_person: 'Henkilökohtaisesti', signed_form: 'Allekirjoitettu lomake', email: 'Sähköposti', sms: 'Tekstiviesti', booking_system: 'Ajanvarausjärjestelmä', other: 'Muu' },
  sv: { in_person: 'Personligen', signed_form: 'Undertecknad blankett', email: 'E-post', sms: 'Sms', booking_system: 'Tidsbokningstjänst', other: 'Annat' },
  en: { in_person: 'In person', signed_form: 'Signed form', email: 'E-mail', sms: 'Text message', booking_system: 'Booking system', other: 'Other' },
};

export const APPOINTMENT_STATUS_LABELS: Labels<AppointmentStatus> = {
  fi: { booked: 'Varattu', completed: 'Toteutunut', no_show: 'Käyttämättä jäänyt aika', cancelled_by_customer: 'Asiakas perui', cancelled_by_salon: 'Yritys perui' },
  sv: { booked: 'Bokad', completed: 'Genomförd', no_show: 'Uteblivet besök', cancelled_by_customer: 'Avbokad av kunden', cancelled_by_salon: 'Avbokad av företaget' },
  en: { booked: 'Booked', completed: 'Completed', no_show: 'Missed (no-show)', cancelled_by_customer: 'Cancelled by the customer', cancelled_by_salon: 'Cancelled by the business' },
};

export const CHANGE_KIND_LABELS: Labels<AppointmentChange['kind']> = {
  fi: { booked: 'Varattu', rescheduled: 'Aika muutettu', services_changed: 'Palvelut muutettu', staff_changed: 'Palvelun tekijä vaihdettu', status_changed: 'Tila muutettu', notes_changed: 'Lisätiedot muutettu' },
  sv: { booked: 'Bokad', rescheduled: 'Tiden ändrad', services_changed: 'Tjänster ändrade', staff_changed: 'Annan utförare', status_changed: 'Status ändrad', notes_changed: 'Tilläggsuppgifter ändrade' },
  en: { booked: 'Booked', rescheduled: 'Rescheduled', services_changed: 'Services changed', staff_changed: 'Staff changed', status_changed: 'Status changed', notes_changed: 'Notes changed' },
};

export const REQUEST_TYPE_LABELS: Labels<GdprRequestType> = {
  fi: {
    access: 'Tarkastuspyyntö (pääsy tietoihin)',
    rectification: 'Tietojen oikaiseminen',
    erasure: 'Tietojen poistaminen',
    restriction: 'Käsittelyn rajoittaminen',
    objection: 'Suoramarkkinoinnin vastustaminen',
    portability: 'Tietojen siirtäminen',
    consent_withdrawal: 'Suostumuksen peruuttaminen',
  },
  sv: {
    access: 'Begäran om tillgång',
    rectification: 'Rättelse av uppgifter',
    erasure: 'Radering av uppgifter',
    restriction: 'Begränsning av behandling',
    objection: 'Invändning mot direktmarknadsföring',
    portability: 'Dataportabilitet',
    consent_withdrawal: 'Återkallelse av samtycke',
  },
  en: {
    access: 'Access to personal data',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction of processing',
    objection: 'Objection to direct marketing',
    portability: 'Data portability',
    consent_withdrawal: 'Withdrawal of consent',
  },
};

export const REQUEST_STATUS_LABELS: Labels<RequestStatus> = {
  fi: { received: 'Vastaanotettu', in_progress: 'Käsittelyssä', done: 'Käsitelty', refused: 'Hylätty' },
  sv: { received: 'Mottagen', in_progress: 'Under behandling', done: 'Behandlad', refused: 'Avslagen' },
  en: { received: 'Received', in_progress: 'In progress', done: 'Completed', refused: 'Refused' },
};

export const DISCLOSURE_RECIPIENT_LABELS: Labels<DisclosureRecipientKind> = {
  fi: { authority: 'Viranomainen', successor: 'Seuraajayrityksen rekisterinpitäjä', other: 'Muu vastaanottaja' },
  sv: { authority: 'Myndighet', successor: 'Det efterträdande företagets personuppgiftsansvarige', other: 'Annan mottagare' },
  en: { authority: 'Authority', successor: 'Successor company’s controller', other: 'Other recipient' },
};

export const DISCLOSURE_BASIS_LABELS: Labels<DisclosureLegalBasis> = {
  fi: { consent: 'Suostumus', contract: 'Sopimus', legal_obligation: 'Lakisääteinen velvoite', vital_interests: 'Elintärkeä etu', public_task: 'Yleinen etu tai julkinen valta', legitimate_interests: 'Oikeutettu etu' },
  sv: { consent: 'Samtycke', contract: 'Avtal', legal_obligation: 'Rättslig förpliktelse', vital_interests: 'Grundläggande intressen', public_task: 'Allmänt intresse eller myndighetsutövning', legitimate_interests: 'Berättigat intresse' },
  en: { consent: 'Consent', contract: 'Contract', legal_obligation: 'Legal obligation', vital_interests: 'Vital interests', public_task: 'Public task', legitimate_interests: 'Legitimate interests' },
};
