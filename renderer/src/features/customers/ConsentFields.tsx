import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, type ConsentKind, type ConsentMethod } from '../../../../shared/schemas/customer';
import { TextField } from '../../components/TextField';
import { hasScopeAndExpiry, type ConsentField, type ConsentInput } from './consent-input';
import { translateIssue } from './record-input';
import { SelectField } from './SelectField';

export interface ConsentFieldsProps {
  kind: ConsentKind;
  /** Prefix of the inputs' names, so several kinds can sit in one form. */
  name: string;
  value: ConsentInput;
  onChange: (value: ConsentInput) => void;
  /** Validation codes per field. */
  errors: Partial<Record<ConsentField, string>>;
}

/** How a consent was given, and for publication what it covers and until when. */
export function ConsentFields({ kind, name, value, onChange, errors }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const message = (field: ConsentField) => (errors[field] ? translateIssue(t, errors[field]) : undefined);
  return (
    <div className="consent-fields">
      <SelectField
        name={`${name}-method`}
        label={t('record.consent.method')}
        value={value.method}
        placeholder={t('record.choose')}
        options={CONSENT_METHODS.map((method) => ({ value: method, label: t(`record.consentMethods.${method}`) }))}
        onChange={(method) => onChange({ ...value, method: method as ConsentMethod })}
        error={message('method')}
        isRequired
      />
      {hasScopeAndExpiry(kind) ? (
        <>
          <TextField
            name={`${name}-scope`}
            label={t('record.consent.scope')}
            hint={t('record.consent.scopeHint')}
            value={value.scope}
            onChange={(scope) => onChange({ ...value, scope })}
            error={message('scope')}
            maxLength={500}
            isRequired
          />
          <TextField
            name={`${name}-expires`}
            label={t('record.consent.expires')}
            hint={t('record.consent.expiresHint')}
            inputMode="numeric"
            value={value.expires}
            onChange={(expires) => onChange({ ...value, expires })}
            error={message('expires')}
          />
        </>
      ) : null}
    </div>
  );
}
