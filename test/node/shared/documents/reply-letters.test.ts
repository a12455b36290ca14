import { describe, expect, it } from 'vitest';
import { modelText, type DocumentLanguage } from '../../../../shared/documents/model';
import { GDPR_REQUEST_TYPES as REQUEST_TYPES, type GdprRequestType as RequestType } from '../../../../shared/schemas/gdpr-request';
import { REPLY_OUTCOMES, replyLetterModel, replyLetterPdf, replyOutcomeOf, replyRequestOf, type ReplyLetterInput, type ReplyOutcome } from '../../../../shared/documents/reply-letters';
import { storedRequest, syntheticBusiness } from './fixtures';
import { allText, readPdf } from './pdf-text';

const LANGUAGES = ['fi', 'sv', 'en'] as const;

const outcomeOf = (kind: (typeof REPLY_OUTCOMES)[number]): ReplyOutcome => {
  switch (kind) {
    case 'done':
      return { kind, details: 'Sukunimi korjattu muotoon Östman.' };
    case 'refused':
      return { kind, reason: 'Pyyntöä ei voitu yhdistää rekisterissä olevaan henkilöön.' };
    case 'extension':
      return { kind, reason: 'Pyyntöjä on saapunut poikkeuksellisen paljon.', newDueDate: '2027-02-10' };
    case 'identity_needed':
      return { kind };
  }
};

const letter = (language: DocumentLanguage, type: RequestType, outcome: ReplyOutcome): ReplyLetterInput => ({
  language,
  business: syntheticBusiness(),
  request: { type, receivedDate: '2026-11-10', requesterName: 'Märta Östman', requesterAddress: 'Rantatie 3\n20100 Turku', reference: 'PYY-2026-007' },
  outcome,
  date: '2026-11-25',
  signatory: 'Sanna Sävy',
});

/** Words each language's letter must use, written out here. */
const EXPECT: Record<DocumentLanguage, { received: string; article: Record<RequestType, string>; remedy: string[]; due: string; identity: string; closing: string }> = {
  fi: {
    received: '10.11.2026',
    article: { access: '15 artikla', rectification: '16 artikla', erasure: '17 artikla', restriction: '18 artikla', objection: '21 artikla', portability: '20 artikla', consent_withdrawal: '7 artiklan 3 kohta' },
    remedy: ['Tietosuojavaltuutetun toimistolle', 'tietosuoja.fi', 'tuomioistuimessa', '12 artiklan 4 kohta'],
    due: 'viimeistään 10.2.2027',
    identity: 'henkilöllisyystodistuksen',
    closing: 'Ystävällisin terveisin',
  },
  sv: {
    received: '10.11.2026',
    article: { access: 'artikel 15', rectification: 'artikel 16', erasure: 'artikel 17', restriction: 'artikel 18', objection: 'artikel 21', portability: 'artikel 20', consent_withdrawal: 'artikel 7.3' },
    remedy: ['Dataombudsmannens byrå', 'tietosuoja.fi', 'domstol', 'artikel 12.4'],
    due: 'senast den 10.2.2027',
    identity: 'identitetsbevis',
    closing: 'Med vänliga hälsningar',
  },
  en: {
    received: '10 November 2026',
    article: { access: 'Article 15', rectification: 'Article 16', erasure: 'Article 17', restriction: 'Article 18', objection: 'Article 21', portability: 'Article 20', consent_withdrawal: 'Article 7(3)' },
    remedy: ['Office of the Data Protection Ombudsman', 'tietosuoja.fi', 'judicial remedy', 'Article 12(4)'],
    due: 'by 10 February 2027',
    identity: 'identity document',
    closing: 'Kind regards',
  },
};

