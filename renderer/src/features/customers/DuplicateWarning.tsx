import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { LikelyDuplicate } from '../../../../shared/domain/duplicates';
import { maskEmail, maskPhone } from '../../../../shared/domain/masking';
import { formatPhone } from '../../../../shared/domain/phone';
import type { Customer } from '../../../../shared/schemas/customer';

export interface DuplicateWarningProps {
  duplicates: readonly LikelyDuplicate[];
  getCustomer: (id: string) => Customer | undefined;
  /** Receptionists see the existing customers' contacts masked, as in the list. */
  maskContacts: boolean;
  isBusy: boolean;
  onOpen: (customerId: string) => void;
  onMergeInto: (customerId: string) => void;
  onSaveAsNew: () => void;
}

/**
 * Shown instead of saving when the new customer looks like someone already in the register
 * (shared/domain/duplicates.ts). Nothing is saved until the person at the desk decides. Focus
 * moves to the heading, so a keyboard user hears the warning and tabs on to the choices.
 */
export function DuplicateWarning({ duplicates, getCustomer, maskContacts, isBusy, onOpen, onMergeInto, onSaveAsNew }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="duplicate-warning" aria-labelledby="duplicate-warning-title">
      <h3 id="duplicate-warning-title" ref={headingRef} tabIndex={-1}>
        {t('record.duplicates.title', { count: duplicates.length })}
      </h3>
      <p>{t('record.duplicates.intro')}</p>
      <ul className="duplicate-list" aria-label={t('record.duplicates.listLabel')}>
        {duplicates.map((duplicate) => {
          const customer = getCustomer(duplicate.customerId);
          if (!customer) return null;
          const contacts = (
            maskContacts ? [maskPhone(customer.phone), maskEmail(customer.email)] : [customer.phone ? formatPhone(customer.phone) : '', customer.email]
          ).filter(Boolean);
          const place = [customer.street, customer.city].filter(Boolean).join(', ');
          return (
            <li key={customer.id} className="duplicate-item">
              <p className="duplicate-name">
                {customer.firstName} {customer.lastName}
              </p>
              {contacts.length > 0 ? <p className="duplicate-contact">{contacts.join(' · ')}</p> : null}
              {!maskContacts && place !== '' ? <p className="duplicate-contact">{place}</p> : null}
              <p className="duplicate-reasons">
                {t('record.duplicates.because', { reasons: duplicate.reasons.map((reason) => t(`record.duplicates.reasons.${reason}`)).join(', ') })}
              </p>
              <div className="row-actions">
                <Button className="button" onPress={() => onOpen(customer.id)} isDisabled={isBusy}>
                  {t('record.duplicates.open')}
                </Button>
                <Button className="button" onPress={() => onMergeInto(customer.id)} isDisabled={isBusy}>
                  {t('record.duplicates.mergeInto')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <Button className="button button-primary" onPress={onSaveAsNew} isDisabled={isBusy}>
        {t('record.duplicates.saveAsNew')}
      </Button>
    </section>
  );
}
