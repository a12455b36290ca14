import { z } from 'zod';
import { formatPhone } from '../domain/phone';
import { BusinessSchema, type Business } from '../schemas/business';
import type { IsoDate } from '../domain/calendar-date';
import { IsoDateSchema } from '../schemas/dates';
import { formatIsoDate } from './format';
import { GdprRequestTypeSchema, type GdprRequest, type GdprRequestType } from '../schemas/gdpr-request';
import { REQUEST_TYPE_LABELS } from './labels';
import { DocumentLanguageSchema, heading, keyValue, paragraph, type Block, type DocumentLanguage, type DocumentModel } from './model';
import { renderPdf, type PdfOptions } from './pdf';
import { DATA_PROTECTION_OMBUDSMAN, businessAddress } from './processing-info';

/**
 * Reply letters to a GDPR request, in Finnish, Swedish and English, for every request type and
 * outcome: done; refused (with the reason and the right to complain and to a judicial remedy,
 * Art. 12(4)); extension (with the reason and the new due date, Art. 12(3)); identity needed
 * (Art. 12(6)). Filled from a request-like input and the business settings, laid out as a
 * document model and printed as PDF.
 */
export const REPLY_OUTCOMES = ['done', 'refused', 'extension', 'identity_needed'] as const;
export type ReplyOutcomeKind = (typeof REPLY_OUTCOMES)[number];

export const ReplyOutcomeSchema = z.discriminatedUnion('kind', [
  /** `details`: what was done, in the salon's words (e.g. which field was corrected). */
  z.object({ kind: z.literal('done'), details: z.string().trim().max(5000).optional() }),
  z.object({ kind: z.literal('refused'), reason: z.string().trim().min(1).max(5000) }),
  z.object({ kind: z.literal('extension'), reason: z.string().trim().min(1).max(5000), newDueDate: IsoDateSchema }),
  /** `howToVerify`: how the person can prove who they are; a sensible default when omitted. */
  z.object({ kind: z.literal('identity_needed'), howToVerify: z.string().trim().max(2000).optional() }),
]);
export type ReplyOutcome = z.infer<typeof ReplyOutcomeSchema>;

/** The request as a letter needs it (`replyRequestOf` maps a stored request onto it). */
export const ReplyRequestSchema = z.object({
  type: GdprRequestTypeSchema,
  receivedDate: IsoDateSchema,
  requesterName: z.string().trim().min(1).max(200),
  /** Where the answer goes: postal address lines (`\n`-separated) or an e-mail address. */
  requesterAddress: z.string().max(500).optional(),
  /** The salon's reference for the request, printed on the letter. */
  reference: z.string().max(100).optional(),
});
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>;

/** The letter's view of a stored request: who asked, what, when, and our reference (its id). */
export function replyRequestOf(request: GdprRequest): ReplyRequest {
  return {
    type: request.type,
    receivedDate: request.receivedDate,
    requesterName: request.requesterName,
    requesterAddress: request.requesterContact,
    reference: request.id,
  };
}

/**
 * The letter a stored request calls for now, or null when it needs none yet: a refusal or a
 * completed request is answered with its outcome; an open one with an extension gets the notice;
 * an open one waiting for identity gets the request to prove it. The salon can always choose
 * another outcome by passing it to `replyLetterModel` itself.
 */
export function replyOutcomeOf(request: GdprRequest): ReplyOutcome | null {
  if (request.status === 'refused' && request.refusal) return { kind: 'refused', reason: request.refusal.reason };
  if (request.status === 'done') return { kind: 'done' };
  if (request.extension) return { kind: 'extension', reason: request.extension.reason, newDueDate: request.extension.newDueDate };
  if (request.identity.state === 'pending') return { kind: 'identity_needed' };
  return null;
}

export interface ReplyLetterInput {
  readonly language: DocumentLanguage;
  readonly business: Business;
  readonly request: ReplyRequest;
  readonly outcome: ReplyOutcome;
  /** The letter's date. */
  readonly date: IsoDate;
  /** Who signs (the owner's name); the business name alone when omitted. */
  readonly signatory?: string;
}

/** The letter's input as it crosses a boundary (IPC: the renderer sends it, main renders it). */
export const ReplyLetterInputSchema = z.object({
  language: DocumentLanguageSchema,
  business: BusinessSchema,
  request: ReplyRequestSchema,
  outcome: ReplyOutcomeSchema,
  date: IsoDateSchema,
  signatory: z.string().trim().max(200).optional(),
});

