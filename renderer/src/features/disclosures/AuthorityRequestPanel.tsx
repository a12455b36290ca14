import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/model';
import type { IsoDate } from '../../../../shared/domain/calendar-date';
import { DISCLOSURE_LEGAL_BASES, disclosureDraftSchema, type DisclosureDraftInput, type DisclosureLegalBasis } from '../../../../shared/schemas/disclosure';
import { retentionPolicyOf } from '../../../../shared/schemas/retention';
import { fieldErrors } from '../../components/form-errors';
import { TextField } from '../../components/TextField';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { DateField, SelectField } from '../requests/fields';
import type { UnlockedState } from '../session/session-store';
import { accessReportInput } from './access-report-input';
import { CustomerPicker } from './CustomerPicker';
import { DisclosureOutcome } from './DisclosureOutcome';
import { useDisclosureRecorder } from './useDisclosureRecorder';

type Format = 'both' | 'pdf' | 'json';
const FORMATS: readonly Format[] = ['both', 'pdf', 'json'];

interface AuthorityDraft {
  recipientName: string;
  legalBasisDetail: string;
  reference: string;
  date: string;
  legalBasis: DisclosureLegalBasis;
  scope: string;
  customerIds: string[];
}

export interface AuthorityRequestPanelProps {
  state: UnlockedState;
  register: Register;
  today: IsoDate;
}

/**
 * An authority's request (DESIGN §6.6): who asks, the provision that obliges the salon, their
 * case number, the customers named, and the format. One press exports every chosen customer's
 * access report (main writes them into a folder it asks for) and, only when the files are written,
 * records one disclosure listing those customers. The draft is checked first, so a form without
 * the provision shows its errors and nothing is written or recorded; a cancelled dialog records
 * nothing either.
 */
export function AuthorityRequestPanel({ state, register, today }: AuthorityRequestPanelProps) {
  const { t, i18n } = useTranslation();
  const empty = (): AuthorityDraft => ({ recipientName: '', legalBasisDetail: '', reference: '', date: today, legalBasis: 'legal_obligation', scope: t('disclosure.authority.defaultScope'), customerIds: [] });
  const [draft, setDraft] = useState<AuthorityDraft>(empty);
  const [format, setFormat] = useState<Format>('both');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  /** Bumped after a recorded disclosure: the customer search starts empty for the next request. */
  const [round, setRound] = useState(0);
  const recorder = useDisclosureRecorder(register, setDone, () => setFailure(t('disclosure.recordFailed')));
  const set = <K extends keyof AuthorityDraft>(key: K, value: AuthorityDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: string) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);
  // The reports are read by the salon and the authority: in the language the owner works in.
  const language: DocumentLanguage = (DOCUMENT_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as DocumentLanguage) : 'fi';

  async function exportAndRecord() {
    if (isBusy) return;
    setDone(null);
    setFailure(null);
    // The entry's date is the day the request arrived (what the owner has on paper); the entry's
    // `recordedAt` keeps when the data actually went out.
    const disclosure: DisclosureDraftInput = { ...draft, recipientKind: 'authority', requestId: null };
    const checked = disclosureDraftSchema(today).safeParse(disclosure);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return;
    }
    setErrors({});
    const { business } = state;
    if (business === null) return setFailure(t('disclosure.noBusiness'));
    const customers = checked.data.customerIds.map((id) => register.customers.get(id));
    if (customers.some((customer) => customer === undefined)) return setFailure(t('disclosure.customerGone'));
    setBusy(true);
    try {
      // Each report lists the person's appointments: never build one before they have loaded.
      await register.appointments.ready;
      const context = { business, healthNotesEnabled: state.session.settings.healthNotesEnabled, reviewAfterMonths: retentionPolicyOf(state.session.settings).reviewAfterMonths, language };
      const result = await invoke('documents.saveAccessReport', { format, reports: customers.map((customer) => accessReportInput(register, customer!, context)) });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else if (result.value.status === 'cancelled') setDone(t('disclosure.authority.cancelled'));
      else {
        setDraft(empty());
        setRound((n) => n + 1);
        await recorder.record(disclosure, t('disclosure.authority.done', { count: customers.length, files: result.value.fileCount }));
      }
    } catch {
      setFailure(t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-section disclosure-panel" aria-labelledby="authority-title">
      <h2 id="authority-title">{t('disclosure.authority.title')}</h2>
      <p className="lead">{t('disclosure.authority.intro')}</p>
      <div className="narrow-form">
        <TextField name="authorityName" label={t('disclosure.authority.name')} hint={t('disclosure.authority.nameHint')} value={draft.recipientName} onChange={(v) => set('recipientName', v)} error={error('recipientName')} isRequired />
        <TextField name="authorityProvision" label={t('disclosure.authority.provision')} hint={t('disclosure.authority.provisionHint')} value={draft.legalBasisDetail} onChange={(v) => set('legalBasisDetail', v)} error={error('legalBasisDetail')} isRequired />
        <TextField name="authorityReference" label={t('disclosure.authority.reference')} value={draft.reference} onChange={(v) => set('reference', v)} error={error('reference')} />
        <DateField label={t('disclosure.authority.date')} value={draft.date} onChange={(v) => set('date', v)} error={error('date')} max={today} />
        <SelectField
          label={t('disclosure.fields.legalBasis')}
          value={draft.legalBasis}
          onChange={(v) => set('legalBasis', v as DisclosureLegalBasis)}
          options={DISCLOSURE_LEGAL_BASES.map((basis) => [basis, t(`disclosure.bases.${basis}`)])}
        />
        <TextField name="authorityScope" label={t('disclosure.fields.scope')} value={draft.scope} onChange={(v) => set('scope', v)} error={error('scope')} multiline isRequired />
      </div>
      <CustomerPicker key={round} register={register} chosen={draft.customerIds} onChange={(ids) => set('customerIds', ids)} error={error('customerIds')} />
      <div className="narrow-form">
        <SelectField label={t('disclosure.authority.format')} value={format} onChange={(v) => setFormat(v as Format)} options={FORMATS.map((f) => [f, t(`disclosure.authority.formats.${f}`)])} />
      </div>
      <Button className="button button-primary" isDisabled={isBusy} onPress={() => void exportAndRecord()}>
        {t('disclosure.authority.submit')}
      </Button>
      <DisclosureOutcome isBusy={isBusy} done={done} failure={failure} onRetry={recorder.unrecorded === null ? null : () => void recorder.retry()} />
    </section>
  );
}
