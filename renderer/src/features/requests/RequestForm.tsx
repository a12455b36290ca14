import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { isoDateInZone } from '../../../../shared/domain/calendar-date';
import { firstDueDate } from '../../../../shared/domain/gdpr-deadline';
import {
  emptyGdprRequestDraft,
  GDPR_REQUEST_TYPES,
  IDENTITY_METHODS,
  REQUEST_CHANNELS,
  type AttachmentMimeType,
  type GdprRequest,
  type GdprRequestDraftInput,
  type IdentityMethod,
} from '../../../../shared/schemas/gdpr-request';
import { ErrorMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { focusFirstInvalid } from '../../components/form-errors';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { formatSize } from '../backups/BackupHistoryTable';
import { fieldMessages, showDate } from './request-text';
import { DateField, SelectField } from './fields';

interface PickedFile {
  fileName: string;
  mimeType: AttachmentMimeType;
  size: number;
  bytes: Uint8Array;
}

type IdentityState = 'pending' | 'verified' | 'not_needed';

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export interface RequestFormProps {
  register: Register;
  onSaved: (request: GdprRequest, message: string) => void;
  onCancel: () => void;
}

/**
 * Taking in a written GDPR request (both roles): what is asked, by whom, how and when it arrived,
 * whom it concerns (searched in the register, or "not found"), the letter itself as an encrypted
 * attachment, and the identity check. The data layer validates the whole draft with the shared
 * schema; nothing is saved until all of it is valid.
 */
export function RequestForm({ register, onSaved, onCancel }: RequestFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [today] = useState(() => isoDateInZone(Date.now()));
  const [draft, setDraft] = useState<GdprRequestDraftInput>(() => emptyGdprRequestDraft(today));
  const [identityState, setIdentityState] = useState<IdentityState>('pending');
  const [method, setMethod] = useState<IdentityMethod>('known_in_person');
  const [identityDetail, setIdentityDetail] = useState('');
  const [verifiedAt, setVerifiedAt] = useState(today);
  const [notNeededReason, setNotNeededReason] = useState('');
  const [query, setQuery] = useState('');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const notFoundId = useId();

  const set = <K extends keyof GdprRequestDraftInput>(key: K, value: GdprRequestDraftInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const chosen = draft.customerId ? register.customers.get(draft.customerId) : undefined;
  const matches = useMemo(() => (query.trim().length < 2 ? [] : register.customers.search(query).slice(0, 6)), [query, register]);

  async function pickFile() {
    setFailure(null);
    const result = await invoke('requests.pickAttachment', undefined);
    if (!result.ok) return setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
    if (result.value.status === 'failed') return setFailure(t(`gdpr.form.attachmentProblems.${result.value.problem}`));
    if (result.value.status === 'ok') {
      const { fileName, mimeType, size, bytesBase64 } = result.value;
      setFile({ fileName, mimeType, size, bytes: fromBase64(bytesBase64) });
    }
  }

  function identity(): GdprRequestDraftInput['identity'] {
    if (identityState === 'verified') return { state: 'verified', method, detail: identityDetail, verifiedAt };
    if (identityState === 'not_needed') return { state: 'not_needed', reason: notNeededReason };
    return { state: 'pending' };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setSaving(true);
    setFailure(null);
    const full: GdprRequestDraftInput = {
      ...draft,
      attachment: file === null ? null : { fileName: file.fileName, mimeType: file.mimeType, size: file.size },
      identity: identity(),
    };
    try {
      const saved = await register.requests.create(full, file === null ? {} : { file: file.bytes });
      onSaved(saved, t('gdpr.form.saved', { due: showDate(firstDueDate(saved.receivedDate), language) }));
    } catch (error) {
      const messages = fieldMessages(error, t);
      if (messages) {
        setErrors(messages);
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      } else setFailure(t('gdpr.form.failed'));
    } finally {
      setSaving(false);
    }
  }

  const err = (field: string) => errors[field];

  return (
    <section className="request-form" aria-labelledby="request-form-title">
      <h2 id="request-form-title">{t('gdpr.form.title')}</h2>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="narrow-form">
        <SelectField label={t('gdpr.form.type')} value={draft.type} onChange={(v) => set('type', v as GdprRequestDraftInput['type'])} options={GDPR_REQUEST_TYPES.map((type) => [type, t(`gdpr.types.${type}`)])} />
        <TextField name="requesterName" label={t('gdpr.form.requesterName')} value={draft.requesterName} onChange={(v) => set('requesterName', v)} error={err('requesterName')} isRequired />
        <TextField name="requesterContact" label={t('gdpr.form.requesterContact')} value={draft.requesterContact} onChange={(v) => set('requesterContact', v)} error={err('requesterContact')} isRequired />
        <SelectField label={t('gdpr.form.channel')} value={draft.channel} onChange={(v) => set('channel', v as GdprRequestDraftInput['channel'])} options={REQUEST_CHANNELS.map((c) => [c, t(`gdpr.channels.${c}`)])} />
        <DateField label={t('gdpr.form.receivedDate')} value={draft.receivedDate} max={today} onChange={(v) => set('receivedDate', v)} error={err('receivedDate')} />

        <fieldset className="request-customer">
          <legend className="field-label">{t('gdpr.form.customer')}</legend>
          {chosen ? (
            <p>
              {t('gdpr.form.customerChosen', { name: `${chosen.firstName} ${chosen.lastName}` })}{' '}
              <Button className="button" onPress={() => set('customerId', null)}>
                {t('gdpr.form.customerClear')}
              </Button>
            </p>
          ) : (
            <>
              <TextField name="customerQuery" type="search" label={t('gdpr.form.customerSearch')} value={query} onChange={setQuery} />
              {matches.length > 0 ? (
                <ul className="request-matches">
                  {matches.map((id) => {
                    const c = register.customers.get(id);
                    if (!c) return null;
                    return (
                      <li key={id}>
                        <Button
                          className="button"
                          onPress={() => {
                            set('customerId', id);
                            setQuery('');
                          }}
                        >
                          {`${c.firstName} ${c.lastName}`}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              <p id={notFoundId} className="field-hint">
                {t('gdpr.form.customerNone')}
              </p>
            </>
          )}
        </fieldset>

        <TextField name="description" label={t('gdpr.form.description')} value={draft.description ?? ''} onChange={(v) => set('description', v)} error={err('description')} multiline />

        <fieldset className="request-identity">
          <legend className="field-label">{t('gdpr.form.identity')}</legend>
          <div className="choice-options">
            {(['pending', 'verified', 'not_needed'] as const).map((state) => (
              <label key={state} className="choice">
                <input type="radio" name="identityState" value={state} checked={identityState === state} onChange={() => setIdentityState(state)} />
                {t(`gdpr.identityStates.${state}`)}
              </label>
            ))}
          </div>
          {identityState === 'verified' ? (
            <>
              <SelectField label={t('gdpr.form.identityMethod')} value={method} onChange={(v) => setMethod(v as IdentityMethod)} options={IDENTITY_METHODS.map((m) => [m, t(`gdpr.identityMethods.${m}`)])} />
              <TextField name="identityDetail" label={t('gdpr.form.identityDetail')} value={identityDetail} onChange={setIdentityDetail} error={err('identity.detail')} />
              <DateField label={t('gdpr.form.identityDate')} value={verifiedAt} max={today} onChange={setVerifiedAt} error={err('identity.verifiedAt')} />
            </>
          ) : null}
          {identityState === 'not_needed' ? (
            <TextField name="identityReason" label={t('gdpr.form.identityReason')} value={notNeededReason} onChange={setNotNeededReason} error={err('identity.reason')} isRequired />
          ) : null}
        </fieldset>

        <div className="field">
          <p className="field-label">{t('gdpr.form.attachment')}</p>
          {file ? (
            <p>
              {t('gdpr.form.attached', { file: file.fileName, size: formatSize(file.size, language) })}{' '}
              <Button className="button" onPress={() => setFile(null)}>
                {t('gdpr.form.removeAttachment')}
              </Button>
            </p>
          ) : (
            <Button className="button" onPress={() => void pickFile()}>
              {t('gdpr.form.attach')}
            </Button>
          )}
          {err('attachment.size') ?? err('attachment.mimeType') ? <p className="field-error">{err('attachment.size') ?? err('attachment.mimeType')}</p> : null}
        </div>

        <ErrorMessage message={failure} />
        <div className="row-actions">
          <Button type="submit" className="button button-primary" isPending={isSaving}>
            {isSaving ? t('gdpr.form.saving') : t('gdpr.form.save')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('gdpr.form.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
