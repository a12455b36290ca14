import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from 'react-aria-components';
import { HandoverSuccessorSchema } from '../../../../shared/documents/handover-fields';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/model';
import type { IsoDate } from '../../../../shared/domain/calendar-date';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase-strength';
import { pastDateField } from '../../../../shared/schemas/dates';
import { registerExportTables } from '../../../../shared/backup/register-export';
import { disclosureDraftSchema, type DisclosureDraftInput } from '../../../../shared/schemas/disclosure';
import { optionalText } from '../../../../shared/schemas/text';
import { fieldErrors } from '../../components/form-errors';
import { PassphraseMeter } from '../../components/PassphraseMeter';
import { TextField } from '../../components/TextField';
import { newPassphraseErrors, usePassphraseVerdict } from '../../components/usePassphraseVerdict';
import { buildRegisterBackup } from '../../db/backup-document';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { useVersion } from '../appointments/hooks';
import { DateField, SelectField } from '../requests/fields';
import { DisclosureOutcome } from './DisclosureOutcome';
import { useDisclosureRecorder } from './useDisclosureRecorder';
import type { UnlockedState } from '../session/session-store';

interface SuccessorDraft {
  name: string;
  businessId: string;
  controllerContact: string;
  reference: string;
  date: string;
  language: DocumentLanguage;
}

export interface SuccessorTransferPanelProps {
  state: UnlockedState;
  register: Register;
  today: IsoDate;
}

/**
 * The seed's business-transfer case: a copy of the whole register for the successor company's
 * controller. Main writes the package (the register as an age file under a NEW transfer
 * passphrase, the register's CSV files, a handover note); once it is written, the disclosure is
 * recorded with every customer in the package.
 *
 * The passphrase is not the salon's own: the successor must never be able to open the salon's
 * backups with it, and the note tells the owner to deliver it separately from the files.
 * Customers whose processing is restricted stay behind (Art. 18; shared/backup/register-export.ts)
 * and the note says how many; marketing objections travel with the data.
 */
