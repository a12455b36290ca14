import { formatPhone } from '../domain/phone';
import type { Business } from '../schemas/business';
import { formatPeriod } from './format';
import { keyValue, list, paragraph, type Block, type DocumentLanguage } from './model';

/**
 * What the salon tells every registered person about the processing (GDPR Art. 13, 14 and
 * 15(1)), in Finnish, Swedish and English: the privacy notice prints all of it, the access report
 * the parts Art. 15(1) asks for. One source, so the two documents can never disagree.
 *
 * The Finnish text follows the salon's own notice (shared/seed), corrected and completed. Every
 * promise here is one the app keeps: the register is encrypted on the salon's computer, each user
 * has a personal sign-in and role, the app locks itself and journals, backups are encrypted, an
 * erasure leaves only a masked ledger entry, disclosures are logged, requests are answered within
 * the Art. 12(3) deadline that the request register computes. The business name is never
 * inflected (Finnish cases of an arbitrary name cannot be generated): sentences say "yritys" /
 * "rekisterinpitäjä" and the name stands alone in the controller table.
 */
export interface ProcessingInfoInput {
  readonly business: Business;
  /** The retention policy's review period (settings `RetentionPolicy.reviewAfterMonths`). */
  readonly reviewAfterMonths: number;
  /** Whether the owner has switched on the health-notes field (special-category data, Art. 9). */
  readonly healthNotesEnabled: boolean;
}

export interface InfoSection {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export const INFO_SECTIONS = [
  'controller',
  'legalBasis',
  'purposes',
  'categories',
  'sources',
  'recipients',
  'transfers',
  'protection',
  'retention',
  'rights',
  'complaint',
  'requests',
  'automatedDecisions',
] as const;
export type InfoSectionKey = (typeof INFO_SECTIONS)[number];
export type ProcessingInfo = Readonly<Record<InfoSectionKey, InfoSection>>;

/** The Finnish supervisory authority, as each language names it. */
export const DATA_PROTECTION_OMBUDSMAN: Readonly<Record<DocumentLanguage, { readonly name: string; readonly postal: string; readonly web: string }>> = {
  fi: { name: 'Tietosuojavaltuutetun toimisto', postal: 'PL 800, 00531 Helsinki', web: 'tietosuoja.fi' },
  sv: { name: 'Dataombudsmannens byrå', postal: 'PB 800, 00531 Helsingfors', web: 'tietosuoja.fi' },
  en: { name: 'Office of the Data Protection Ombudsman', postal: 'P.O. Box 800, FI-00531 Helsinki, Finland', web: 'tietosuoja.fi' },
};

/** `Kauppakatu 1, 00100 Helsinki`. */
export const businessAddress = (business: Business): string => `${business.street}, ${business.postalCode} ${business.city}`;

/** The controller's identity and privacy contact as table rows. */
function controllerRows(business: Business, labels: { name: string; businessId: string; address: string; email: string; phone: string }): Block {
  const rows: [string, string][] = [
    [labels.name, business.name],
    [labels.businessId, business.businessId],
    [labels.address, businessAddress(business)],
  ];
  if (business.privacyEmail) rows.push([labels.email, business.privacyEmail]);
  if (business.privacyPhone) rows.push([labels.phone, formatPhone(business.privacyPhone)]);
  return keyValue(rows);
}

/** The processing information in one language. */
export function processingInfo(language: DocumentLanguage, input: ProcessingInfoInput): ProcessingInfo {
  switch (language) {
    case 'fi':
      return finnish(input);
    case 'sv':
      return swedish(input);
    case 'en':
      return english(input);
  }
}

/** Every section's text, flattened (the access report's JSON carries the information as text). */
export function sectionText(section: InfoSection): string[] {
  return section.blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return [block.text];
      case 'list':
        return block.items;
      case 'keyValue':
        return block.rows.map((row) => `${row.key}: ${row.value}`);
      case 'table':
        return block.rows.map((row) => row.join(' | '));
    }
  });
}

