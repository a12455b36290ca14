import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { CsvSeparator } from '../../../../shared/domain/csv-export';
import { MARKETING_CHANNELS, marketingList, type MarketingChannel } from '../../../../shared/domain/marketing';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { isoDateInZone } from '../../../../shared/domain/calendar-date';
import { DISCLOSURE_LEGAL_BASES, DISCLOSURE_RECIPIENT_KINDS, disclosureDraftSchema, type DisclosureDraftInput } from '../../../../shared/schemas/disclosure';
import { GDPR_REQUEST_TYPES, REQUEST_CHANNELS, REQUEST_STATUSES } from '../../../../shared/schemas/gdpr-request';
import { fieldErrors } from '../../components/form-errors';
import { TextField } from '../../components/TextField';
import { SelectField } from '../requests/fields';
import type { RegisterSettings } from '../../../../shared/schemas/users';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { buildRegisterBackup, type BackupSource } from '../../db/backup-document';
import { invoke } from '../../ipc/client';
import { useVersion } from '../appointments/hooks';
import { useNow } from '../customers/useNow';
import { REQUEST_LOG_COLUMNS, requestLogCsv } from '../../../../shared/backup/open-files';
import { marketingCsv, registerExportFiles } from './export-files';

/** Who a register export is disclosed to, as the owner fills it in (the rest comes from the export). */
type RecipientDraft = Pick<DisclosureDraftInput, 'recipientKind' | 'recipientName' | 'legalBasis' | 'legalBasisDetail' | 'reference'>;

/** Thrown when the recipient form does not check out: its errors are shown, and nothing is written. */
class RecipientInvalid extends Error {}

export interface ExportsPanelProps {
  source: () => BackupSource;
  settings: RegisterSettings;
  onSettingsChanged: (settings: RegisterSettings) => void;
}

/**
 * The owner's exports: a marketing list per channel and the whole register as CSV or JSON. The
 * files are open (unencrypted) data, so the panel says so; main asks where to save them and
 * journals that an export was made.
 */
