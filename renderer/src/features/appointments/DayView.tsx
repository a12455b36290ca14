import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { addDays, dayRange } from '../../../../shared/domain/appointments';
import type { Appointment } from '../../../../shared/schemas/appointment';
import { StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { formatDate, formatTime, formatWeekday } from '../../i18n/format';
import { useSession } from '../session/SessionContext';
import { useWorkspaceNav } from '../shell/WorkspaceNav';
import { AppointmentDetails } from './AppointmentDetails';
import { BookingForm } from './BookingForm';
import { weekDays } from './calendar';
import { DayList } from './DayList';
import { useToday, useVersion } from './hooks';
import { customerName } from './names';
import { WeekOverview } from './WeekOverview';
import './appointments.css';

export interface DayViewProps {
  register: Register;
  /** The day to show first (epoch ms within it). */
  day: number;
  /** Open the booking form for this customer at once (from the customer card). */
  bookingFor: string | null;
  /** The booking form was closed or saved: the workspace forgets `bookingFor`. */
  onBookingDone: () => void;
}

type Pane =
  | { kind: 'none' }
  | { kind: 'book'; customerId: string | null; serial: number }
  | { kind: 'view'; id: string }
  | { kind: 'edit'; id: string };

const CANCELLED = new Set(['cancelled_by_customer', 'cancelled_by_salon']);

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

const capitalize = (text: string, language: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

/**
 * The front desk's day: the day's appointments in time order on the left, with the week at a
 * glance above them; the appointment, or the booking form, on the right. Keyboard: Alt+← / Alt+→
 * (or PageUp / PageDown outside text fields) change the day, Alt+T (or T) returns to today,
 * Alt+B starts a booking; in the list ↑/↓, Enter, Alt+C (attended) and Alt+X (no-show).
 */
export function DayView({ register, day, bookingFor, onBookingDone }: DayViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const nav = useWorkspaceNav();
  const session = useSession();
  const appointments = register.appointments;
  const version = useVersion(appointments);
  useVersion(register.customers);
  useVersion(register.services);
  const today = useToday();

  const [shown, setShown] = useState(() => dayRange(day).start);
  const [dayProp, setDayProp] = useState(day);
  const [pane, setPane] = useState<Pane>(() => (bookingFor !== null ? { kind: 'book', customerId: bookingFor, serial: 0 } : { kind: 'none' }));
  const [bookingProp, setBookingProp] = useState(bookingFor);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [hasLoadFailed, setLoadFailed] = useState(false);
  const rowRefs = useRef(new Map<string, HTMLButtonElement>());
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  /** After a re-render: put focus here (an appointment id, or 'list' for its first row). */
  const focusNext = useRef<string | null>(null);

  // Another view asked for a day or a booking (props change while mounted).
  if (day !== dayProp) {
    setDayProp(day);
    setShown(dayRange(day).start);
  }
  if (bookingFor !== bookingProp) {
    setBookingProp(bookingFor);
    if (bookingFor !== null) setPane((p) => ({ kind: 'book', customerId: bookingFor, serial: (p.kind === 'book' ? p.serial : 0) + 1 }));
  }

  useEffect(() => {
    let live = true;
    appointments.ready.catch(() => {
      if (live) setLoadFailed(true);
    });
    return () => {
      live = false;
    };
  }, [appointments]);

  const range = useMemo(() => dayRange(shown), [shown]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the appointments do
  const dayAppointments = useMemo(() => appointments.between(range.start, range.end), [appointments, range, version]);
  const week = useMemo(
    () =>
      weekDays(shown).map((d) => ({
        start: d.start,
        count: appointments.between(d.start, d.end).filter((a) => !CANCELLED.has(a.status)).length,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the appointments do
    [appointments, shown, version],
  );
  const userNames = useMemo(() => new Map(session.status === 'unlocked' ? session.vault.users.map((u) => [u.id, u.name] as const) : []), [session]);

  const nameOf = useCallback(
    (customerId: string) => {
      const customer = register.customers.get(customerId);
      return customer ? customerName(customer) : t('booking.unknownCustomer');
    },
    [register, t],
  );

  function changeDay(next: number) {
    // Rows of the old day disappear: a keyboard user in the list lands on the new day's first row.
    if (listRef.current?.contains(document.activeElement)) focusNext.current = 'list';
    setShown(dayRange(next).start);
  }

  function startBooking(customerId: string | null = null) {
    setStatus(null);
    setPane((p) => ({ kind: 'book', customerId, serial: (p.kind === 'book' ? p.serial : 0) + 1 }));
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod) return;
    if (event.altKey && !event.shiftKey) {
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        changeDay(addDays(shown, event.key === 'ArrowLeft' ? -1 : 1));
      } else if (event.code === 'KeyT' || event.key.toLowerCase() === 't') {
        event.preventDefault();
        changeDay(Date.now());
      } else if (event.code === 'KeyB' || event.key.toLowerCase() === 'b') {
        event.preventDefault();
        startBooking();
      }
      return;
    }
    if (event.altKey || isTyping(event.target)) return;
    if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      changeDay(addDays(shown, event.key === 'PageUp' ? -1 : 1));
    } else if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      changeDay(Date.now());
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Focus that had to wait for the list to re-render.
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const id = target === 'list' ? dayAppointments[0]?.id : target;
    const row = id === undefined ? undefined : rowRefs.current.get(id);
    if (row) row.focus();
    else headingRef.current?.focus();
  });

  const onMark = useCallback(
    (id: string, next: 'completed' | 'no_show') => {
      const appointment = appointments.get(id);
      if (!appointment) return;
      focusNext.current = id;
      appointments.setStatus(id, next).then(
        () =>
          setStatus(
            t('booking.day.marked', { time: formatTime(appointment.start, language), name: nameOf(appointment.customerId), status: t(`booking.status.${next}`) }),
          ),
        () => setStatus(t('booking.day.markFailed')),
      );
    },
    [appointments, language, nameOf, t],
  );

  const onOpen = useCallback((id: string) => {
    setActiveId(id);
    setStatus(null);
    setPane({ kind: 'view', id });
  }, []);

  function onSaved(saved: Appointment, message: string) {
    if (pane.kind === 'book') onBookingDone();
    setShown(dayRange(saved.start).start);
    setActiveId(saved.id);
    setPane({ kind: 'view', id: saved.id });
    setStatus(message);
    focusNext.current = saved.id;
  }

  function closeForm() {
    if (pane.kind === 'book') {
      onBookingDone();
      setPane({ kind: 'none' });
      newButtonRef.current?.focus();
    } else if (pane.kind === 'edit') {
      setPane({ kind: 'view', id: pane.id });
    }
  }

  const staffSuggestions = useMemo(() => {
    if (pane.kind !== 'book' && pane.kind !== 'edit') return [];
    // Newest first, so the spelling used lately wins when names differ only in case.
    const used = appointments.between(0, Number.MAX_SAFE_INTEGER).map((a) => a.staff).reverse();
    return [...used, ...(session.status === 'unlocked' ? session.vault.users.map((u) => u.name) : [])];
  }, [pane.kind, appointments, session]);

  const heading = t('booking.day.title', { weekday: capitalize(formatWeekday(shown, language), language), date: formatDate(shown, language) });
  const cancelledCount = dayAppointments.filter((a) => CANCELLED.has(a.status)).length;
  const selected = pane.kind === 'view' || pane.kind === 'edit' ? appointments.get(pane.id) : undefined;

  return (
    <div className="day-screen">
      <section className="day-pane" aria-labelledby="day-title">
        <div className="day-header">
          <h1 id="day-title" ref={headingRef} tabIndex={-1}>
            {heading}
            {shown === today ? <span className="today-badge">{t('booking.day.today')}</span> : null}
          </h1>
          <Button ref={newButtonRef} className="button button-primary" aria-keyshortcuts="Alt+B" onPress={() => startBooking()}>
            {t('booking.day.newBooking')}
          </Button>
        </div>
        <div className="day-nav">
          <Button className="button" aria-keyshortcuts="Alt+ArrowLeft PageUp" onPress={() => changeDay(addDays(shown, -1))}>
            ← {t('booking.day.previous')}
          </Button>
          <Button className="button" aria-keyshortcuts="Alt+T" onPress={() => changeDay(Date.now())}>
            {t('booking.day.goToday')}
          </Button>
          <Button className="button" aria-keyshortcuts="Alt+ArrowRight PageDown" onPress={() => changeDay(addDays(shown, 1))}>
            {t('booking.day.next')} →
          </Button>
        </div>
        <WeekOverview days={week} shown={shown} today={today} onPick={(start) => changeDay(start)} />
        {hasLoadFailed ? (
          <p className="error-message" role="alert">
            {t('booking.loadFailed')}
          </p>
        ) : !appointments.isLoaded ? (
          <p className="placeholder" role="status">
            {t('booking.loading')}
          </p>
        ) : (
          <div ref={listRef} className="day-list-wrap">
            <p className="result-count" aria-live="polite">
              {dayAppointments.length === 0
                ? t('booking.day.empty')
                : [t('booking.day.count', { count: dayAppointments.length - cancelledCount }), cancelledCount > 0 ? t('booking.day.cancelledCount', { count: cancelledCount }) : '']
                    .filter(Boolean)
                    .join(' · ')}
            </p>
            <DayList
              appointments={dayAppointments}
              label={t('booking.day.listLabel', { date: formatDate(shown, language) })}
              activeId={activeId}
              selectedId={selected?.id ?? null}
              nameOf={nameOf}
              onActivate={setActiveId}
              onOpen={onOpen}
              onMark={onMark}
              rowRefs={rowRefs}
            />
          </div>
        )}
        <p className="field-hint keys-hint">{t('booking.day.keysHint')}</p>
      </section>
      <section className="detail-pane day-detail" aria-label={t('booking.title')}>
        <StatusMessage message={status} />
        {!appointments.isLoaded ? null : pane.kind === 'book' ? (
          <BookingForm
            key={`book-${pane.serial}`}
            register={register}
            mode={{ kind: 'new', customerId: pane.customerId, day: shown }}
            staffSuggestions={staffSuggestions}
            onSaved={onSaved}
            onCancel={closeForm}
          />
        ) : pane.kind === 'edit' && selected ? (
          <BookingForm key={`edit-${selected.id}`} register={register} mode={{ kind: 'edit', appointment: selected }} staffSuggestions={staffSuggestions} onSaved={onSaved} onCancel={closeForm} />
        ) : pane.kind === 'view' && selected ? (
          <AppointmentDetails
            key={selected.id}
            register={register}
            appointment={selected}
            userNames={userNames}
            onEdit={() => setPane({ kind: 'edit', id: selected.id })}
            onOpenCustomer={(customerId) => nav.openCustomer(customerId)}
            onClose={() => {
              setPane({ kind: 'none' });
              focusNext.current = selected.id;
            }}
            onChanged={setStatus}
          />
        ) : (
          <p className="placeholder">{t('booking.day.selectPrompt')}</p>
        )}
      </section>
    </div>
  );
}