interface LetterWords {
  subject: Record<ReplyOutcomeKind, string>;
  received: string;
  reference: string;
  greeting: (name: string) => string;
  intro: (date: string) => string;
  requestPhrase: Record<GdprRequestType, string>;
  done: Record<GdprRequestType, string[]>;
  refused: { lead: string; remedy: (authority: string) => string };
  extension: { lead: string; due: (date: string) => string };
  identity: { lead: string; defaultHow: string; after: string };
  questions: (contact: string) => string;
  or: string;
  closing: string;
  businessId: string;
}

const WORDS: Readonly<Record<DocumentLanguage, LetterWords>> = {
  fi: {
    subject: { done: 'Vastaus pyyntöösi', refused: 'Vastaus pyyntöösi', extension: 'Ilmoitus vastausajan pidentämisestä', identity_needed: 'Pyyntö henkilöllisyyden varmistamiseksi' },
    received: 'Pyyntö vastaanotettu',
    reference: 'Viitteemme',
    greeting: (name) => `Hyvä ${name}`,
    intro: (date) => `Olemme vastaanottaneet ${date} kirjallisen`,
    requestPhrase: {
      access: 'pyyntösi saada pääsy henkilötietoihisi.',
      rectification: 'pyyntösi oikaista tai täydentää henkilötietojasi.',
      erasure: 'pyyntösi poistaa henkilötietosi asiakasrekisteristä.',
      restriction: 'pyyntösi rajoittaa henkilötietojesi käsittelyä.',
      objection: 'ilmoituksesi, jolla vastustat henkilötietojesi käyttämistä suoramarkkinointiin.',
      portability: 'pyyntösi saada henkilötietosi koneellisesti luettavassa muodossa.',
      consent_withdrawal: 'ilmoituksesi suostumuksen peruuttamisesta.',
    },
    done: {
      access: [
        'Liitteenä on selvitys kaikista sinusta asiakasrekisteriin tallennetuista henkilötiedoista sekä tiedot niiden käsittelystä (EU:n yleisen tietosuoja-asetuksen 15 artikla). Samat tiedot ovat liitteenä myös koneellisesti luettavassa muodossa (JSON-tiedosto).',
      ],
      rectification: [
        'Olemme oikaisseet tai täydentäneet tietosi pyyntösi mukaisesti (tietosuoja-asetuksen 16 artikla).',
        'Ilmoitamme oikaisusta myös niille, joille tietojasi on mahdollisesti luovutettu (19 artikla).',
      ],
      erasure: [
        'Olemme poistaneet henkilötietosi asiakasrekisteristä (tietosuoja-asetuksen 17 artikla). Poistettuja tietoja ei palauteta myöhemminkään, esimerkiksi varmuuskopiosta.',
        'Säilytämme vain merkinnän poistosta (pyynnön tunniste, poiston päivämäärä ja nimikirjaimesi), jotta voimme osoittaa pyynnön tulleen käsitellyksi. Ilmoitamme poistosta myös niille, joille tietojasi on mahdollisesti luovutettu (19 artikla).',
      ],
      restriction: [
        'Olemme rajoittaneet henkilötietojesi käsittelyä (tietosuoja-asetuksen 18 artikla). Tietosi säilytetään, mutta niitä ei käytetä markkinointiin eikä muutoin käsitellä ilman suostumustasi, paitsi oikeudellisen vaateen laatimiseksi, esittämiseksi tai puolustamiseksi tai toisen henkilön oikeuksien suojaamiseksi.',
        'Ilmoitamme sinulle ennen kuin rajoitus poistetaan.',
      ],
      objection: [
        'Emme enää käytä henkilötietojasi suoramarkkinointiin (tietosuoja-asetuksen 21 artikla). Vastustus on voimassa, kunnes peruutat sen kirjallisesti, vaikka antaisit myöhemmin markkinointisuostumuksen.',
        'Voimme edelleen ottaa sinuun yhteyttä ajanvarauksiisi liittyvissä asioissa.',
      ],
      portability: [
        'Liitteenä ovat henkilötiedot, jotka olet itse toimittanut meille, jäsennellyssä, yleisesti käytetyssä ja koneellisesti luettavassa muodossa (JSON-tiedosto, tietosuoja-asetuksen 20 artikla).',
      ],
      consent_withdrawal: [
        'Olemme kirjanneet suostumuksesi peruutetuksi (tietosuoja-asetuksen 7 artiklan 3 kohta). Peruuttaminen ei vaikuta ennen peruuttamista suostumuksen perusteella tehdyn käsittelyn lainmukaisuuteen.',
        'Voit antaa suostumuksen uudelleen milloin tahansa.',
      ],
    },
    refused: {
      lead: 'Emme voi toteuttaa pyyntöäsi seuraavasta syystä:',
      remedy: (authority) =>
        `Sinulla on oikeus tehdä valitus valvontaviranomaiselle, Tietosuojavaltuutetun toimistolle (${authority}), ja hakea oikeussuojaa tuomioistuimessa (tietosuoja-asetuksen 12 artiklan 4 kohta).`,
    },
    extension: {
      lead: 'Pyyntösi käsittely vaatii tavallista enemmän aikaa. Pidennämme vastausaikaa tietosuoja-asetuksen 12 artiklan 3 kohdan nojalla seuraavasta syystä:',
      due: (date) => `Vastaamme pyyntöösi viimeistään ${date}.`,
    },
    identity: {
      lead: 'Jotta henkilötietoja ei luovuteta tai muuteta väärän henkilön pyynnöstä, meidän on varmistettava henkilöllisyytesi ennen kuin voimme käsitellä pyyntösi (tietosuoja-asetuksen 12 artiklan 6 kohta).',
      defaultHow: 'Voit todistaa henkilöllisyytesi esimerkiksi esittämällä voimassa olevan henkilöllisyystodistuksen liikkeessämme.',
      after: 'Käsittelemme pyyntösi heti, kun henkilöllisyytesi on varmistettu. Emme pyydä enempää tietoja kuin henkilöllisyyden varmistaminen edellyttää.',
    },
    questions: (contact) => `Jos sinulla on kysyttävää, voit ottaa yhteyttä ${contact}.`,
    or: 'tai',
    closing: 'Ystävällisin terveisin',
    businessId: 'Y-tunnus',
  },
  sv: {
    subject: { done: 'Svar på din begäran', refused: 'Svar på din begäran', extension: 'Meddelande om förlängd svarstid', identity_needed: 'Begäran om bekräftelse av identitet' },
    received: 'Begäran mottagen',
    reference: 'Vår referens',
    greeting: (name) => `Bästa ${name}`,
    intro: (date) => `Vi har den ${date} tagit emot`,
    requestPhrase: {
      access: 'din skriftliga begäran om tillgång till dina personuppgifter.',
      rectification: 'din skriftliga begäran om rättelse eller komplettering av dina personuppgifter.',
      erasure: 'din skriftliga begäran om radering av dina personuppgifter ur kundregistret.',
      restriction: 'din skriftliga begäran om begränsning av behandlingen av dina personuppgifter.',
      objection: 'ditt skriftliga meddelande om att du invänder mot att dina personuppgifter används för direktmarknadsföring.',
      portability: 'din skriftliga begäran om att få dina personuppgifter i maskinläsbart format.',
      consent_withdrawal: 'ditt skriftliga meddelande om att du återkallar ditt samtycke.',
    },
    done: {
      access: [
        'Som bilaga finns en redogörelse för alla personuppgifter om dig som har sparats i kundregistret och information om hur de behandlas (artikel 15 i EU:s allmänna dataskyddsförordning). Samma uppgifter finns också bifogade i maskinläsbart format (en JSON-fil).',
      ],
      rectification: [
        'Vi har rättat eller kompletterat dina uppgifter enligt din begäran (artikel 16 i dataskyddsförordningen).',
        'Vi meddelar rättelsen också till dem som dina uppgifter eventuellt har lämnats ut till (artikel 19).',
      ],
      erasure: [
        'Vi har raderat dina personuppgifter ur kundregistret (artikel 17 i dataskyddsförordningen). De raderade uppgifterna återställs inte heller senare, till exempel från en säkerhetskopia.',
        'Vi sparar endast en anteckning om raderingen (begärans identifierare, datum för raderingen och dina initialer) för att kunna visa att begäran har behandlats. Vi meddelar raderingen också till dem som dina uppgifter eventuellt har lämnats ut till (artikel 19).',
      ],
      restriction: [
        'Vi har begränsat behandlingen av dina personuppgifter (artikel 18 i dataskyddsförordningen). Dina uppgifter bevaras, men de används inte för marknadsföring och behandlas inte på annat sätt utan ditt samtycke, utom för att fastställa, göra gällande eller försvara rättsliga anspråk eller för att skydda någon annans rättigheter.',
        'Vi meddelar dig innan begränsningen upphävs.',
      ],
      objection: [
        'Vi använder inte längre dina personuppgifter för direktmarknadsföring (artikel 21 i dataskyddsförordningen). Invändningen gäller tills du skriftligen återkallar den, även om du senare skulle ge samtycke till marknadsföring.',
        'Vi kan fortfarande kontakta dig i frågor som gäller dina bokningar.',
      ],
      portability: [
        'Som bilaga finns de personuppgifter som du själv har lämnat till oss, i ett strukturerat, allmänt använt och maskinläsbart format (en JSON-fil, artikel 20 i dataskyddsförordningen).',
      ],
      consent_withdrawal: [
        'Vi har registrerat att du har återkallat ditt samtycke (artikel 7.3 i dataskyddsförordningen). Återkallelsen påverkar inte lagligheten av behandling som grundade sig på samtycket innan det återkallades.',
        'Du kan när som helst ge ditt samtycke på nytt.',
      ],
    },
    refused: {
      lead: 'Vi kan inte tillmötesgå din begäran av följande orsak:',
      remedy: (authority) =>
        `Du har rätt att lämna in ett klagomål till tillsynsmyndigheten, Dataombudsmannens byrå (${authority}), och att söka rättslig prövning i domstol (artikel 12.4 i dataskyddsförordningen).`,
    },
    extension: {
      lead: 'Behandlingen av din begäran kräver mer tid än vanligt. Vi förlänger svarstiden med stöd av artikel 12.3 i dataskyddsförordningen av följande orsak:',
      due: (date) => `Vi svarar på din begäran senast den ${date}.`,
    },
    identity: {
      lead: 'För att personuppgifter inte ska lämnas ut eller ändras på begäran av fel person måste vi bekräfta din identitet innan vi kan behandla din begäran (artikel 12.6 i dataskyddsförordningen).',
      defaultHow: 'Du kan styrka din identitet till exempel genom att visa upp ett giltigt identitetsbevis i vår salong.',
      after: 'Vi behandlar din begäran så snart din identitet har bekräftats. Vi ber inte om fler uppgifter än vad som behövs för att bekräfta din identitet.',
    },
    questions: (contact) => `Om du har frågor kan du kontakta oss ${contact}.`,
    or: 'eller',
    closing: 'Med vänliga hälsningar',
    businessId: 'FO-nummer',
  },
  en: {
    subject: { done: 'Reply to your request', refused: 'Reply to your request', extension: 'Notice of an extended time limit', identity_needed: 'Request to confirm your identity' },
    received: 'Request received',
    reference: 'Our reference',
    greeting: (name) => `Dear ${name}`,
    intro: (date) => `On ${date} we received`,
    requestPhrase: {
      access: 'your written request for access to your personal data.',
      rectification: 'your written request to correct or complete your personal data.',
      erasure: 'your written request to erase your personal data from the customer register.',
      restriction: 'your written request to restrict the processing of your personal data.',
      objection: 'your written objection to the use of your personal data for direct marketing.',
      portability: 'your written request to receive your personal data in a machine-readable format.',
      consent_withdrawal: 'your written notice withdrawing your consent.',
    },
    done: {
      access: [
        'Enclosed is a report of all personal data about you stored in the customer register, with information about how they are processed (Article 15 of the EU General Data Protection Regulation). The same data are also enclosed in a machine-readable format (a JSON file).',
      ],
      rectification: [
        'We have corrected or completed your data as you asked (Article 16 of the GDPR).',
        'We will also tell anyone to whom your data may have been disclosed about the correction (Article 19).',
      ],
      erasure: [
        'We have erased your personal data from the customer register (Article 17 of the GDPR). The erased data will not be restored later either, for example from a backup.',
        'We keep only a note of the erasure (the request’s identifier, the date of erasure and your initials) so that we can show the request was handled. We will also tell anyone to whom your data may have been disclosed about the erasure (Article 19).',
      ],
      restriction: [
        'We have restricted the processing of your personal data (Article 18 of the GDPR). Your data are kept, but they are not used for marketing or otherwise processed without your consent, except for the establishment, exercise or defence of legal claims or for the protection of the rights of another person.',
        'We will tell you before the restriction is lifted.',
      ],
      objection: [
        'We no longer use your personal data for direct marketing (Article 21 of the GDPR). Your objection stays in force until you withdraw it in writing, even if you later give consent to marketing.',
        'We may still contact you about your bookings.',
      ],
      portability: [
        'Enclosed are the personal data you have provided to us, in a structured, commonly used and machine-readable format (a JSON file, Article 20 of the GDPR).',
      ],
      consent_withdrawal: [
        'We have recorded the withdrawal of your consent (Article 7(3) of the GDPR). The withdrawal does not affect the lawfulness of processing based on consent before it was withdrawn.',
        'You can give your consent again at any time.',
      ],
    },
    refused: {
      lead: 'We cannot act on your request, for the following reason:',
      remedy: (authority) =>
        `You have the right to lodge a complaint with the supervisory authority, the Office of the Data Protection Ombudsman (${authority}), and to seek a judicial remedy (Article 12(4) of the GDPR).`,
    },
    extension: {
      lead: 'Handling your request needs more time than usual. We are extending the time limit under Article 12(3) of the GDPR, for the following reason:',
      due: (date) => `We will answer your request by ${date} at the latest.`,
    },
    identity: {
      lead: 'So that personal data are never disclosed or changed at the request of the wrong person, we need to confirm your identity before we can handle your request (Article 12(6) of the GDPR).',
      defaultHow: 'You can prove your identity, for example, by showing a valid identity document at our salon.',
      after: 'We will handle your request as soon as your identity has been confirmed. We will not ask for more information than is needed to confirm your identity.',
    },
    questions: (contact) => `If you have any questions, please contact us ${contact}.`,
    or: 'or',
    closing: 'Kind regards',
    businessId: 'Business ID',
  },
};

