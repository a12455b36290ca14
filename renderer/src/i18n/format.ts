/** Finnish conventions by default: `25.11.2026 klo 14.30`. */
const LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

export function formatDateTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', { dateStyle: 'short', timeStyle: 'short' }).format(epochMs);
}

/** `14.30` (fi), `14:30` (en-GB). */
export function formatTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', { timeStyle: 'short' }).format(epochMs);
}

const localeOf = (language: string) => LOCALES[language] ?? 'fi-FI';

/** `49,00 €` (fi, sv), `€49.00` (en-GB): integer cents, never floating-point sums. */
export function formatPrice(cents: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A price as the price field shows it for editing: `49,00` (fi, sv), `49.00` (en), no grouping. */
export function formatPriceInput(cents: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

/** `25.11.2026` (fi, sv), `25/11/2026` (en-GB). */
export function formatDate(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short' }).format(epochMs);
}

/** `keskiviikko` — the weekday on its own (not the essive `keskiviikkona` of a full date). */
export function formatWeekday(epochMs: number, language: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: width }).format(epochMs);
}

/** `ke 25.11.` (fi), `ons 25.11` (sv), `Wed 25/11` (en-GB): a day in a week strip. */
export function formatDayShort(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', day: 'numeric', month: 'numeric' }).format(epochMs);
}

/** `14.00–15.30` (fi), `14:00–15:30` (en-GB). */
export function formatTimeRange(startMs: number, endMs: number, language: string): string {
  return `${formatTime(startMs, language)}–${formatTime(endMs, language)}`;
}

/** `25.11.2026 klo 14.00–15.30` (fi); both ends in full when the end falls on another day. */
export function formatDateTimeRange(startMs: number, endMs: number, language: string): string {
  const sameDay = formatDate(startMs, language) === formatDate(endMs, language);
  return `${formatDateTime(startMs, language)}–${sameDay ? formatTime(endMs, language) : formatDateTime(endMs, language)}`;
}

/** A calendar date (no time of day) as the language writes it: `2.12.2026`. Computed in UTC, so no zone can move it a day. */
export function formatDateOnly(date: { readonly year: number; readonly month: number; readonly day: number }, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(date.year, date.month - 1, date.day));
}
