import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { DEFAULT_RETENTION_REVIEW_MONTHS, RETENTION_REVIEW_MONTH_CHOICES, type RetentionReviewMonths } from '../../../../shared/schemas/retention';
import { AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES, type RegisterSettings } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { invoke } from '../../ipc/client';
import { RecoveryKeySheet } from '../recovery/RecoveryKeySheet';
import './settings.css';

export interface SettingsScreenProps {
  /** The settings as main saved them, so the running session follows at once. */
  onSettingsChanged: (settings: RegisterSettings) => void;
}

type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

function toChoice(value: string | number): AutoLockMinutes | undefined {
  return AUTO_LOCK_CHOICES.find((choice) => String(choice) === String(value));
}

function toReviewChoice(value: string | number): RetentionReviewMonths | undefined {
  return RETENTION_REVIEW_MONTH_CHOICES.find((choice) => String(choice) === String(value));
}

/**
 * The owner's settings: how soon an unattended register locks itself, whether customers have a
 * separate health-notes field (special-category data, GDPR Art. 9), after how long without an
 * appointment customers come up for the retention review (Art. 5(1)(e)), and the recovery key.
 * Main stores both; replacing the recovery key makes the old one useless at once, and the new
 * one is shown here exactly once.
 */
export function SettingsScreen({ onSettingsChanged }: SettingsScreenProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const hintId = useId();
  const healthId = useId();
  const healthHintId = useId();
  const [minutes, setMinutes] = useState<AutoLockMinutes | null>(null);
  const [healthNotesEnabled, setHealthNotesEnabled] = useState<boolean | null>(null);
  const [isSavingHealth, setSavingHealth] = useState(false);
  const [healthSaved, setHealthSaved] = useState<string | null>(null);
  const [healthFailure, setHealthFailure] = useState<string | null>(null);
  const reviewId = useId();
  const reviewHintId = useId();
  const [reviewMonths, setReviewMonths] = useState<RetentionReviewMonths | null>(null);
  const [isSavingReview, setSavingReview] = useState(false);
  const [reviewSaved, setReviewSaved] = useState<string | null>(null);
  const [reviewFailure, setReviewFailure] = useState<string | null>(null);
  const [businessName, setBusinessName] = useState('');
  const [isSaving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const [isReplacing, setReplacing] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [recoveryStatus, setRecoveryStatus] = useState<string | null>(null);
  const [recoveryFailure, setRecoveryFailure] = useState<string | null>(null);
  const recoveryHeadingRef = useRef<HTMLHeadingElement>(null);
  const shouldFocusRecovery = useRef(false);

  useEffect(() => {
    let isCurrent = true;
    void Promise.all([invoke('settings.get', undefined), invoke('vault.status', undefined)]).then(([settings, vault]) => {
      if (!isCurrent) return;
      if (settings.ok) {
        setMinutes(toChoice(settings.value.autoLockMinutes) ?? DEFAULT_AUTO_LOCK_MINUTES);
        setHealthNotesEnabled(settings.value.healthNotesEnabled);
        setReviewMonths(toReviewChoice(settings.value.retentionReviewMonths) ?? DEFAULT_RETENTION_REVIEW_MONTHS);
      } else setFailure(t(`errors.${settings.error.code}` as 'errors.internal'));
      if (vault.ok) setBusinessName(vault.value.businessName ?? '');
    });
    return () => {
      isCurrent = false;
    };
  }, [t]);

  // Back from the recovery sheet: the settings are rendered again, focus their recovery section.
  useEffect(() => {
    if (recoveryKey === null && shouldFocusRecovery.current) {
      shouldFocusRecovery.current = false;
      recoveryHeadingRef.current?.focus();
    }
  }, [recoveryKey]);

  const label = (choice: number) => (choice === 60 ? t('admin.settings.autoLock.hour') : t('admin.settings.autoLock.minutes', { count: choice }));

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (minutes === null || isSaving) return;
    setSaving(true);
    setSaved(null);
    setFailure(null);
    const result = await invoke('settings.set', { autoLockMinutes: minutes });
    setSaving(false);
    if (!result.ok) {
      setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      return;
    }
    setMinutes(toChoice(result.value.autoLockMinutes) ?? minutes);
    setSaved(t('admin.settings.autoLock.saved', { value: label(result.value.autoLockMinutes) }));
    onSettingsChanged(result.value);
  }

  /** The switch saves at once: main stores it, journals it, and the session follows. */
  async function setHealthNotes(enabled: boolean) {
    if (isSavingHealth) return;
    setSavingHealth(true);
    setHealthSaved(null);
    setHealthFailure(null);
    const result = await invoke('settings.set', { healthNotesEnabled: enabled });
    setSavingHealth(false);
    if (!result.ok) {
      setHealthFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      return;
    }
    setHealthNotesEnabled(result.value.healthNotesEnabled);
    setHealthSaved(result.value.healthNotesEnabled ? t('record.settings.savedOn') : t('record.settings.savedOff'));
    onSettingsChanged(result.value);
  }

  // The choices are whole years; the setting keeps months (RetentionPolicy).
  const reviewLabel = (months: number) => t('admin.settings.retention.years', { count: months / 12 });

  async function onSaveReview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reviewMonths === null || isSavingReview) return;
    setSavingReview(true);
    setReviewSaved(null);
    setReviewFailure(null);
    const result = await invoke('settings.set', { retentionReviewMonths: reviewMonths });
    setSavingReview(false);
    if (!result.ok) {
      setReviewFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      return;
    }
    setReviewMonths(result.value.retentionReviewMonths);
    setReviewSaved(t('admin.settings.retention.saved', { value: reviewLabel(result.value.retentionReviewMonths) }));
    onSettingsChanged(result.value);
  }

  async function replaceRecoveryKey() {
    setConfirmOpen(false);
    if (isReplacing) return;
    setReplacing(true);
    setRecoveryStatus(null);
    setRecoveryFailure(null);
    const result = await invoke('recovery.replace', undefined);
    setReplacing(false);
    if (result.ok) setRecoveryKey(result.value.recoveryKey);
    else setRecoveryFailure(t(`errors.${result.error.code}` as 'errors.internal'));
  }

  if (recoveryKey !== null) {
    return (
      <RecoveryKeySheet
        recoveryKey={recoveryKey}
        businessName={businessName}
        onConfirmed={() => {
          shouldFocusRecovery.current = true;
          setRecoveryKey(null);
          setRecoveryStatus(t('admin.settings.recovery.replaced'));
        }}
      />
    );
  }

  return (
    <section className="admin-screen settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('admin.settings.title')}</h1>

      <section className="admin-section" aria-labelledby="auto-lock-title">
        <h2 id="auto-lock-title">{t('admin.settings.autoLock.title')}</h2>
        {minutes === null && failure === null ? <p className="placeholder">{t('admin.settings.loading')}</p> : null}
        {minutes !== null ? (
          <Form onSubmit={(e) => void onSave(e)} className="narrow-form">
            <div className="field">
              <label htmlFor={selectId} className="field-label">
                {t('admin.settings.autoLock.label')}
              </label>
              <select
                id={selectId}
                className="field-input"
                aria-describedby={hintId}
                value={minutes}
                onChange={(e) => {
                  const choice = toChoice(e.target.value);
                  if (choice !== undefined) setMinutes(choice);
                  setSaved(null);
                }}
              >
                {AUTO_LOCK_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {label(choice)}
                  </option>
                ))}
              </select>
              <p id={hintId} className="field-hint">
                {t('admin.settings.autoLock.hint')}
              </p>
            </div>
            <Button type="submit" className="button button-primary" isPending={isSaving}>
              {isSaving ? t('admin.settings.autoLock.saving') : t('admin.settings.autoLock.save')}
            </Button>
          </Form>
        ) : null}
        <StatusMessage message={saved} />
        <ErrorMessage message={failure} />
      </section>

      <section className="admin-section" aria-labelledby="health-notes-title">
        <h2 id="health-notes-title">{t('record.settings.title')}</h2>
        <p className="lead">{t('record.settings.intro')}</p>
        {healthNotesEnabled !== null ? (
          <>
            <label className="switch-field" htmlFor={healthId}>
              <input
                id={healthId}
                type="checkbox"
                role="switch"
                className="switch-input"
                checked={healthNotesEnabled}
                aria-describedby={healthHintId}
                disabled={isSavingHealth}
                onChange={(e) => void setHealthNotes(e.target.checked)}
              />
              <span className="field-label">{t('record.settings.label')}</span>
            </label>
            <div id={healthHintId} className="narrow-hint">
              <p className="field-hint">{t('record.settings.whenOn')}</p>
              <p className="field-hint">{t('record.settings.whenOff')}</p>
            </div>
          </>
        ) : null}
        {isSavingHealth ? <p className="muted">{t('record.settings.saving')}</p> : null}
        <StatusMessage message={healthSaved} />
        <ErrorMessage message={healthFailure} />
      </section>

      <section className="admin-section" aria-labelledby="retention-review-title">
        <h2 id="retention-review-title">{t('admin.settings.retention.title')}</h2>
        {reviewMonths !== null ? (
          <Form onSubmit={(e) => void onSaveReview(e)} className="narrow-form">
            <div className="field">
              <label htmlFor={reviewId} className="field-label">
                {t('admin.settings.retention.label')}
              </label>
              <select
                id={reviewId}
                className="field-input"
                aria-describedby={reviewHintId}
                value={reviewMonths}
                onChange={(e) => {
                  const choice = toReviewChoice(e.target.value);
                  if (choice !== undefined) setReviewMonths(choice);
                  setReviewSaved(null);
                }}
              >
                {RETENTION_REVIEW_MONTH_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {reviewLabel(choice)}
                  </option>
                ))}
              </select>
              <p id={reviewHintId} className="field-hint">
                {t('admin.settings.retention.hint')}
              </p>
            </div>
            <Button type="submit" className="button button-primary" isPending={isSavingReview}>
              {isSavingReview ? t('admin.settings.retention.saving') : t('admin.settings.retention.save')}
            </Button>
          </Form>
        ) : null}
        <StatusMessage message={reviewSaved} />
        <ErrorMessage message={reviewFailure} />
      </section>

      <section className="admin-section" aria-labelledby="recovery-title">
        <h2 id="recovery-title" ref={recoveryHeadingRef} tabIndex={-1}>
          {t('admin.settings.recovery.title')}
        </h2>
        <p className="lead">{t('admin.settings.recovery.intro')}</p>
        <p className="lead">{t('admin.settings.recovery.when')}</p>
        <Button className="button" isPending={isReplacing} onPress={() => setConfirmOpen(true)}>
          {isReplacing ? t('admin.settings.recovery.replacing') : t('admin.settings.recovery.replace')}
        </Button>
        <StatusMessage message={recoveryStatus} />
        <ErrorMessage message={recoveryFailure} />
      </section>

      <ConfirmDialog
        isOpen={isConfirmOpen}
        title={t('admin.settings.recovery.confirmTitle')}
        body={t('admin.settings.recovery.confirmBody')}
        confirmLabel={t('admin.settings.recovery.confirm')}
        cancelLabel={t('admin.settings.recovery.cancel')}
        onConfirm={() => void replaceRecoveryKey()}
        onCancel={() => setConfirmOpen(false)}
        isDestructive
      />
    </section>
  );
}
