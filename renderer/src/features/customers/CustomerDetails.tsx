import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { visitStats } from '../../../../shared/domain/appointments';
import { activeConsents } from '../../../../shared/domain/consent';
import { formatPhone } from '../../../../shared/domain/phone';
import type { Customer } from '../../../../shared/schemas/customer';
import type { MergeRecord, Register } from '../../db/register';
import { formatDateTime } from '../../i18n/format';
import { AccessReportButton } from './AccessReportButton';
import { PrivacyStatus } from './PrivacyStatus';
import { useWorkspaceNav } from '../shell/WorkspaceNav';
import { AppointmentHistory } from './AppointmentHistory';
import { ConsentPanel } from './ConsentPanel';
import { formatDay, lastValidDay } from './record-input';
import { useNow } from './useNow';
import './customers.css';

export interface CustomerDetailsProps {
  customer: Customer;
  register: Register;
  healthNotesEnabled: boolean;
  userName: (userId: string | null) => string;
  /** Undoable merges into this customer, newest first. */
  merges: readonly MergeRecord[];
  onUndoMerge: (mergeId: string) => void;
  onEdit: () => void;
  onMerge: () => void;
  /** Absent when the signed-in role may not erase customers. */
  onDelete?: (() => void) | undefined;
}

/**
 * The customer card: at a glance what the front desk needs before serving someone (visits,
 * no-shows, the next booking, consents in force, any restriction of processing), then the record,
 * the consents with their history, and every visit.
 */
export function CustomerDetails({ customer, register, healthNotesEnabled, userName, merges, onUndoMerge, onEdit, onMerge, onDelete }: CustomerDetailsProps) {
  const { t, i18n } = useTranslation();
  const nav = useWorkspaceNav();
  const language = i18n.language;
  const appointments = register.appointments;
  const appointmentsVersion = useSyncExternalStore(appointments.subscribe.bind(appointments), () => appointments.version);
  const history = useMemo(
    () => (appointments.isLoaded ? appointments.forCustomer(customer.id) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `appointmentsVersion` changes when the appointments do
    [appointments, customer.id, appointmentsVersion],
  );
  const now = useNow(customer.updatedAt);
  const stats = history === null ? null : visitStats(history, now);
  const consents = activeConsents(customer, now);
  const address = [customer.street, [customer.postalCode, customer.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const source = t(`record.sources.${customer.source}`) + (customer.sourceDetail ? `: ${customer.sourceDetail}` : '');
  const showsHealth = healthNotesEnabled || customer.healthNotes !== '';
  const dateOrNone = (at: number | null) => (at === null ? t('record.empty') : formatDateTime(at, language));

  return (
    <section className="customer-details customer-card" aria-labelledby="customer-details-title">
      <div className="card-header">
        <h2 id="customer-details-title" tabIndex={-1}>
          {customer.firstName} {customer.lastName}
        </h2>
        <div className="form-actions card-actions">
          <Button className="button button-primary" onPress={() => nav.bookFor(customer.id)}>
            {t('record.card.book')}
          </Button>
          <Button className="button" onPress={onEdit}>
            {t('customers.edit')}
          </Button>
          <Button className="button" onPress={onMerge}>
            {t('record.card.merge')}
          </Button>
          {onDelete ? (
            <Button className="button button-danger" onPress={onDelete}>
              {t('customers.delete')}
            </Button>
          ) : null}
        </div>
      </div>

      {merges.map((merge) => (
        <div key={merge.id} className="merge-note">
          <p>{t('record.merges.onCard', { merged: `${merge.merged.firstName} ${merge.merged.lastName}`, at: formatDateTime(merge.at, language) })}</p>
          <Button className="button button-small" onPress={() => onUndoMerge(merge.id)}>
            {t('record.merges.undo')}
          </Button>
        </div>
      ))}

      <section className="glance" aria-labelledby="glance-title">
        <h3 id="glance-title" className="visually-hidden">
          {t('record.card.summary')}
        </h3>
        <dl className="glance-stats">
          <div className="glance-stat">
            <dt>{t('record.card.visits')}</dt>
            <dd>{stats === null ? '…' : stats.visits}</dd>
          </div>
          <div className="glance-stat">
            <dt>{t('record.card.lastVisit')}</dt>
            <dd>{stats === null ? '…' : dateOrNone(stats.lastVisit)}</dd>
          </div>
          <div className={stats !== null && stats.noShows > 0 ? 'glance-stat glance-warn' : 'glance-stat'}>
            <dt>{t('record.card.noShows')}</dt>
            <dd>{stats === null ? '…' : stats.noShows}</dd>
          </div>
          <div className="glance-stat">
            <dt>{t('record.card.nextBooked')}</dt>
            <dd>{stats === null ? '…' : dateOrNone(stats.nextBooked)}</dd>
          </div>
        </dl>
        {stats === null ? <p className="muted">{t('record.card.loading')}</p> : null}
        <div className="glance-row">
          <h4>{t('record.card.activeConsents')}</h4>
          {consents.length === 0 ? (
            <p className="muted">{t('record.card.noActiveConsents')}</p>
          ) : (
            <ul className="chips" aria-label={t('record.card.activeConsents')}>
              {consents.map((consent) => (
                <li key={consent.id} className="chip chip-active">
                  {t(`record.consentKinds.${consent.kind}`)}
                  {consent.expiresAt !== null ? (
                    <span className="chip-note"> · {t('record.consent.expiresValue', { date: formatDay(lastValidDay(consent.expiresAt), language) })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <PrivacyStatus customerId={customer.id} register={register} now={now} />
        <AccessReportButton customer={customer} register={register} isReady={history !== null} />
      </section>

      <section className="card-section" aria-labelledby="details-title">
        <h3 id="details-title">{t('record.card.details')}</h3>
        <dl className="details">
          <dt>{t('customers.fields.phone')}</dt>
          <dd>{customer.phone ? formatPhone(customer.phone) : '–'}</dd>
          <dt>{t('customers.fields.email')}</dt>
          <dd>{customer.email || '–'}</dd>
          <dt>{t('customers.fields.address')}</dt>
          <dd>{address || '–'}</dd>
          <dt>{t('record.fields.language')}</dt>
          <dd>{t(`record.languages.${customer.language}`)}</dd>
          <dt>{t('record.fields.source')}</dt>
          <dd>{source}</dd>
          <dt>{t('record.fields.legalBasis')}</dt>
          <dd>{t(`record.legalBases.${customer.legalBasis}`)}</dd>
          <dt>{t('customers.fields.notes')}</dt>
          <dd className="notes">{customer.notes || '–'}</dd>
          {showsHealth ? (
            <>
              <dt>{t('record.fields.healthNotes')}</dt>
              <dd className="notes health-notes">{customer.healthNotes || '–'}</dd>
            </>
          ) : null}
          <dt>{t('customers.created_at')}</dt>
          <dd>{t('record.card.createdBy', { at: formatDateTime(customer.createdAt, language), by: userName(customer.createdBy) })}</dd>
          <dt>{t('customers.updated_at')}</dt>
          <dd>{t('record.card.createdBy', { at: formatDateTime(customer.updatedAt, language), by: userName(customer.updatedBy) })}</dd>
        </dl>
      </section>

      <ConsentPanel customer={customer} repository={register.customers} healthNotesEnabled={healthNotesEnabled} userName={userName} now={now} />
      <AppointmentHistory appointments={history} />
    </section>
  );
}
