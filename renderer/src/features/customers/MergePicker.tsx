import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { findLikelyDuplicates } from '../../../../shared/domain/duplicates';
import { maskEmail, maskPhone } from '../../../../shared/domain/masking';
import { formatPhone } from '../../../../shared/domain/phone';
import type { Customer } from '../../../../shared/schemas/customer';
import type { CustomerRepository } from '../../db/customer-repository';

const MAX_SHOWN = 20;

export interface MergePickerProps {
  customer: Customer;
  repository: CustomerRepository;
  maskContacts: boolean;
  onPick: (otherId: string) => void;
  onCancel: () => void;
}

/**
 * Step one of merging from the customer card: which other customer is the same person. Likely
 * duplicates are offered first; a search finds anyone else. Every choice is a button, so Tab
 * and Enter are all it takes.
 */
export function MergePicker({ customer, repository, maskContacts, onPick, onCancel }: MergePickerProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const suggestions = useMemo(
    () => findLikelyDuplicates(customer, repository.values(), { excludeId: customer.id, limit: MAX_SHOWN }).map((found) => found.customerId),
    [customer, repository],
  );
  const ids = useMemo(() => (query.trim() === '' ? suggestions : repository.search(query).filter((id) => id !== customer.id).slice(0, MAX_SHOWN)), [query, suggestions, repository, customer.id]);

  return (
    <section
      className="merge-picker"
      aria-labelledby="merge-pick-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="merge-pick-title">{t('record.merge.pickTitle')}</h2>
      <p className="lead">{t('record.merge.pickIntro', { name: `${customer.firstName} ${customer.lastName}` })}</p>
      <div className="field">
        <label htmlFor={searchId} className="field-label">
          {t('record.merge.search')}
        </label>
        <input
          id={searchId}
          className="field-input"
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <h3>{query.trim() === '' ? t('record.merge.suggestions') : t('customers.results', { count: ids.length })}</h3>
      {ids.length === 0 ? (
        <p className="muted">{query.trim() === '' ? t('record.merge.noSuggestions') : t('record.merge.noResults')}</p>
      ) : (
        <ul className="pick-list">
          {ids.map((id) => {
            const other = repository.get(id);
            if (!other) return null;
            const contacts = (maskContacts ? [maskPhone(other.phone), maskEmail(other.email)] : [other.phone ? formatPhone(other.phone) : '', other.email]).filter(Boolean);
            return (
              <li key={id} className="pick-item">
                <span id={`${searchId}-${id}`}>
                  <span className="result-name">
                    {other.firstName} {other.lastName}
                  </span>
                  {contacts.length > 0 ? <span className="result-contact"> · {contacts.join(' · ')}</span> : null}
                </span>
                <Button className="button button-small" aria-describedby={`${searchId}-${id}`} onPress={() => onPick(id)}>
                  {t('record.merge.choose')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-actions">
        <Button className="button" onPress={onCancel}>
          {t('record.merge.cancel')}
        </Button>
      </div>
    </section>
  );
}
