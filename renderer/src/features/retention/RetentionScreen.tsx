import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { addMonths, isoDateInZone } from '../../../../shared/domain/calendar-date';
import { maskName } from '../../../../shared/domain/masking';
import type { RetentionReviewItem } from '../../../../shared/domain/retention';
import { retentionPolicyOf, type RetentionDecision } from '../../../../shared/schemas/retention';
import type { Customer } from '../../../../shared/schemas/customer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import type { Register } from '../../db/register';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useVersion } from '../appointments/hooks';
import { DateField } from '../requests/fields';
import { fieldMessages, showDate } from '../requests/request-text';
import { journalCustomer } from '../session/audit';
import type { UnlockedState } from '../session/session-store';
import './retention.css';

export interface RetentionScreenProps {
  state: UnlockedState;
  register: Register;
  onOpenCustomer: (customerId: string) => void;
}

/** How many keep decisions the history shows: enough to show the review is done, short enough to read. */
const HISTORY_LENGTH = 20;
/** The keep form's next review, by default: a year on. */
const DEFAULT_KEEP_MONTHS = 12;

interface KeepDraft {
  readonly customerId: string;
  readonly reason: string;
  readonly nextReviewDate: string;
}

const fullName = (customer: Pick<Customer, 'firstName' | 'lastName'>) => `${customer.firstName} ${customer.lastName}`;

/**
 * The retention review (issue 7; GDPR Art. 5(1)(e), 5(2)): customers who have had no appointment
 * and no open request for the period set in the settings, and for each the owner's decision:
 * erase (the register's erasure, journaled like an erasure from the card) or keep with a reason
 * until a next review date. The newest keep decisions are listed as the review's evidence.
 *
 * The list waits for the appointments to be decrypted: before that every customer would look as
 * if they had never had an appointment, and regular customers would be offered for erasure.
 */
