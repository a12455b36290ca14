import { z } from 'zod';

/** Backup settings, history and status as they cross IPC (issue 6). No secrets in any of them. */

/** `HH:MM`, 24-hour clock, local time. */
export const ClockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'time_invalid' });

export const BackupScheduleSchema = z.object({
  /** At least once a day while the register is open. */
  daily: z.boolean(),
  /** Also at this time of day (when the register is open then). */
  atTime: ClockTimeSchema.nullable(),
  /** When the app is closed. */
  onClose: z.boolean(),
  /** After this many changes since the last backup; null for never. */
  afterChanges: z.number().int().min(1).max(10_000).nullable(),
});
export type BackupSchedule = z.infer<typeof BackupScheduleSchema>;

export const RotationPolicySchema = z.object({
  daily: z.number().int().min(1).max(60),
  weekly: z.number().int().min(0).max(52),
  monthly: z.number().int().min(0).max(120),
});

export const DEFAULT_SCHEDULE: BackupSchedule = { daily: true, atTime: '18:00', onClose: true, afterChanges: 200 };

export const BackupSettingsSchema = z.object({
  /** The folder backups go to (a USB stick, a network folder); null until the owner chooses one. */
  folder: z.string().max(4096).nullable(),
  schedule: BackupScheduleSchema,
  rotation: RotationPolicySchema,
  /** Whether a backup passphrase is set (the passphrase itself never leaves main). */
  hasPassphrase: z.boolean(),
  /** When the current backup passphrase was set: backups made before it keep their old one. */
  passphraseSetAt: z.number().int().nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const BACKUP_KINDS = ['manual', 'scheduled', 'closing', 'changes', 'pre-restore'] as const;
export const BackupKindSchema = z.enum(BACKUP_KINDS);

export const BackupEntrySchema = z.object({
  fileName: z.string().max(255),
  folder: z.string().max(4096),
  createdAt: z.number().int(),
  size: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  verified: z.boolean(),
  kind: BackupKindSchema,
  /** Which backup passphrase opens it (when it was set). */
  passphraseSetAt: z.number().int().nullable(),
  /** Removed by rotation (the entry stays as history). */
  rotatedAway: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

export const BACKUP_WARNINGS = ['no_folder', 'no_passphrase', 'never', 'stale', 'folder_unreachable'] as const;
export const BackupStatusSchema = z.object({
  lastVerifiedAt: z.number().int().nullable(),
  /** The most pressing problem, or null when the newest verified backup is recent and the folder is there. */
  warning: z.enum(BACKUP_WARNINGS).nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** A backup is stale when the newest verified one is older than this. */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
