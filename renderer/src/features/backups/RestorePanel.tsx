import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { backupCounts, checkBackupDocument, type BackupDocument } from '../../../../shared/backup/format';
import type { BackupOpenProblem } from '../../../../shared/ipc/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { newestChanges } from '../../db/backup-document';
import type { Register, RestoreResult } from '../../db/register';
import { formatDateTime } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import type { BackupRunner } from './backup-runner';
import { formatSize } from './BackupHistoryTable';

/** A backup file main holds behind a token: chosen in its dialog, or picked from the history. */
export interface PickedBackup {
  readonly token: string;
  readonly fileName: string;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'passphrase'; picked: PickedBackup }
  | { kind: 'preview'; picked: PickedBackup; document: BackupDocument; size: number }
  | { kind: 'restoring' }
  | { kind: 'done'; result: RestoreResult; preBackup: string | null };

export interface RestorePanelProps {
  register: Register;
  runner: BackupRunner;
  /** A backup picked elsewhere (the history's "Restore"); the panel takes it from there. */
  picked: PickedBackup | null;
  onRestored: () => void;
}

/**
 * Restore, verify-then-commit (issue 6): choose a file → passphrase → main decrypts and checks
 * the whole file → a preview → the current data goes into a pre-restore backup → one strict
 * transaction replaces the register, which is then read back and compared. Erased people (in
 * either ledger) never come back; the preview and the result say how many were left out.
 * Whatever fails before the transaction changes nothing, and says exactly why.
 */
