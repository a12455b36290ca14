import { formatPhone } from './phone';

/**
 * Contact details as a receptionist sees them in lists: enough to tell two customers apart on
 * the phone, not enough to copy a list of numbers. Opening the customer shows them in full and
 * is journaled.
 */
const DOTS = '•••';

/** `+358401234567` → `+358 40 ••• 4567`. */
export function maskPhone(e164: string): string {
  if (e164 === '') return '';
  const parts = formatPhone(e164).split(' ');
  if (parts.length < 3) return `${e164.slice(0, 4)} ${DOTS} ${e164.slice(-4)}`;
  const last = parts.at(-1)!;
  const tail = last.length >= 4 ? last : `${parts.at(-2) ?? ''}${last}`.slice(-4);
  return `${parts.slice(0, 2).join(' ')} ${DOTS} ${tail}`;
}

/** `aino.maki@example.fi` → `a•••@example.fi`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email === '' ? '' : DOTS;
  return `${email[0]}${DOTS}${email.slice(at)}`;
}

/**
 * `Maija Virtanen` → `M*** V***`: what the erasure ledger keeps to show which erasure an entry
 * is, without keeping the name. Initials only; an empty part stays empty.
 */
export function maskName(firstName: string, lastName: string): string {
  const initial = (part: string) => {
    const first = [...part.trim()][0];
    return first === undefined ? '' : `${first.toLocaleUpperCase('fi')}***`;
  };
  return [initial(firstName), initial(lastName)].filter(Boolean).join(' ');
}
