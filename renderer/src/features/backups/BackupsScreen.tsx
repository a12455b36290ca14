import { useTranslation } from 'react-i18next';
import type { UnlockedState } from '../session/session-store';

/** Backups, restores and exports (issue 6). (Filled in next.) */
export function BackupsScreen({ state }: { state: UnlockedState }) {
  const { t } = useTranslation();
  return (
    <section className="admin-screen" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('backup.title')}</h1>
      <p className="placeholder">{state.register.customers.count}</p>
    </section>
  );
}
