import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Finnish service numbers as short as five digits count as "valid", but a customer's phone is a
 * subscriber number: anything shorter than six national digits is a typo.
 */
const MIN_NATIONAL_DIGITS = 6;

/** E.164 form (`+358401234567`) of a valid phone number; Finnish numbers may omit the country code. */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'FI');
  if (!parsed?.isValid() || parsed.nationalNumber.length < MIN_NATIONAL_DIGITS) return null;
  return parsed.number;
}

/**
 * Display form in Finnish convention: `+358 40 123 4567`. libphonenumber leaves Finnish
 * subscriber numbers in one block (`1234567`); Finns read them in groups of three and four.
 */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  const international = parsed.formatInternational();
  if (parsed.countryCallingCode !== '358') return international;
  const parts = international.split(' ');
  const last = parts.at(-1) ?? '';
  if (parts.length >= 3 && /^\d{6,8}$/.test(last)) {
    const head = last.length === 8 ? 4 : 3;
    parts.splice(-1, 1, last.slice(0, head), last.slice(head));
  }
  return parts.join(' ');
}

/**
 * Both digit forms a person might type: `358401234567` and the national `0401234567`.
 * Plain string work (no parsing): it runs for every customer when the register is unlocked.
 */
export function phoneSearchDigits(e164: string): { international: string; national: string } {
  // E.164 is '+' and digits only, so slicing the '+' gives the digits without a regex.
  const international = e164.startsWith('+') ? e164.slice(1) : e164.replace(/\D/g, '');
  const national = international.startsWith('358') ? `0${international.slice(3)}` : international;
  return { international, national };
}
