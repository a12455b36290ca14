import { z } from 'zod';
import { BookedServiceSchema } from '../../../../shared/schemas/appointment';
import { V } from '../../../../shared/schemas/fields';

/**
 * What people type into the booking and catalogue forms, turned into what the schemas hold:
 * minutes as integers, euros as integer cents, a local date and time as epoch ms. Each parser is
 * a zod schema whose messages are `validation.*` codes, like every other form's.
 *
 * Dates and times are typed as text in the Finnish way (`25.11.2026`, `14.30`) rather than with
 * `<input type="date|time">`: Chromium draws native pickers in the operating system's locale
 * (a front-desk machine set to English would ask for 11/25/2026 and 2:30 PM), splits them into
 * segments that Tab walks through one by one, and a half-typed segment is invisible to the form.
 * Typed text is one field, fast from the keyboard, and reads back exactly as the day view shows it.
 */

const DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const TIME = /^(\d{1,2})(?:[.:](\d{2}))?$/;
const TIME_DIGITS = /^(\d{1,2})(\d{2})$/;
/** Euros with an optional decimal comma or point and at most two decimals; `€` and spaces ignored. */
const EUROS = /^(\d{1,7})(?:[.,](\d{1,2}))?$/;

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export interface LocalTime {
  readonly hours: number;
  readonly minutes: number;
}

const required = (value: string, ctx: z.RefinementCtx): boolean => {
  if (value !== '') return true;
  ctx.addIssue({ code: 'custom', message: V.required });
  return false;
};

/** `25.11.2026`, `5.1.2027`, `25/11/2026` → a calendar date that exists. */
export const DateInputSchema = z
  .string()
  .trim()
  .transform((value, ctx): LocalDate => {
    if (!required(value, ctx)) return z.NEVER;
    const match = DATE.exec(value);
    const [day, month, year] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const probe = new Date(year, month - 1, day);
    if (!match || year < 2000 || year > 2100 || probe.getMonth() !== month - 1 || probe.getDate() !== day) {
      ctx.addIssue({ code: 'custom', message: 'date_invalid' });
      return z.NEVER;
    }
    return { year, month, day };
  });

/** `14.30`, `14:30`, `1430`, `9` → hours and minutes of a day. */
export const TimeInputSchema = z
  .string()
  .trim()
  .transform((value, ctx): LocalTime => {
    if (!required(value, ctx)) return z.NEVER;
    const match = TIME.exec(value) ?? TIME_DIGITS.exec(value);
    const hours = match ? Number(match[1]) : -1;
    const minutes = match ? Number(match[2] ?? 0) : -1;
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      ctx.addIssue({ code: 'custom', message: 'time_invalid' });
      return z.NEVER;
    }
    return { hours, minutes };
  });

/** Whole minutes, within the schema's 5–720. */
export const DurationInputSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!required(value, ctx)) return z.NEVER;
    if (!/^\d{1,4}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'duration_invalid' });
      return z.NEVER;
    }
    return Number(value);
  })
  .pipe(BookedServiceSchema.shape.durationMin);

/** `49`, `49,5`, `49.50`, `49,00 €` → 4950 cents; no floating point on the way. */
export const PriceInputSchema = z
  .string()
  .transform((value, ctx) => {
    const compact = value.replace(/[\s\u00a0\u202f€]/g, '');
    if (!required(compact, ctx)) return z.NEVER;
    const match = EUROS.exec(compact);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'price_invalid' });
      return z.NEVER;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  })
  .pipe(BookedServiceSchema.shape.priceCents);

/**
 * The local moment of a date and a time. A time that does not exist that day (the hour skipped
 * when clocks go forward) is refused rather than silently moved.
 */
export function localMoment(date: LocalDate, time: LocalTime): number | null {
  const at = new Date(date.year, date.month - 1, date.day, time.hours, time.minutes);
  return at.getHours() === time.hours && at.getMinutes() === time.minutes ? at.getTime() : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `5.1.2027`: what the date field shows for a moment (as Finnish dates are written, no zeros). */
export function dateInputOf(epochMs: number): string {
  const at = new Date(epochMs);
  return `${at.getDate()}.${at.getMonth() + 1}.${at.getFullYear()}`;
}

/** `9.05`, `14.30`: what the time field shows for a time of day. */
export function timeInputOf(hours: number, minutes: number): string {
  return `${hours}.${two(minutes)}`;
}

/**
 * Parses several fields at once, remembering the first problem of each as a `validation.*` code:
 * `const v = new FieldParser(); const a = v.parse('a', schema, text); if (v.ok) …`.
 */
export class FieldParser {
  readonly errors: Record<string, string> = {};

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  parse<T>(field: string, schema: z.ZodType<T, string>, value: string): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.fail(field, result.error.issues[0]?.message ?? V.required);
    return undefined;
  }

  fail(field: string, code: string): void {
    if (!(field in this.errors)) this.errors[field] = code;
  }
}
