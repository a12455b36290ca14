import type { BackupMessages } from './messages';

export const backupSv: BackupMessages = {
  backup: {
    title: 'Säkerhetskopior',
  },
};
