import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import type { BackupSource } from '../../db/backup-document';
import { invoke } from '../../ipc/client';
import type { UnlockedState } from '../session/session-store';
import { BackupRunner } from './backup-runner';

const sourceOf = (state: UnlockedState, appVersion: string): BackupSource => ({
  register: state.register,
  business: state.business,
  settings: state.session.settings,
  appVersion,
});

/**
 * The session's backup runner: one per unlocked register, started with it and stopped when it
 * locks; it always backs up the latest state (a settings change is in the next backup).
 */
export function useBackupRunner(state: UnlockedState): BackupRunner {
  const [appVersion, setAppVersion] = useState('unknown');
  const [runner] = useState(() => new BackupRunner(sourceOf(state, 'unknown')));
  useEffect(() => {
    void invoke('app.info', undefined).then((info) => {
      if (info.ok) setAppVersion(info.value.version);
    });
    return runner.start();
  }, [runner]);
  useEffect(() => runner.setSource(sourceOf(state, appVersion)), [runner, state, appVersion]);
  return runner;
}

/** Main's word on the backups, kept fresh by the runner. */
export function useBackupStatus(runner: BackupRunner): BackupStatus | null {
  return useSyncExternalStore(runner.subscribe, () => runner.currentStatus);
}
