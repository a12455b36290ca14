import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { endOf, totalDurationMin, totalPriceCents } from '../../../../shared/domain/appointments';
import { AppointmentStatusSchema, type Appointment, type AppointmentChange, type AppointmentStatus } from '../../../../shared/schemas/appointment';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { formatDateTime, formatDateTimeRange, formatPrice } from '../../i18n/format';
import { customerName } from './names';
import './appointments.css';

export interface AppointmentDetailsProps {
  register: Register;
  appointment: Appointment;
  /** User id → name, for "who" in the history. */
  userNames: ReadonlyMap<string, string>;
  onEdit: () => void;
  onOpenCustomer: (customerId: string) => void;
  onClose: () => void;
  /** A status was saved: the confirmation to announce. */
  onChanged: (message: string) => void;
}

type Cancellation = 'cancelled_by_customer' | 'cancelled_by_salon';
const CANCELLED: readonly AppointmentStatus[] = ['cancelled_by_customer', 'cancelled_by_salon'];

/**
 * One appointment: when, who, what at which price, and its history (each change with who and
 * when). From here the desk changes the time or the services, cancels (by the customer / by the
 * salon, after a confirmation), marks it attended or a no-show, or puts a mistaken status back.
 */
export function AppointmentDetails({ register, appointment, userNames, onEdit, onOpenCustomer, onClose, onChanged }: AppointmentDetailsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [cancelling, setCancelling] = useState<Cancellation | null>(null);
  const [restoreClashes, setRestoreClashes] = useState<Appointment[] | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const customer = register.customers.get(appointment.customerId);
  const end = endOf(appointment);
  const when = formatDateTimeRange(appointment.start, end, language);
  const who = (id: string | null) => (id === null ? '–' : (userNames.get(id) ?? t('booking.unknownUser')));

  async function setStatus(status: AppointmentStatus) {
    setBusy(true);
    setFailure(null);
    try {
      await register.appointments.setStatus(appointment.id, status);
      onChanged(t('booking.detail.statusSaved', { status: t(`booking.status.${status}`) }));
      // The button just pressed is gone (the actions follow the status): keep focus in the pane.
      headingRef.current?.focus();
    } catch {
      setFailure(t('booking.day.markFailed'));
    } finally {
      setBusy(false);
    }
  }

  function restore() {
    // A cancelled slot may have been booked again meanwhile: say so before taking it back.
    if (CANCELLED.includes(appointment.status)) {
      const clashes = register.appointments.overlapsWith(appointment);
      if (clashes.length > 0) {
        setRestoreClashes(clashes);
        return;
      }
    }
    void setStatus('booked');
  }

  function describe(change: AppointmentChange): string {
    const moment = (value: string | null) => (value !== null && /^\d+$/.test(value) ? formatDateTime(Number(value), language) : (value ?? ''));
    const status = (value: string | null) => {
      const parsed = AppointmentStatusSchema.safeParse(value);
      return parsed.success ? t(`booking.status.${parsed.data}`) : (value ?? '');
    };
    switch (change.kind) {
      case 'booked':
        return t('booking.history.booked', { to: moment(change.to) });
      case 'rescheduled':
        return t('booking.history.rescheduled', { from: moment(change.from), to: moment(change.to) });
      case 'status_changed':
        return t('booking.history.status_changed', { from: status(change.from), to: status(change.to) });
      case 'services_changed':
        return t('booking.history.services_changed', { from: change.from ?? '', to: change.to ?? '' });
      case 'staff_changed':
        return t('booking.history.staff_changed', { from: change.from ?? '', to: change.to ?? '' });
      case 'notes_changed':
        return t('booking.history.notes_changed');
    }
  }

  const isBooked = appointment.status === 'booked';
  const isCancelled = CANCELLED.includes(appointment.status);

  return (
    <section className="appointment-details" aria-labelledby="appointment-details-title">
      <div className="details-header">
        <h2 id="appointment-details-title" ref={headingRef} tabIndex={-1}>
          {t('booking.detail.title')}
        </h2>
        <span className={`status-badge status-${appointment.status}`}>{t(`booking.status.${appointment.status}`)}</span>
      </div>
      <dl className="details">
        <dt>{t('booking.detail.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('booking.detail.customer')}</dt>
        <dd className="details-customer">
          <span>{customer ? customerName(customer) : t('booking.unknownCustomer')}</span>
          {customer ? (
            <Button className="button button-small" onPress={() => onOpenCustomer(customer.id)}>
              {t('booking.detail.openCustomer')}
            </Button>
          ) : null}
        </dd>
        <dt>{t('booking.detail.services')}</dt>
        <dd>
          <ul className="plain-list">
            {appointment.services.map((service, i) => (
              <li key={`${service.name}-${i}`}>
                {service.name} · {t('booking.minutes', { count: service.durationMin })} · {formatPrice(service.priceCents, language)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('booking.detail.total')}</dt>
        <dd>
          {t('booking.minutes', { count: totalDurationMin(appointment.services) })}, {formatPrice(totalPriceCents(appointment.services), language)}
        </dd>
        <dt>{t('booking.detail.staff')}</dt>
        <dd>{appointment.staff}</dd>
        <dt>{t('booking.detail.channel')}</dt>
        <dd>{t(`booking.channel.${appointment.channel}`)}</dd>
        {appointment.notes ? (
          <>
            <dt>{t('booking.detail.notes')}</dt>
            <dd className="notes">{appointment.notes}</dd>
          </>
        ) : null}
        <dt>{t('booking.detail.created')}</dt>
        <dd>{t('booking.detail.createdBy', { when: formatDateTime(appointment.createdAt, language), who: who(appointment.createdBy) })}</dd>
      </dl>

      <div className="form-actions detail-actions">
        {!isCancelled ? (
          <Button className="button" onPress={onEdit} isDisabled={isBusy}>
            {t('booking.detail.edit')}
          </Button>
        ) : null}
        {isBooked ? (
          <>
            <Button className="button button-primary" onPress={() => void setStatus('completed')} isDisabled={isBusy}>
              {t('booking.detail.markCompleted')}
            </Button>
            <Button className="button" onPress={() => void setStatus('no_show')} isDisabled={isBusy}>
              {t('booking.detail.markNoShow')}
            </Button>
            <Button className="button button-danger" onPress={() => setCancelling('cancelled_by_customer')} isDisabled={isBusy}>
              {t('booking.detail.cancelByCustomer')}
            </Button>
            <Button className="button button-danger" onPress={() => setCancelling('cancelled_by_salon')} isDisabled={isBusy}>
              {t('booking.detail.cancelBySalon')}
            </Button>
          </>
        ) : (
          <Button className="button" onPress={restore} isDisabled={isBusy}>
            {t('booking.detail.restore')}
          </Button>
        )}
        <Button className="button" onPress={onClose}>
          {t('booking.detail.close')}
        </Button>
      </div>

      {restoreClashes ? (
        <div className="overlap-warning" role="alert">
          <h3>{t('booking.form.overlapTitle')}</h3>
          <p>{t('booking.form.overlapBody', { count: restoreClashes.length, staff: appointment.staff })}</p>
          <ul>
            {restoreClashes.map((clash) => (
              <li key={clash.id}>
                {t('booking.form.overlapItem', {
                  time: formatDateTimeRange(clash.start, endOf(clash), language),
                  services: clash.services.map((s) => s.name).join(', '),
                })}
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <Button
              className="button button-primary"
              onPress={() => {
                setRestoreClashes(null);
                void setStatus('booked');
              }}
            >
              {t('booking.detail.restoreAnyway')}
            </Button>
            <Button className="button" onPress={() => setRestoreClashes(null)} autoFocus>
              {t('booking.detail.keepAsIs')}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorMessage message={failure} />

      <h3 className="history-title">{t('booking.detail.history')}</h3>
      <ol className="appointment-history">
        {appointment.history.map((change, i) => (
          <li key={`${change.at}-${i}`}>
            <span className="history-what">{describe(change)}</span>
            <span className="history-meta">{t('booking.detail.historyEntry', { when: formatDateTime(change.at, language), who: who(change.by) })}</span>
          </li>
        ))}
      </ol>

      <ConfirmDialog
        isOpen={cancelling !== null}
        title={t('booking.detail.cancelTitle')}
        body={t(cancelling === 'cancelled_by_salon' ? 'booking.detail.cancelBySalonBody' : 'booking.detail.cancelByCustomerBody', { when })}
        confirmLabel={t('booking.detail.cancelConfirm')}
        cancelLabel={t('booking.detail.cancelKeep')}
        onConfirm={() => {
          const status = cancelling;
          setCancelling(null);
          if (status) void setStatus(status);
        }}
        onCancel={() => setCancelling(null)}
        isDestructive
      />
    </section>
  );
}
