import { z } from 'zod';
import { BACKUP_TABLE_NAMES, type BackupTableName } from '../backup/format';
import type { IsoDate } from '../domain/calendar-date';
import { formatPhone } from '../domain/phone';
import { BusinessSchema, type Business } from '../schemas/business';
import { IsoDateSchema } from '../schemas/dates';
import { optionalText } from '../schemas/text';
import { formatIsoDate } from './format';
import { HandoverSuccessorSchema, SUCCESSOR_ARCHIVE_FILE, SUCCESSOR_NOTE_FILE, type HandoverSuccessor } from './handover-fields';
import { DocumentLanguageSchema, heading, keyValue, list, paragraph, table, type DocumentLanguage, type DocumentModel } from './model';
import { renderPdf, type PdfOptions } from './pdf';
import { businessAddress } from './processing-info';

/**
 * The handover note of a successor transfer (issue 7; the seed: "a copy of the customer register
 * may be handed to the new company's controller"), in Finnish, Swedish and English. It goes in
 * the package with the encrypted register and its CSV copies and says, on paper, what the
 * successor received and what that obliges them to: restrictions (Art. 18) and marketing
 * objections (Art. 21) travel with the data and must be honoured; the successor becomes the
 * controller and must inform the customers (Art. 14); how to open the file with the standard
 * `age` tool, with a passphrase that is delivered separately (so a lost package alone is not a
 * breach); and that the CSV files are unencrypted.
 *
 * The counts are main's own, taken from the checked backup document — never the renderer's word.
 */

/** What the renderer sends: who hands over to whom, when, under which agreement. */
export const HandoverNoteMessageSchema = z.object({
  language: DocumentLanguageSchema,
  business: BusinessSchema,
  successor: HandoverSuccessorSchema,
  /** The transfer agreement or another reference both sides know it by. */
  reference: optionalText(200),
  /** The day of the handover. */
  date: IsoDateSchema,
});
export type HandoverNoteMessage = z.input<typeof HandoverNoteMessageSchema>;

export interface HandoverNoteInput {
  readonly language: DocumentLanguage;
  readonly business: Business;
  readonly successor: HandoverSuccessor;
  readonly reference: string;
  readonly date: IsoDate;
  /** Records per table in the encrypted register. */
  readonly counts: Readonly<Record<BackupTableName, number>>;
  /** Customers left out because their processing is restricted on the day (Art. 18): they stay with the salon. */
  readonly restrictedCustomers: number;
  /** Customers with a marketing objection in force (Art. 21). */
  readonly objectingCustomers: number;
  /** The CSV files in the package, by name. */
  readonly csvFiles: readonly string[];
}

interface NoteWords {
  title: string;
  from: string;
  to: string;
  businessId: string;
  address: string;
  contact: string;
  controllerContact: string;
  date: string;
  reference: string;
  intro: string;
  included: string;
  includedLead: string;
  columns: readonly [string, string];
  tables: Readonly<Record<BackupTableName, string>>;
  files: string;
  archiveFile: (name: string) => string;
  csvFiles: (names: string) => string;
  noteFile: (name: string) => string;
  flags: string;
  flagsText: (restricted: number, objecting: number) => string;
  controller: string;
  controllerText: readonly string[];
  open: string;
  openSteps: (archive: string) => readonly string[];
  csv: string;
  csvText: string;
  signatures: string;
  signatureLines: string;
}