export function RetentionScreen({ state, register, onOpenCustomer }: RetentionScreenProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const policy = retentionPolicyOf(state.session.settings);
  const months = policy.reviewAfterMonths;
  // Today's Finnish date, as the data layer takes it; fixed while the screen is open, like the
  // other privacy screens, so the list does not change under a decision being made.
  const [today] = useState(() => isoDateInZone(Date.now()));
  const customersVersion = useVersion(register.customers);
  const appointmentsVersion = useVersion(register.appointments);
  const requestsVersion = useVersion(register.requests);
  const retentionVersion = useVersion(register.retention);
  const privacyVersion = useVersion(register.privacy);
  const isLoaded = register.appointments.isLoaded;

  const items = useMemo(
    () => (isLoaded ? register.retentionReview({ reviewAfterMonths: months }, today) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the stores' contents
    [register, isLoaded, months, today, customersVersion, appointmentsVersion, requestsVersion, retentionVersion, privacyVersion],
  );
  const history = useMemo(
    () => register.retention.values().toReversed().slice(0, HISTORY_LENGTH),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version stands for the store's contents
    [register, retentionVersion],
  );

  const [keep, setKeep] = useState<KeepDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [erasingId, setErasingId] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);

  const period = months % 12 === 0 ? t('retention.periodYears', { count: months / 12 }) : t('retention.periodMonths', { count: months });
  const erasing = erasingId === null ? undefined : register.customers.get(erasingId);

  function clearMessages() {
    setDone(null);
    setFailure(null);
  }

  function openKeep(customerId: string) {
    clearMessages();
    setErrors({});
    setKeep({ customerId, reason: '', nextReviewDate: addMonths(today, DEFAULT_KEEP_MONTHS) });
  }

  /** The row is gone after a decision: focus goes to the list's heading, not to the page's top. */
  function finished(message: string) {
    setDone(message);
    listHeadingRef.current?.focus();
  }

  async function saveKeep(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (keep === null || isBusy) return;
    const customer = register.customers.get(keep.customerId);
    setBusy(true);
    clearMessages();
    try {
      const decision = await register.retention.decide(keep.customerId, { reason: keep.reason, nextReviewDate: keep.nextReviewDate }, { today });
      setKeep(null);
      setErrors({});
      finished(t('retention.keep.done', { name: customer ? fullName(customer) : '', date: showDate(decision.nextReviewDate, language) }));
    } catch (error) {
      // The draft is checked before anything is written: bad input leaves the register as it was.
      const messages = fieldMessages(error, t);
      if (messages) setErrors(messages);
      else setFailure(t('retention.failed'));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    const customer = erasing;
    setErasingId(null);
    if (customer === undefined || isBusy) return;
    setBusy(true);
    clearMessages();
    try {
      await register.eraseCustomer(customer.id);
      void journalCustomer('customer.deleted', customer.id);
      if (keep?.customerId === customer.id) setKeep(null);
      finished(t('retention.erase.done', { masked: maskName(customer.firstName, customer.lastName) }));
    } catch {
      setFailure(t('retention.erase.failed'));
    } finally {
      setBusy(false);
    }
  }

  const previousText = (decision: RetentionDecision | null) =>
    decision === null ? <span className="muted">{t('retention.list.noPrevious')}</span> : t('retention.list.previousKept', { date: formatDate(decision.decidedAt, language), reason: decision.reason });

  const row = (item: RetentionReviewItem) => {
    const customer = register.customers.get(item.customerId);
    if (customer === undefined) return null;
    const name = fullName(customer);
    const isKeeping = keep?.customerId === item.customerId;
    return [
      <tr key={item.customerId}>
        <th scope="row">
          <Button className="link-button" aria-label={t('retention.list.openLabel', { name })} onPress={() => onOpenCustomer(item.customerId)}>
            {name}
          </Button>
        </th>
        <td className="nowrap">
          {showDate(item.lastActivity, language)}
          <div className="muted">{item.lastActivitySource === 'appointment' ? t('retention.list.appointment') : t('retention.list.created')}</div>
        </td>
        <td className="nowrap">{showDate(item.dueSince, language)}</td>
        <td>{previousText(item.previousDecision)}</td>
        <td>
          <div className="row-actions">
            <Button className="button button-danger" aria-label={t('retention.list.eraseLabel', { name })} isDisabled={isBusy} onPress={() => {
                clearMessages();
                setErasingId(item.customerId);
              }}>
              {t('retention.list.erase')}
            </Button>
            <Button className="button" aria-label={t('retention.list.keepLabel', { name })} aria-expanded={isKeeping} isDisabled={isBusy} onPress={() => openKeep(item.customerId)}>
              {t('retention.list.keep')}
            </Button>
          </div>
        </td>
      </tr>,
      isKeeping && keep !== null ? (
        <tr key={`${item.customerId}-keep`} className="retention-keep-row">
          <td colSpan={5}>
            <KeepForm
              name={name}
              draft={keep}
              errors={errors}
              isBusy={isBusy}
              onChange={setKeep}
              onSubmit={(event) => void saveKeep(event)}
              onCancel={() => {
                setKeep(null);
                setErrors({});
              }}
            />
          </td>
        </tr>
      ) : null,
    ];
  };

  return (
    <section className="admin-screen retention-screen" aria-labelledby="retention-title">
      <h1 id="retention-title">{t('retention.title')}</h1>
      <p className="lead">{t('retention.intro')}</p>
      <p className="lead">
        {t('retention.policy', { period })} {t('retention.policyWhere')}
      </p>

      <section className="admin-section" aria-labelledby="retention-list-title">
        <h2 id="retention-list-title" ref={listHeadingRef} tabIndex={-1}>
          {t('retention.list.title')}
        </h2>
        <StatusMessage message={done} />
        <ErrorMessage message={failure} />
        {items === null ? (
          <p className="placeholder">{t('retention.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('retention.list.empty')}</p>
        ) : (
          <>
            <p>{t('retention.list.count', { count: items.length })}</p>
            <div className="table-scroll">
              <table className="admin-table retention-table">
                <caption>{t('retention.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.list.customer')}</th>
                    <th scope="col">{t('retention.list.lastActivity')}</th>
                    <th scope="col">{t('retention.list.dueSince')}</th>
                    <th scope="col">{t('retention.list.previous')}</th>
                    <th scope="col">{t('retention.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>{items.map(row)}</tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="admin-section" aria-labelledby="retention-history-title">
        <h2 id="retention-history-title">{t('retention.history.title')}</h2>
        <p className="lead">{t('retention.history.intro')}</p>
        {history.length === 0 ? (
          <p>{t('retention.history.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="admin-table retention-history">
              <caption>{t('retention.history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.history.customer')}</th>
                  <th scope="col">{t('retention.history.reason')}</th>
                  <th scope="col">{t('retention.history.nextReview')}</th>
                  <th scope="col">{t('retention.history.decidedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((decision) => {
                  const customer = register.customers.get(decision.customerId);
                  return (
                    <tr key={decision.id}>
                      <th scope="row">{customer ? fullName(customer) : <span className="muted">{t('retention.history.unknownCustomer')}</span>}</th>
                      <td className="retention-reason">{decision.reason}</td>
                      <td className="nowrap">{showDate(decision.nextReviewDate, language)}</td>
                      <td className="nowrap">{formatDateTime(decision.decidedAt, language)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ConfirmDialog
        isOpen={erasing !== undefined}
        title={t('retention.erase.title', { name: erasing ? fullName(erasing) : '' })}
        body={`${t('retention.erase.body')} ${t('retention.erase.kept', { masked: erasing ? maskName(erasing.firstName, erasing.lastName) : '' })} ${t('retention.erase.backups')}`}
        confirmLabel={t('retention.erase.confirm')}
        cancelLabel={t('retention.erase.cancel')}
        onConfirm={() => void erase()}
        onCancel={() => setErasingId(null)}
        isDestructive
      />
    </section>
  );
}

interface KeepFormProps {
  name: string;
  draft: KeepDraft;
  errors: Record<string, string>;
  isBusy: boolean;
  onChange: (draft: KeepDraft) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}

/** The keep decision: a reason (required) and a next review still to come, checked by the data layer's schema. */
function KeepForm({ name, draft, errors, isBusy, onChange, onSubmit, onCancel }: KeepFormProps) {
  const { t } = useTranslation();
  return (
    <Form className="retention-keep" aria-label={t('retention.keep.title', { name })} onSubmit={onSubmit}>
      <h3>{t('retention.keep.title', { name })}</h3>
      <p className="field-hint">{t('retention.keep.intro')}</p>
      <TextField
        name="reason"
        label={t('retention.keep.reason')}
        hint={t('retention.keep.reasonHint')}
        value={draft.reason}
        onChange={(reason) => onChange({ ...draft, reason })}
        error={errors['reason']}
        multiline
        isRequired
        autoFocus
        maxLength={1000}
      />
      <DateField label={t('retention.keep.nextReview')} value={draft.nextReviewDate} onChange={(nextReviewDate) => onChange({ ...draft, nextReviewDate })} error={errors['nextReviewDate']} />
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isPending={isBusy}>
          {t('retention.keep.save')}
        </Button>
        <Button className="button" onPress={onCancel}>
          {t('retention.keep.cancel')}
        </Button>
      </div>
    </Form>
  );
}
