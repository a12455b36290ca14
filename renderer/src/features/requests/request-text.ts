import type { TFunction } from 'i18next';
import type { IsoDate } from '../../../../shared/domain/calendar-date';
import { parseIsoDate } from '../../../../shared/domain/calendar-date';
import { requestDeadline } from '../../../../shared/domain/gdpr-deadline';
import type { GdprRequest } from '../../../../shared/schemas/gdpr-request';
import { formatDateOnly } from '../../i18n/format';

/** `2026-12-02` as the UI's language writes a date (2.12.2026), without time-zone arithmetic. */
export function showDate(iso: IsoDate, language: string): string {
  const date = parseIsoDate(iso);
  return date === null ? iso : formatDateOnly(date, language);
}

/** "5 days", "Today", "2 days late", or a dash for a closed request. */
export function timeLeftText(request: GdprRequest, today: IsoDate, t: TFunction): string {
  const deadline = requestDeadline(request, today);
  if (deadline.state === 'closed') return t('gdpr.requests.closed');
  if (deadline.daysLeft < 0) return t('gdpr.requests.overdueBy', { count: -deadline.daysLeft });
  if (deadline.daysLeft === 0) return t('gdpr.requests.dueToday');
  return t('gdpr.requests.daysLeft', { count: deadline.daysLeft });
}

/** A field error code from the data layer's zod error, translated (`validation.*`). */
export function fieldMessages(error: unknown, t: TFunction): Record<string, string> | null {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] } | null)?.issues;
  if (!Array.isArray(issues)) return null;
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in result)) result[field] = t(`validation.${issue.message}` as 'validation.required');
  }
  return result;
}
