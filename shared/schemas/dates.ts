import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../domain/calendar-date';
import { V } from './text';

/**
 * Calendar-date fields (`YYYY-MM-DD`). Stored dates are checked for shape only; what a form
 * submits is trimmed and explained with an i18n key, like every other field.
 */
export const IsoDateSchema = z.string().refine(isIsoDate);

/** A required date typed or picked in a form. */
export const dateField = z
  .string()
  .trim()
  .min(1, { error: V.required, abort: true })
  .refine(isIsoDate, { error: V.date, abort: true });

/** A form date that has already come (a letter cannot arrive tomorrow). */
export const pastDateField = (today: IsoDate) => dateField.refine((date) => date <= today, { error: V.dateInFuture });

/** A form date strictly after today (a review that is still to come). */
export const futureDateField = (today: IsoDate) => dateField.refine((date) => date > today, { error: V.dateNotFuture });

/**
 * A cross-field refinement's `when`: run it although other fields failed (so the form shows every
 * problem at once), but not when one of the fields it compares failed, whose value it cannot trust.
 */
export const unlessFailed =
  (...fields: readonly string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }): boolean =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
