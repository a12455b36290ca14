import type { BackupMessages } from './messages';

export const backupEn: BackupMessages = {
  backup: {
    title: 'Backups',
  },
};
