import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { addDays, endOf, staffKey, totalDurationMin, totalPriceCents } from '../../../../shared/domain/appointments';
import { maskPhone } from '../../../../shared/domain/masking';
import { formatPhone } from '../../../../shared/domain/phone';
import {
  AppointmentDraftSchema,
  BookingChannelSchema,
  type Appointment,
  type AppointmentDraft,
  type BookedService,
  type BookingChannel,
} from '../../../../shared/schemas/appointment';
import { CUSTOMER_SOURCES } from '../../../../shared/schemas/customer';
import { focusFirstInvalid } from '../../components/form-errors';
import { ErrorMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { formatDateTime, formatDateTimeRange, formatPrice, formatPriceInput, formatTime } from '../../i18n/format';
import {
  DateInputSchema,
  DurationInputSchema,
  FieldParser,
  PriceInputSchema,
  TimeInputSchema,
  dateInputOf,
  localMoment,
  timeInputOf,
} from './form-input';
import { InputField } from './InputField';
import { customerName } from './names';
import './appointments.css';

export type BookingMode = { kind: 'new'; customerId: string | null; day: number } | { kind: 'edit'; appointment: Appointment };

export interface BookingFormProps {
  register: Register;
  mode: BookingMode;
  /** Staff names to suggest: earlier appointments' and the users'. */
  staffSuggestions: readonly string[];
  /** Saved: the appointment as stored and the confirmation to announce. */
  onSaved: (appointment: Appointment, message: string) => void;
  onCancel: () => void;
}

interface Row {
  readonly key: string;
  readonly serviceId: string | null;
  readonly name: string;
  readonly duration: string;
  readonly price: string;
}

const MAX_SERVICES = 10;
const MAX_PICKER_RESULTS = 8;
const QUARTER_MS = 15 * 60_000;
const CHANNELS: readonly BookingChannel[] = CUSTOMER_SOURCES;
/** Validation codes with a translation of their own; anything else reads as a generic problem. */
const KNOWN_CODES = new Set(['required', 'too_long', 'duration_invalid', 'price_invalid', 'services_required', 'date_invalid', 'time_invalid']);

type Parsed = { ok: true; draft: AppointmentDraft } | { ok: false; errors: Record<string, string> };

/**
 * Booking a customer, or changing a booking's time, services, staff member or notes. Every field
 * is validated with zod before anything is written; each problem is explained at its field and
 * nothing is saved until all are fixed. Before saving, an overlap with another appointment of the
 * same staff member is shown (with the clashing times), and saved only when asked to.
 */
export function BookingForm({ register, mode, staffSuggestions, onSaved, onCancel }: BookingFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ids = useId();
  const editing = mode.kind === 'edit' ? mode.appointment : null;
  const formRef = useRef<HTMLFormElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const timeRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const overlapRef = useRef<HTMLDivElement>(null);

  const [customerId, setCustomerId] = useState<string | null>(() =>
    mode.kind === 'edit' ? mode.appointment.customerId : mode.customerId !== null && register.customers.get(mode.customerId) ? mode.customerId : null,
  );
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [rows, setRows] = useState<Row[]>(() =>
    editing
      ? editing.services.map((service, i) => ({
          key: `booked-${i}`,
          serviceId: service.serviceId,
          name: service.name,
          duration: String(service.durationMin),
          price: formatPriceInput(service.priceCents, language),
        }))
      : [],
  );
  const [pick, setPick] = useState('');
  const [date, setDate] = useState(() => dateInputOf(editing ? editing.start : mode.kind === 'new' ? mode.day : 0));
  const [time, setTime] = useState(() => (editing ? timeInputOf(new Date(editing.start).getHours(), new Date(editing.start).getMinutes()) : ''));
  const [staff, setStaff] = useState(editing?.staff ?? '');
  const [channel, setChannel] = useState<BookingChannel>(editing?.channel ?? 'phone');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [hasSubmitted, setSubmitted] = useState(false);
  const [overlap, setOverlap] = useState<{ draft: AppointmentDraft; clashes: Appointment[] } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const catalogue = register.services.list({ activeOnly: true });
  const results = useMemo(() => (query.trim() === '' ? [] : register.customers.search(query)), [register, query]);
  const shownResults = results.slice(0, MAX_PICKER_RESULTS);
  const activeResult = shownResults[Math.min(activeIndex, shownResults.length - 1)];
  const customer = customerId === null ? undefined : register.customers.get(customerId);
  const maskContacts = register.actor.role !== 'owner';

  // Where a keyboard user starts: the customer search, the services when the customer is known,
  // the time when changing a booking.
  useEffect(() => {
    if (mode.kind === 'edit') dateRef.current?.focus();
    else if (customerId === null) searchRef.current?.focus();
    else pickerRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  }, []);

  /** Everything the form holds, parsed; `errors` keys are the fields' names. */
  function parse(state: { customerId: string | null; rows: readonly Row[]; date: string; time: string; staff: string; channel: BookingChannel; notes: string }): Parsed {
    const fields = new FieldParser();
    if (state.customerId === null) fields.fail('customer', 'customer_required');
    const services: BookedService[] = [];
    for (const row of state.rows) {
      const durationMin = fields.parse(`duration-${row.key}`, DurationInputSchema, row.duration);
      const priceCents = fields.parse(`price-${row.key}`, PriceInputSchema, row.price);
      if (durationMin !== undefined && priceCents !== undefined) services.push({ serviceId: row.serviceId, name: row.name, durationMin, priceCents });
    }
    if (state.rows.length === 0) fields.fail('services', 'services_required');
    const day = fields.parse('date', DateInputSchema, state.date);
    const clock = fields.parse('time', TimeInputSchema, state.time);
    const start = day && clock ? localMoment(day, clock) : null;
    if (day && clock && start === null) fields.fail('time', 'time_invalid');
    const parsed = AppointmentDraftSchema.safeParse({
      customerId: state.customerId ?? '-',
      start: start ?? 0,
      services,
      staff: state.staff,
      channel: state.channel,
      notes: state.notes,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        // Rows were checked one by one above; what is left for `services` is their number.
        if (field === 'services' && issue.path.length > 1) continue;
        fields.fail(field, KNOWN_CODES.has(issue.message) ? issue.message : 'required');
      }
    }
    return fields.ok && parsed.success ? { ok: true, draft: parsed.data } : { ok: false, errors: fields.errors };
  }

  const current = { customerId, rows, date, time, staff, channel, notes };

  /** Applies a change; after the first attempt, errors follow the typing, and any overlap warning is stale. */
  function change(next: Partial<typeof current>) {
    setOverlap(null);
    if (next.customerId !== undefined) setCustomerId(next.customerId);
    if (next.rows !== undefined) setRows(next.rows);
    if (next.date !== undefined) setDate(next.date);
    if (next.time !== undefined) setTime(next.time);
    if (next.staff !== undefined) setStaff(next.staff);
    if (next.channel !== undefined) setChannel(next.channel);
    if (next.notes !== undefined) setNotes(next.notes);
    if (hasSubmitted) {
      const result = parse({ ...current, ...next });
      setErrors(result.ok ? {} : result.errors);
    }
  }

  const message = (field: string): string | undefined => {
    const code = errors[field];
    if (code === undefined) return undefined;
    if (code === 'customer_required') return t('booking.form.customerRequired');
    return t(`validation.${code}` as 'validation.required');
  };

  function chooseCustomer(id: string) {
    change({ customerId: id });
    setQuery('');
    setActiveIndex(0);
    requestAnimationFrame(() => pickerRef.current?.focus());
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shownResults.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((i) => Math.max(0, Math.min(last, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      // Enter picks; it never submits a half-filled booking.
      event.preventDefault();
      if (activeResult) chooseCustomer(activeResult);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
      setActiveIndex(0);
    }
  }

  function addService() {
    const service = catalogue.find((s) => s.id === pick);
    if (!service || rows.length >= MAX_SERVICES) return;
    const row: Row = {
      key: crypto.randomUUID(),
      serviceId: service.id,
      name: service.name,
      duration: String(service.durationMin),
      price: formatPriceInput(service.priceCents, language),
    };
    change({ rows: [...rows, row] });
    setPick('');
    pickerRef.current?.focus();
  }

  function removeService(key: string) {
    change({ rows: rows.filter((row) => row.key !== key) });
    pickerRef.current?.focus();
  }

  const changeRow = (key: string, patch: Partial<Pick<Row, 'duration' | 'price'>>) => change({ rows: rows.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  /** ↑ / ↓ in the date field: the day before / after. */
  function onDateKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const day = DateInputSchema.safeParse(date);
    if (!day.success) return;
    event.preventDefault();
    const at = new Date(day.data.year, day.data.month - 1, day.data.day).getTime();
    change({ date: dateInputOf(addDays(at, event.key === 'ArrowUp' ? 1 : -1)) });
  }

  /** ↑ / ↓ in the time field: 15 minutes later / earlier (to the quarter), within the day. */
  function onTimeKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const clock = TimeInputSchema.safeParse(time);
    const minutes = clock.success ? clock.data.hours * 60 + clock.data.minutes : event.key === 'ArrowUp' ? 9 * 60 - 15 : 9 * 60 + 15;
    const step = QUARTER_MS / 60_000;
    const next = event.key === 'ArrowUp' ? Math.floor(minutes / step) * step + step : Math.ceil(minutes / step) * step - step;
    const clamped = Math.max(0, Math.min(24 * 60 - step, next));
    change({ time: timeInputOf(Math.floor(clamped / 60), clamped % 60) });
  }

  async function save(draft: AppointmentDraft) {
    setBusy(true);
    setFailure(null);
    try {
      if (editing) {
        const saved = await register.appointments.update(editing.id, { start: draft.start, services: draft.services, staff: draft.staff, notes: draft.notes });
        onSaved(saved, saved === editing ? t('booking.form.unchanged') : t('booking.form.updated'));
      } else {
        const saved = await register.appointments.book(draft);
        onSaved(saved, t('booking.form.booked', { when: formatDateTime(saved.start, language) }));
      }
    } catch {
      setBusy(false);
      setFailure(t('booking.form.saveFailed'));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const result = parse(current);
    setSubmitted(true);
    if (!result.ok) {
      setErrors(result.errors);
      setOverlap(null);
      setFailure(t('booking.form.invalid'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    setFailure(null);
    const clashes = register.appointments.overlapsWith({ id: editing?.id, start: result.draft.start, services: result.draft.services, staff: result.draft.staff });
    if (clashes.length > 0) {
      setOverlap({ draft: result.draft, clashes });
      requestAnimationFrame(() => overlapRef.current?.focus());
      return;
    }
    await save(result.draft);
  }

  // Totals of what is valid so far, so the desk can quote a price while typing.
  const valid = rows.flatMap((row) => {
    const durationMin = DurationInputSchema.safeParse(row.duration);
    const priceCents = PriceInputSchema.safeParse(row.price);
    return durationMin.success && priceCents.success ? [{ durationMin: durationMin.data, priceCents: priceCents.data }] : [];
  });
  const day = DateInputSchema.safeParse(date);
  const clock = TimeInputSchema.safeParse(time);
  const start = day.success && clock.success ? localMoment(day.data, clock.data) : null;
  const staffListId = `${ids}-staff`;
  const listId = `${ids}-customers`;
  const searchId = `${ids}-search`;
  const optionId = (id: string) => `${listId}-${id}`;
  const suggestions = useMemo(() => {
    const seen = new Set<string>();
    return staffSuggestions.filter((name) => {
      const key = staffKey(name);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [staffSuggestions]);

  return (
    <section className="booking-form" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{editing ? t('booking.form.editTitle') : t('booking.form.newTitle')}</h2>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria">
        {/* Customer */}
        {customer || editing ? (
          <div className="field chosen-customer">
            <span className="field-label">
              {t('booking.form.customer')}
            </span>
            <div className="chosen-customer-row">
              <span className="chosen-customer-name">
                {customer ? customerName(customer) : t('booking.unknownCustomer')}
              </span>
              {!editing ? (
                <Button
                  className="button button-small"
                  onPress={() => {
                    change({ customerId: null });
                    requestAnimationFrame(() => searchRef.current?.focus());
                  }}
                >
                  {t('booking.form.customerChange')}
                </Button>
              ) : null}
            </div>
          </div>
        ) : (
          <div className="field customer-picker">
            <label htmlFor={searchId} className="field-label">
              {t('booking.form.customerSearch')}
              <span aria-hidden="true"> *</span>
            </label>
            <input
              ref={searchRef}
              id={searchId}
              name="customer"
              className="field-input"
              type="search"
              role="combobox"
              aria-expanded={query.trim() !== ''}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeResult ? optionId(activeResult) : undefined}
              aria-describedby={`${ids}-search-hint${errors.customer ? ` ${ids}-search-error` : ''}`}
              aria-invalid={errors.customer ? true : undefined}
              aria-required="true"
              value={query}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setQuery(e.target.value);
                setActiveIndex(0);
              }}
              onKeyDown={onSearchKeyDown}
            />
            <p id={`${ids}-search-hint`} className="field-hint">
              {t('booking.form.customerSearchHint')}
            </p>
            {errors.customer ? (
              <p id={`${ids}-search-error`} className="field-error">
                {message('customer')}
              </p>
            ) : null}
            {query.trim() !== '' ? (
              <>
                <ul id={listId} role="listbox" aria-label={t('booking.form.customerResults')} className="picker-results">
                  {shownResults.map((id) => {
                    const found = register.customers.get(id);
                    if (!found) return null;
                    const contact = maskContacts ? maskPhone(found.phone) : found.phone ? formatPhone(found.phone) : '';
                    return (
                      <li
                        key={id}
                        id={optionId(id)}
                        role="option"
                        aria-selected={id === activeResult}
                        className={id === activeResult ? 'picker-result picker-result-active' : 'picker-result'}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => chooseCustomer(id)}
                      >
                        <span className="picker-name">{customerName(found)}</span>
                        {contact ? <span className="picker-contact">{contact}</span> : null}
                      </li>
                    );
                  })}
                </ul>
                <p className="field-hint" aria-live="polite">
                  {results.length === 0
                    ? t('booking.form.customerNoResults')
                    : results.length > shownResults.length
                      ? t('booking.form.customerMore', { shown: shownResults.length, count: results.length })
                      : ''}
                </p>
              </>
            ) : null}
          </div>
        )}

        {/* Services */}
        <fieldset className="booking-services" aria-describedby={errors.services ? `${ids}-services-error` : undefined}>
          <legend>{t('booking.form.services')}</legend>
          {catalogue.length === 0 && rows.length === 0 ? <p className="field-hint">{t('booking.form.noServices')}</p> : null}
          {rows.length === 0 ? (
            <p className="field-hint">{t('booking.form.noneChosen')}</p>
          ) : (
            <div className="booked-services">
              <div className="booked-service booked-service-header" aria-hidden="true">
                <span />
                <span className="field-label">{t('booking.form.duration')}</span>
                <span className="field-label">{t('booking.form.price')}</span>
                <span />
              </div>
              {rows.map((row) => (
                <div key={row.key} className="booked-service">
                  <span className="booked-service-name">{row.name}</span>
                  <InputField
                    name={`duration-${row.key}`}
                    label={t('booking.form.durationOf', { name: row.name })}
                    hideLabel
                    inputMode="numeric"
                    value={row.duration}
                    onChange={(duration) => changeRow(row.key, { duration })}
                    error={message(`duration-${row.key}`)}
                  />
                  <InputField
                    name={`price-${row.key}`}
                    label={t('booking.form.priceOf', { name: row.name })}
                    hideLabel
                    inputMode="decimal"
                    value={row.price}
                    onChange={(price) => changeRow(row.key, { price })}
                    error={message(`price-${row.key}`)}
                  />
                  <Button className="button button-small" aria-label={t('booking.form.serviceRemove', { name: row.name })} onPress={() => removeService(row.key)}>
                    ✕
                  </Button>
                </div>
              ))}
            </div>
          )}
          {catalogue.length > 0 ? (
            <div className="service-picker">
              <div className="field">
                <label htmlFor={`${ids}-picker`} className="field-label">
                  {t('booking.form.servicePicker')}
                </label>
                <select
                  ref={pickerRef}
                  id={`${ids}-picker`}
                  className="field-input"
                  value={pick}
                  aria-describedby={`${ids}-picker-hint`}
                  aria-invalid={errors.services ? true : undefined}
                  onChange={(e) => setPick(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addService();
                    }
                  }}
                >
                  <option value="">{t('booking.form.servicePlaceholder')}</option>
                  {catalogue.map((service) => (
                    <option key={service.id} value={service.id}>
                      {t('booking.form.serviceOption', {
                        name: service.name,
                        duration: t('booking.minutes', { count: service.durationMin }),
                        price: formatPrice(service.priceCents, language),
                      })}
                    </option>
                  ))}
                </select>
                <p id={`${ids}-picker-hint`} className="field-hint">
                  {t('booking.form.servicePickerHint')}
                </p>
              </div>
              <Button className="button" onPress={addService} isDisabled={pick === '' || rows.length >= MAX_SERVICES}>
                {t('booking.form.serviceAdd')}
              </Button>
            </div>
          ) : null}
          {errors.services ? (
            <p id={`${ids}-services-error`} className="field-error">
              {message('services')}
            </p>
          ) : null}
          <p className="booking-total" aria-live="polite">
            {valid.length > 0
              ? t('booking.form.total', {
                  duration: t('booking.minutes', { count: totalDurationMin(valid) }),
                  price: formatPrice(totalPriceCents(valid), language),
                })
              : null}
            {valid.length > 0 && start !== null ? ` · ${t('booking.form.ends', { time: formatTime(start + totalDurationMin(valid) * 60_000, language) })}` : null}
          </p>
        </fieldset>

        {/* When, with whom */}
        <div className="field-row">
          <InputField
            ref={dateRef}
            name="date"
            label={t('booking.form.date')}
            hint={t('booking.form.dateHint')}
            value={date}
            onChange={(value) => change({ date: value })}
            onKeyDown={onDateKeyDown}
            error={message('date')}
            isRequired
          />
          <InputField
            ref={timeRef}
            name="time"
            label={t('booking.form.time')}
            hint={t('booking.form.timeHint')}
            value={time}
            onChange={(value) => change({ time: value })}
            onKeyDown={onTimeKeyDown}
            error={message('time')}
            isRequired
          />
        </div>
        <InputField
          name="staff"
          label={t('booking.form.staff')}
          hint={t('booking.form.staffHint')}
          value={staff}
          onChange={(value) => change({ staff: value })}
          list={staffListId}
          error={message('staff')}
          isRequired
          maxLength={100}
        />
        <datalist id={staffListId}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div className="field">
          <label htmlFor={`${ids}-channel`} className="field-label">
            {t('booking.form.channel')}
          </label>
          {editing ? (
            <p id={`${ids}-channel`} className="readonly-value">
              {t(`booking.channel.${editing.channel}`)}
            </p>
          ) : (
            <select
              id={`${ids}-channel`}
              className="field-input"
              value={channel}
              onChange={(e) => {
                const next = BookingChannelSchema.safeParse(e.target.value);
                if (next.success) change({ channel: next.data });
              }}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`booking.channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </div>
        <InputField
          name="notes"
          label={t('booking.form.notes')}
          hint={t('booking.form.notesHint')}
          multiline
          value={notes}
          onChange={(value) => change({ notes: value })}
          error={message('notes')}
          maxLength={1000}
        />

        {overlap ? (
          <div ref={overlapRef} className="overlap-warning" role="alert" tabIndex={-1} aria-labelledby={`${ids}-overlap-title`}>
            <h3 id={`${ids}-overlap-title`}>{t('booking.form.overlapTitle')}</h3>
            <p>{t('booking.form.overlapBody', { count: overlap.clashes.length, staff: overlap.draft.staff })}</p>
            <ul>
              {overlap.clashes.map((clash) => (
                <li key={clash.id}>
                  {t('booking.form.overlapItem', {
                    time: formatDateTimeRange(clash.start, endOf(clash), language),
                    services: clash.services.map((s) => s.name).join(', '),
                  })}
                </li>
              ))}
            </ul>
            <div className="form-actions">
              <Button className="button button-primary" onPress={() => void save(overlap.draft)} isDisabled={isBusy}>
                {t('booking.form.saveAnyway')}
              </Button>
              <Button
                className="button"
                onPress={() => {
                  setOverlap(null);
                  timeRef.current?.focus();
                }}
              >
                {t('booking.form.changeTime')}
              </Button>
            </div>
          </div>
        ) : null}
        <ErrorMessage message={failure} />
        <div className="form-actions">
          <Button className="button" onPress={onCancel}>
            {t('booking.form.cancel')}
          </Button>
          <Button type="submit" className="button button-primary" isDisabled={isBusy}>
            {isBusy ? t('booking.form.saving') : editing ? t('booking.form.saveChanges') : t('booking.form.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
