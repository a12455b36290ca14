import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { formatPhone } from '../../../../shared/domain/phone';
import type { Customer } from '../../../../shared/schemas/customer';
import { formatDateTime } from '../../i18n/format';

export interface CustomerDetailsProps {
  customer: Customer;
  onEdit: () => void;
  /** Absent when the signed-in role may not erase customers. */
  onDelete?: (() => void) | undefined;
}

/** One customer's record, read-only, with the actions the front desk needs. */
export function CustomerDetails({ customer, onEdit, onDelete }: CustomerDetailsProps) {
  const { t, i18n } = useTranslation();
  const address = [customer.street, [customer.postalCode, customer.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <section className="customer-details" aria-labelledby="customer-details-title">
      <h2 id="customer-details-title" tabIndex={-1}>
        {customer.firstName} {customer.lastName}
      </h2>
      <dl className="details">
        <dt>{t('customers.fields.phone')}</dt>
        <dd>{customer.phone ? formatPhone(customer.phone) : '–'}</dd>
        <dt>{t('customers.fields.email')}</dt>
        <dd>{customer.email || '–'}</dd>
        <dt>{t('customers.fields.address')}</dt>
        <dd>{address || '–'}</dd>
        <dt>{t('customers.fields.notes')}</dt>
        <dd className="notes">{customer.notes || '–'}</dd>
        <dt>{t('customers.created_at')}</dt>
        <dd>{formatDateTime(customer.createdAt, i18n.language)}</dd>
        <dt>{t('customers.updated_at')}</dt>
        <dd>{formatDateTime(customer.updatedAt, i18n.language)}</dd>
      </dl>
      <div className="form-actions">
        <Button className="button button-primary" onPress={onEdit}>
          {t('customers.edit')}
        </Button>
        {onDelete ? (
          <Button className="button button-danger" onPress={onDelete}>
            {t('customers.delete')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
