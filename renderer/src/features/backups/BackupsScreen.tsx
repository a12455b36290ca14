import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { BackupEntry, BackupSettings } from '../../../../shared/schemas/backup';
import type { RegisterSettings } from '../../../../shared/schemas/users';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { invoke } from '../../ipc/client';
import type { UnlockedState } from '../session/session-store';
import type { BackupRunner } from './backup-runner';
import { BackupHistoryTable } from './BackupHistoryTable';
import { BackupFolderPanel, BackupPassphrasePanel, BackupSchedulePanel } from './BackupSettingsPanels';
import { backupStatusText } from './BackupStatusBanner';
import { ExportsPanel } from './ExportsPanel';
import { RestorePanel, type PickedBackup } from './RestorePanel';
import { useBackupStatus } from './useBackupRunner';
import './backups.css';

const load = () => Promise.all([invoke('backups.settings', undefined), invoke('backups.history', undefined)]);

export interface BackupsScreenProps {
  state: UnlockedState;
  runner: BackupRunner;
  onSettingsChanged: (settings: RegisterSettings) => void;
}

/**
 * The owner's backups (issue 6): status, "back up now", folder, schedule and retention, the
 * backup passphrase, restore (from a file or from the history), the history, and exports.
 */
export function BackupsScreen({ state, runner, onSettingsChanged }: BackupsScreenProps) {
  const { t, i18n } = useTranslation();
  const status = useBackupStatus(runner);
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [history, setHistory] = useState<readonly BackupEntry[]>([]);
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [isBackingUp, setBackingUp] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const apply = useCallback(
    ([loaded, entries]: Awaited<ReturnType<typeof load>>) => {
      if (loaded.ok) setSettings(loaded.value);
      else setFailure(t(`errors.${loaded.error.code}` as 'errors.internal'));
      if (entries.ok) setHistory(entries.value);
    },
    [t],
  );
  const refresh = useCallback(async () => {
    apply(await load());
    await runner.refreshStatus();
  }, [apply, runner]);

  useEffect(() => {
    let isCurrent = true;
    void load().then((loaded) => {
      if (isCurrent) apply(loaded);
    });
    void runner.refreshStatus();
    return () => {
      isCurrent = false;
    };
  }, [apply, runner]);

  const settingsChanged = (next: BackupSettings) => {
    setSettings(next);
    void runner.refreshStatus();
  };

  async function backUpNow() {
    if (isBackingUp) return;
    setBackingUp(true);
    setDone(null);
    setFailure(null);
    const outcome = await runner.backUpNow('manual');
    setBackingUp(false);
    if (!outcome.ok) setFailure(t(`errors.${outcome.code}` as 'errors.internal'));
    else if (!outcome.entry.verified) setFailure(t('backup.now.unverified'));
    else setDone(t('backup.now.done', { file: outcome.entry.fileName }));
    await refresh();
  }

  async function restoreFromHistory(entry: BackupEntry) {
    setFailure(null);
    const result = await invoke('backups.chooseFromHistory', { fileName: entry.fileName });
    if (!result.ok) return setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
    if (result.value.status === 'not_found') return setFailure(t('backup.problems.unreadable'));
    setPicked({ token: result.value.token, fileName: result.value.fileName });
  }

  const isReady = settings !== null && settings.folder !== null && settings.hasPassphrase;

  return (
    <section className="admin-screen backups-screen" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('backup.title')}</h1>
      <p className="lead">{t('backup.intro')}</p>
      {status !== null ? <p className={status.warning === null ? 'backup-status backup-status-ok' : 'backup-status backup-status-warning'}>{backupStatusText(status, t, i18n.language)}</p> : null}

      <section className="admin-section" aria-labelledby="backup-now-title">
        <h2 id="backup-now-title">{t('backup.now.title')}</h2>
        {isReady ? null : <p>{t('backup.now.notReady')}</p>}
        <Button className="button button-primary" isDisabled={!isReady} isPending={isBackingUp} onPress={() => void backUpNow()}>
          {isBackingUp ? t('backup.now.busy') : t('backup.now.button')}
        </Button>
        <StatusMessage message={done} />
        <ErrorMessage message={failure} />
      </section>

      {settings === null ? null : (
        <>
          <BackupFolderPanel settings={settings} onChanged={settingsChanged} />
          <BackupPassphrasePanel settings={settings} userInputs={[state.session.user.name, state.vault.businessName ?? '']} onChanged={settingsChanged} />
          <BackupSchedulePanel settings={settings} onChanged={settingsChanged} />
        </>
      )}

      <RestorePanel register={state.register} runner={runner} picked={picked} onRestored={() => void refresh()} />

      <BackupHistoryTable entries={history} passphraseSetAt={settings?.passphraseSetAt ?? null} onRestore={(entry) => void restoreFromHistory(entry)} />

      <ExportsPanel source={runner.source} settings={state.session.settings} onSettingsChanged={onSettingsChanged} />
    </section>
  );
}
