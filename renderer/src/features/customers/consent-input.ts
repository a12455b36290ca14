import { ConsentDraftSchema, type ConsentDraftInput, type ConsentKind, type ConsentMethod } from '../../../../shared/schemas/customer';
import { fieldErrors } from '../../components/form-errors';
import { parseExpiryDate } from './record-input';

/** What the consent fields hold while being typed: the method not yet chosen, the date as text. */
export interface ConsentInput {
  readonly method: ConsentMethod | '';
  readonly scope: string;
  readonly expires: string;
}

export const EMPTY_CONSENT_INPUT: ConsentInput = { method: '', scope: '', expires: '' };

export type ConsentField = keyof ConsentInput;

/** Only publication has a scope and an expiry (issue 5); the others last until withdrawn. */
export const hasScopeAndExpiry = (kind: ConsentKind): boolean => kind === 'publication';

/**
 * Turns typed consent fields into a draft for the repository, or field errors (validation codes).
 * The same schema as the data layer's decides; the date and "in the future" are checked here.
 */
export function parseConsentInput(
  kind: ConsentKind,
  input: ConsentInput,
  now: number,
): { ok: true; draft: ConsentDraftInput } | { ok: false; errors: Partial<Record<ConsentField, string>> } {
  const errors: Partial<Record<ConsentField, string>> = {};
  let expiresAt: number | null = null;
  if (hasScopeAndExpiry(kind)) {
    const parsed = parseExpiryDate(input.expires);
    if (parsed === 'invalid') errors.expires = 'date_invalid';
    else if (parsed !== 'empty' && parsed <= now) errors.expires = 'expiry_past';
    else if (parsed !== 'empty') expiresAt = parsed;
  }
  if (input.method === '') errors.method = 'choose';
  const draft: ConsentDraftInput = {
    kind,
    method: input.method === '' ? 'other' : input.method,
    scope: hasScopeAndExpiry(kind) ? input.scope : '',
    expiresAt,
  };
  const checked = ConsentDraftSchema.safeParse(draft);
  for (const [field, code] of Object.entries(fieldErrors(checked.error))) {
    if ((field === 'method' || field === 'scope') && errors[field] === undefined) errors[field] = code;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, draft };
}
