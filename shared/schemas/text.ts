import { z } from 'zod';

/**
 * Text field schemas and the validation codes, with no dependency beyond zod: the IPC contract
 * (and so the sandboxed preload bundle) needs these, but not the phone-number library.
 * The form fields that need more (phone, e-mail, postal code) are in fields.ts.
 *
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
  date: 'date_invalid',
  /** A date that has not happened yet where only a past one makes sense (a request's arrival). */
  dateInFuture: 'date_in_future',
  /** A date that must be later than today (the next retention review). */
  dateNotFuture: 'date_not_future',
  /** A request's later step dated before the request arrived. */
  dateBeforeReceived: 'date_before_received',
  /** GDPR Art. 12(3): the requester must be told of an extension within the first month. */
  extensionLate: 'extension_notice_late',
  fileTooLarge: 'file_too_large',
  fileType: 'file_type_invalid',
} as const;

const trimmed = (max: number) => z.string().trim().max(max, { error: V.tooLong });

export const requiredText = (max: number) => trimmed(max).min(1, { error: V.required });
export const optionalText = (max: number) => trimmed(max);

