import { FINNISH_TIME_ZONE, parseIsoDate, type IsoDate } from '../domain/calendar-date';
import type { DocumentLanguage } from './model';

/**
 * Dates, times and money as the documents print them. Finnish and Swedish follow Finnish
 * conventions (`25.11.2026 klo 14.30`, `25.11.2026 kl. 14.30`, `49,00 €`); English is written
 * out (`25 November 2026, 14:30`, `€49.00`) for readers abroad. Instants are shown in the salon's
 * time zone, not the machine's, so a report reads the same wherever it is generated.
 */
export const SALON_TIME_ZONE: string = FINNISH_TIME_ZONE;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The no-break space that keeps `49,00 €` and `klo 14.30` on one line. */
const NBSP = '\u00a0';

function calendar(year: number, month: number, day: number, language: DocumentLanguage): string {
  return language === 'en' ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${day}.${month}.${year}`;
}

/** `2026-11-25` → `25.11.2026` (fi, sv) / `25 November 2026` (en). */
export function formatIsoDate(date: IsoDate, language: DocumentLanguage): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`not a calendar date: ${date}`);
  return calendar(parsed.year, parsed.month, parsed.day, language);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(epochMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** An instant's calendar date in the salon's time zone. */
export function formatDate(epochMs: number, language: DocumentLanguage, timeZone = SALON_TIME_ZONE): string {
  const { year, month, day } = wallClock(epochMs, timeZone);
  return calendar(year, month, day, language);
}

/** `25.11.2026 klo 14.30` (fi), `25.11.2026 kl. 14.30` (sv), `25 November 2026, 14:30` (en). */
export function formatDateTime(epochMs: number, language: DocumentLanguage, timeZone = SALON_TIME_ZONE): string {
  const { year, month, day, hour, minute } = wallClock(epochMs, timeZone);
  const date = calendar(year, month, day, language);
  const mm = String(minute).padStart(2, '0');
  switch (language) {
    case 'fi':
      return `${date} klo${NBSP}${hour}.${mm}`;
    case 'sv':
      return `${date} kl.${NBSP}${hour}.${mm}`;
    case 'en':
      return `${date}, ${String(hour).padStart(2, '0')}:${mm}`;
  }
}

/** Integer cents → `49,00 €` (fi, sv) / `€49.00` (en). */
export function formatMoney(cents: number, language: DocumentLanguage): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, '0');
  if (language === 'en') return `${sign}€${euros.replace(/\B(?=(\d{3})+$)/g, ',')}.${rest}`;
  return `${sign}${euros.replace(/\B(?=(\d{3})+$)/g, NBSP)},${rest}${NBSP}€`;
}

/**
 * A period given in months as the retention sentences say it: whole years as years, otherwise
 * months. Finnish is in the illative the sentence needs ("ei käyntiä 3 vuoteen").
 */
export function formatPeriod(months: number, language: DocumentLanguage): string {
  const years = months % 12 === 0 ? months / 12 : null;
  switch (language) {
    case 'fi':
      return years !== null ? `${years} vuoteen` : `${months} kuukauteen`;
    case 'sv':
      return years !== null ? `${years} år` : `${months} ${months === 1 ? 'månad' : 'månader'}`;
    case 'en':
      return years !== null ? `${years} ${years === 1 ? 'year' : 'years'}` : `${months} ${months === 1 ? 'month' : 'months'}`;
  }
}