export function ExportsPanel({ source, settings, onSettingsChanged }: ExportsPanelProps) {
  const { t } = useTranslation();
  const channelId = useId();
  const separatorId = useId();
  const [channel, setChannel] = useState<MarketingChannel>('email');
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register } = source();
  const version = useVersion(register.customers);
  const privacyVersion = useVersion(register.privacy);
  const separator = settings.csvSeparator;
  const now = useNow();
  const [today] = useState(() => isoDateInZone(Date.now()));
  const [isForRecipient, setForRecipient] = useState(false);
  const [recipientDraft, setRecipientDraft] = useState<RecipientDraft>({ recipientKind: 'authority', recipientName: '', legalBasis: 'legal_obligation', legalBasisDetail: '', reference: '' });
  const [recipientErrors, setRecipientErrors] = useState<Record<string, string>>({});
  const pendingDisclosure = useRef<DisclosureDraftInput | null>(null);
  const recipient = isForRecipient ? recipientDraft : null;
  const setRecipient = <K extends keyof RecipientDraft>(key: K, value: RecipientDraft[K]) => setRecipientDraft((d) => ({ ...d, [key]: value }));
  const recipientError = (field: string) => (recipientErrors[field] ? t(`validation.${recipientErrors[field]}` as 'validation.required') : undefined);

  const columns = useMemo(
    () => ({
      firstName: t('backup.exports.columns.firstName'),
      lastName: t('backup.exports.columns.lastName'),
      contact: channel === 'email' ? t('backup.exports.columns.email') : t('backup.exports.columns.phone'),
      language: t('backup.exports.columns.language'),
      consentGiven: t('backup.exports.columns.consentGiven'),
    }),
    [t, channel],
  );
  // Recounted when the register changes (`version`), so the preview is the file's row count.
  // The preview counts the list as the file will hold it; the file itself is built on export.
  const flagsOf = (id: string) => register.privacy.flagsOf(id);
  const marketingCount = useMemo(
    () => marketingList(register.customers.values(), channel, (id) => register.privacy.flagsOf(id), now).length,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the stores' contents
    [register, channel, version, privacyVersion, now],
  );

  async function save(kind: ChannelInput<'exports.save'>['kind'], files: () => Promise<Record<string, string>>) {
    if (isBusy) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    setRecipientErrors({});
    pendingDisclosure.current = null;
    try {
      const result = await invoke('exports.save', { kind, files: await files() });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else if (result.value.status === 'cancelled') setDone(t('backup.exports.cancelled'));
      else {
        const disclosure = pendingDisclosure.current;
        if (disclosure !== null) await register.disclosures.record(disclosure);
        setDone(t('backup.exports.saved', { count: result.value.fileCount }) + (disclosure === null ? '' : ` ${t('backup.exports.disclosureRecorded')}`));
      }
    } catch (error) {
      if (!(error instanceof RecipientInvalid)) setFailure(t('errors.internal'));
    } finally {
      pendingDisclosure.current = null;
      setBusy(false);
    }
  }

  async function changeSeparator(next: CsvSeparator) {
    const result = await invoke('settings.set', { csvSeparator: next });
    if (result.ok) onSettingsChanged(result.value);
    else setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
  }

  /**
   * The register's files; made for a recipient, the disclosure is checked before the file is
   * written and recorded once it is (the customers actually in the file).
   */
  const registerFiles = (format: 'csv' | 'json') => async () => {
    // Only an authority receives restricted customers too (shared/backup/register-export.ts).
    const forRecipient = recipient === null ? null : recipient.recipientKind;
    const made = await registerExportFiles((await buildRegisterBackup(source())).document, (id) => register.privacy.flagsOf(id), format, separator, { forRecipient });
    if (recipient !== null) {
      const draft = { ...recipient, scope: t('backup.exports.disclosureScope', { format: format.toUpperCase() }), customerIds: made.customerIds, date: today, requestId: null };
      const checked = disclosureDraftSchema(today).safeParse(draft);
      if (!checked.success) {
        setRecipientErrors(fieldErrors(checked.error));
        throw new RecipientInvalid();
      }
      pendingDisclosure.current = draft;
    }
    return made.files;
  };
  const requestLog = () =>
    Promise.resolve({
      'requests.csv': requestLogCsv(
        register.requests.values(),
        separator,
        Object.fromEntries(REQUEST_LOG_COLUMNS.map((column) => [column, t(`backup.exports.logColumns.${column}`)])) as Record<(typeof REQUEST_LOG_COLUMNS)[number], string>,
        {
          type: Object.fromEntries(GDPR_REQUEST_TYPES.map((type) => [type, t(`gdpr.types.${type}`)])),
          channel: Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, t(`gdpr.channels.${c}`)])),
          status: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, t(`gdpr.statuses.${s}`)])),
          identity: { pending: t('gdpr.identityStates.pending'), verified: t('gdpr.identityStates.verified'), not_needed: t('gdpr.identityStates.not_needed') },
          yes: t('backup.history.yes'),
          no: t('backup.history.no'),
        },
      ),
    });

  return (
    <section className="admin-section" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('backup.exports.title')}</h2>
      <p className="lead">{t('backup.exports.intro')}</p>

      <div className="field narrow-form">
        <label htmlFor={separatorId} className="field-label">
          {t('backup.exports.separator')}
        </label>
        <select id={separatorId} className="field-input" value={separator} onChange={(e) => void changeSeparator(e.target.value === ',' ? ',' : ';')}>
          <option value=";">{t('backup.exports.separators.semicolon')}</option>
          <option value=",">{t('backup.exports.separators.comma')}</option>
        </select>
      </div>

      <h3>{t('backup.exports.marketingTitle')}</h3>
      <p className="field-hint narrow-hint">{t('backup.exports.marketingHint')}</p>
      <div className="field narrow-form">
        <label htmlFor={channelId} className="field-label">
          {t('backup.exports.channel')}
        </label>
        <select id={channelId} className="field-input" value={channel} onChange={(e) => setChannel(e.target.value === 'sms' ? 'sms' : 'email')}>
          {MARKETING_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`backup.exports.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <p>{t('backup.exports.marketingCount', { count: marketingCount })}</p>
      <Button className="button" isDisabled={isBusy} onPress={() => void save('marketing-csv', () => Promise.resolve({ [`marketing-${channel}.csv`]: marketingCsv(register.customers.values(), channel, flagsOf, columns, separator, Date.now()).csv }))}>
        {t('backup.exports.marketingButton')}
      </Button>

      <h3>{t('backup.exports.registerTitle')}</h3>
      <p className="field-hint narrow-hint">{t('backup.exports.registerHint')}</p>
      <label className="check-field">
        <input type="checkbox" checked={isForRecipient} onChange={(e) => setForRecipient(e.target.checked)} />
        <span>{t('backup.exports.forRecipient')}</span>
      </label>
      {isForRecipient ? (
        <fieldset className="backup-rotation narrow-form">
          <legend>{t('backup.exports.recipientTitle')}</legend>
          <p className="field-hint">{t('backup.exports.recipientHint')}</p>
          <SelectField
            label={t('backup.exports.recipientKind')}
            value={recipientDraft.recipientKind}
            onChange={(v) => setRecipient('recipientKind', v as RecipientDraft['recipientKind'])}
            options={DISCLOSURE_RECIPIENT_KINDS.map((kind) => [kind, t(`backup.exports.recipientKinds.${kind}`)])}
          />
          <TextField name="recipientName" label={t('backup.exports.recipientName')} value={recipientDraft.recipientName} onChange={(v) => setRecipient('recipientName', v)} error={recipientError('recipientName')} isRequired />
          <SelectField
            label={t('backup.exports.legalBasis')}
            value={recipientDraft.legalBasis}
            onChange={(v) => setRecipient('legalBasis', v as RecipientDraft['legalBasis'])}
            options={DISCLOSURE_LEGAL_BASES.map((basis) => [basis, t(`backup.exports.legalBases.${basis}`)])}
          />
          <TextField name="legalBasisDetail" label={t('backup.exports.legalBasisDetail')} value={recipientDraft.legalBasisDetail ?? ''} onChange={(v) => setRecipient('legalBasisDetail', v)} error={recipientError('legalBasisDetail')} />
          <TextField name="reference" label={t('backup.exports.reference')} value={recipientDraft.reference ?? ''} onChange={(v) => setRecipient('reference', v)} error={recipientError('reference')} />
        </fieldset>
      ) : null}
      <div className="row-actions">
        <Button className="button" isDisabled={isBusy} onPress={() => void save('register-csv', registerFiles('csv'))}>
          {t('backup.exports.registerCsv')}
        </Button>
        <Button className="button" isDisabled={isBusy} onPress={() => void save('register-json', registerFiles('json'))}>
          {t('backup.exports.registerJson')}
        </Button>
      </div>

      <h3>{t('backup.exports.requestsTitle')}</h3>
      <p className="field-hint narrow-hint">{t('backup.exports.requestsHint')}</p>
      <Button className="button" isDisabled={isBusy} onPress={() => void save('requests-csv', requestLog)}>
        {t('backup.exports.requestsButton')}
      </Button>
      {isBusy ? <p className="muted">{t('backup.exports.busy')}</p> : null}
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </section>
  );
}
