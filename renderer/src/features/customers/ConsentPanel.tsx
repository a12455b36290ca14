import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { activeConsent, consentStatus } from '../../../../shared/domain/consent';
import { CONSENT_KINDS, type Consent, type ConsentKind, type Customer } from '../../../../shared/schemas/customer';
import { focusFirstInvalid } from '../../components/form-errors';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { CustomerRepository } from '../../db/customer-repository';
import { formatDateTime } from '../../i18n/format';
import { journalCustomer } from '../session/audit';
import { ConsentFields } from './ConsentFields';
import { EMPTY_CONSENT_INPUT, parseConsentInput, type ConsentField, type ConsentInput } from './consent-input';
import { formatDay, lastValidDay } from './record-input';
import { SelectField } from './SelectField';

export interface ConsentPanelProps {
  customer: Customer;
  repository: CustomerRepository;
  /** The owner's setting; a health-data consent can be recorded only where the field exists. */
  healthNotesEnabled: boolean;
  userName: (userId: string | null) => string;
  now: number;
}

/**
 * The customer's consents (GDPR Art. 7): every consent ever given, newest first, with its status,
 * evidence and who recorded it. Withdrawing is one press and keeps the entry; giving a consent is
 * a small form of its own. Each change is journaled as an update of the customer.
 */
export function ConsentPanel({ customer, repository, healthNotesEnabled, userName, now }: ConsentPanelProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const giveRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isGiving, setGiving] = useState(false);
  const [kind, setKind] = useState<ConsentKind | ''>('');
  const [input, setInput] = useState<ConsentInput>(EMPTY_CONSENT_INPUT);
  const [errors, setErrors] = useState<Partial<Record<ConsentField | 'kind', string>>>({});
  const [isBusy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const language = i18n.language;
  const history = [...customer.consents].sort((a, b) => b.givenAt - a.givenAt);
  const offered = CONSENT_KINDS.filter((k) => k !== 'health_data' || healthNotesEnabled);
  const kindLabel = (k: ConsentKind) => t(`record.consentKinds.${k}`);

  async function withdraw(consent: Consent) {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      const next = await repository.withdrawConsent(customer.id, consent.id);
      void journalCustomer('customer.updated', customer.id);
      const clearedHealth = consent.kind === 'health_data' && customer.healthNotes !== '' && next.healthNotes === '';
      setStatus(t(clearedHealth ? 'record.consent.withdrawnHealth' : 'record.consent.withdrawn', { kind: kindLabel(consent.kind) }));
      // The pressed button is gone with the withdrawal: keep the keyboard user in the consents.
      requestAnimationFrame(() => headingRef.current?.focus());
    } catch {
      setFailure(t('record.consent.failed'));
    } finally {
      setBusy(false);
    }
  }

  function closeForm() {
    setGiving(false);
    setKind('');
    setInput(EMPTY_CONSENT_INPUT);
    setErrors({});
    requestAnimationFrame(() => giveRef.current?.focus());
  }

  async function give(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    setStatus(null);
    const at = Date.now();
    if (kind === '') {
      setErrors({ kind: 'choose' });
      setFailure(t('record.consent.invalid'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    if (activeConsent(customer, kind, at) !== null) {
      setErrors({ kind: 'already_active' });
      setFailure(t('record.consent.alreadyActive'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    const parsed = parseConsentInput(kind, input, at);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFailure(t('record.consent.invalid'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await repository.giveConsent(customer.id, parsed.draft, at);
      void journalCustomer('customer.updated', customer.id);
      setStatus(t('record.consent.saved', { kind: kindLabel(kind) }));
      closeForm();
    } catch {
      setFailure(t('record.consent.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card-section consent-panel" aria-labelledby="consents-title">
      <h3 id="consents-title" ref={headingRef} tabIndex={-1}>{t('record.consent.title')}</h3>
      <p className="field-hint">{t('record.consent.intro')}</p>
      {history.length === 0 ? (
        <p className="muted">{t('record.consent.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table consent-table">
            <caption>{t('record.consent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record.consent.columns.kind')}</th>
                <th scope="col">{t('record.consent.columns.given')}</th>
                <th scope="col">{t('record.consent.columns.details')}</th>
                <th scope="col">{t('record.consent.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((consent) => {
                const state = consentStatus(consent, now);
                return (
                  <tr key={consent.id} className={`consent-row consent-${state}`}>
                    <th scope="row">
                      <span className="consent-kind">{kindLabel(consent.kind)}</span>{' '}
                      <span className={`badge badge-${state}`}>{t(`record.consentStatus.${state}`)}</span>
                    </th>
                    <td>
                      <span className="nowrap">{formatDateTime(consent.givenAt, language)}</span>
                      <br />
                      <span className="muted">
                        {t(`record.consentMethods.${consent.method}`)} · {userName(consent.recordedBy)} ·{' '}
                        {t('record.consent.columns.notice')}{' '}
                        {consent.noticeVersion === null ? t('record.consent.noNotice') : t('record.consent.noticeVersion', { version: consent.noticeVersion })}
                      </span>
                    </td>
                    <td>
                      {consent.scope !== '' ? <p className="cell-line">{t('record.consent.scopeValue', { scope: consent.scope })}</p> : null}
                      {consent.expiresAt !== null ? (
                        <p className="cell-line">
                          {t(state === 'expired' ? 'record.consent.expiredValue' : 'record.consent.expiresValue', { date: formatDay(lastValidDay(consent.expiresAt), language) })}
                        </p>
                      ) : null}
                      {consent.withdrawnAt !== null ? (
                        <p className="cell-line">{t('record.consent.withdrawnValue', { at: formatDateTime(consent.withdrawnAt, language), by: userName(consent.withdrawnBy) })}</p>
                      ) : null}
                    </td>
                    <td>
                      {state === 'active' ? (
                        <Button className="button button-small" onPress={() => void withdraw(consent)} isDisabled={isBusy}>
                          {t('record.consent.withdraw')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <StatusMessage message={status} />
      {isGiving ? (
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              closeForm();
            }
          }}
        >
        <Form ref={formRef} className="give-consent" onSubmit={(e) => void give(e)} validationBehavior="aria" aria-labelledby="give-consent-title">
          <h4 id="give-consent-title">{t('record.consent.giveTitle')}</h4>
          <SelectField
            name="consent-kind"
            label={t('record.consent.kind')}
            value={kind}
            placeholder={t('record.choose')}
            options={offered.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(value) => {
              setKind(value as ConsentKind);
              setErrors({});
            }}
            error={errors.kind === 'choose' ? t('record.validation.choose') : errors.kind ? t('record.consent.alreadyActive') : undefined}
            isRequired
            autoFocus
          />
          {kind !== '' ? <ConsentFields kind={kind} name="give" value={input} onChange={setInput} errors={errors} /> : null}
          <ErrorMessage message={failure} />
          <div className="form-actions">
            <Button className="button" onPress={closeForm}>
              {t('record.consent.cancel')}
            </Button>
            <Button type="submit" className="button button-primary" isDisabled={isBusy}>
              {isBusy ? t('record.consent.saving') : t('record.consent.save')}
            </Button>
          </div>
        </Form>
        </div>
      ) : (
        <>
          <ErrorMessage message={failure} />
          <Button ref={giveRef} className="button" onPress={() => setGiving(true)}>
            {t('record.consent.give')}
          </Button>
        </>
      )}
    </section>
  );
}
