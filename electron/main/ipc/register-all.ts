import type { KdfSetting } from '../../../shared/crypto/key-slots';
import type { Logger } from '../logger';
import { createAttachmentFileService, type AttachmentFileService } from '../services/attachment-file-service';
import type { AtomicWriteFs } from '../services/atomic-write';
import { createBackupService, type BackupService } from '../services/backup-service';
import { createCsvFileService, type CsvFileService } from '../services/csv-file-service';
import { CANCELLING_DIALOGS, type Dialogs } from '../services/dialogs';
import { createFontService, type FontService } from '../services/font-service';
import { appendQuietly, createJournalService, type JournalService } from '../services/journal-service';
import { createPreferencesService, type PreferencesService } from '../services/preferences-service';
import { createSessionService, type SessionService } from '../services/session-service';
import { createVaultService, type VaultService } from '../services/vault-service';
import { createAppHandlers, type AppFacts } from './app-handlers';
import { createBackupHandlers, type BackupHandlers } from './backup-handlers';
import { createDocumentHandlers } from './document-handlers';
import { createExportHandlers } from './export-handlers';
import type { AccessAuthority, Handlers } from './handle';
import { createImportHandlers } from './import-handlers';
import { createJournalHandlers } from './journal-handlers';
import { createPreferencesHandlers } from './preferences-handlers';
import { createSessionHandlers } from './session-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createTransferHandlers } from './transfer-handlers';
import { createUsersHandlers } from './users-handlers';
import { createVaultHandlers } from './vault-handlers';

/** The plain services behind the handlers; built here so the app and test bridge share the wiring. */
export interface MainServices {
  readonly logger: Logger;
  /** Main's clock (`Date.now` unless a test injects one). */
  readonly now: () => number;
  readonly preferences: PreferencesService;
  readonly vault: VaultService;
  readonly journal: JournalService;
  readonly sessions: SessionService;
  readonly csvFiles: CsvFileService;
  readonly attachments: AttachmentFileService;
  /** DejaVu Sans for the PDFs main renders, read once on first use. */
  readonly fonts: FontService;
  readonly backups: BackupService;
  readonly dialogs: Dialogs;
  /** The backup channels and the closing-backup token index.ts needs (they share due tokens). */
  readonly backupChannels: BackupHandlers;
}

export interface MainServicesOptions {
  /** `app.getPath('userData')` in the app; a temp dir in tests. */
  readonly userDataDir: string;
  readonly logger: Logger;
  /** The clock of lockouts, journal entries and created-at times; `Date.now` unless a test injects one. */
  readonly now?: () => number;
  /**
   * The KDF of new key slots (Argon2id by default). Refused (RangeError) outside its floor…ceiling,
   * so no option can make slots weaker than the floors.
   */
  readonly kdf?: KdfSetting;
  /** Injected file system for the vault's atomic writes (crash-injection tests). */
  readonly vaultFs?: AtomicWriteFs;
  /**
   * The file dialogs (Electron's in the app, a double in tests). Without them every dialog is
   * "cancelled".
   */
  readonly dialogs?: Dialogs;
  /**
   * The folder of the bundled PDF fonts (`out/main/fonts` in the app, see font-service.ts);
   * the dejavu-fonts-ttf package's when omitted (tests, the in-process bridge).
   */
  readonly fontDir?: string;
}

/** Builds every main-process service from plain values (no Electron). Nothing touches the disk yet. */
export function createMainServices({ userDataDir, logger, now, kdf, vaultFs, dialogs = CANCELLING_DIALOGS, fontDir }: MainServicesOptions): MainServices {
  const vault = createVaultService(userDataDir, {
    logger,
    ...(now ? { now } : {}),
    ...(kdf ? { kdf } : {}),
    ...(vaultFs ? { fs: vaultFs } : {}),
  });
  const journal = createJournalService(userDataDir, { logger, ...(now ? { now } : {}) });
  const sessions = createSessionService({ vault, journal, logger });
  const backups = createBackupService(userDataDir, { logger, ...(now ? { now } : {}) });
  return {
    logger,
    now: now ?? Date.now,
    preferences: createPreferencesService(userDataDir, { logger }),
    vault,
    journal,
    sessions,
    csvFiles: createCsvFileService({ chooseFile: () => dialogs.choose('csvFile'), logger }),
    attachments: createAttachmentFileService({ chooseFile: () => dialogs.choose('attachmentFile'), logger }),
    fonts: createFontService({ logger, ...(fontDir === undefined ? {} : { fontDir }) }),
    backups,
    dialogs,
    backupChannels: createBackupHandlers({ backups, sessions, journal, dialogs, logger, ...(now ? { now } : {}) }),
  };
}

/**
 * Composes every domain's handlers into the full `Handlers` map. Adding a channel to the
 * contract without adding its handler here is a type error.
 */
export function createAllHandlers(facts: AppFacts, services: MainServices): Handlers {
  const { vault, sessions, journal, logger } = services;
  return {
    ...createAppHandlers(facts),
    ...createPreferencesHandlers(services.preferences),
    ...createVaultHandlers(vault, sessions),
    ...createSessionHandlers(sessions),
    ...createUsersHandlers(vault, sessions, journal, logger),
    ...createSettingsHandlers(vault, sessions, journal, logger),
    ...createJournalHandlers(journal, sessions),
    ...createImportHandlers(services.csvFiles, sessions),
    ...services.backupChannels.handlers,
    ...createExportHandlers({ sessions, journal, dialogs: services.dialogs, logger }),
    ...createDocumentHandlers({
      sessions,
      vault,
      journal,
      dialogs: services.dialogs,
      fonts: services.fonts,
      attachments: services.attachments,
      logger,
      now: services.now,
    }),
    ...createTransferHandlers({ sessions, backups: services.backups, vault: services.vault, journal, dialogs: services.dialogs, fonts: services.fonts, logger, now: services.now }),
  } satisfies Handlers;
}

/**
 * The dispatcher's view of main's session: the role from the session service, and refusals of a
 * signed-in user journaled as `access.denied` with the channel as detail.
 */
export function createAccessAuthority(services: MainServices): AccessAuthority {
  const { sessions, journal, logger } = services;
  return {
    currentRole: () => sessions.role(),
    recordDenied: (channel) =>
      appendQuietly(journal, { userId: sessions.active()?.user.id ?? null, action: 'access.denied', detail: channel }, logger),
  };
}
