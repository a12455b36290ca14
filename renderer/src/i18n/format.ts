/** Finnish conventions by default: `25.11.2026 klo 14.30`. */
const LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

export function formatDateTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', { dateStyle: 'short', timeStyle: 'short' }).format(epochMs);
}

/** `14.30` (fi), `14:30` (en-GB). */
export function formatTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fi-FI', { timeStyle: 'short' }).format(epochMs);
}
