import { access, constants, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ROTATION, planRotation } from '../../../shared/backup/rotation';
import type { WebCryptoKey } from '../../../shared/crypto/key-slots';
import {
  BackupEntrySchema,
  BackupScheduleSchema,
  DEFAULT_SCHEDULE,
  RotationPolicySchema,
  STALE_AFTER_MS,
  type BackupEntry,
  type BackupSchedule,
  type BackupSettings,
  type BackupStatus,
} from '../../../shared/schemas/backup';
import { HandlerError } from '../ipc/handler-error';
import { silentLogger, type Logger } from '../logger';
import { atomicWriteFile, type AtomicWriteFs } from './atomic-write';
import { readBackup, removeOrphanedTempFiles, writeVerifiedBackup, type BackupKind } from './backup-files';

/**
 * Backups as main keeps them (issue 6): where they go, when, with which passphrase, and what was
 * made. Two files in the app's data folder, both 0600 and written atomically:
 *
 * - `backup-settings.json`: folder, schedule, rotation, and the **backup passphrase sealed with
 *   the register's data key** (AES-GCM). Main needs the passphrase for scheduled backups, but it
 *   is only usable while someone is signed in, and a copied settings file without the register
 *   key reveals nothing. It never crosses IPC back to the renderer.
 * - `backup-history.json`: every backup made — time, size, counts (no personal data), verified,
 *   folder — so the history screen and rotation know what is ours.
 */
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
export const BACKUP_HISTORY_FILE = 'backup-history.json';
const PASSPHRASE_AAD = new TextEncoder().encode('kirjuri:backup-passphrase:v1');

const SealedSchema = z.object({ iv: z.string().max(64), ct: z.string().max(4096), setAt: z.number().int() });
const StoredSettingsSchema = z.object({
  folder: z.string().max(4096).nullable(),
  schedule: BackupScheduleSchema,
  rotation: RotationPolicySchema,
  passphrase: SealedSchema.nullable(),
});
type StoredSettings = z.infer<typeof StoredSettingsSchema>;
const HistorySchema = z.array(BackupEntrySchema);

const DEFAULT_SETTINGS: StoredSettings = { folder: null, schedule: DEFAULT_SCHEDULE, rotation: DEFAULT_ROTATION, passphrase: null };

export interface BackupServiceOptions {
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly fs?: AtomicWriteFs;
}

export interface BackupService {
  settings(): Promise<BackupSettings>;
  /** Changes folder, schedule or rotation (the passphrase has its own call). */
  updateSettings(patch: { folder?: string | null; schedule?: BackupSchedule; rotation?: BackupSettings['rotation'] }): Promise<BackupSettings>;
  /** Seals a new backup passphrase with the data key; backups made before keep their old one. */
  setPassphrase(dataKey: WebCryptoKey, passphrase: string): Promise<BackupSettings>;
  /** Writes a verified backup of `text` (a backup document) into the folder; records it; rotates. */
  create(dataKey: WebCryptoKey, text: string, kind: BackupKind): Promise<BackupEntry>;
  history(): Promise<BackupEntry[]>;
  status(): Promise<BackupStatus>;
  /** Which kind of backup is due now, if any: `changes` is the renderer's count since the last one. */
  due(changes: number): Promise<BackupKind | null>;
  /** Removes temp files an interrupted write left in the backup folder (at start). */
  cleanUp(): Promise<number>;
  /** Reads and checks a backup file with the passphrase the user typed (restore, preview). */
  read(filePath: string, passphrase: string): ReturnType<typeof readBackup>;
  /**
   * Whether `candidate` is the backup passphrase now set (false when none is set or it does not
   * open with `dataKey`). The successor transfer refuses it: whoever receives a package must not
   * be able to open the salon's own backups with its passphrase.
   */
  isBackupPassphrase(dataKey: WebCryptoKey, candidate: string): Promise<boolean>;
}

