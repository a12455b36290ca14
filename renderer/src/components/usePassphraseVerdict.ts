import { useEffect, useState } from 'react';
import { assessPassphrase, type StrengthVerdict } from '../../../shared/domain/passphrase-strength';
import { V } from '../../../shared/schemas/text';

/**
 * The strength meter's verdict on a passphrase being typed: re-assessed shortly after typing
 * stops (zxcvbn is too slow for every keystroke), with a stale answer for older text ignored.
 * `userInputs` (names, the business) count as guessable words.
 */
export function usePassphraseVerdict(passphrase: string, userInputs: readonly string[]): { verdict: StrengthVerdict | null; isChecking: boolean } {
  const [assessed, setAssessed] = useState<{ passphrase: string; verdict: StrengthVerdict } | null>(null);
  const inputsKey = userInputs.join('\u0000');
  useEffect(() => {
    if (passphrase === '') return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void assessPassphrase(passphrase, inputsKey.split('\u0000')).then((verdict) => {
        if (isCurrent) setAssessed({ passphrase, verdict });
      });
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [passphrase, inputsKey]);
  if (passphrase === '') return { verdict: null, isChecking: false };
  // The last verdict stays on the meter while the new text is being assessed.
  return { verdict: assessed?.verdict ?? null, isChecking: assessed?.passphrase !== passphrase };
}

/**
 * The checks of a new passphrase on submit, as every form that sets one makes them: required,
 * strong enough (assessed now, not debounced), and typed the same twice. Returns the validation
 * codes (`validation.*`) of the two fields, none when both are fine.
 */
export async function newPassphraseErrors(passphrase: string, confirm: string, userInputs: readonly string[]): Promise<{ passphrase?: string; confirm?: string }> {
  const errors: { passphrase?: string; confirm?: string } = {};
  if (passphrase === '') errors.passphrase = V.required;
  else if (!(await assessPassphrase(passphrase, [...userInputs])).isAcceptable) errors.passphrase = V.weak;
  if (confirm !== passphrase) errors.confirm = V.mismatch;
  return errors;
}
