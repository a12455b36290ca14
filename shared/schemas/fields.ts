import { z } from 'zod';
import { normalizePhone } from '../domain/phone';

/**
 * Field schemas shared by every form. Error messages are i18n keys under `validation.*`;
 * the UI translates them, so no user text ever appears in a message.
 */
export const V = {
  required: 'required',
  tooLong: 'too_long',
  phone: 'phone_invalid',
  email: 'email_invalid',
  postalCode: 'postal_code_invalid',
  businessId: 'business_id_invalid',
  mismatch: 'passphrase_mismatch',
  weak: 'passphrase_weak',
} as const;

const trimmed = (max: number) => z.string().trim().max(max, { error: V.tooLong });

export const requiredText = (max: number) => trimmed(max).min(1, { error: V.required });
export const optionalText = (max: number) => trimmed(max);

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
