import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import { formatDateTime } from '../../i18n/format';

/** The most pressing backup problem, in words the owner can act on (null when all is well). */
export function backupStatusText(status: BackupStatus, t: TFunction, language: string): string {
  const at = status.lastVerifiedAt === null ? '' : formatDateTime(status.lastVerifiedAt, language);
  if (status.warning === null) return t('backup.status.ok', { at });
  if (status.warning === 'stale' && status.lastVerifiedAt === null) return t('backup.status.stale_never');
  return t(`backup.status.${status.warning}`, { at });
}

/**
 * Shown to the owner above every screen while backups are missing, stale or cannot be written,
 * with a way straight to the backups screen. (The front desk is not asked to fix backups.)
 */
export function BackupStatusBanner({ status, onOpen }: { status: BackupStatus | null; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  if (status === null || status.warning === null) return null;
  return (
    <div className="backup-banner" role="status">
      <p>{backupStatusText(status, t, i18n.language)}</p>
      <Button className="button" onPress={onOpen}>
        {t('backup.status.open')}
      </Button>
    </div>
  );
}