export function SuccessorTransferPanel({ state, register, today }: SuccessorTransferPanelProps) {
  const { t, i18n } = useTranslation();
  useVersion(register.customers);
  const uiLanguage: DocumentLanguage = (DOCUMENT_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as DocumentLanguage) : 'fi';
  const empty = (): SuccessorDraft => ({ name: '', businessId: '', controllerContact: '', reference: '', date: today, language: uiLanguage });
  const [draft, setDraft] = useState<SuccessorDraft>(empty);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [appVersion, setAppVersion] = useState('unknown');
  const recorder = useDisclosureRecorder(register, setDone, () => setFailure(t('disclosure.recordFailed')));
  const { business } = state;
  const userInputs = [business?.name ?? '', draft.name, draft.controllerContact];
  const { verdict, isChecking } = usePassphraseVerdict(passphrase, userInputs);
  const set = <K extends keyof SuccessorDraft>(key: K, value: SuccessorDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: string) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);
  const customerCount = register.customers.count;

  useEffect(() => {
    void invoke('app.info', undefined).then((info) => {
      if (info.ok) setAppVersion(info.value.version);
    });
  }, []);

  async function saveAndRecord() {
    if (isBusy) return;
    setDone(null);
    setFailure(null);
    const successor = HandoverSuccessorSchema.safeParse({ name: draft.name, businessId: draft.businessId, controllerContact: draft.controllerContact });
    // The entry's own fields, checked with the rest of the form before anything is built.
    const dated = z.object({ date: pastDateField(today), reference: optionalText(200) }).safeParse({ date: draft.date, reference: draft.reference });
    const secret = await newPassphraseErrors(passphrase, confirm, userInputs);
    const found: Record<string, string> = {
      ...(successor.success ? {} : fieldErrors(successor.error)),
      ...(dated.success ? {} : fieldErrors(dated.error)),
      ...(secret.passphrase ? { passphrase: secret.passphrase } : {}),
      ...(secret.confirm ? { confirm: secret.confirm } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || !successor.success) return;
    if (business === null) return setFailure(t('disclosure.noBusiness'));
    if (customerCount === 0) return setFailure(t('disclosure.successor.noCustomers'));
    setBusy(true);
    try {
      const { document, text } = await buildRegisterBackup({ register, business, settings: state.session.settings, appVersion });
      // Main makes the package from this document, less the restricted customers (they stay with
      // the salon, Art. 18); the same rule here checks the entry before anything is written.
      const going = registerExportTables(document.tables, (id) => register.privacy.flagsOf(id), { forRecipient: 'successor' });
      const customerIds = going.customers.map((customer) => customer.id);
      // Everyone restricted: there is nothing the successor may receive.
      if (customerIds.length === 0) return setFailure(t('disclosure.successor.noCustomers'));
      const disclosure: DisclosureDraftInput = {
        recipientKind: 'successor',
        recipientName: successor.data.name,
        // Art. 6(1)(f): the salon's and the successor's legitimate interest in continuing to serve
        // the regular customers, which the privacy notice (the seed) tells customers about. Not a
        // contract with the customers (they are not party to the sale) nor a legal obligation.
        legalBasis: 'legitimate_interests',
        legalBasisDetail: t('disclosure.successor.basisDetail'),
        scope: t('disclosure.successor.scope', { customers: customerIds.length, appointments: going.appointments.length }),
        customerIds,
        date: draft.date,
        reference: draft.reference,
        requestId: null,
      };
      const checked = disclosureDraftSchema(today).safeParse(disclosure);
      if (!checked.success) {
        setErrors(fieldErrors(checked.error));
        return;
      }
      const result = await invoke('transfers.saveSuccessorPackage', {
        document: text,
        passphrase,
        csvSeparator: state.session.settings.csvSeparator,
        note: { language: draft.language, business, successor: successor.data, reference: draft.reference, date: draft.date },
      });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else if (result.value.status === 'cancelled') setDone(t('disclosure.successor.cancelled'));
      else if (result.value.status === 'refused') setErrors({ passphrase: result.value.reason });
      else {
        // The entry lists exactly the customers main put in the package.
        const recorded = { ...disclosure, customerIds: result.value.customerIds };
        setDraft(empty());
        setPassphrase('');
        setConfirm('');
        const message =
          t('disclosure.successor.done', { count: result.value.customerIds.length, files: result.value.fileCount }) +
          (result.value.leftOutRestricted > 0 ? ` ${t('disclosure.successor.leftOut', { count: result.value.leftOutRestricted })}` : '');
        await recorder.record(recorded, message);
      }
    } catch {
      setFailure(t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-section disclosure-panel" aria-labelledby="successor-title">
      <h2 id="successor-title">{t('disclosure.successor.title')}</h2>
      <p className="lead">{t('disclosure.successor.intro')}</p>
      <p className="lead">{t('disclosure.successor.contents', { count: customerCount })}</p>
      <div className="narrow-form">
        <TextField name="successorName" label={t('disclosure.successor.name')} value={draft.name} onChange={(v) => set('name', v)} error={error('name')} isRequired />
        <TextField name="successorBusinessId" label={t('disclosure.successor.businessId')} value={draft.businessId} onChange={(v) => set('businessId', v)} error={error('businessId')} />
        <TextField
          name="successorContact"
          label={t('disclosure.successor.controllerContact')}
          hint={t('disclosure.successor.controllerContactHint')}
          value={draft.controllerContact}
          onChange={(v) => set('controllerContact', v)}
          error={error('controllerContact')}
          isRequired
        />
        <TextField name="successorReference" label={t('disclosure.successor.reference')} value={draft.reference} onChange={(v) => set('reference', v)} error={error('reference')} />
        <DateField label={t('disclosure.successor.date')} value={draft.date} onChange={(v) => set('date', v)} error={error('date')} max={today} />
        <SelectField label={t('disclosure.successor.language')} value={draft.language} onChange={(v) => set('language', v as DocumentLanguage)} options={DOCUMENT_LANGUAGES.map((l) => [l, t(`disclosure.languages.${l}`)])} />
        <p className="field-hint">{t('disclosure.successor.passphraseExplain')}</p>
        <TextField
          name="transferPassphrase"
          type="password"
          label={t('disclosure.successor.passphrase')}
          hint={t('disclosure.successor.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          value={passphrase}
          onChange={setPassphrase}
          error={error('passphrase')}
          autoComplete="new-password"
          isRequired
        />
        <PassphraseMeter id="transfer-passphrase-meter" verdict={verdict} isChecking={isChecking} />
        <TextField name="transferPassphraseConfirm" type="password" label={t('disclosure.successor.confirm')} value={confirm} onChange={setConfirm} error={error('confirm')} autoComplete="new-password" isRequired />
      </div>
      <Button className="button button-primary" isDisabled={isBusy} onPress={() => void saveAndRecord()}>
        {t('disclosure.successor.submit')}
      </Button>
      <DisclosureOutcome isBusy={isBusy} done={done} failure={failure} onRetry={recorder.unrecorded === null ? null : () => void recorder.retry()} />
    </section>
  );
}
