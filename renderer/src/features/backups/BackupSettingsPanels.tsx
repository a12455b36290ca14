import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase-strength';
import { BackupScheduleSchema, ClockTimeSchema, RotationPolicySchema, type BackupSettings } from '../../../../shared/schemas/backup';
import { newPassphraseErrors, usePassphraseVerdict } from '../../components/usePassphraseVerdict';
import { PassphraseMeter } from '../../components/PassphraseMeter';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { focusFirstInvalid } from '../../components/form-errors';
import { formatDateTime } from '../../i18n/format';
import { invoke } from '../../ipc/client';

type Errors = Record<string, string>;
const errorText = (code: string) => `errors.${code}` as 'errors.internal';

/** Where backups go: chosen in main's folder dialog, so the renderer never names a path. */
export function BackupFolderPanel({ settings, onChanged }: { settings: BackupSettings; onChanged: (settings: BackupSettings) => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function choose() {
    setDone(null);
    setFailure(null);
    const result = await invoke('backups.chooseFolder', undefined);
    if (!result.ok) return setFailure(t(errorText(result.error.code)));
    if (result.value.status === 'ok') {
      onChanged(result.value.settings);
      setDone(t('backup.folder.chosen'));
    }
  }

  return (
    <section className="admin-section" aria-labelledby="backup-folder-title">
      <h2 id="backup-folder-title">{t('backup.folder.title')}</h2>
      {settings.folder === null ? (
        <p>{t('backup.folder.none')}</p>
      ) : (
        <p>
          {t('backup.folder.current')} <code className="backup-path">{settings.folder}</code>
        </p>
      )}
      <p className="field-hint narrow-hint">{t('backup.folder.hint')}</p>
      <Button className="button" onPress={() => void choose()}>
        {settings.folder === null ? t('backup.folder.choose') : t('backup.folder.change')}
      </Button>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </section>
  );
}

interface ScheduleDraft {
  daily: boolean;
  atTimeOn: boolean;
  atTime: string;
  onClose: boolean;
  afterChangesOn: boolean;
  afterChanges: string;
  rotationDaily: string;
  rotationWeekly: string;
  rotationMonthly: string;
}

const toDraft = (settings: BackupSettings): ScheduleDraft => ({
  daily: settings.schedule.daily,
  atTimeOn: settings.schedule.atTime !== null,
  atTime: settings.schedule.atTime ?? '18:00',
  onClose: settings.schedule.onClose,
  afterChangesOn: settings.schedule.afterChanges !== null,
  afterChanges: String(settings.schedule.afterChanges ?? 200),
  rotationDaily: String(settings.rotation.daily),
  rotationWeekly: String(settings.rotation.weekly),
  rotationMonthly: String(settings.rotation.monthly),
});

/** The limits the contract enforces, shown in the message next to a field that breaks them. */
const LIMITS = {
  afterChanges: [1, 10_000],
  rotationDaily: [1, 60],
  rotationWeekly: [0, 52],
  rotationMonthly: [0, 120],
} as const;

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** When backups are made and how many are kept; validated here with the contract's own schemas. */
export function BackupSchedulePanel({ settings, onChanged }: { settings: BackupSettings; onChanged: (settings: BackupSettings) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ScheduleDraft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [isSaving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { daily: useId(), atTimeOn: useId(), onClose: useId(), afterChangesOn: useId() };

  const set = <K extends keyof ScheduleDraft>(key: K, value: ScheduleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDone(null);
  };

  const message = (field: keyof ScheduleDraft): string | undefined => {
    const code = errors[field];
    if (code === undefined) return undefined;
    if (code === 'time_invalid') return t('backup.schedule.timeInvalid');
    const [min, max] = LIMITS[field as keyof typeof LIMITS];
    return t('backup.schedule.numberInvalid', { min, max });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const found: Errors = {};
    if (draft.atTimeOn && !ClockTimeSchema.safeParse(draft.atTime.trim()).success) found.atTime = 'time_invalid';
    const numbers = {} as Record<keyof typeof LIMITS, number>;
    for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      if (field === 'afterChanges' && !draft.afterChangesOn) continue;
      const n = wholeNumber(draft[field]);
      const [min, max] = LIMITS[field];
      if (n === null || n < min || n > max) found[field] = 'out_of_range';
      else numbers[field] = n;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    const schedule = BackupScheduleSchema.parse({
      daily: draft.daily,
      atTime: draft.atTimeOn ? draft.atTime.trim() : null,
      onClose: draft.onClose,
      afterChanges: draft.afterChangesOn ? numbers.afterChanges : null,
    });
    const rotation = RotationPolicySchema.parse({ daily: numbers.rotationDaily, weekly: numbers.rotationWeekly, monthly: numbers.rotationMonthly });
    setSaving(true);
    setFailure(null);
    const result = await invoke('backups.setSettings', { schedule, rotation });
    setSaving(false);
    if (!result.ok) return setFailure(t(errorText(result.error.code)));
    onChanged(result.value);
    setDone(t('backup.schedule.saved'));
  }

  const checkbox = (key: 'daily' | 'atTimeOn' | 'onClose' | 'afterChangesOn', label: string) => (
    <label className="check-field" htmlFor={ids[key]}>
      <input id={ids[key]} type="checkbox" checked={draft[key]} onChange={(e) => set(key, e.target.checked)} />
      <span>{label}</span>
    </label>
  );

  return (
    <section className="admin-section" aria-labelledby="backup-schedule-title">
      <h2 id="backup-schedule-title">{t('backup.schedule.title')}</h2>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="narrow-form">
        {checkbox('daily', t('backup.schedule.daily'))}
        {checkbox('atTimeOn', t('backup.schedule.atTimeEnabled'))}
        {draft.atTimeOn ? (
          <TextField name="atTime" label={t('backup.schedule.atTime')} value={draft.atTime} onChange={(v) => set('atTime', v)} error={message('atTime')} inputMode="numeric" maxLength={5} />
        ) : null}
        {checkbox('onClose', t('backup.schedule.onClose'))}
        {checkbox('afterChangesOn', t('backup.schedule.afterChangesEnabled'))}
        {draft.afterChangesOn ? (
          <TextField
            name="afterChanges"
            label={t('backup.schedule.afterChanges')}
            value={draft.afterChanges}
            onChange={(v) => set('afterChanges', v)}
            error={message('afterChanges')}
            inputMode="numeric"
            maxLength={5}
          />
        ) : null}
        <fieldset className="backup-rotation">
          <legend>{t('backup.schedule.rotationTitle')}</legend>
          <TextField name="rotationDaily" label={t('backup.schedule.rotationDaily')} value={draft.rotationDaily} onChange={(v) => set('rotationDaily', v)} error={message('rotationDaily')} inputMode="numeric" maxLength={3} />
          <TextField name="rotationWeekly" label={t('backup.schedule.rotationWeekly')} value={draft.rotationWeekly} onChange={(v) => set('rotationWeekly', v)} error={message('rotationWeekly')} inputMode="numeric" maxLength={3} />
          <TextField
            name="rotationMonthly"
            label={t('backup.schedule.rotationMonthly')}
            value={draft.rotationMonthly}
            onChange={(v) => set('rotationMonthly', v)}
            error={message('rotationMonthly')}
            inputMode="numeric"
            maxLength={3}
          />
          <p className="field-hint">{t('backup.schedule.rotationHint')}</p>
        </fieldset>
        <Button type="submit" className="button button-primary" isPending={isSaving}>
          {isSaving ? t('backup.schedule.saving') : t('backup.schedule.save')}
        </Button>
      </Form>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </section>
  );
}

/**
 * The backup passphrase: set or changed here (and at setup). The explanation says what a change
 * means for older backups, and the trade-off of reusing the sign-in passphrase.
 */
export function BackupPassphrasePanel({
  settings,
  userInputs,
  onChanged,
}: {
  settings: BackupSettings;
  userInputs: readonly string[];
  onChanged: (settings: BackupSettings) => void;
}) {
  const { t, i18n } = useTranslation();
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [isSaving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const { verdict, isChecking } = usePassphraseVerdict(next, userInputs);

  const message = (field: string) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setDone(null);
    setFailure(null);
    const checked = await newPassphraseErrors(next, confirm, userInputs);
    const found: Errors = { ...(checked.passphrase ? { next: checked.passphrase } : {}), ...(checked.confirm ? { confirm: checked.confirm } : {}) };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSaving(true);
    const result = await invoke('backups.setPassphrase', { passphrase: next });
    setSaving(false);
    if (!result.ok) return setFailure(t(errorText(result.error.code)));
    setNext('');
    setConfirm('');
    onChanged(result.value);
    setDone(t('backup.passphrase.saved'));
  }

  return (
    <section className="admin-section" aria-labelledby="backup-passphrase-title">
      <h2 id="backup-passphrase-title">{t('backup.passphrase.title')}</h2>
      <p>
        {settings.hasPassphrase && settings.passphraseSetAt !== null
          ? t('backup.passphrase.setAt', { at: formatDateTime(settings.passphraseSetAt, i18n.language) })
          : t('backup.passphrase.notSet')}
      </p>
      <p className="lead">{t('backup.passphrase.explain')}</p>
      <p className="lead">{t('backup.passphrase.tradeoff')}</p>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="narrow-form">
        <TextField
          name="backupPassphrase"
          type="password"
          label={t('backup.passphrase.next')}
          hint={t('setup.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          value={next}
          onChange={setNext}
          error={message('next')}
          autoComplete="new-password"
        />
        <PassphraseMeter id="backup-passphrase-meter" verdict={verdict} isChecking={isChecking} />
        <TextField name="backupPassphraseConfirm" type="password" label={t('backup.passphrase.confirm')} value={confirm} onChange={setConfirm} error={message('confirm')} autoComplete="new-password" />
        <Button type="submit" className="button button-primary" isPending={isSaving}>
          {isSaving ? t('backup.passphrase.saving') : settings.hasPassphrase ? t('backup.passphrase.change') : t('backup.passphrase.submit')}
        </Button>
      </Form>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </section>
  );
}
