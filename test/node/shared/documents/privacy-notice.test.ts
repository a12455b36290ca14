import { describe, expect, it } from 'vitest';
import { modelText, type DocumentLanguage } from '../../../../shared/documents/model';
import { privacyNoticeHtml, privacyNoticeModel, privacyNoticePdf, type PrivacyNoticeInput } from '../../../../shared/documents/privacy-notice';
import { syntheticBusiness } from './fixtures';
import { allText, readPdf } from './pdf-text';

const input = (language: DocumentLanguage, overrides: Partial<PrivacyNoticeInput> = {}): PrivacyNoticeInput => ({
  language,
  business: syntheticBusiness(),
  version: 3,
  date: '2026-11-25',
  reviewAfterMonths: 48,
  healthNotesEnabled: false,
  ...overrides,
});

/**
 * What each language's notice must hold, written out here (not imported from the module) so a
 * dropped or renamed section fails: the required section headings in order, and facts from the
 * settings, the rights, the authority and the deadline.
 */
const EXPECTED: Record<DocumentLanguage, { sections: string[]; facts: string[] }> = {
  fi: {
    sections: [
      '1. Rekisterinpitäjä ja yhteyshenkilö',
      '2. Henkilötietojen käsittelyn oikeusperuste',
      '3. Henkilötietojen käsittelyn tarkoitus',
      '4. Rekisterin tietosisältö',
      '5. Rekisterin säännönmukaiset tietolähteet',
      '6. Henkilötietojen säännönmukaiset luovutukset',
      '7. Tietojen siirto EU:n tai ETA:n ulkopuolelle',
      '8. Rekisterin suojauksen periaatteet',
      '9. Tietojen säilytysaika',
      '10. Automaattinen päätöksenteko',
      '11. Rekisteröidyn oikeudet',
      '12. Oikeus tehdä valitus valvontaviranomaiselle',
      '13. Pyyntöjen tekeminen ja vastausaika',
    ],
    facts: [
      'Rekisteri- ja tietosuojaseloste',
      'versio 3 · päivitetty 25.11.2026',
      'Y-tunnus 1234567-1',
      'asiakassuhde ja henkilön vapaaehtoinen suostumus',
      'yhteydenpito asiakkaisiin',
      'asiakassuhteen ylläpito',
      'markkinointi',
      'henkilön nimi',
      'puhelinnumero, sähköpostiosoite ja postiosoite',
      'tiedot tilatuista palveluista ja niiden muutoksista',
      'lisätiedot ja erityistoiveet',
      'ajanvarauksen toteutumistiedot',
      'mistä tiedot on saatu',
      'suostumukset ja niiden peruutukset',
      'sosiaalisen median',
      'Tietoja ei luovuteta säännönmukaisesti muille tahoille.',
      'viranomaisille',
      'uuden yrityksen rekisterinpitäjälle voidaan luovuttaa kopio asiakasrekisteristä',
      'Tietoja ei siirretä Euroopan unionin tai Euroopan talousalueen ulkopuolelle.',
      'salattuna yrityksen omalla tietokoneella',
      'vain ne työntekijät, joiden työtehtäviin se kuuluu',
      'Varmuuskopiot ovat salattuja.',
      'avointa tietosuojapyyntöä 4 vuoteen',
      'Tarkastusoikeus',
      'oikaisemiseen',
      'poistamiseen ("oikeus tulla unohdetuksi"',
      'käsittelyn rajoittamiseen',
      'vastustaa suoramarkkinointia',
      'siirtää tiedot järjestelmästä toiseen',
      'peruuttaa suostumus',
      'Tietosuojavaltuutetun toimisto',
      'tietosuoja.fi',
      'kirjallisesti rekisterinpitäjälle sähköpostitse osoitteeseen tietosuoja@example.test tai kirjeellä osoitteeseen Kauneushoitola Sävy, Testikatu 5 B, 00990 Helsinki',
      '+358 40 555 0123',
      'todistamaan henkilöllisyytensä',
      'viimeistään kuukauden kuluessa pyynnön vastaanottamisesta',
      'enintään kahdella kuukaudella',
    ],
  },
  sv: {
    sections: [
      '1. Personuppgiftsansvarig och kontaktperson',
      '2. Rättslig grund för behandlingen av personuppgifter',
      '3. Ändamålen med behandlingen av personuppgifter',
      '4. Registrets datainnehåll',
      '5. Regelmässiga uppgiftskällor',
      '6. Regelmässiga utlämnanden av personuppgifter',
      '7. Överföring av uppgifter utanför EU eller EES',
      '8. Principer för skyddet av registret',
      '9. Lagringstid',
      '10. Automatiserat beslutsfattande',
      '11. Den registrerades rättigheter',
      '12. Rätt att lämna in klagomål till tillsynsmyndigheten',
      '13. Hur man gör en begäran och svarstid',
    ],
    facts: [
      'Register- och dataskyddsbeskrivning',
      'version 3 · uppdaterad 25.11.2026',
      'FO-nummer 1234567-1',
      'kundrelationen och personens frivilliga samtycke',
      'kontakt med kunderna',
      'marknadsföring',
      'myndigheter',
      'det nya företagets personuppgiftsansvarige',
      'Uppgifterna överförs inte utanför Europeiska unionen eller Europeiska ekonomiska samarbetsområdet.',
      'krypterat på företagets egen dator',
      'Säkerhetskopiorna är krypterade.',
      'ingen öppen begäran om dataskydd på 4 år',
      'Rätt till tillgång',
      'Rätt till rättelse',
      'Rätt till radering',
      'Rätt till begränsning',
      'invända mot direktmarknadsföring',
      'Rätt till dataportabilitet',
      'återkalla sitt samtycke',
      'Dataombudsmannens byrå',
      'tietosuoja.fi',
      'skriftligen',
      'senast inom en månad',
      'högst två månader',
    ],
  },
  en: {
    sections: [
      '1. Controller and contact person',
      '2. Legal basis for processing personal data',
      '3. Purposes of processing personal data',
      '4. Contents of the register',
      '5. Regular sources of data',
      '6. Regular disclosures of personal data',
      '7. Transfers outside the EU or EEA',
      '8. Principles of protecting the register',
      '9. Retention period',
      '10. Automated decision-making',
      '11. Rights of the data subject',
      '12. Right to lodge a complaint with the supervisory authority',
      '13. How to make a request, and when you will get an answer',
    ],
    facts: [
      'Register and privacy notice',
      'version 3 · updated 25 November 2026',
      'Business ID 1234567-1',
      'the customer relationship and the person’s voluntary consent',
      'contacting customers',
      'maintaining the customer relationship',
      'marketing',
      'authorities',
      'a copy of the customer register may be handed to the new company’s controller',
      'Data are not transferred outside the European Union or the European Economic Area.',
      'encrypted on the company’s own computer',
      'Backups are encrypted.',
      'no open data protection request for 4 years',
      'Right of access',
      'Right to rectification',
      'Right to erasure',
      'Right to restriction of processing',
      'object to direct marketing',
      'Right to data portability',
      'withdraw consent',
      'Office of the Data Protection Ombudsman',
      'tietosuoja.fi',
      'in writing',
      'within one month',
      'two further months',
    ],
  },
};

