import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { ServiceDraftSchema, type Service } from '../../../../shared/schemas/appointment';
import { focusFirstInvalid } from '../../components/form-errors';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { formatPrice, formatPriceInput } from '../../i18n/format';
import { DurationInputSchema, FieldParser, PriceInputSchema } from '../appointments/form-input';
import { InputField } from '../appointments/InputField';
import './services.css';

interface Values {
  name: string;
  duration: string;
  price: string;
  active: boolean;
}

const EMPTY: Values = { name: '', duration: '', price: '', active: true };
const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('fi');

/**
 * The service catalogue (owner only; the Workspace offers it to no one else and the repository
 * refuses anyone else). A service is never deleted, only taken out of use: appointments keep the
 * name, duration and price they were booked with either way.
 */
export function ServicesScreen({ register }: { register: Register }) {
  const repository = register.services;
  const { t, i18n } = useTranslation();
  useSyncExternalStore(repository.subscribe.bind(repository), () => repository.version);
  const services = repository.list();
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [hasSubmitted, setSubmitted] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function validate(next: Values): { errors: Record<string, string>; draft?: ReturnType<typeof ServiceDraftSchema.parse> } {
    const fields = new FieldParser();
    const durationMin = fields.parse('durationMin', DurationInputSchema, next.duration);
    const priceCents = fields.parse('priceCents', PriceInputSchema, next.price);
    const parsed = ServiceDraftSchema.safeParse({ name: next.name, durationMin: durationMin ?? 0, priceCents: priceCents ?? 0, active: next.active });
    if (!parsed.success) for (const issue of parsed.error.issues) fields.fail(String(issue.path[0]), issue.message);
    if (parsed.success && services.some((s) => s.id !== editingId && nameKey(s.name) === nameKey(parsed.data.name))) fields.fail('name', 'duplicate');
    return fields.ok && parsed.success ? { errors: {}, draft: parsed.data } : { errors: fields.errors };
  }

  function set<K extends keyof Values>(field: K, value: Values[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (hasSubmitted) setErrors(validate(next).errors);
  }

  const message = (field: string) => {
    const code = errors[field];
    if (code === undefined) return undefined;
    return code === 'duplicate' ? t('booking.services.duplicateName') : t(`validation.${code}` as 'validation.required');
  };

  function startEdit(service: Service) {
    setEditingId(service.id);
    setValues({ name: service.name, duration: String(service.durationMin), price: formatPriceInput(service.priceCents, i18n.language), active: service.active });
    setErrors({});
    setSubmitted(false);
    setFailure(null);
    setStatus(null);
    requestAnimationFrame(() => nameRef.current?.focus());
  }

  function reset() {
    setEditingId(null);
    setValues(EMPTY);
    setErrors({});
    setSubmitted(false);
    setFailure(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const result = validate(values);
    setErrors(result.errors);
    setSubmitted(true);
    if (!result.draft) {
      setFailure(t('booking.services.invalid'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = editingId === null ? await repository.create(result.draft) : await repository.update(editingId, result.draft);
      setStatus(t(editingId === null ? 'booking.services.created' : 'booking.services.saved', { name: saved.name }));
      reset();
      requestAnimationFrame(() => nameRef.current?.focus());
    } catch {
      setFailure(t('booking.services.saveFailed'));
    } finally {
      setBusy(false);
    }
  }

  async function toggleActive(service: Service) {
    try {
      const saved = await repository.update(service.id, {
        name: service.name,
        durationMin: service.durationMin,
        priceCents: service.priceCents,
        active: !service.active,
      });
      setStatus(t(saved.active ? 'booking.services.activated' : 'booking.services.deactivated', { name: saved.name }));
      if (editingId === service.id) setValues((v) => ({ ...v, active: saved.active }));
    } catch {
      setStatus(null);
      setFailure(t('booking.services.saveFailed'));
    }
  }

  return (
    <section className="services-screen" aria-labelledby="services-title">
      <h1 id="services-title">{t('booking.services.title')}</h1>
      <p className="lead">{t('booking.services.intro')}</p>
      <StatusMessage message={status} />

      {services.length === 0 ? (
        <p className="placeholder">{t('booking.services.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table services-table">
            <caption>{t('booking.services.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('booking.services.name')}</th>
                <th scope="col" className="numeric">
                  {t('booking.services.duration')}
                </th>
                <th scope="col" className="numeric">
                  {t('booking.services.price')}
                </th>
                <th scope="col">{t('booking.services.state')}</th>
                <th scope="col">{t('booking.services.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.id} className={service.active ? undefined : 'service-inactive'}>
                  <th scope="row">{service.name}</th>
                  <td className="numeric nowrap">{t('booking.minutes', { count: service.durationMin })}</td>
                  <td className="numeric nowrap">{formatPrice(service.priceCents, i18n.language)}</td>
                  <td>{service.active ? t('booking.services.active') : t('booking.services.inactive')}</td>
                  <td>
                    <div className="row-actions">
                      <Button className="button" aria-label={t('booking.services.editFor', { name: service.name })} onPress={() => startEdit(service)}>
                        {t('booking.services.edit')}
                      </Button>
                      <Button
                        className="button"
                        aria-label={t(service.active ? 'booking.services.deactivateFor' : 'booking.services.activateFor', { name: service.name })}
                        onPress={() => void toggleActive(service)}
                      >
                        {service.active ? t('booking.services.deactivate') : t('booking.services.activate')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="admin-section" aria-labelledby="service-form-title">
        <h2 id="service-form-title">{editingId === null ? t('booking.services.addTitle') : t('booking.services.editTitle')}</h2>
        <Form ref={formRef} className="service-form" onSubmit={(e) => void onSubmit(e)} validationBehavior="aria">
          <InputField ref={nameRef} name="name" label={t('booking.services.fieldName')} value={values.name} onChange={(v) => set('name', v)} error={message('name')} isRequired maxLength={100} />
          <div className="field-row">
            <InputField
              name="durationMin"
              label={t('booking.services.fieldDuration')}
              hint={t('booking.services.fieldDurationHint')}
              inputMode="numeric"
              value={values.duration}
              onChange={(v) => set('duration', v)}
              error={message('durationMin')}
              isRequired
            />
            <InputField
              name="priceCents"
              label={t('booking.services.fieldPrice')}
              hint={t('booking.services.fieldPriceHint')}
              inputMode="decimal"
              value={values.price}
              onChange={(v) => set('price', v)}
              error={message('priceCents')}
              isRequired
            />
          </div>
          <div className="checkbox-field">
            <input id="service-active" type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
            <label htmlFor="service-active">{t('booking.services.fieldActive')}</label>
          </div>
          <ErrorMessage message={failure} />
          <div className="form-actions">
            {editingId !== null ? (
              <Button className="button" onPress={reset}>
                {t('booking.services.cancel')}
              </Button>
            ) : null}
            <Button type="submit" className="button button-primary" isDisabled={isBusy}>
              {isBusy ? t('booking.services.saving') : editingId === null ? t('booking.services.add') : t('booking.services.save')}
            </Button>
          </div>
        </Form>
      </section>
    </section>
  );
}
