import { useTranslation } from 'react-i18next';
import type { Register } from '../../db/register';

export interface DayViewProps {
  register: Register;
  /** The day to show first (epoch ms within it). */
  day: number;
  /** Open the booking form for this customer at once (from the customer card). */
  bookingFor: string | null;
  /** The booking form was closed or saved: the workspace forgets `bookingFor`. */
  onBookingDone: () => void;
}

/** The front desk's day: today's appointments in time order. (Filled in by issue 5.) */
export function DayView({ register }: DayViewProps) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="day-title">
      <h1 id="day-title">{t('booking.title')}</h1>
      <p className="placeholder">{register.appointments.count}</p>
    </section>
  );
}
