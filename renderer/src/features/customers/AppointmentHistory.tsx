import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/schemas/appointment';
import { formatDateTime } from '../../i18n/format';

export interface AppointmentHistoryProps {
  /** The customer's appointments, newest first; null while they are still being decrypted. */
  appointments: readonly Appointment[] | null;
}

/** Every visit and booking of the customer, newest first. */
export function AppointmentHistory({ appointments }: AppointmentHistoryProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card-section" aria-labelledby="history-title">
      <h3 id="history-title">{t('record.history.title')}</h3>
      {appointments === null ? (
        <p className="muted">{t('record.card.loading')}</p>
      ) : appointments.length === 0 ? (
        <p className="muted">{t('record.history.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table history-table">
            <caption>{t('record.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record.history.columns.start')}</th>
                <th scope="col">{t('record.history.columns.services')}</th>
                <th scope="col">{t('record.history.columns.staff')}</th>
                <th scope="col">{t('record.history.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((appointment) => (
                <tr key={appointment.id}>
                  <td className="nowrap">{formatDateTime(appointment.start, i18n.language)}</td>
                  <td>{appointment.services.map((service) => service.name).join(', ')}</td>
                  <td>{appointment.staff}</td>
                  <td>
                    <span className={`badge badge-appointment-${appointment.status}`}>{t(`record.history.status.${appointment.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
