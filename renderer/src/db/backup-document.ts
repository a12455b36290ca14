import { buildBackupText, type BackupDocument } from '../../../shared/backup/format';
import type { Business } from '../../../shared/schemas/business';
import type { RegisterSettings } from '../../../shared/schemas/users';
import type { Register } from './register';

/**
 * The backup document of the open register, as the text main encrypts (docs/backup-format.md).
 *
 * The renderer builds it because only the renderer holds the decrypted records; main encrypts,
 * writes, re-reads and checks it against its manifest, so a document that does not check out is
 * never reported as a good backup.
 */
export interface BackupSource {
  readonly register: Register;
  readonly business: Business | null;
  readonly settings: RegisterSettings;
  readonly appVersion: string;
}

export async function buildRegisterBackup(source: BackupSource, now = new Date()): Promise<{ document: BackupDocument; text: string }> {
  const tables = await source.register.snapshot();
  return buildBackupText({
    appVersion: source.appVersion,
    createdAt: now,
    // The business details travel with the data (a restored register on a new computer names its
    // controller); main's own files (key slots, users, journal) never do.
    settings: { business: source.business, register: source.settings },
    tables,
  });
}

/** What a preview shows of a backup's newest changes: kind, when, and whom it concerns. */
export interface RecentChange {
  readonly kind: 'customer' | 'appointment';
  readonly at: number;
  readonly customerId: string;
}

/** The `limit` most recently changed customers and appointments of a backup, newest first. */
export function newestChanges(document: Pick<BackupDocument, 'tables'>, limit = 5): RecentChange[] {
  const changes: RecentChange[] = [
    ...document.tables.customers.map((c) => ({ kind: 'customer' as const, at: c.updatedAt, customerId: c.id })),
    ...document.tables.appointments.map((a) => ({ kind: 'appointment' as const, at: a.updatedAt, customerId: a.customerId })),
  ];
  return changes.sort((a, b) => b.at - a.at).slice(0, limit);
}
