import { memo, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { endOf } from '../../../../shared/domain/appointments';
import type { Appointment, AppointmentStatus } from '../../../../shared/schemas/appointment';
import { formatTime, formatTimeRange } from '../../i18n/format';

/** Statuses that can be marked from the list (a cancelled appointment is changed in its pane). */
const MARKABLE: readonly AppointmentStatus[] = ['booked', 'completed', 'no_show'];

export interface DayListProps {
  appointments: readonly Appointment[];
  label: string;
  /** The row that has (or gets) the keyboard focus: the list's single tab stop. */
  activeId: string | null;
  /** The appointment open in the pane. */
  selectedId: string | null;
  /** The customer's name — the only personal data the list shows. */
  nameOf: (customerId: string) => string;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  onMark: (id: string, status: 'completed' | 'no_show') => void;
  /** Row buttons by appointment id, for moving focus. */
  rowRefs: RefObject<Map<string, HTMLButtonElement>>;
}

/**
 * The day's appointments in time order. One tab stop (roving focus): ↑/↓/Home/End move between
 * rows, Enter opens one, Alt+C marks it attended and Alt+X a no-show. Each row shows the time,
 * the customer's name, the services, the staff member and the status — no contact details and no
 * notes. Not virtualised: a salon's day holds a few dozen appointments, which render in a few
 * milliseconds, and every row stays in the DOM for the keyboard, find-in-page and screen readers.
 */
export function DayList({ appointments, label, activeId, selectedId, nameOf, onActivate, onOpen, onMark, rowRefs }: DayListProps) {
  const tabStop = appointments.some((a) => a.id === activeId) ? activeId : (appointments[0]?.id ?? null);

  function focusRow(index: number) {
    const target = appointments[Math.max(0, Math.min(appointments.length - 1, index))];
    if (!target) return;
    onActivate(target.id);
    rowRefs.current.get(target.id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-appointment]');
    const id = row?.dataset.appointment;
    const index = appointments.findIndex((a) => a.id === id);
    if (index < 0) return;
    const mod = event.ctrlKey || event.metaKey;
    if (!event.altKey && !mod && !event.shiftKey) {
      const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: appointments.length - 1 };
      const to = moves[event.key];
      if (to !== undefined) {
        event.preventDefault();
        focusRow(to);
      }
      return;
    }
    if (event.altKey && !mod) {
      const status = event.code === 'KeyC' || event.key.toLowerCase() === 'c' ? 'completed' : event.code === 'KeyX' || event.key.toLowerCase() === 'x' ? 'no_show' : null;
      const appointment = appointments[index]!;
      if (status === null) return;
      event.preventDefault();
      if (MARKABLE.includes(appointment.status) && appointment.status !== status) onMark(appointment.id, status);
    }
  }

  return (
    <ol className="day-list" aria-label={label} onKeyDown={onKeyDown}>
      {appointments.map((appointment) => (
        <DayRow
          key={appointment.id}
          appointment={appointment}
          name={nameOf(appointment.customerId)}
          isTabStop={appointment.id === tabStop}
          isSelected={appointment.id === selectedId}
          onActivate={onActivate}
          onOpen={onOpen}
          onMark={onMark}
          rowRefs={rowRefs}
        />
      ))}
    </ol>
  );
}

interface DayRowProps {
  appointment: Appointment;
  name: string;
  isTabStop: boolean;
  isSelected: boolean;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  onMark: (id: string, status: 'completed' | 'no_show') => void;
  rowRefs: RefObject<Map<string, HTMLButtonElement>>;
}

const DayRow = memo(function DayRow({ appointment, name, isTabStop, isSelected, onActivate, onOpen, onMark, rowRefs }: DayRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { id, status } = appointment;
  const time = formatTimeRange(appointment.start, endOf(appointment), language);
  const services = appointment.services.map((s) => s.name).join(', ');
  const statusLabel = t(`booking.status.${status}`);
  const startTime = formatTime(appointment.start, language);
  const isCancelled = status === 'cancelled_by_customer' || status === 'cancelled_by_salon';
  const tabIndex = isTabStop ? 0 : -1;
  return (
    <li className={`day-row${isSelected ? ' day-row-selected' : ''}${isCancelled ? ' day-row-cancelled' : ''}`} data-appointment={id}>
      <button
        type="button"
        ref={(element) => {
          if (element) rowRefs.current.set(id, element);
          else rowRefs.current.delete(id);
        }}
        className="day-row-main"
        tabIndex={tabIndex}
        aria-current={isSelected ? 'true' : undefined}
        aria-label={[time, name, services, appointment.staff, statusLabel].join(', ')}
        aria-keyshortcuts="Alt+C Alt+X"
        onFocus={() => onActivate(id)}
        onClick={() => onOpen(id)}
      >
        <span className="day-row-time">{time}</span>
        <span className="day-row-who">
          <span className="day-row-name">{name}</span>
          <span className="day-row-services">{services}</span>
        </span>
        <span className="day-row-staff">{appointment.staff}</span>
        <span className={`status-badge status-${status}`}>{statusLabel}</span>
      </button>
      <span className="day-row-actions">
        {status === 'booked' ? (
          <>
            <button
              type="button"
              className="row-button row-button-ok"
              tabIndex={tabIndex}
              aria-label={t('booking.day.markCompletedFor', { time: startTime, name })}
              aria-keyshortcuts="Alt+C"
              onFocus={() => onActivate(id)}
              onClick={() => onMark(id, 'completed')}
            >
              {t('booking.day.markCompleted')}
            </button>
            <button
              type="button"
              className="row-button"
              tabIndex={tabIndex}
              aria-label={t('booking.day.markNoShowFor', { time: startTime, name })}
              aria-keyshortcuts="Alt+X"
              onFocus={() => onActivate(id)}
              onClick={() => onMark(id, 'no_show')}
            >
              {t('booking.day.markNoShow')}
            </button>
          </>
        ) : null}
      </span>
    </li>
  );
});