const CONTACT: Readonly<Record<DocumentLanguage, { email: (v: string) => string; phone: (v: string) => string }>> = {
  fi: { email: (v) => `sähköpostitse osoitteeseen ${v}`, phone: (v) => `puhelimitse numeroon ${v}` },
  sv: { email: (v) => `per e-post på ${v}`, phone: (v) => `per telefon på ${v}` },
  en: { email: (v) => `by e-mail at ${v}`, phone: (v) => `by phone on ${v}` },
};

/** The letter as a document model. Throws (zod) when the request or outcome is not valid. */
export function replyLetterModel(input: ReplyLetterInput): DocumentModel {
  const { language, business } = input;
  const request = ReplyRequestSchema.parse(input.request);
  const outcome = ReplyOutcomeSchema.parse(input.outcome);
  const date = IsoDateSchema.parse(input.date);
  const words = WORDS[language];
  const ombudsman = DATA_PROTECTION_OMBUDSMAN[language];

  const recipient = [request.requesterName, ...(request.requesterAddress ?? '').split('\n').map((line) => line.trim())].filter((line) => line !== '').join('\n');
  const facts: [string, string][] = [[words.received, formatIsoDate(request.receivedDate, language)]];
  if (request.reference) facts.push([words.reference, request.reference]);

  const blocks: Block[] = [
    paragraph(recipient),
    keyValue(facts),
    heading(REQUEST_TYPE_LABELS[language][request.type], 2),
    paragraph(`${words.greeting(request.requesterName)},`),
    paragraph(`${words.intro(formatIsoDate(request.receivedDate, language))} ${words.requestPhrase[request.type]}`),
  ];
  switch (outcome.kind) {
    case 'done':
      blocks.push(...words.done[request.type].map(paragraph));
      if (outcome.details) blocks.push(paragraph(outcome.details));
      break;
    case 'refused':
      blocks.push(paragraph(words.refused.lead), paragraph(outcome.reason), paragraph(words.refused.remedy(`${ombudsman.postal}, ${ombudsman.web}`)));
      break;
    case 'extension':
      blocks.push(paragraph(words.extension.lead), paragraph(outcome.reason), paragraph(words.extension.due(formatIsoDate(outcome.newDueDate, language))));
      break;
    case 'identity_needed':
      blocks.push(paragraph(words.identity.lead), paragraph(outcome.howToVerify || words.identity.defaultHow), paragraph(words.identity.after));
      break;
  }
  const contacts = [
    ...(business.privacyEmail ? [CONTACT[language].email(business.privacyEmail)] : []),
    ...(business.privacyPhone ? [CONTACT[language].phone(formatPhone(business.privacyPhone))] : []),
  ];
  if (contacts.length > 0) blocks.push(paragraph(words.questions(contacts.join(` ${words.or} `))));
  blocks.push(paragraph([words.closing, '', ...(input.signatory ? [input.signatory] : []), business.name].join('\n')));

  return {
    language,
    title: words.subject[outcome.kind],
    subtitle: `${business.name} · ${formatIsoDate(date, language)}`,
    blocks,
    footer: `${business.name} · ${businessAddress(business)} · ${words.businessId} ${business.businessId}`,
  };
}

/** The letter as PDF bytes. */
export function replyLetterPdf(input: ReplyLetterInput, options?: PdfOptions): Promise<Uint8Array> {
  return renderPdf(replyLetterModel(input), options);
}