function finnish({ business, reviewAfterMonths, healthNotesEnabled }: ProcessingInfoInput): ProcessingInfo {
  const ombudsman = DATA_PROTECTION_OMBUDSMAN.fi;
  const address = `${business.name}, ${businessAddress(business)}`;
  const howToSend = business.privacyEmail
    ? `sähköpostitse osoitteeseen ${business.privacyEmail} tai kirjeellä osoitteeseen ${address}`
    : `kirjeellä osoitteeseen ${address}`;
  return {
    controller: {
      heading: 'Rekisterinpitäjä ja yhteyshenkilö',
      blocks: [
        controllerRows(business, { name: 'Rekisterinpitäjä', businessId: 'Y-tunnus', address: 'Osoite', email: 'Tietosuoja-asiat, sähköposti', phone: 'Tietosuoja-asiat, puhelin' }),
        paragraph('Rekisterin nimi: asiakasrekisteri. Rekisteriä koskevissa asioissa voit ottaa yhteyttä yllä oleviin yhteystietoihin.'),
      ],
    },
    legalBasis: {
      heading: 'Henkilötietojen käsittelyn oikeusperuste',
      blocks: [
        paragraph('EU:n yleisen tietosuoja-asetuksen mukainen oikeusperuste henkilötietojen käsittelylle on asiakassuhde ja henkilön vapaaehtoinen suostumus.'),
        list([
          'Asiakassuhde: ajanvarausten ja tilattujen palvelujen toteuttaminen (tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta) sekä asiakassuhteen ylläpito rekisterinpitäjän oikeutetun edun perusteella (6 artiklan 1 kohdan f alakohta).',
          'Suostumus: markkinointiviestit sähköpostitse ja tekstiviestillä sekä kuvien tai muun aineiston julkaiseminen (6 artiklan 1 kohdan a alakohta). Suostumuksen voi peruuttaa milloin tahansa.',
          ...(healthNotesEnabled ? ['Nimenomainen suostumus: terveystiedot, kuten allergiat, joita palvelun turvallinen toteuttaminen edellyttää (9 artiklan 2 kohdan a alakohta).'] : []),
        ]),
      ],
    },
    purposes: {
      heading: 'Henkilötietojen käsittelyn tarkoitus',
      blocks: [
        paragraph('Asiakasrekisteriin kerätään yrityksen asiakkaiden henkilötietoja, jotta palvelut voidaan tarjota asianmukaisesti. Henkilötietojen käsittelyn tarkoitus on:'),
        list([
          'yhteydenpito asiakkaisiin, esimerkiksi ajanvarausten vahvistukset ja muutokset',
          'asiakassuhteen ylläpito ja laadukkaan palvelun varmistaminen myös jatkossa',
          'markkinointi; sähköpostitse ja tekstiviestillä vain asiakkaan suostumuksella',
        ]),
      ],
    },
    categories: {
      heading: 'Rekisterin tietosisältö',
      blocks: [
        paragraph('Rekisteriin tallennetaan ajanvarauksen ja asiakassuhteen yhteydessä saadut henkilötiedot, joita asiakassuhteen asianmukainen hoitaminen edellyttää:'),
        list([
          'henkilön nimi',
          'yhteystiedot: puhelinnumero, sähköpostiosoite ja postiosoite',
          'asiointikieli',
          'tiedot tilatuista palveluista ja niiden muutoksista: ajankohta, palvelut ja hinnat sekä palvelun tekijä',
          'ajanvarauksen toteutumistiedot: toteutunut, peruttu tai käyttämättä jäänyt aika',
          'lisätiedot ja erityistoiveet',
          'tieto siitä, mistä tiedot on saatu (esimerkiksi nettiajanvaraus, puhelu tai kolmannen osapuolen ajanvarausjärjestelmä), sekä käsittelyn oikeusperuste',
          'suostumukset ja niiden peruutukset (markkinointi sähköpostitse ja tekstiviestillä, julkaiseminen) sekä niiden ajankohdat ja antotapa',
          ...(healthNotesEnabled ? ['terveystiedot, joita palvelun turvallinen toteuttaminen edellyttää (esimerkiksi allergiat ja herkkyystestit), vain asiakkaan nimenomaisella suostumuksella'] : []),
          'tietosuojaoikeuksien käyttämistä koskevat pyynnöt ja niiden käsittelytiedot',
          'tiedot rekisteriin tehdyistä muutoksista: milloin ja kuka tietoja on lisännyt tai muuttanut',
        ]),
      ],
    },
    sources: {
      heading: 'Rekisterin säännönmukaiset tietolähteet',
      blocks: [
        paragraph(
          'Rekisteriin tallennettavat tiedot saadaan asiakkaalta itseltään, kun asiakas varaa ajan suoraan yritykseltä (nettiajanvaraus, puhelu, tekstiviesti, sähköposti tai käynti liikkeessä) tai kolmannen osapuolen ylläpitämän ajanvarausjärjestelmän kautta, tai kun asiakas muulla tavoin luovuttaa yritykselle itsestään henkilötietoja, esimerkiksi sosiaalisen median palvelujen kautta. Tietoja syntyy myös asiakassuhteen aikana, kun palveluja varataan ja toteutetaan.',
        ),
        paragraph('Kun aika varataan kolmannen osapuolen ajanvarausjärjestelmän kautta, järjestelmän ylläpitäjä käsittelee tietoja myös oman tietosuojaselosteensa mukaisesti.'),
      ],
    },
    recipients: {
      heading: 'Henkilötietojen säännönmukaiset luovutukset',
      blocks: [
        paragraph('Tietoja ei luovuteta säännönmukaisesti muille tahoille. Tietoja, kuten kuvia, julkaistaan vain siltä osin kuin siitä on sovittu asiakkaan kanssa (julkaisusuostumus).'),
        paragraph('Henkilötietoja voidaan luovuttaa viranomaisille, kun laki sitä edellyttää ja viranomainen sitä pyytää.'),
        paragraph(
          'Henkilötietoja ei luovuteta kolmansille osapuolille, ellei yrityksessä työskentelevä rekisterinpitäjä siirry harjoittamaan elinkeinoaan toisen yrityksen alaisuudessa tai liiketoiminta siirry uudelle omistajalle. Tällöin uuden yrityksen rekisterinpitäjälle voidaan luovuttaa kopio asiakasrekisteristä, jotta kanta-asiakkaita voidaan palvella asianmukaisesti myös jatkossa.',
        ),
        paragraph('Jokaisesta luovutuksesta pidetään kirjaa.'),
      ],
    },
    transfers: {
      heading: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
      blocks: [paragraph('Tietoja ei siirretä Euroopan unionin tai Euroopan talousalueen ulkopuolelle.')],
    },
    protection: {
      heading: 'Rekisterin suojauksen periaatteet',
      blocks: [
        paragraph('Rekisterin käsittelyssä noudatetaan huolellisuutta, ja tiedot suojataan asianmukaisesti:'),
        list([
          'Asiakasrekisteri säilytetään salattuna yrityksen omalla tietokoneella.',
          'Tietoja käsittelevät vain ne työntekijät, joiden työtehtäviin se kuuluu, kukin omilla henkilökohtaisilla tunnuksillaan ja vain työnsä edellyttämin oikeuksin.',
          'Ohjelma lukittuu automaattisesti, kun sitä ei käytetä, ja tietojen käsittelystä pidetään lokia.',
          'Varmuuskopiot ovat salattuja.',
          'Rekisterinpitäjä huolehtii siitä, että tallennettuja tietoja ja käyttöoikeuksia käsitellään luottamuksellisesti.',
        ]),
      ],
    },
    retention: {
      heading: 'Tietojen säilytysaika',
      blocks: [
        paragraph(
          `Tietoja säilytetään asiakassuhteen ajan. Asiakkaan tiedot tarkastetaan, kun hänellä ei ole ollut käyntiä eikä avointa tietosuojapyyntöä ${formatPeriod(reviewAfterMonths, 'fi')}, ja tiedot, joita ei enää tarvita, poistetaan.`,
        ),
        paragraph('Suostumukseen perustuvia tietoja käsitellään, kunnes suostumus peruutetaan. Suostumusten historia säilytetään osoituksena siitä, milloin ja miten suostumus on annettu ja peruttu.'),
        paragraph(
          'Kun asiakkaan tiedot poistetaan, niistä säilytetään vain merkintä poistosta (päivämäärä ja nimikirjaimet), jotta poistettuja tietoja ei palauteta esimerkiksi varmuuskopiosta. Varmuuskopiot uusiutuvat säännöllisesti, ja poistetut tiedot häviävät niistä vanhimpien varmuuskopioiden poistuessa.',
        ),
      ],
    },
    rights: {
      heading: 'Rekisteröidyn oikeudet',
      blocks: [
        paragraph('Jokaisella rekisterissä olevalla henkilöllä on EU:n yleisen tietosuoja-asetuksen mukaiset oikeudet:'),
        list([
          'Tarkastusoikeus: oikeus saada tietää, käsitelläänkö hänen henkilötietojaan, ja saada jäljennös rekisteriin tallennetuista tiedoistaan (15 artikla).',
          'Oikeus tietojen oikaisemiseen: oikeus vaatia virheellisen tiedon korjaamista ja puutteellisen tiedon täydentämistä (16 artikla).',
          'Oikeus tietojen poistamiseen ("oikeus tulla unohdetuksi", 17 artikla).',
          'Oikeus käsittelyn rajoittamiseen tietyissä tilanteissa (18 artikla).',
          'Oikeus vastustaa suoramarkkinointia milloin tahansa sekä oikeutettuun etuun perustuvaa käsittelyä henkilökohtaiseen erityiseen tilanteeseen liittyvällä perusteella (21 artikla).',
          'Oikeus siirtää tiedot järjestelmästä toiseen: oikeus saada itse toimittamansa tiedot jäsennellyssä, yleisesti käytetyssä ja koneellisesti luettavassa muodossa (20 artikla).',
          'Oikeus peruuttaa suostumus milloin tahansa. Peruuttaminen ei vaikuta ennen peruuttamista tehdyn käsittelyn lainmukaisuuteen (7 artiklan 3 kohta).',
          `Oikeus tehdä valitus valvontaviranomaiselle, joka Suomessa on ${ombudsman.name} (77 artikla).`,
        ]),
      ],
    },
    complaint: {
      heading: 'Oikeus tehdä valitus valvontaviranomaiselle',
      blocks: [
        paragraph(
          `Jos katsot, että henkilötietojesi käsittelyssä rikotaan tietosuoja-asetusta, voit tehdä valituksen valvontaviranomaiselle: ${ombudsman.name}, ${ombudsman.postal}, ${ombudsman.web}.`,
        ),
      ],
    },
    requests: {
      heading: 'Pyyntöjen tekeminen ja vastausaika',
      blocks: [
        paragraph(`Oikeuksia koskevat pyynnöt tulee lähettää kirjallisesti rekisterinpitäjälle ${howToSend}.`),
        ...(business.privacyPhone ? [paragraph(`Lisätietoja saa puhelimitse numerosta ${formatPhone(business.privacyPhone)}.`)] : []),
        paragraph('Rekisterinpitäjä voi tarvittaessa pyytää pyynnön esittäjää todistamaan henkilöllisyytensä.'),
        paragraph(
          'Rekisterinpitäjä vastaa pyyntöön ilman aiheetonta viivytystä ja viimeistään kuukauden kuluessa pyynnön vastaanottamisesta. Määräaikaa voidaan pidentää enintään kahdella kuukaudella, jos pyyntö on monimutkainen tai pyyntöjä on paljon. Pidennyksestä ja sen syystä ilmoitetaan kuukauden kuluessa pyynnön vastaanottamisesta.',
        ),
        paragraph('Pyyntöjen käsittely on maksutonta.'),
      ],
    },
    automatedDecisions: {
      heading: 'Automaattinen päätöksenteko',
      blocks: [paragraph('Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.')],
    },
  };
}

