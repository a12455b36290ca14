import { z } from 'zod';
import { BusinessSchema, type Business } from '../schemas/business';
import type { IsoDate } from '../domain/calendar-date';
import { IsoDateSchema } from '../schemas/dates';
import { RetentionPolicySchema } from '../schemas/retention';
import { formatIsoDate } from './format';
import { renderHtml } from './html';
import { DocumentLanguageSchema, heading, paragraph, type Block, type DocumentLanguage, type DocumentModel } from './model';
import { renderPdf, type PdfOptions } from './pdf';
import { processingInfo, type InfoSectionKey } from './processing-info';

/**
 * The salon's register and privacy notice ("rekisteri- ja tietosuojaseloste", the seed is one),
 * generated from the business settings in Finnish, Swedish or English. Each generated version is
 * numbered and dated; the number is printed under the title and on every page, so a consent
 * that records "notice version 3" points at a document anyone can hold in their hand.
 */
export interface PrivacyNoticeInput {
  readonly language: DocumentLanguage;
  readonly business: Business;
  /** The notice's version number (1, 2, 3…). */
  readonly version: number;
  /** The date this version takes effect. */
  readonly date: IsoDate;
  /** The retention policy's review period in months (settings; default 36). */
  readonly reviewAfterMonths: number;
  /** Whether the owner has switched on health notes (adds the Art. 9 basis and category). */
  readonly healthNotesEnabled: boolean;
}

const InputChecks = z.object({
  version: z.number().int().positive(),
  date: IsoDateSchema,
  reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
});

/** The notice's input as it crosses a boundary (IPC: the renderer sends it, main renders it). */
export const PrivacyNoticeInputSchema = z.object({
  language: DocumentLanguageSchema,
  business: BusinessSchema,
  ...InputChecks.shape,
  healthNotesEnabled: z.boolean(),
});

export const PRIVACY_NOTICE_TITLE: Readonly<Record<DocumentLanguage, string>> = {
  fi: 'Rekisteri- ja tietosuojaseloste',
  sv: 'Register- och dataskyddsbeskrivning',
  en: 'Register and privacy notice',
};

/** The order of the notice's sections (Art. 13 and 14 information, as the seed orders it). */
export const PRIVACY_NOTICE_SECTIONS: readonly InfoSectionKey[] = [
  'controller',
  'legalBasis',
  'purposes',
  'categories',
  'sources',
  'recipients',
  'transfers',
  'protection',
  'retention',
  'automatedDecisions',
  'rights',
  'complaint',
  'requests',
];

const WORDS: Readonly<Record<DocumentLanguage, { register: string; version: string; updated: string; intro: string }>> = {
  fi: {
    register: 'asiakasrekisteri',
    version: 'versio',
    updated: 'päivitetty',
    intro: 'Tämä seloste kertoo, miten yrityksen asiakasrekisterin henkilötietoja käsitellään EU:n yleisen tietosuoja-asetuksen (EU) 2016/679 mukaisesti.',
  },
  sv: {
    register: 'kundregister',
    version: 'version',
    updated: 'uppdaterad',
    intro: 'Denna beskrivning berättar hur personuppgifterna i företagets kundregister behandlas enligt EU:s allmänna dataskyddsförordning (EU) 2016/679.',
  },
  en: {
    register: 'customer register',
    version: 'version',
    updated: 'updated',
    intro: 'This notice explains how personal data in the company’s customer register are processed under the EU General Data Protection Regulation (EU) 2016/679.',
  },
};

/** `Versio 3 · päivitetty 25.11.2026`, as printed under the title and in the footer. */
export function noticeVersionLabel(language: DocumentLanguage, version: number, date: IsoDate): string {
  const words = WORDS[language];
  return `${words.version} ${version} · ${words.updated} ${formatIsoDate(date, language)}`;
}

/** The privacy notice as a document model. Throws (zod) on a version, date or period that is not valid. */
export function privacyNoticeModel(input: PrivacyNoticeInput): DocumentModel {
  InputChecks.parse(input);
  const { language, business } = input;
  const words = WORDS[language];
  const info = processingInfo(language, input);
  const blocks: Block[] = [paragraph(words.intro)];
  PRIVACY_NOTICE_SECTIONS.forEach((key, index) => {
    blocks.push(heading(`${index + 1}. ${info[key].heading}`), ...info[key].blocks);
  });
  const version = noticeVersionLabel(language, input.version, input.date);
  return {
    language,
    title: PRIVACY_NOTICE_TITLE[language],
    subtitle: `${business.name} · ${words.register} · ${version}`,
    blocks,
    footer: `${business.name} · ${PRIVACY_NOTICE_TITLE[language]} · ${version}`,
  };
}

/** The privacy notice as PDF bytes. */
export function privacyNoticePdf(input: PrivacyNoticeInput, options?: PdfOptions): Promise<Uint8Array> {
  return renderPdf(privacyNoticeModel(input), options);
}

/** The privacy notice as a standalone HTML page (for the salon's website). */
export function privacyNoticeHtml(input: PrivacyNoticeInput): string {
  return renderHtml(privacyNoticeModel(input));
}