/** How long the backup made before a restore is kept outside rotation. */
export const PRE_RESTORE_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
};

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (text: string): Uint8Array<ArrayBuffer> => {
  const decoded = Buffer.from(text, 'base64');
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return bytes;
};

export function createBackupService(userDataDir: string, options: BackupServiceOptions = {}): BackupService {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const settingsPath = path.join(userDataDir, BACKUP_SETTINGS_FILE);
  const historyPath = path.join(userDataDir, BACKUP_HISTORY_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const readJson = async <T>(file: string, schema: z.ZodType<T>, fallback: T): Promise<T> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return fallback;
      throw new HandlerError('io_failed', 'backup file of main unreadable', { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HandlerError('io_failed', 'backup file of main is not JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HandlerError('io_failed', 'backup file of main invalid');
    return parsed.data;
  };
  const writeJson = async (file: string, value: unknown): Promise<void> => {
    await mkdir(userDataDir, { recursive: true, mode: 0o700 });
    await atomicWriteFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, ...(options.fs ? { fs: options.fs } : {}) });
  };
  const loadSettings = () => readJson(settingsPath, StoredSettingsSchema, DEFAULT_SETTINGS);
  const loadHistory = () => readJson(historyPath, HistorySchema, []);

  const publicSettings = (stored: StoredSettings): BackupSettings => ({
    folder: stored.folder,
    schedule: stored.schedule,
    rotation: stored.rotation,
    hasPassphrase: stored.passphrase !== null,
    passphraseSetAt: stored.passphrase?.setAt ?? null,
  });

  const unsealPassphrase = async (dataKey: WebCryptoKey, sealed: z.infer<typeof SealedSchema>): Promise<string> => {
    try {
      const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv), additionalData: PASSPHRASE_AAD }, dataKey, unb64(sealed.ct));
      return new TextDecoder().decode(plain);
    } catch {
      // Another register's key, or a tampered file: no backup can be made until it is set again.
      throw new HandlerError('conflict', 'backup passphrase does not open with this register');
    }
  };

  const newestVerified = (history: readonly BackupEntry[]): BackupEntry | null =>
    history.filter((entry) => entry.verified && !entry.rotatedAway).reduce<BackupEntry | null>((best, entry) => (best === null || entry.createdAt > best.createdAt ? entry : best), null);

  const folderReachable = async (folder: string): Promise<boolean> => {
    try {
      await access(folder, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };

  return {
    settings: () => exclusive(async () => publicSettings(await loadSettings())),

    updateSettings: (patch) =>
      exclusive(async () => {
        const current = await loadSettings();
        const next: StoredSettings = {
          ...current,
          ...(patch.folder !== undefined ? { folder: patch.folder === null ? null : path.resolve(patch.folder) } : {}),
          ...(patch.schedule ? { schedule: BackupScheduleSchema.parse(patch.schedule) } : {}),
          ...(patch.rotation ? { rotation: RotationPolicySchema.parse(patch.rotation) } : {}),
        };
        await writeJson(settingsPath, StoredSettingsSchema.parse(next));
        return publicSettings(next);
      }),

    setPassphrase: (dataKey, passphrase) =>
      exclusive(async () => {
        const current = await loadSettings();
        const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
        const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: PASSPHRASE_AAD }, dataKey, new TextEncoder().encode(passphrase));
        const next: StoredSettings = { ...current, passphrase: { iv: b64(iv), ct: b64(new Uint8Array(ct)), setAt: now() } };
        await writeJson(settingsPath, next);
        return publicSettings(next);
      }),

    create: (dataKey, text, kind) =>
      exclusive(async () => {
        const settings = await loadSettings();
        if (settings.folder === null) throw new HandlerError('conflict', 'no backup folder chosen');
        if (settings.passphrase === null) throw new HandlerError('conflict', 'no backup passphrase set');
        if (!(await folderReachable(settings.folder))) throw new HandlerError('io_failed', 'backup folder unreachable');
        const passphrase = await unsealPassphrase(dataKey, settings.passphrase);
        const written = await writeVerifiedBackup(settings.folder, text, passphrase, { kind, now: now(), ...(options.fs ? { fs: options.fs } : {}) });
        const entry: BackupEntry = {
          fileName: written.fileName,
          folder: settings.folder,
          createdAt: written.createdAt,
          size: written.size,
          counts: written.counts,
          verified: true,
          kind,
          passphraseSetAt: settings.passphrase.setAt,
          rotatedAway: false,
        };
        const history = [...(await loadHistory()), entry];
        // Rotation looks only at our own, still existing backups in this folder.
        const candidates = history.filter((item) => item.folder === settings.folder && !item.rotatedAway);
        const { remove } = planRotation(
          candidates.map((item) => ({
            name: item.fileName,
            createdAt: item.createdAt,
            verified: item.verified,
            // A restore can be undone from its pre-restore backup for a month, however many backups follow.
            pinned: item.kind === 'pre-restore' && now() - item.createdAt < PRE_RESTORE_KEPT_MS,
          })),
          settings.rotation,
        );
        const removed = new Set<string>();
        for (const name of remove) {
          try {
            await unlink(path.join(settings.folder, name));
            removed.add(name);
          } catch (error) {
            if (errorCode(error) === 'ENOENT') removed.add(name);
            else logger.warn('backup.rotation_failed', { code: errorCode(error) });
          }
        }
        await writeJson(
          historyPath,
          history.map((item) => (item.folder === settings.folder && removed.has(item.fileName) ? { ...item, rotatedAway: true } : item)),
        );
        return entry;
      }),

    history: () => exclusive(async () => [...(await loadHistory())].sort((a, b) => b.createdAt - a.createdAt)),

    status: () =>
      exclusive(async (): Promise<BackupStatus> => {
        const settings = await loadSettings();
        const last = newestVerified(await loadHistory());
        const lastVerifiedAt = last?.createdAt ?? null;
        if (settings.folder === null) return { lastVerifiedAt, warning: 'no_folder' };
        if (settings.passphrase === null) return { lastVerifiedAt, warning: 'no_passphrase' };
        if (!(await folderReachable(settings.folder))) return { lastVerifiedAt, warning: 'folder_unreachable' };
        if (lastVerifiedAt === null) return { lastVerifiedAt, warning: 'never' };
        return { lastVerifiedAt, warning: now() - lastVerifiedAt > STALE_AFTER_MS ? 'stale' : null };
      }),

    due: (changes) =>
      exclusive(async (): Promise<BackupKind | null> => {
        const settings = await loadSettings();
        if (settings.folder === null || settings.passphrase === null) return null;
        const last = newestVerified(await loadHistory())?.createdAt ?? null;
        const at = now();
        const { schedule } = settings;
        if (schedule.afterChanges !== null && changes >= schedule.afterChanges) return 'changes';
        if (schedule.atTime !== null) {
          const [hours, minutes] = schedule.atTime.split(':').map(Number);
          const today = new Date(at);
          const slot = new Date(today.getFullYear(), today.getMonth(), today.getDate(), hours, minutes).getTime();
          if (at >= slot && (last === null || last < slot)) return 'scheduled';
        }
        if (schedule.daily && (last === null || at - last >= 24 * 60 * 60 * 1000)) return 'scheduled';
        return null;
      }),

    cleanUp: () =>
      exclusive(async () => {
        const settings = await loadSettings();
        return settings.folder === null ? 0 : removeOrphanedTempFiles(settings.folder);
      }),

    read: (filePath, passphrase) => readBackup(filePath, passphrase),

    isBackupPassphrase: async (dataKey, candidate) => {
      const { passphrase } = await loadSettings();
      if (passphrase === null) return false;
      try {
        return (await unsealPassphrase(dataKey, passphrase)) === candidate;
      } catch {
        return false;
      }
    },
  };
}
