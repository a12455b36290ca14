import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { DocumentLanguage } from '../../../../shared/documents/model';
import { replyOutcomeOf, replyRequestOf, type ReplyRequest } from '../../../../shared/documents/reply-letters';
import { isoDateInZone } from '../../../../shared/domain/calendar-date';
import { activeConsents } from '../../../../shared/domain/consent';
import { requestDeadline } from '../../../../shared/domain/gdpr-deadline';
import { maskName } from '../../../../shared/domain/masking';
import type { Business } from '../../../../shared/schemas/business';
import { CONSENT_KINDS, type ConsentKind } from '../../../../shared/schemas/customer';
import { IDENTITY_METHODS, type GdprRequest, type IdentityMethod } from '../../../../shared/schemas/gdpr-request';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { RequestStateError } from '../../db/errors';
import type { Register } from '../../db/register';
import { formatDateTime } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { DateField, SelectField } from './fields';
import { useNow } from '../customers/useNow';
import { accessReportInput } from '../disclosures/access-report-input';
import { journalCustomer } from '../session/audit';
import { useWorkspaceNav } from '../shell/WorkspaceNav';
import { fieldMessages, showDate, timeLeftText } from './request-text';

export interface RequestDetailsProps {
  request: GdprRequest;
  register: Register;
  business: Business | null;
  healthNotesEnabled: boolean;
  /** The retention policy in force (settings), as the access report states it (Art. 15(1)(d)). */
  reviewAfterMonths: number;
  isOwner: boolean;
  onOpenCustomer: (customerId: string) => void;
}

const CONSENT_KIND_SET: Readonly<Record<string, true>> = Object.fromEntries(CONSENT_KINDS.map((kind) => [kind, true]));

type Panel = null | 'identity' | 'extend' | 'refuse' | 'reply' | 'done' | 'erase';

/**
 * One request and what can be done with it: the deadline and its history; the identity check
 * (both roles); and, for the owner, the right itself — the access report, erasure, restriction,
 * objection — then the reply (letter, sent date) or a refusal with reasons and the right to
 * complain. Every step goes through the data layer, which validates and records who and when.
 */