function swedish({ business, reviewAfterMonths, healthNotesEnabled }: ProcessingInfoInput): ProcessingInfo {
  const ombudsman = DATA_PROTECTION_OMBUDSMAN.sv;
  const address = `${business.name}, ${businessAddress(business)}`;
  const howToSend = business.privacyEmail ? `per e-post till ${business.privacyEmail} eller per brev till ${address}` : `per brev till ${address}`;
  return {
    controller: {
      heading: 'Personuppgiftsansvarig och kontaktperson',
      blocks: [
        controllerRows(business, { name: 'Personuppgiftsansvarig', businessId: 'FO-nummer', address: 'Adress', email: 'Dataskyddsfrågor, e-post', phone: 'Dataskyddsfrågor, telefon' }),
        paragraph('Registrets namn: kundregister. I frågor som gäller registret kan du kontakta oss via kontaktuppgifterna ovan.'),
      ],
    },
    legalBasis: {
      heading: 'Rättslig grund för behandlingen av personuppgifter',
      blocks: [
        paragraph('Enligt EU:s allmänna dataskyddsförordning är den rättsliga grunden för behandlingen av personuppgifter kundrelationen och personens frivilliga samtycke.'),
        list([
          'Kundrelationen: att genomföra tidsbokningar och beställda tjänster (artikel 6.1 b i dataskyddsförordningen) och att upprätthålla kundrelationen på grundval av den personuppgiftsansvariges berättigade intresse (artikel 6.1 f).',
          'Samtycke: marknadsföring per e-post och sms samt publicering av bilder eller annat material (artikel 6.1 a). Samtycket kan när som helst återkallas.',
          ...(healthNotesEnabled ? ['Uttryckligt samtycke: hälsouppgifter, till exempel allergier, som behövs för att tjänsten ska kunna utföras säkert (artikel 9.2 a).'] : []),
        ]),
      ],
    },
    purposes: {
      heading: 'Ändamålen med behandlingen av personuppgifter',
      blocks: [
        paragraph('Personuppgifter om företagets kunder samlas in i kundregistret för att tjänsterna ska kunna erbjudas på ett korrekt sätt. Personuppgifterna behandlas för följande ändamål:'),
        list([
          'kontakt med kunderna, till exempel bekräftelser och ändringar av bokningar',
          'att upprätthålla kundrelationen och säkerställa god service även i fortsättningen',
          'marknadsföring; per e-post och sms endast med kundens samtycke',
        ]),
      ],
    },
    categories: {
      heading: 'Registrets datainnehåll',
      blocks: [
        paragraph('I registret sparas de personuppgifter som fås i samband med tidsbokningen och kundrelationen och som behövs för att sköta kundrelationen på ett korrekt sätt:'),
        list([
          'personens namn',
          'kontaktuppgifter: telefonnummer, e-postadress och postadress',
          'kontaktspråk',
          'uppgifter om beställda tjänster och ändringar av dem: tidpunkt, tjänster och priser samt vem som utför tjänsten',
          'uppgifter om hur bokningen förverkligades: genomfört besök, avbokning eller uteblivet besök',
          'tilläggsuppgifter och särskilda önskemål',
          'varifrån uppgifterna har fåtts (till exempel webbokning, telefonsamtal eller en tidsbokningstjänst som drivs av tredje part) samt den rättsliga grunden för behandlingen',
          'samtycken och återkallelser av dem (marknadsföring per e-post och sms, publicering) samt när och hur de gavs',
          ...(healthNotesEnabled ? ['hälsouppgifter som behövs för att tjänsten ska kunna utföras säkert (till exempel allergier och överkänslighetstest), endast med kundens uttryckliga samtycke'] : []),
          'begäranden om utövande av dataskyddsrättigheter och uppgifter om hur de har behandlats',
          'uppgifter om ändringar i registret: när och av vem uppgifterna har införts eller ändrats',
        ]),
      ],
    },
    sources: {
      heading: 'Regelmässiga uppgiftskällor',
      blocks: [
        paragraph(
          'Uppgifterna i registret fås av kunden själv när kunden bokar tid direkt hos företaget (webbokning, telefonsamtal, sms, e-post eller besök) eller via en tidsbokningstjänst som drivs av tredje part, eller när kunden på annat sätt lämnar personuppgifter om sig själv till företaget, till exempel via sociala medier. Uppgifter uppstår också under kundrelationen, när tjänster bokas och utförs.',
        ),
        paragraph('När en tid bokas via en tidsbokningstjänst som drivs av tredje part behandlar tjänstens leverantör uppgifterna även enligt sin egen dataskyddsbeskrivning.'),
      ],
    },
    recipients: {
      heading: 'Regelmässiga utlämnanden av personuppgifter',
      blocks: [
        paragraph('Uppgifterna lämnas inte regelmässigt ut till andra. Uppgifter, till exempel bilder, publiceras endast i den utsträckning som har avtalats med kunden (samtycke till publicering).'),
        paragraph('Personuppgifter kan lämnas ut till myndigheter när lagen kräver det och myndigheten begär det.'),
        paragraph(
          'Personuppgifter lämnas inte ut till tredje parter, om inte den personuppgiftsansvarige som arbetar i företaget övergår till att bedriva sin näring under ett annat företag eller verksamheten överlåts till en ny ägare. Då kan en kopia av kundregistret lämnas till det nya företagets personuppgiftsansvarige, så att stamkunderna kan betjänas på ett korrekt sätt även i fortsättningen.',
        ),
        paragraph('Varje utlämnande dokumenteras.'),
      ],
    },
    transfers: {
      heading: 'Överföring av uppgifter utanför EU eller EES',
      blocks: [paragraph('Uppgifterna överförs inte utanför Europeiska unionen eller Europeiska ekonomiska samarbetsområdet.')],
    },
    protection: {
      heading: 'Principer för skyddet av registret',
      blocks: [
        paragraph('Registret behandlas omsorgsfullt och uppgifterna skyddas på ett ändamålsenligt sätt:'),
        list([
          'Kundregistret förvaras krypterat på företagets egen dator.',
          'Uppgifterna behandlas endast av de anställda vars arbetsuppgifter kräver det, var och en med sina egna personliga användaruppgifter och endast med de behörigheter som arbetet kräver.',
          'Programmet låses automatiskt när det inte används, och behandlingen av uppgifterna loggas.',
          'Säkerhetskopiorna är krypterade.',
          'Den personuppgiftsansvarige ser till att de sparade uppgifterna och användarrättigheterna behandlas konfidentiellt.',
        ]),
      ],
    },
    retention: {
      heading: 'Lagringstid',
      blocks: [
        paragraph(
          `Uppgifterna bevaras så länge kundrelationen pågår. En kunds uppgifter granskas när kunden inte har haft något besök och ingen öppen begäran om dataskydd på ${formatPeriod(reviewAfterMonths, 'sv')}, och uppgifter som inte längre behövs raderas.`,
        ),
        paragraph('Uppgifter som grundar sig på samtycke behandlas tills samtycket återkallas. Historiken över samtycken bevaras som bevis på när och hur samtycket gavs och återkallades.'),
        paragraph(
          'När en kunds uppgifter raderas sparas endast en anteckning om raderingen (datum och initialer), så att raderade uppgifter inte återställs till exempel från en säkerhetskopia. Säkerhetskopiorna förnyas regelbundet, och raderade uppgifter försvinner ur dem när de äldsta säkerhetskopiorna tas bort.',
        ),
      ],
    },
    rights: {
      heading: 'Den registrerades rättigheter',
      blocks: [
        paragraph('Varje person i registret har rättigheterna enligt EU:s allmänna dataskyddsförordning:'),
        list([
          'Rätt till tillgång: rätt att få veta om ens personuppgifter behandlas och att få en kopia av de uppgifter som har sparats i registret (artikel 15).',
          'Rätt till rättelse: rätt att kräva att felaktiga uppgifter rättas och att ofullständiga uppgifter kompletteras (artikel 16).',
          'Rätt till radering ("rätten att bli bortglömd", artikel 17).',
          'Rätt till begränsning av behandlingen i vissa situationer (artikel 18).',
          'Rätt att när som helst invända mot direktmarknadsföring samt mot behandling som grundar sig på berättigat intresse, av skäl som hänför sig till ens särskilda situation (artikel 21).',
          'Rätt till dataportabilitet: rätt att få de uppgifter som man själv har lämnat i ett strukturerat, allmänt använt och maskinläsbart format (artikel 20).',
          'Rätt att när som helst återkalla sitt samtycke. Återkallelsen påverkar inte lagligheten av behandling som skett innan samtycket återkallades (artikel 7.3).',
          `Rätt att lämna in klagomål till tillsynsmyndigheten, som i Finland är ${ombudsman.name} (artikel 77).`,
        ]),
      ],
    },
    complaint: {
      heading: 'Rätt att lämna in klagomål till tillsynsmyndigheten',
      blocks: [
        paragraph(
          `Om du anser att behandlingen av dina personuppgifter strider mot dataskyddsförordningen kan du lämna in ett klagomål till tillsynsmyndigheten: ${ombudsman.name}, ${ombudsman.postal}, ${ombudsman.web}.`,
        ),
      ],
    },
    requests: {
      heading: 'Hur man gör en begäran och svarstid',
      blocks: [
        paragraph(`Begäranden som gäller rättigheterna ska skickas skriftligen till den personuppgiftsansvarige ${howToSend}.`),
        ...(business.privacyPhone ? [paragraph(`Mer information fås per telefon på numret ${formatPhone(business.privacyPhone)}.`)] : []),
        paragraph('Den personuppgiftsansvarige kan vid behov be den som gör begäran att styrka sin identitet.'),
        paragraph(
          'Den personuppgiftsansvarige svarar utan onödigt dröjsmål och senast inom en månad från det att begäran togs emot. Tidsfristen kan förlängas med högst två månader om begäran är komplicerad eller om antalet begäranden är stort. Förlängningen och orsaken till den meddelas inom en månad från det att begäran togs emot.',
        ),
        paragraph('Behandlingen av begäranden är avgiftsfri.'),
      ],
    },
    automatedDecisions: {
      heading: 'Automatiserat beslutsfattande',
      blocks: [paragraph('Uppgifterna används inte för automatiserat beslutsfattande eller profilering.')],
    },
  };
}

