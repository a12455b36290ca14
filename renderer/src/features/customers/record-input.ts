import type { TFunction } from 'i18next';

/**
 * Small helpers of the customer record's forms: dates typed the Finnish way, and the validation
 * codes this feature adds (translated under `record.validation.*`) next to the shared ones
 * (`validation.*`).
 */
const LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

/** `31.12.2026` (fi, sv), `31/12/2026` (en-GB). */
export function formatDay(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', { dateStyle: 'short' }).format(epochMs);
}

const DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An expiry typed as a date (`31.12.2026`, `31/12/2026` or `2026-12-31`): valid through that whole
 * day, so it expires at 00.00 local time the day after. Returns the epoch ms of that moment,
 * 'empty' for no text, or 'invalid'.
 */
export function parseExpiryDate(text: string): number | 'empty' | 'invalid' {
  const value = text.trim();
  if (value === '') return 'empty';
  const dmy = DATE.exec(value);
  const ymd = ISO_DATE.exec(value);
  const [day, month, year] = dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : ymd ? [Number(ymd[3]), Number(ymd[2]), Number(ymd[1])] : [0, 0, 0];
  const probe = new Date(year, month - 1, day);
  if (year < 2000 || year > 2200 || probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) return 'invalid';
  return new Date(year, month - 1, day + 1).getTime();
}

/** The last day an expiry (exclusive, as stored) still covers, for showing it as a date. */
export const lastValidDay = (expiresAt: number): number => expiresAt - 1;

/** Codes this feature's forms produce besides the shared `validation.*` ones. */
const RECORD_CODES = new Set(['expiry_past', 'date_invalid', 'choose']);

/** Translates a validation code from a schema (`validation.*`) or from this feature (`record.validation.*`). */
export function translateIssue(t: TFunction, code: string): string {
  if (RECORD_CODES.has(code)) return t(`record.validation.${code}` as 'record.validation.choose');
  return t(`validation.${code}` as 'validation.required');
}