export function RequestDetails({ request, register, business, healthNotesEnabled, reviewAfterMonths, isOwner, onOpenCustomer }: RequestDetailsProps) {
  const { t, i18n } = useTranslation();
  const nav = useWorkspaceNav();
  const language = i18n.language;
  const [today] = useState(() => isoDateInZone(Date.now()));
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  // Panel fields
  const [method, setMethod] = useState<IdentityMethod>('known_in_person');
  const [detail, setDetail] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [months, setMonths] = useState<1 | 2>(2);
  const [complaintTold, setComplaintTold] = useState(false);
  /**
   * The requester as they were before an erasure masked the request down to its minimal evidence:
   * kept in memory only, so that the reply confirming the erasure can still be addressed to them
   * from this view. Nothing of it is stored.
   */
  const [erasedLetter, setErasedLetter] = useState<{ request: ReplyRequest; language: DocumentLanguage } | null>(null);

  const customer = request.customerId ? register.customers.get(request.customerId) : undefined;
  // At least the record's last change: a withdrawal stamped a moment ago shows as made.
  const now = useNow(customer?.updatedAt ?? 0);
  const deadline = requestDeadline(request, today);
  const isOpen = request.status === 'received' || request.status === 'in_progress';
  const identityOk = request.identity.state !== 'pending';

  function open(next: Panel) {
    setPanel(next);
    setErrors({});
    setFailure(null);
    setDone(null);
    setReason('');
    setDetail('');
    setDate(today);
  }

  async function act(work: () => Promise<unknown>, message: string) {
    if (isBusy) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await work();
      setPanel(null);
      setErrors({});
      setDone(message);
    } catch (error) {
      const messages = fieldMessages(error, t);
      if (messages) setErrors(messages);
      // Closed (or changed) meanwhile, e.g. in another window: say so rather than "unexpected".
      else setFailure(error instanceof RequestStateError ? t('gdpr.detail.requestChanged') : t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  async function saveDocument(kind: 'access' | 'letter') {
    if (business === null) return setFailure(t('errors.internal'));
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      if (kind === 'access' && customer) {
        // The report lists the person's appointments: never build it before they have loaded.
        await register.appointments.ready;
        const result = await invoke('documents.saveAccessReport', {
          format: 'both',
          reports: [accessReportInput(register, customer, { business, reviewAfterMonths, healthNotesEnabled })],
        });
        if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
        else if (result.value.status === 'cancelled') setDone(t('gdpr.detail.cancelled'));
        else {
          await register.requests.markExported(request.id, 'both');
          setDone(t('gdpr.detail.accessReportDone'));
        }
      } else if (kind === 'letter') {
        const outcome = erasedLetter === null ? (replyOutcomeOf(request) ?? { kind: 'done' as const }) : { kind: 'done' as const };
        const result = await invoke('documents.saveReplyLetter', {
          language: erasedLetter?.language ?? customer?.language ?? 'fi',
          business,
          request: erasedLetter?.request ?? replyRequestOf(request),
          outcome,
          date: today,
          requestId: request.id,
        });
        if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
        else setDone(result.value.status === 'cancelled' ? t('gdpr.detail.cancelled') : t('gdpr.detail.replyLetterDone'));
      }
    } catch {
      setFailure(t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    if (!customer) return;
    setPanel(null);
    const letter = { request: replyRequestOf(request), language: customer.language };
    await act(async () => {
      await register.eraseCustomer(customer.id, { requestId: request.id });
      setErasedLetter(letter);
      void journalCustomer('customer.deleted', customer.id);
    }, t('gdpr.erase.done'));
  }

  const err = (field: string) => errors[field];
  const identityText =
    request.identity.state === 'verified'
      ? `${t('gdpr.identityStates.verified')}: ${t(`gdpr.identityMethods.${request.identity.method}`)}${request.identity.detail ? ` (${request.identity.detail})` : ''}, ${showDate(request.identity.verifiedAt, language)}`
      : request.identity.state === 'not_needed'
        ? `${t('gdpr.identityStates.not_needed')}: ${request.identity.reason}`
        : t('gdpr.identityStates.pending');

  return (
    <section className="request-details" aria-labelledby="request-details-title">
      <h2 id="request-details-title">{t(`gdpr.types.${request.type}`)}</h2>
      <p className="request-requester">
        {request.requesterName} · {request.requesterContact}
      </p>
      <dl className="request-facts">
        <dt>{t('gdpr.detail.received')}</dt>
        <dd>{showDate(request.receivedDate, language)}</dd>
        <dt>{t('gdpr.detail.channel')}</dt>
        <dd>{t(`gdpr.channels.${request.channel}`)}</dd>
        <dt>{t('gdpr.detail.due')}</dt>
        <dd className={deadline.state === 'overdue' ? 'state-off' : undefined}>
          {showDate(deadline.dueDate, language)} ({timeLeftText(request, today, t)})
        </dd>
        <dt>{t('gdpr.detail.status')}</dt>
        <dd>{t(`gdpr.statuses.${request.status}`)}</dd>
        <dt>{t('gdpr.detail.customer')}</dt>
        <dd>
          {customer ? (
            <Button className="link-button" onPress={() => onOpenCustomer(customer.id)}>
              {`${customer.firstName} ${customer.lastName}`}
            </Button>
          ) : request.history.some((entry) => entry.what === 'erased') || (request.customerId !== null && register.isErased(request.customerId)) ? (
            t('gdpr.detail.erasedCustomer')
          ) : (
            t('gdpr.detail.noCustomer')
          )}
        </dd>
        <dt>{t('gdpr.detail.identity')}</dt>
        <dd>{identityText}</dd>
        {request.description ? (
          <>
            <dt>{t('gdpr.detail.description')}</dt>
            <dd>{request.description}</dd>
          </>
        ) : null}
        {request.attachment ? (
          <>
            <dt>{t('gdpr.detail.attachment')}</dt>
            <dd>{request.attachment.fileName}</dd>
          </>
        ) : null}
        {request.extension ? (
          <>
            <dt>{t('gdpr.detail.extend')}</dt>
            <dd>{t('gdpr.detail.extension', { months: request.extension.extraMonths, reason: request.extension.reason, date: showDate(request.extension.notifiedDate, language) })}</dd>
          </>
        ) : null}
        {request.refusal ? (
          <>
            <dt>{t('gdpr.statuses.refused')}</dt>
            <dd>{t('gdpr.detail.refusal', { reason: request.refusal.reason })}</dd>
          </>
        ) : null}
        {request.rectifications.length > 0 ? (
          <>
            <dt>{t('gdpr.rectify.made')}</dt>
            <dd>
              <ul className="plain-list">
                {request.rectifications.map((link, index) => (
                  <li key={index}>
                    {formatDateTime(link.at, language)}: {link.fields.map((field) => t(`gdpr.rectify.fields.${field}`)).join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {request.replySentDate ? (
          <>
            <dt>{t('gdpr.detail.replySent')}</dt>
            <dd>{showDate(request.replySentDate, language)}</dd>
          </>
        ) : null}
      </dl>

      {isOpen ? (
        <div className="request-actions" role="group" aria-label={t('gdpr.detail.actions')}>
          {!identityOk ? (
            <Button className="button" onPress={() => open('identity')}>
              {t('gdpr.detail.verifyIdentity')}
            </Button>
          ) : null}
          {isOwner && request.status === 'received' ? (
            <Button className="button" onPress={() => void act(() => register.requests.setStatus(request.id, 'in_progress'), t('gdpr.detail.saved'))}>
              {t('gdpr.detail.startWork')}
            </Button>
          ) : null}
          {isOwner && customer && identityOk && (request.type === 'access' || request.type === 'portability') ? (
            <Button className="button button-primary" isDisabled={isBusy} onPress={() => void saveDocument('access')}>
              {t('gdpr.detail.accessReport')}
            </Button>
          ) : null}
          {isOwner && customer && identityOk && request.type === 'rectification' ? (
            <Button className="button button-primary" isDisabled={register.privacy.isRestricted(customer.id)} onPress={() => nav.rectifyCustomer(customer.id, request.id)}>
              {t('gdpr.rectify.button')}
            </Button>
          ) : null}
          {isOwner && customer && identityOk && request.type === 'erasure' ? (
            <Button className="button button-danger" onPress={() => open('erase')}>
              {t('gdpr.detail.erase')}
            </Button>
          ) : null}
          {isOwner && customer && identityOk && request.type === 'restriction' && !register.privacy.isRestricted(customer.id) ? (
            <Button className="button" onPress={() => void act(() => register.privacy.restrict(customer.id, { ground: 'accuracy_contested', note: '' }, request.id), t('gdpr.detail.restricted'))}>
              {t('gdpr.detail.restrict')}
            </Button>
          ) : null}
          {isOwner && customer && request.type === 'objection' ? (
            <Button className="button" onPress={() => void act(() => register.privacy.object(customer.id, request.id), t('gdpr.detail.objected'))}>
              {t('gdpr.detail.object')}
            </Button>
          ) : null}
          {isOwner && !request.extension ? (
            <Button className="button" onPress={() => open('extend')}>
              {t('gdpr.detail.extend')}
            </Button>
          ) : null}
          {isOwner ? (
            <Button className="button" onPress={() => open('done')}>
              {t('gdpr.detail.markDone')}
            </Button>
          ) : null}
          {isOwner ? (
            <Button className="button" onPress={() => open('refuse')}>
              {t('gdpr.detail.refuse')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {isOwner && !isOpen ? (
        <div className="request-actions" role="group" aria-label={t('gdpr.detail.actions')}>
          {request.replySentDate === null ? (
            <Button className="button" onPress={() => open('reply')}>
              {t('gdpr.detail.markReplySent')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {isOwner && identityOk ? (
        <p>
          <Button className="button" isDisabled={isBusy} onPress={() => void saveDocument('letter')}>
            {t('gdpr.detail.replyLetter')}
          </Button>
        </p>
      ) : null}
      {erasedLetter !== null && isOwner ? <p className="field-hint">{t('gdpr.erase.letterHint')}</p> : null}
      {!identityOk && isOpen ? <p className="field-hint">{t('gdpr.detail.needsIdentity')}</p> : null}
      {isOwner && isOpen && identityOk && customer && request.type === 'consent_withdrawal' ? (
        <div className="request-panel" role="group" aria-label={t('gdpr.withdraw.title')}>
          <h3>{t('gdpr.withdraw.title')}</h3>
          {activeConsents(customer, now).length === 0 ? (
            <p>{t('gdpr.withdraw.none')}</p>
          ) : (
            <ul className="plain-list">
              {activeConsents(customer, now).map((consent) => (
                <li key={consent.id}>
                  <Button
                    className="button"
                    isDisabled={isBusy}
                    onPress={() =>
                      // The withdrawal and the request's note of it are one write (Art. 7(3)); the history stays.
                      void act(
                        () => register.customers.withdrawConsent(customer.id, consent.id, { requestId: request.id }),
                        t('gdpr.withdraw.done', { kind: t(`record.consentKinds.${consent.kind}`) }),
                      )
                    }
                  >
                    {t('gdpr.withdraw.button', { kind: t(`record.consentKinds.${consent.kind}`) })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      {panel === 'identity' ? (
        <div className="request-panel">
          <SelectField label={t('gdpr.form.identityMethod')} value={method} onChange={(v) => setMethod(v as IdentityMethod)} options={IDENTITY_METHODS.map((m) => [m, t(`gdpr.identityMethods.${m}`)])} />
          <TextField name="identityDetail" label={t('gdpr.form.identityDetail')} value={detail} onChange={setDetail} error={err('detail')} />
          <DateField label={t('gdpr.form.identityDate')} value={date} max={today} onChange={setDate} error={err('verifiedAt')} />
          <Button className="button button-primary" onPress={() => void act(() => register.requests.setIdentity(request.id, { state: 'verified', method, detail, verifiedAt: date }), t('gdpr.detail.saved'))}>
            {t('gdpr.detail.saveIdentity')}
          </Button>
        </div>
      ) : null}
      {panel === 'extend' ? (
        <div className="request-panel">
          <TextField name="extendReason" label={t('gdpr.detail.extendReason')} value={reason} onChange={setReason} error={err('reason')} isRequired multiline />
          <DateField label={t('gdpr.detail.extendNotified')} value={date} max={today} onChange={setDate} error={err('notifiedDate')} />
          <SelectField
            label={t('gdpr.detail.extendMonths')}
            value={String(months)}
            onChange={(v) => setMonths(v === '1' ? 1 : 2)}
            options={[
              ['1', t('gdpr.detail.extendMonthsOption', { count: 1 })],
              ['2', t('gdpr.detail.extendMonthsOption', { count: 2 })],
            ]}
          />
          <Button className="button button-primary" onPress={() => void act(() => register.requests.extend(request.id, { reason, notifiedDate: date, extraMonths: months }), t('gdpr.detail.saved'))}>
            {t('gdpr.detail.saveExtension')}
          </Button>
        </div>
      ) : null}
      {panel === 'refuse' ? (
        <div className="request-panel">
          <TextField name="refuseReason" label={t('gdpr.detail.refuseReason')} value={reason} onChange={setReason} error={err('reason')} isRequired multiline />
          <label className="check-field">
            <input type="checkbox" checked={complaintTold} onChange={(e) => setComplaintTold(e.target.checked)} aria-invalid={err('complaintRightNotified') ? true : undefined} />
            <span>{t('gdpr.detail.refuseComplaint')}</span>
          </label>
          {err('complaintRightNotified') ? <p className="field-error">{err('complaintRightNotified')}</p> : null}
          <DateField label={t('gdpr.detail.refuseReplyDate')} value={date} max={today} onChange={setDate} error={err('replySentDate')} />
          <Button className="button button-danger" onPress={() => void act(() => register.requests.refuse(request.id, { reason, complaintRightNotified: complaintTold, replySentDate: date }), t('gdpr.detail.saved'))}>
            {t('gdpr.detail.saveRefusal')}
          </Button>
        </div>
      ) : null}
      {panel === 'done' ? (
        <div className="request-panel">
          <DateField label={t('gdpr.detail.replySentDate')} value={date} max={today} onChange={setDate} error={err('replySentDate')} />
          <Button
            className="button button-primary"
            onPress={() =>
              // Recording the reply sent closes the request as done.
              void act(() => register.requests.markReplySent(request.id, { replySentDate: date }), t('gdpr.detail.saved'))
            }
          >
            {t('gdpr.detail.markDone')}
          </Button>
        </div>
      ) : null}
      {panel === 'reply' ? (
        <div className="request-panel">
          <DateField label={t('gdpr.detail.replySentDate')} value={date} max={today} onChange={setDate} error={err('replySentDate')} />
          <Button className="button button-primary" onPress={() => void act(() => register.requests.markReplySent(request.id, { replySentDate: date }), t('gdpr.detail.saved'))}>
            {t('gdpr.detail.markReplySent')}
          </Button>
        </div>
      ) : null}

      <StatusMessage message={done} />
      <ErrorMessage message={failure} />

      <h3>{t('gdpr.detail.history')}</h3>
      <ul className="request-history">
        {request.history.map((entry, index) => (
          <li key={index}>
            {formatDateTime(entry.at, language)} — {t(`gdpr.detail.historyActions.${entry.what}`)}
            {entry.what === 'consent_withdrawn' && entry.detail && entry.detail in CONSENT_KIND_SET ? `: ${t(`record.consentKinds.${entry.detail as ConsentKind}`)}` : ''}
            {entry.what === 'status_changed' && entry.detail && entry.detail in { received: 1, in_progress: 1, done: 1, refused: 1 } ? `: ${t(`gdpr.statuses.${entry.detail as 'done'}`)}` : ''}
          </li>
        ))}
      </ul>

      <ConfirmDialog
        isOpen={panel === 'erase' && customer !== undefined}
        title={t('gdpr.erase.title', { name: customer ? `${customer.firstName} ${customer.lastName}` : '' })}
        body={`${t('gdpr.erase.body')} ${t('gdpr.erase.kept', { masked: customer ? maskName(customer.firstName, customer.lastName) : '' })} ${t('gdpr.erase.backups')}`}
        confirmLabel={t('gdpr.erase.confirm')}
        cancelLabel={t('gdpr.form.cancel')}
        onConfirm={() => void erase()}
        onCancel={() => setPanel(null)}
        isDestructive
      />
    </section>
  );
}