const WORDS: Readonly<Record<DocumentLanguage, NoteWords>> = {
  fi: {
    title: 'Luovutuskirja: asiakasrekisterin siirto seuraajayritykselle',
    from: 'Luovuttaja (rekisterinpitäjä)',
    to: 'Vastaanottaja (seuraajayritys)',
    businessId: 'Y-tunnus',
    address: 'Osoite',
    contact: 'Yhteystiedot',
    controllerContact: 'Rekisterinpitäjän yhteyshenkilö',
    date: 'Luovutuspäivä',
    reference: 'Sopimus tai viite',
    intro:
      'Rekisterinpitäjä luovuttaa kopion asiakasrekisteristään alla nimetylle seuraajayritykselle liiketoiminnan siirron yhteydessä, jotta asiakkaiden palvelu voi jatkua. Luovutuksesta on kerrottu asiakkaille rekisteri- ja tietosuojaselosteessa.',
    included: 'Mitä luovutetaan',
    includedLead: 'Asiakasrekisteri sellaisenaan, lukuun ottamatta asiakkaita, joiden tietojen käsittelyä on rajoitettu:',
    columns: ['Tiedot', 'Määrä'],
    tables: {
      customers: 'Asiakkaat',
      services: 'Palvelut',
      appointments: 'Ajanvaraukset',
      erasureLedger: 'Merkinnät poistetuista asiakkaista',
      gdprRequests: 'Tietosuojapyynnöt',
      requestAttachments: 'Pyyntöjen liitetiedostot',
      disclosures: 'Luovutusloki',
      retentionDecisions: 'Säilytyspäätökset',
      privacyFlags: 'Käsittelyn rajoitukset ja markkinointikiellot (asiakkaita)',
      privacyNotices: 'Tietosuojaselosteen versiot',
    },
    files: 'Tiedostot',
    archiveFile: (name) => `${name}: koko rekisteri salattuna (age-muoto, tunnuslause). Sisältää kaikki yllä luetellut tiedot.`,
    csvFiles: (names) => `CSV-tiedostot (${names}): samat tiedot salaamattomina taulukoina.`,
    noteFile: (name) => `${name}: tämä luovutuskirja.`,
    flags: 'Rajoitetut tiedot jäävät, markkinointikiellot siirtyvät',
    flagsText: (restricted, objecting) =>
      `Siirrosta jätettiin pois ${restricted} asiakasta, joiden tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): rajoitettuja tietoja saa vain säilyttää, joten ne jäävät luovuttajalle, kunnes rajoitus päättyy tai asiakas antaa suostumuksensa siirtoon. Siirrossa on ${objecting} asiakasta, jotka ovat kieltäneet suoramarkkinoinnin (21 artikla); kielto on tiedoissa mukana, ja seuraajayrityksen on noudatettava sitä.`,
    controller: 'Seuraajayrityksestä tulee rekisterinpitäjä',
    controllerText: [
      'Vastaanotettuaan tiedot seuraajayritys on näiden henkilötietojen rekisterinpitäjä ja vastaa niiden lainmukaisesta käsittelystä.',
      'Seuraajayrityksen on kerrottava asiakkaille tietojen siirrosta, omista yhteystiedoistaan ja käsittelyn tarkoituksista kohtuullisessa ajassa, viimeistään kuukauden kuluessa (tietosuoja-asetuksen 14 artikla), ja laadittava oma rekisteri- ja tietosuojaselosteensa. Asiakkaiden oikeuksia (tarkastus, oikaisu, poistaminen, rajoittaminen, vastustaminen) koskevat pyynnöt käsitellään jatkossa seuraajayrityksessä.',
    ],
    open: 'Näin salattu tiedosto avataan',
    openSteps: (archive) => [
      'Asenna age-salausohjelma (https://age-encryption.org).',
      `Avaa komentorivi kansiossa, jossa ${archive} on, ja anna komento: age -d -o register.json ${archive}`,
      'Kirjoita siirron tunnuslause, kun ohjelma kysyy sitä. Tunnuslause toimitetaan erikseen, ei tämän kirjeen eikä tiedostojen mukana (esimerkiksi puhelimitse tai henkilökohtaisesti).',
      `register.json on Kirjurin varmuuskopiomuodon JSON-asiakirja. Kirjuri-ohjelmassa tiedoston ${archive} voi myös palauttaa varmuuskopiona samalla tunnuslauseella.`,
    ],
    csv: 'CSV-tiedostot ovat salaamattomia',
    csvText:
      'CSV-tiedostot ovat salaamattomia kopioita samoista tiedoista taulukkolaskentaa varten. Säilytä ne turvallisesti (esimerkiksi salatulla levyllä), älä lähetä niitä sähköpostitse ja poista ne, kun niitä ei enää tarvita.',
    signatures: 'Allekirjoitukset',
    signatureLines: 'Luovuttaja: ______________________________\n\nVastaanottaja: ______________________________',
  },
  sv: {
    title: 'Överlåtelsebrev: överföring av kundregistret till ett efterträdande företag',
    from: 'Överlåtare (personuppgiftsansvarig)',
    to: 'Mottagare (efterträdande företag)',
    businessId: 'FO-nummer',
    address: 'Adress',
    contact: 'Kontaktuppgifter',
    controllerContact: 'Den personuppgiftsansvariges kontaktperson',
    date: 'Överlåtelsedag',
    reference: 'Avtal eller referens',
    intro:
      'Den personuppgiftsansvarige lämnar ut en kopia av sitt kundregister till det efterträdande företag som anges nedan i samband med en överlåtelse av verksamheten, så att kunderna kan fortsätta att betjänas. Kunderna har informerats om utlämnandet i registerbeskrivningen och dataskyddsbeskrivningen.',
    included: 'Vad som lämnas ut',
    includedLead: 'Kundregistret som det är, utom kunder vars uppgifter omfattas av en begränsning av behandlingen:',
    columns: ['Uppgifter', 'Antal'],
    tables: {
      customers: 'Kunder',
      services: 'Tjänster',
      appointments: 'Bokningar',
      erasureLedger: 'Anteckningar om raderade kunder',
      gdprRequests: 'Begäranden enligt dataskyddsförordningen',
      requestAttachments: 'Bilagor till begäranden',
      disclosures: 'Utlämnandelogg',
      retentionDecisions: 'Beslut om lagringstid',
      privacyFlags: 'Begränsningar och invändningar mot marknadsföring (kunder)',
      privacyNotices: 'Versioner av dataskyddsbeskrivningen',
    },
    files: 'Filer',
    archiveFile: (name) => `${name}: hela registret krypterat (age-format, lösenfras). Innehåller alla uppgifter ovan.`,
    csvFiles: (names) => `CSV-filer (${names}): samma uppgifter som okrypterade tabeller.`,
    noteFile: (name) => `${name}: detta överlåtelsebrev.`,
    flags: 'Begränsade uppgifter stannar, invändningar följer med',
    flagsText: (restricted, objecting) =>
      `${restricted} kunder vars uppgifter omfattas av en begränsning av behandlingen (artikel 18 i dataskyddsförordningen) lämnades utanför överlåtelsen: begränsade uppgifter får endast lagras, så de stannar hos överlåtaren tills begränsningen upphör eller kunden samtycker till överlåtelsen. Överlåtelsen omfattar ${objecting} kunder som har invänt mot direktmarknadsföring (artikel 21); invändningen ingår i uppgifterna och det efterträdande företaget måste iaktta den.`,
    controller: 'Det efterträdande företaget blir personuppgiftsansvarig',
    controllerText: [
      'När det efterträdande företaget har tagit emot uppgifterna är det personuppgiftsansvarig för dem och ansvarar för att de behandlas lagligt.',
      'Det efterträdande företaget ska informera kunderna om överföringen, om sina egna kontaktuppgifter och om ändamålen med behandlingen inom en rimlig tid, senast inom en månad (artikel 14 i dataskyddsförordningen), och upprätta en egen registerbeskrivning och dataskyddsbeskrivning. Begäranden om kundernas rättigheter (tillgång, rättelse, radering, begränsning, invändning) behandlas därefter av det efterträdande företaget.',
    ],
    open: 'Så här öppnas den krypterade filen',
    openSteps: (archive) => [
      'Installera krypteringsprogrammet age (https://age-encryption.org).',
      `Öppna en kommandorad i mappen där ${archive} finns och ge kommandot: age -d -o register.json ${archive}`,
      'Skriv in överföringens lösenfras när programmet frågar efter den. Lösenfrasen lämnas separat, inte med detta brev eller filerna (till exempel per telefon eller personligen).',
      `register.json är ett JSON-dokument i Kirjuris format för säkerhetskopior. I programmet Kirjuri kan ${archive} också återställas som en säkerhetskopia med samma lösenfras.`,
    ],
    csv: 'CSV-filerna är okrypterade',
    csvText:
      'CSV-filerna är okrypterade kopior av samma uppgifter för kalkylprogram. Förvara dem säkert (till exempel på en krypterad disk), skicka dem inte per e-post och radera dem när de inte längre behövs.',
    signatures: 'Underskrifter',
    signatureLines: 'Överlåtare: ______________________________\n\nMottagare: ______________________________',
  },
  en: {
    title: 'Handover note: transfer of the customer register to a successor company',
    from: 'From (controller)',
    to: 'To (successor company)',
    businessId: 'Business ID',
    address: 'Address',
    contact: 'Contact details',
    controllerContact: 'Controller’s contact person',
    date: 'Date of handover',
    reference: 'Agreement or reference',
    intro:
      'The controller hands a copy of its customer register to the successor company named below as part of a transfer of the business, so that the customers can continue to be served. The customers have been told of this disclosure in the register and privacy notice.',
    included: 'What is handed over',
    includedLead: 'The customer register as it is, except customers whose processing is restricted:',
    columns: ['Data', 'Count'],
    tables: {
      customers: 'Customers',
      services: 'Services',
      appointments: 'Appointments',
      erasureLedger: 'Records of erased customers',
      gdprRequests: 'Data protection requests',
      requestAttachments: 'Request attachments',
      disclosures: 'Disclosure log',
      retentionDecisions: 'Retention decisions',
      privacyFlags: 'Restrictions and marketing objections (customers)',
      privacyNotices: 'Privacy notice versions',
    },
    files: 'Files',
    archiveFile: (name) => `${name}: the whole register, encrypted (age format, passphrase). Holds all of the data listed above.`,
    csvFiles: (names) => `CSV files (${names}): the same data as unencrypted tables.`,
    noteFile: (name) => `${name}: this handover note.`,
    flags: 'Restricted data stays, marketing objections go with the data',
    flagsText: (restricted, objecting) =>
      `${restricted} customers whose processing is restricted (Article 18 of the GDPR) were left out of the transfer: restricted data may only be stored, so it stays with the transferring salon until the restriction ends or the customer consents to the transfer. The transfer includes ${objecting} customers who have objected to direct marketing (Article 21); the objection is part of the data and the successor must honour it.`,
    controller: 'The successor becomes the controller',
    controllerText: [
      'Once it has received the data, the successor company is the controller of these personal data and is responsible for processing them lawfully.',
      'The successor must inform the customers of the transfer, of its own contact details and of the purposes of processing within a reasonable period, at the latest within one month (Article 14 of the GDPR), and publish its own register and privacy notice. Requests concerning the customers’ rights (access, rectification, erasure, restriction, objection) are handled by the successor from then on.',
    ],
    open: 'How to open the encrypted file',
    openSteps: (archive) => [
      'Install the age encryption tool (https://age-encryption.org).',
      `Open a command line in the folder that holds ${archive} and run: age -d -o register.json ${archive}`,
      'Type the transfer passphrase when age asks for it. The passphrase is delivered separately, never with this note or the files (for example by phone or in person).',
      `register.json is a JSON document in Kirjuri’s backup format. In the Kirjuri app, ${archive} can also be restored as a backup with the same passphrase.`,
    ],
    csv: 'The CSV files are unencrypted',
    csvText:
      'The CSV files are unencrypted copies of the same data, for spreadsheets. Store them securely (for example on an encrypted disk), do not send them by e-mail, and delete them once they are no longer needed.',
    signatures: 'Signatures',
    signatureLines: 'Handed over by: ______________________________\n\nReceived by: ______________________________',
  },
};