export function RestorePanel({ register, runner, picked, onRestored }: RestorePanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new pick from the history starts the flow over with that file (React's "adjust state when a prop changes").
  const [seenPick, setSeenPick] = useState(picked);
  if (picked !== seenPick) {
    setSeenPick(picked);
    if (picked !== null) {
      setFailure(null);
      setPassphrase('');
      setStep({ kind: 'passphrase', picked });
    }
  }
  useEffect(() => {
    if (step.kind === 'passphrase') headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [step.kind]);

  const problem = (code: BackupOpenProblem) => t(`backup.problems.${code}`);

  async function choose() {
    setFailure(null);
    const result = await invoke('backups.chooseForRestore', undefined);
    if (!result.ok) return setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
    if (result.value.status === 'ok') {
      setPassphrase('');
      setStep({ kind: 'passphrase', picked: { token: result.value.token, fileName: result.value.fileName } });
    }
  }

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== 'passphrase' || isBusy || passphrase === '') return;
    setBusy(true);
    setFailure(null);
    const result = await invoke('backups.open', { token: step.picked.token, passphrase });
    setBusy(false);
    if (!result.ok) return setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
    if (result.value.status === 'failed') {
      setFailure(problem(result.value.problem));
      // The token is spent when the choice has expired: back to choosing a file.
      if (result.value.problem === 'expired') setStep({ kind: 'idle' });
      return;
    }
    // Main has checked it; the renderer checks again, as it trusts nothing it is handed.
    const checked = await checkBackupDocument(result.value.document);
    if (!checked.ok) return setFailure(problem(checked.problem.kind));
    setPassphrase('');
    setStep({ kind: 'preview', picked: step.picked, document: checked.document, size: result.value.size });
  }

  async function restore() {
    if (step.kind !== 'preview') return;
    setConfirmOpen(false);
    const { document } = step;
    setStep({ kind: 'restoring' });
    setFailure(null);
    const isEmpty = register.customers.count === 0 && register.services.values().length === 0 && register.appointments.all().length === 0;
    let preBackup: string | null = null;
    if (!isEmpty) {
      const made = await runner.backUpNow('pre-restore');
      if (!made.ok || !made.entry.verified) {
        setStep({ kind: 'preview', picked: step.picked, document, size: step.size });
        return setFailure(t('backup.restore.preBackupFailed'));
      }
      preBackup = made.entry.fileName;
    }
    try {
      const result = await register.restore(document.tables);
      runner.restored();
      await invoke('backups.restored', { customers: result.restored.customers, skippedErased: result.skippedErased });
      setStep({ kind: 'done', result, preBackup });
      onRestored();
    } catch {
      setStep({ kind: 'preview', picked: step.picked, document, size: step.size });
      setFailure(t('backup.restore.failed'));
    }
  }

  const cancel = () => {
    setStep({ kind: 'idle' });
    setPassphrase('');
    setFailure(null);
  };

  return (
    <section className="admin-section" aria-labelledby="restore-title">
      <h2 id="restore-title" ref={headingRef}>
        {t('backup.restore.title')}
      </h2>
      <p className="lead">{t('backup.restore.intro')}</p>

      {step.kind === 'idle' || step.kind === 'done' ? (
        <Button className="button" onPress={() => void choose()}>
          {t('backup.restore.choose')}
        </Button>
      ) : null}

      {step.kind === 'passphrase' ? (
        <Form onSubmit={(e) => void open(e)} validationBehavior="aria" className="narrow-form">
          <p>{t('backup.restore.file', { file: step.picked.fileName })}</p>
          <TextField
            name="restorePassphrase"
            type="password"
            label={t('backup.restore.passphrase')}
            hint={t('backup.restore.passphraseHint')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            autoFocus
          />
          <div className="row-actions">
            <Button type="submit" className="button button-primary" isPending={isBusy} isDisabled={passphrase === ''}>
              {isBusy ? t('backup.restore.opening') : t('backup.restore.open')}
            </Button>
            <Button className="button" onPress={cancel}>
              {t('backup.restore.cancel')}
            </Button>
          </div>
        </Form>
      ) : null}

      {step.kind === 'preview' ? <Preview register={register} document={step.document} size={step.size} fileName={step.picked.fileName} language={language} /> : null}
      {step.kind === 'preview' ? (
        <div className="row-actions">
          <Button className="button button-danger" onPress={() => setConfirmOpen(true)}>
            {t('backup.restore.confirm')}
          </Button>
          <Button className="button" onPress={cancel}>
            {t('backup.restore.cancel')}
          </Button>
        </div>
      ) : null}

      {step.kind === 'restoring' ? <p role="status">{t('backup.restore.restoring')}</p> : null}

      {step.kind === 'done' ? (
        <div className="restore-result">
          <StatusMessage
            message={[
              t('backup.restore.done', { customers: step.result.restored.customers, appointments: step.result.restored.appointments, services: step.result.restored.services }),
              step.result.skippedErased > 0 ? t('backup.restore.skipped', { count: step.result.skippedErased }) : t('backup.restore.skippedNone'),
              step.preBackup === null ? '' : t('backup.restore.preBackup', { file: step.preBackup }),
            ]
              .filter(Boolean)
              .join(' ')}
          />
        </div>
      ) : null}

      <ErrorMessage message={failure} />

      <ConfirmDialog
        isOpen={isConfirmOpen}
        title={t('backup.restore.confirmTitle')}
        body={register.customers.count === 0 ? t('backup.restore.confirmBodyEmpty') : t('backup.restore.confirmBody')}
        confirmLabel={t('backup.restore.confirmButton')}
        cancelLabel={t('backup.restore.cancel')}
        onConfirm={() => void restore()}
        onCancel={() => setConfirmOpen(false)}
        isDestructive
      />
    </section>
  );
}

/** What the file holds next to what the register holds now, and its newest changes. */
function Preview({ register, document, size, fileName, language }: { register: Register; document: BackupDocument; size: number; fileName: string; language: string }) {
  const { t } = useTranslation();
  const counts = backupCounts(document);
  const now = { customers: register.customers.count, appointments: register.appointments.all().length, services: register.services.values().length, erasureLedger: register.erasureLedger().length };
  const erased = new Set([...document.tables.erasureLedger, ...register.erasureLedger()].map((e) => e.customerId));
  const willSkip = document.tables.customers.filter((c) => erased.has(c.id)).length;
  const names = new Map(document.tables.customers.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
  const changes = newestChanges(document);
  return (
    <div className="restore-preview">
      <h3>{t('backup.restore.previewTitle')}</h3>
      <dl className="restore-facts">
        <dt>{t('backup.restore.createdAt')}</dt>
        <dd>{formatDateTime(Date.parse(document.createdAt), language)}</dd>
        <dt>{t('backup.restore.appVersion')}</dt>
        <dd>{document.appVersion}</dd>
        <dt>{t('backup.restore.size')}</dt>
        <dd>
          {formatSize(size, language)} (<code>{fileName}</code>)
        </dd>
      </dl>
      <table className="admin-table restore-counts">
        <thead>
          <tr>
            <th scope="col">{t('backup.restore.table')}</th>
            <th scope="col" className="numeric">
              {t('backup.restore.inBackup')}
            </th>
            <th scope="col" className="numeric">
              {t('backup.restore.now')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['customers', 'appointments', 'services', 'erasureLedger'] as const).map((name) => (
            <tr key={name}>
              <th scope="row">{t(`backup.restore.tables.${name}`)}</th>
              <td className="numeric">{counts[name]}</td>
              <td className="numeric">{now[name]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {willSkip > 0 ? <p className="restore-skip">{t('backup.restore.willSkip', { count: willSkip })}</p> : null}
      <h3>{t('backup.restore.newest')}</h3>
      {changes.length === 0 ? (
        <p>{t('backup.restore.noChanges')}</p>
      ) : (
        <ul className="restore-changes">
          {changes.map((change, index) => {
            const at = formatDateTime(change.at, language);
            const name = erased.has(change.customerId) ? t('backup.restore.erasedName') : (names.get(change.customerId) ?? '—');
            return <li key={index}>{change.kind === 'customer' ? t('backup.restore.newestCustomer', { at, name }) : t('backup.restore.newestAppointment', { at, name })}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