describe.each(LANGUAGES)('reply letters (%s)', (language) => {
  it('has a letter for every request type and outcome, addressed and signed', () => {
    const bodies = new Set<string>();
    for (const type of REQUEST_TYPES) {
      for (const kind of REPLY_OUTCOMES) {
        const text = modelText(replyLetterModel(letter(language, type, outcomeOf(kind)))).join('\n');
        bodies.add(text);
        for (const needle of ['Märta Östman', 'Rantatie 3', '20100 Turku', 'PYY-2026-007', EXPECT[language].received, EXPECT[language].closing, 'Sanna Sävy', 'Kauneushoitola Sävy', 'tietosuoja@example.test']) {
          expect(text, `${type}/${kind}: ${needle}`).toContain(needle);
        }
        if (kind === 'done') expect(text, `${type}/done`).toContain(EXPECT[language].article[type]);
        if (kind === 'refused') {
          expect(text).toContain('Pyyntöä ei voitu yhdistää rekisterissä olevaan henkilöön.');
          for (const needle of EXPECT[language].remedy) expect(text, `${type}/refused: ${needle}`).toContain(needle);
        }
        if (kind === 'extension') {
          expect(text).toContain('Pyyntöjä on saapunut poikkeuksellisen paljon.');
          expect(text).toContain(EXPECT[language].due);
        }
        if (kind === 'identity_needed') expect(text).toContain(EXPECT[language].identity);
      }
    }
    // Every type × outcome reads differently: no two letters are the same text.
    expect(bodies.size).toBe(REQUEST_TYPES.length * REPLY_OUTCOMES.length);
  });

  it('prints as a one-page PDF with the reason, the remedy and the sender', async () => {
    const pdf = await readPdf(await replyLetterPdf(letter(language, 'erasure', outcomeOf('refused'))));
    expect(pdf.pages).toHaveLength(1);
    const text = allText(pdf);
    for (const needle of ['Märta Östman', 'Pyyntöä ei voitu yhdistää rekisterissä olevaan henkilöön.', ...EXPECT[language].remedy, `${{ fi: 'Y-tunnus', sv: 'FO-nummer', en: 'Business ID' }[language]} 1234567-1`]) {
      expect(text).toContain(needle);
    }
    // The name is in the letter, not in the file's metadata.
    expect(JSON.stringify(pdf.info)).not.toContain('Märta');
    expect(pdf.info.Language).toBe(language);
  });
});

describe('reply letter input', () => {
  it('refuses a refusal without a reason, an extension without a valid date, and an empty name', () => {
    expect(() => replyLetterModel(letter('fi', 'access', { kind: 'refused', reason: '  ' }))).toThrow();
    expect(() => replyLetterModel(letter('fi', 'access', { kind: 'extension', reason: 'x', newDueDate: '2027-13-01' }))).toThrow();
    const input = letter('fi', 'access', { kind: 'done' });
    expect(() => replyLetterModel({ ...input, request: { ...input.request, requesterName: '' } })).toThrow();
  });

  it('uses the salon’s own words on how to prove identity when given, and leaves out contacts that are not set', () => {
    const input = letter('fi', 'access', { kind: 'identity_needed', howToVerify: 'Tuo passi mukanasi seuraavalla käynnillä.' });
    const text = modelText(replyLetterModel({ ...input, business: syntheticBusiness({ privacyPhone: '' }) })).join('\n');
    expect(text).toContain('Tuo passi mukanasi seuraavalla käynnillä.');
    expect(text).not.toContain('henkilöllisyystodistuksen');
    expect(text).not.toContain('puhelimitse');
  });
});

describe('letters from stored requests', () => {
  it('takes the requester, the date and our reference from the request', () => {
    const request = storedRequest({ id: 'req-42', type: 'erasure', requesterName: 'Märta Östman', requesterContact: 'marta@example.test' });
    const text = modelText(replyLetterModel({ language: 'sv', business: syntheticBusiness(), request: replyRequestOf(request), outcome: { kind: 'done' }, date: '2026-11-25' })).join('\n');
    for (const needle of ['Märta Östman', 'marta@example.test', 'req-42', 'Vi har raderat dina personuppgifter']) expect(text).toContain(needle);
  });

  it('picks the outcome the request is in', () => {
    expect(replyOutcomeOf(storedRequest())).toEqual({ kind: 'identity_needed' });
    expect(replyOutcomeOf(storedRequest({ identity: { state: 'not_needed', reason: 'Tuttu asiakas' } }))).toBeNull();
    const extension = { reason: 'Paljon pyyntöjä', notifiedDate: '2026-11-20', extraMonths: 2 as const, newDueDate: '2027-02-10' };
    expect(replyOutcomeOf(storedRequest({ status: 'in_progress', extension }))).toEqual({ kind: 'extension', reason: 'Paljon pyyntöjä', newDueDate: '2027-02-10' });
    expect(replyOutcomeOf(storedRequest({ status: 'refused', refusal: { reason: 'Ei tunnistettu', complaintRightNotified: true }, replySentDate: '2026-11-24' }))).toEqual({ kind: 'refused', reason: 'Ei tunnistettu' });
    expect(replyOutcomeOf(storedRequest({ status: 'done', replySentDate: '2026-11-24', extension }))).toEqual({ kind: 'done' });
  });
});
