import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';

/**
 * Passphrase policy for anyone who can unlock the register. zxcvbn estimates guessability with
 * Finnish and English words and names in its dictionaries, plus the business's own words; a
 * minimum length stops the short-but-random passwords people forget. The data key is only as
 * safe as the weakest passphrase that unwraps it.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_SCORE = 3;

export type StrengthReason =
  | { kind: 'too_short'; min: number }
  | { kind: 'warning'; key: string }
  | { kind: 'too_guessable' };

export interface StrengthVerdict {
  /** 0 (trivial) … 4 (strong), as zxcvbn scores. */
  score: 0 | 1 | 2 | 3 | 4;
  isAcceptable: boolean;
  /** Why it is refused (empty when acceptable); i18n keys, not text. */
  reasons: StrengthReason[];
  /** zxcvbn suggestion keys, for the meter's hints. */
  suggestions: string[];
}

let factory: Promise<ZxcvbnFactory> | null = null;

/** Dictionaries are megabytes, so they load on first use (the setup and passphrase screens only). */
function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fi'),
  ]).then(
    ([common, en, fi]) =>
      new ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, ...prefixKeys('fi', fi.dictionary) },
        // No `translations`: zxcvbn then returns its translation keys, which our i18n translates.
      }),
  );
  return factory;
}

function prefixKeys<T>(prefix: string, dict: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(dict).map(([k, v]) => [`${prefix}-${k}`, v]));
}

export async function assessPassphrase(passphrase: string, userInputs: string[] = []): Promise<StrengthVerdict> {
  const zxcvbn = await loadFactory();
  const result: ZxcvbnResult = zxcvbn.check(passphrase.slice(0, 256), userInputs.filter((s) => s.length > 0));
  const reasons: StrengthReason[] = [];
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) reasons.push({ kind: 'too_short', min: MIN_PASSPHRASE_LENGTH });
  if (result.score < MIN_SCORE) {
    const warning = result.feedback.warning;
    reasons.push(warning ? { kind: 'warning', key: warning } : { kind: 'too_guessable' });
  }
  return {
    score: result.score,
    isAcceptable: reasons.length === 0,
    reasons,
    suggestions: result.feedback.suggestions,
  };
}