function english({ business, reviewAfterMonths, healthNotesEnabled }: ProcessingInfoInput): ProcessingInfo {
  const ombudsman = DATA_PROTECTION_OMBUDSMAN.en;
  const address = `${business.name}, ${businessAddress(business)}`;
  const howToSend = business.privacyEmail ? `by e-mail to ${business.privacyEmail} or by letter to ${address}` : `by letter to ${address}`;
  return {
    controller: {
      heading: 'Controller and contact person',
      blocks: [
        controllerRows(business, { name: 'Controller', businessId: 'Business ID', address: 'Address', email: 'Privacy matters, e-mail', phone: 'Privacy matters, phone' }),
        paragraph('Name of the register: customer register. For anything concerning the register, please use the contact details above.'),
      ],
    },
    legalBasis: {
      heading: 'Legal basis for processing personal data',
      blocks: [
        paragraph('Under the EU General Data Protection Regulation, the legal basis for processing personal data is the customer relationship and the person’s voluntary consent.'),
        list([
          'Customer relationship: carrying out bookings and the services ordered (Article 6(1)(b) of the GDPR) and maintaining the customer relationship on the basis of the controller’s legitimate interest (Article 6(1)(f)).',
          'Consent: marketing by e-mail and text message, and publishing photos or other material (Article 6(1)(a)). Consent can be withdrawn at any time.',
          ...(healthNotesEnabled ? ['Explicit consent: health information, such as allergies, needed to carry out the service safely (Article 9(2)(a)).'] : []),
        ]),
      ],
    },
    purposes: {
      heading: 'Purposes of processing personal data',
      blocks: [
        paragraph('Personal data of the company’s customers are collected in the customer register so that services can be provided properly. The purposes of processing are:'),
        list([
          'contacting customers, for example confirming and changing bookings',
          'maintaining the customer relationship and ensuring good service in the future too',
          'marketing; by e-mail and text message only with the customer’s consent',
        ]),
      ],
    },
    categories: {
      heading: 'Contents of the register',
      blocks: [
        paragraph('The register holds the personal data received with bookings and during the customer relationship that are needed to manage the customer relationship properly:'),
        list([
          'the person’s name',
          'contact details: phone number, e-mail address and postal address',
          'preferred language',
          'details of the services ordered and changes to them: time, services and prices, and who provides the service',
          'booking fulfilment: whether the appointment took place, was cancelled or was missed',
          'additional information and special wishes',
          'where the data came from (for example online booking, a phone call or a third-party booking system) and the legal basis for processing',
          'consents and their withdrawal (marketing by e-mail and text message, publication), with when and how they were given',
          ...(healthNotesEnabled ? ['health information needed to carry out the service safely (for example allergies and patch tests), only with the customer’s explicit consent'] : []),
          'requests to exercise data protection rights and how they were handled',
          'changes made to the register: when and by whom the data were added or changed',
        ]),
      ],
    },
    sources: {
      heading: 'Regular sources of data',
      blocks: [
        paragraph(
          'The data come from the customers themselves: when a customer books directly with the company (online booking, phone call, text message, e-mail or a visit) or through a booking system run by a third party, or otherwise gives personal data to the company, for example through social media services. Data also arise during the customer relationship, as services are booked and provided.',
        ),
        paragraph('When an appointment is booked through a third-party booking system, the provider of that system also processes the data under its own privacy notice.'),
      ],
    },
    recipients: {
      heading: 'Regular disclosures of personal data',
      blocks: [
        paragraph('Data are not regularly disclosed to anyone. Data such as photos are published only to the extent agreed with the customer (publication consent).'),
        paragraph('Personal data may be disclosed to authorities when the law requires it and an authority requests it.'),
        paragraph(
          'Personal data are not disclosed to third parties unless the controller working in the company moves to practise the trade under another company or the business is transferred to a new owner. In that case a copy of the customer register may be handed to the new company’s controller, so that regular customers can continue to be served properly.',
        ),
        paragraph('Every disclosure is recorded.'),
      ],
    },
    transfers: {
      heading: 'Transfers outside the EU or EEA',
      blocks: [paragraph('Data are not transferred outside the European Union or the European Economic Area.')],
    },
    protection: {
      heading: 'Principles of protecting the register',
      blocks: [
        paragraph('The register is handled with care and the data are protected appropriately:'),
        list([
          'The customer register is kept encrypted on the company’s own computer.',
          'Only employees whose work requires it process the data, each with their own personal sign-in and only with the rights their work needs.',
          'The program locks itself when it is not in use, and the processing of the data is logged.',
          'Backups are encrypted.',
          'The controller makes sure that the stored data and access rights are handled confidentially.',
        ]),
      ],
    },
    retention: {
      heading: 'Retention period',
      blocks: [
        paragraph(
          `Data are kept for the duration of the customer relationship. A customer’s data are reviewed when the customer has had no appointment and no open data protection request for ${formatPeriod(reviewAfterMonths, 'en')}, and data that are no longer needed are erased.`,
        ),
        paragraph('Data based on consent are processed until the consent is withdrawn. The history of consents is kept as evidence of when and how consent was given and withdrawn.'),
        paragraph(
          'When a customer’s data are erased, only a note of the erasure (the date and initials) is kept, so that erased data are never restored, for example from a backup. Backups are replaced regularly, and erased data disappear from them as the oldest backups are deleted.',
        ),
      ],
    },
    rights: {
      heading: 'Rights of the data subject',
      blocks: [
        paragraph('Everyone in the register has the rights of the EU General Data Protection Regulation:'),
        list([
          'Right of access: the right to know whether their personal data are processed and to get a copy of the data stored in the register (Article 15).',
          'Right to rectification: the right to have wrong data corrected and incomplete data completed (Article 16).',
          'Right to erasure ("right to be forgotten", Article 17).',
          'Right to restriction of processing in certain situations (Article 18).',
          'Right to object to direct marketing at any time, and to processing based on legitimate interest on grounds relating to their particular situation (Article 21).',
          'Right to data portability: the right to receive the data they have provided in a structured, commonly used and machine-readable format (Article 20).',
          'Right to withdraw consent at any time. Withdrawal does not affect the lawfulness of processing before it (Article 7(3)).',
          `Right to lodge a complaint with the supervisory authority, which in Finland is the ${ombudsman.name} (Article 77).`,
        ]),
      ],
    },
    complaint: {
      heading: 'Right to lodge a complaint with the supervisory authority',
      blocks: [
        paragraph(
          `If you consider that the processing of your personal data infringes the GDPR, you may lodge a complaint with the supervisory authority: ${ombudsman.name}, ${ombudsman.postal}, ${ombudsman.web}.`,
        ),
      ],
    },
    requests: {
      heading: 'How to make a request, and when you will get an answer',
      blocks: [
        paragraph(`Requests concerning these rights must be sent to the controller in writing, ${howToSend}.`),
        ...(business.privacyPhone ? [paragraph(`For more information, call ${formatPhone(business.privacyPhone)}.`)] : []),
        paragraph('The controller may ask the person making the request to prove their identity.'),
        paragraph(
          'The controller answers without undue delay and at the latest within one month of receiving the request. The time limit may be extended by up to two further months where a request is complex or requests are numerous; the extension and its reasons are communicated within one month of receiving the request.',
        ),
        paragraph('Handling requests is free of charge.'),
      ],
    },
    automatedDecisions: {
      heading: 'Automated decision-making',
      blocks: [paragraph('The data are not used for automated decision-making or profiling.')],
    },
  };
}
