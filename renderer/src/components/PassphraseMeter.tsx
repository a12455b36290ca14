import { useTranslation } from 'react-i18next';
import type { StrengthVerdict } from '../../../shared/domain/passphrase-strength';

/** Shows zxcvbn's verdict as a bar plus reasons in plain language; the reasons are why a passphrase is refused. */
export function PassphraseMeter({ verdict, isChecking, id }: { verdict: StrengthVerdict | null; isChecking: boolean; id: string }) {
  const { t } = useTranslation();
  const labels = t('passphrase.strength', { returnObjects: true }) as readonly string[];
  const score = verdict?.score ?? 0;
  return (
    <div className="meter" id={id}>
      <div className="meter-row">
        <span>{t('passphrase.strengthLabel')}:</span>
        <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict ? score : 0} aria-label={t('passphrase.strengthLabel')} />
        <strong>{isChecking ? t('passphrase.checking') : verdict ? labels[score] : ''}</strong>
      </div>
      {verdict && !verdict.isAcceptable ? (
        <ul className="meter-reasons">
          {verdict.reasons.map((reason) => (
            <li key={reason.kind === 'warning' ? reason.key : reason.kind}>
              {reason.kind === 'too_short'
                ? t('passphrase.tooShort', { min: reason.min })
                : reason.kind === 'warning'
                  ? t(`passphrase.warnings.${reason.key}` as 'passphrase.warnings.common', { defaultValue: t('passphrase.tooGuessable') })
                  : t('passphrase.tooGuessable')}
            </li>
          ))}
          {verdict.suggestions.slice(0, 2).map((key) => (
            <li key={`s-${key}`} className="meter-suggestion">
              {t(`passphrase.suggestions.${key}` as 'passphrase.suggestions.anotherWord', { defaultValue: '' })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
