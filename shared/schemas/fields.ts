import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import { V } from './text';

/** Form fields beyond plain text (phone, e-mail, postal code); plain text fields are in text.ts. */
export { V, optionalText, requiredText } from './text';

/** Optional phone: empty stays empty, anything else must be a valid number and becomes E.164. */
export const optionalPhone = z
  .string()
  .trim()
  .max(40, { error: V.tooLong })
  .transform((value, ctx) => {
    if (value === '') return '';
    const e164 = normalizePhone(value);
    if (e164 === null) {
      ctx.addIssue({ code: 'custom', message: V.phone });
      return z.NEVER;
    }
    return e164;
  });

export const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: V.tooLong })
  .transform((value, ctx) => {
    if (value === '') return '';
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: 'custom', message: V.email });
      return z.NEVER;
    }
    return value.toLowerCase();
  });

/** Finnish postal codes are five digits; empty is allowed because the address is optional. */
export const optionalPostalCode = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{5}$/.test(value), { error: V.postalCode });
