import { ZodError } from 'zod';

/**
 * A validation error at one field, shaped like zod's own, for rules the data layer checks
 * against stored state (a date before the request arrived, a file that is not what it says): the
 * forms show it at the field with the same translated code. No `input`: it may be personal data.
 */
export function fieldError(path: readonly (string | number)[], code: string): ZodError {
  return new ZodError([{ code: 'custom', path: [...path], message: code }]);
}
