import { useTranslation } from 'react-i18next';
import { formatDate, formatDayShort, formatWeekday } from '../../i18n/format';
import { isoWeek } from './calendar';

export interface WeekDay {
  readonly start: number;
  /** Appointments that hold time that day (cancelled ones are not counted). */
  readonly count: number;
}

export interface WeekOverviewProps {
  days: readonly WeekDay[];
  /** Midnight of the day shown in the list. */
  shown: number;
  today: number;
  onPick: (dayStart: number) => void;
}

/** Monday to Sunday of the shown day's week, with how many appointments each day has; Enter opens a day. */
export function WeekOverview({ days, shown, today, onPick }: WeekOverviewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const title = t('booking.week.label', { week: isoWeek(shown) });
  return (
    <div className="week-overview" role="group" aria-label={title}>
      <p className="week-title" aria-hidden="true">
        {title}
      </p>
      <ul className="week-days">
        {days.map((day, weekdayIndex) => {
          const count = t('booking.week.count', { count: day.count });
          const classes = ['week-day', day.start === shown ? 'week-day-shown' : '', day.start === today ? 'week-day-today' : '', day.count === 0 ? 'week-day-empty' : '']
            .filter(Boolean)
            .join(' ');
          return (
            // Keyed by weekday, so a focused day keeps its focus when the week changes under it.
            <li key={weekdayIndex}>
              <button
                type="button"
                className={classes}
                aria-pressed={day.start === shown}
                aria-current={day.start === today ? 'date' : undefined}
                onClick={() => onPick(day.start)}
              >
                {/* The name starts with what is seen (WCAG 2.5.3, "label in name"); the rest is for screen readers. */}
                <span className="week-day-name">{formatDayShort(day.start, language)}</span>{' '}
                <span className="week-day-count">{day.count}</span>
                <span className="visually-hidden">
                  {`, ${t('booking.week.dayButton', { weekday: formatWeekday(day.start, language), date: formatDate(day.start, language), appointments: count })}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