/** The note as a document model. Throws (zod) when the date or the parties are not valid. */
export function handoverNoteModel(input: HandoverNoteInput): DocumentModel {
  const { language, business } = input;
  const successor = HandoverSuccessorSchema.parse(input.successor);
  const date = IsoDateSchema.parse(input.date);
  const words = WORDS[language];
  const shownDate = formatIsoDate(date, language);
  const contacts = [business.privacyEmail, business.privacyPhone ? formatPhone(business.privacyPhone) : ''].filter((value) => value !== '').join(', ');

  const from: [string, string][] = [
    [words.from, business.name],
    [words.businessId, business.businessId],
    [words.address, businessAddress(business)],
    [words.contact, contacts],
  ];
  const to: [string, string][] = [
    [words.to, successor.name],
    ...(successor.businessId === '' ? [] : [[words.businessId, successor.businessId] as [string, string]]),
    [words.controllerContact, successor.controllerContact],
  ];
  const facts: [string, string][] = [[words.date, shownDate], ...(input.reference === '' ? [] : [[words.reference, input.reference] as [string, string]])];
  const fileItems = [
    words.archiveFile(SUCCESSOR_ARCHIVE_FILE),
    ...(input.csvFiles.length === 0 ? [] : [words.csvFiles(input.csvFiles.join(', '))]),
    words.noteFile(SUCCESSOR_NOTE_FILE),
  ];

  return {
    language,
    title: words.title,
    subtitle: `${business.name} → ${successor.name} · ${shownDate}`,
    blocks: [
      keyValue(from),
      keyValue(to),
      keyValue(facts),
      paragraph(words.intro),
      heading(words.included, 2),
      paragraph(words.includedLead),
      table(
        words.columns,
        BACKUP_TABLE_NAMES.map((name) => [words.tables[name], String(input.counts[name])]),
        [3, 1],
      ),
      heading(words.files, 3),
      list(fileItems),
      heading(words.flags, 2),
      paragraph(words.flagsText(input.restrictedCustomers, input.objectingCustomers)),
      heading(words.controller, 2),
      ...words.controllerText.map(paragraph),
      heading(words.open, 2),
      list(words.openSteps(SUCCESSOR_ARCHIVE_FILE), true),
      heading(words.csv, 2),
      paragraph(words.csvText),
      heading(words.signatures, 2),
      paragraph(words.signatureLines),
    ],
    footer: `${business.name} → ${successor.name} · ${shownDate}`,
  };
}

/** The note as PDF bytes. */
export function handoverNotePdf(input: HandoverNoteInput, options?: PdfOptions): Promise<Uint8Array> {
  return renderPdf(handoverNoteModel(input), options);
}
