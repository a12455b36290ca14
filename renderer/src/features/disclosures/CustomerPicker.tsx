import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { TextField } from '../../components/TextField';
import type { Register } from '../../db/register';

export interface CustomerPickerProps {
  register: Register;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  /** Translated error of the whole choice (none chosen). */
  error?: string | undefined;
}

const nameOf = (register: Register, id: string): string => {
  const customer = register.customers.get(id);
  return customer ? `${customer.firstName} ${customer.lastName}` : id;
};

/**
 * Several customers for one disclosure: searched by name, phone or e-mail in the register's own
 * index (as the request form does), added one by one and removable. Restricted customers can be
 * chosen: an authority may receive them (GDPR Art. 18(2)).
 */
export function CustomerPicker({ register, chosen, onChange, error }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const chosenId = useId();
  const errorId = useId();
  const matches = useMemo(
    () => (query.trim().length < 2 ? [] : register.customers.search(query).filter((id) => !chosen.includes(id)).slice(0, 6)),
    [query, register, chosen],
  );

  return (
    <fieldset className="disclosure-picker" aria-describedby={error === undefined ? undefined : errorId}>
      <legend>{t('disclosure.picker.legend')}</legend>
      <TextField name="disclosureCustomerQuery" type="search" label={t('disclosure.picker.search')} hint={t('disclosure.picker.searchHint')} value={query} onChange={setQuery} />
      {matches.length > 0 ? (
        <ul className="disclosure-matches" aria-label={t('disclosure.picker.matches')}>
          {matches.map((id) => (
            <li key={id}>
              <Button className="button" onPress={() => onChange([...chosen, id])}>
                {t('disclosure.picker.add', { name: nameOf(register, id) })}
              </Button>
            </li>
          ))}
        </ul>
      ) : query.trim().length >= 2 ? (
        <p className="field-hint">{t('disclosure.picker.noMatches')}</p>
      ) : null}
      <h4 id={chosenId}>{t('disclosure.picker.chosen', { count: chosen.length })}</h4>
      {chosen.length > 0 ? (
        <ul className="disclosure-chosen" aria-labelledby={chosenId}>
          {chosen.map((id) => (
            <li key={id}>
              <span>{nameOf(register, id)}</span>
              {register.privacy.isRestricted(id) ? <span className="muted"> ({t('disclosure.picker.restricted')})</span> : null}{' '}
              <Button className="button" aria-label={t('disclosure.picker.removeLabel', { name: nameOf(register, id) })} onPress={() => onChange(chosen.filter((other) => other !== id))}>
                {t('disclosure.picker.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