const HEALTH: Record<DocumentLanguage, string> = { fi: 'terveystiedot', sv: 'hälsouppgifter', en: 'health information' };

describe.each(['fi', 'sv', 'en'] as const)('privacy notice (%s)', (language) => {
  it('has every required section, in order, as PDF text', async () => {
    const pdf = await readPdf(await privacyNoticePdf(input(language)));
    const lines = pdf.pages.flat();
    const positions = EXPECTED[language].sections.map((section) => lines.indexOf(section));
    for (const [i, position] of positions.entries()) expect(position, EXPECTED[language].sections[i]).toBeGreaterThan(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const text = allText(pdf);
    for (const fact of EXPECTED[language].facts) expect(text).toContain(fact);
    expect(pdf.info.Title).toBe(EXPECTED[language].facts[0]);
    expect(pdf.info.Language).toBe(language);
  });

  it('shows the version number on every page', async () => {
    const pdf = await readPdf(await privacyNoticePdf(input(language, { version: 12 })));
    expect(pdf.pages.length).toBeGreaterThan(1);
    const marker = { fi: 'versio 12', sv: 'version 12', en: 'version 12' }[language];
    for (const lines of pdf.pages) expect(lines.some((line) => line.includes(marker))).toBe(true);
  });

  it('names health data (and its Art. 9 basis) only when the salon keeps health notes', () => {
    const off = modelText(privacyNoticeModel(input(language))).join('\n');
    const on = modelText(privacyNoticeModel(input(language, { healthNotesEnabled: true }))).join('\n');
    expect(off.toLowerCase()).not.toContain(HEALTH[language]);
    expect(on.toLowerCase()).toContain(HEALTH[language]);
    expect(on).toMatch(/9 artiklan 2 kohdan a|artikel 9\.2 a|Article 9\(2\)\(a\)/);
    expect(off).not.toMatch(/9 artiklan|artikel 9\.|Article 9/);
  });

  it('is a standalone HTML page in the same language with the same sections', () => {
    // The page's structure is checked with a real parser in html.test.ts; here, its content.
    const html = privacyNoticeHtml(input(language));
    expect(html).toContain(`<html lang="${language}">`);
    const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => unescape(match[1]!))).toEqual(EXPECTED[language].sections);
    for (const fact of EXPECTED[language].facts.slice(3)) expect(unescape(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '))).toContain(fact);
    expect(html.toLowerCase()).not.toContain('<script');
  });
});

describe('privacy notice input', () => {
  it('refuses a version, date or retention period that is not valid', () => {
    expect(() => privacyNoticeModel(input('fi', { version: 0 }))).toThrow();
    expect(() => privacyNoticeModel(input('fi', { version: 1.5 }))).toThrow();
    expect(() => privacyNoticeModel(input('fi', { date: '2026-02-30' }))).toThrow();
    expect(() => privacyNoticeModel(input('fi', { reviewAfterMonths: 0 }))).toThrow();
  });

  it('says how to write when there is no privacy e-mail, and escapes the business name in HTML', () => {
    const business = syntheticBusiness({ privacyEmail: '', name: 'Salonki <b>Ä</b>' });
    const text = modelText(privacyNoticeModel(input('fi', { business }))).join('\n');
    expect(text).toContain('kirjallisesti rekisterinpitäjälle kirjeellä osoitteeseen Salonki <b>Ä</b>, Testikatu 5 B, 00990 Helsinki.');
    expect(text).not.toContain('sähköpostitse osoitteeseen');
    const html = privacyNoticeHtml(input('fi', { business }));
    expect(html).not.toContain('<b>');
    expect(html).toContain('Salonki &lt;b&gt;Ä&lt;/b&gt;');
  });

  it('says the review period in years when it is whole years, otherwise in months', () => {
    const text = (language: DocumentLanguage, reviewAfterMonths: number) => modelText(privacyNoticeModel(input(language, { reviewAfterMonths }))).join('\n');
    expect(text('en', 12)).toContain('for 1 year,');
    expect(text('en', 18)).toContain('for 18 months,');
    expect(text('fi', 18)).toContain('avointa tietosuojapyyntöä 18 kuukauteen,');
    expect(text('sv', 1)).toContain('på 1 månad,');
    expect(() => privacyNoticeModel(input('fi', { reviewAfterMonths: 121 }))).toThrow();
  });
});
