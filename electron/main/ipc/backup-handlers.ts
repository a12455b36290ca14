import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BackupOpenProblem, ChannelOutput } from '../../../shared/ipc/contract';
import type { Logger } from '../logger';
import { BackupFileError, type BackupKind } from '../services/backup-files';
import type { BackupService } from '../services/backup-service';
import type { Dialogs } from '../services/dialogs';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';
import { HandlerError } from './handler-error';

/**
 * Handlers of backups (issue 6). Making, restoring and configuring backups is the owner's; a
 * scheduled backup is main's decision, and any signed-in session may supply its data through a
 * single-use token (`backups.due` → `backups.runDue`), so the front-desk computer is backed up
 * while a receptionist works, yet a receptionist cannot make a backup at will.
 *
 * Paths never come from the renderer: folders and files are chosen in main's dialogs, and a
 * chosen backup file stays in main behind a token.
 */
const TOKEN_TTL_MS = 10 * 60 * 1000;
const RESTORE_TOKEN_TTL_MS = 30 * 60 * 1000;

type BackupChannel =
  | 'backups.settings'
  | 'backups.chooseFolder'
  | 'backups.setSettings'
  | 'backups.setPassphrase'
  | 'backups.create'
  | 'backups.history'
  | 'backups.status'
  | 'backups.due'
  | 'backups.runDue'
  | 'backups.chooseForRestore'
  | 'backups.chooseFromHistory'
  | 'backups.open'
  | 'backups.restored';

export interface BackupHandlersOptions {
  readonly backups: BackupService;
  readonly sessions: SessionService;
  readonly journal: JournalService;
  readonly dialogs: Dialogs;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface BackupHandlers {
  readonly handlers: Pick<Handlers, BackupChannel>;
  /**
   * A token for a closing backup, when one should be made (someone signed in, closing backups on,
   * a folder and a passphrase set); null otherwise. index.ts sends it with `backups.closing`.
   */
  closingToken(): Promise<string | null>;
  /** Resolves true when the backup of `token` has been written (or failed), false after `ms`. */
  settled(token: string, ms: number): Promise<boolean>;
}

function problemOf(error: BackupFileError): BackupOpenProblem {
  const { problem } = error;
  if (problem.kind === 'unreadable' || problem.kind === 'too_large') return problem.kind;
  if (problem.kind === 'age') return problem.problem;
  return problem.problem.kind;
}

export function createBackupHandlers({ backups, sessions, journal, dialogs, logger, now = Date.now }: BackupHandlersOptions): BackupHandlers {
  const dueTokens = new Map<string, { kind: BackupKind; vaultId: string; expires: number }>();
  const waiting = new Map<string, () => void>();
  const restoreTokens = new Map<string, { filePath: string; vaultId: string; expires: number }>();
  const record = (userId: string, action: 'backup.created' | 'backup.restored' | 'settings.changed', detail: string) =>
    appendQuietly(journal, { userId, action, detail }, logger);

  const issue = (kind: BackupKind, vaultId: string): string => {
    for (const [token, entry] of dueTokens) if (entry.expires <= now()) dueTokens.delete(token);
    const token = randomUUID();
    dueTokens.set(token, { kind, vaultId, expires: now() + TOKEN_TTL_MS });
    return token;
  };

  /** A document the renderer sent that does not check out is its mistake: `invalid_request`. */
  const create = async (dataKey: Parameters<BackupService['create']>[0], document: string, kind: BackupKind) => {
    try {
      return await backups.create(dataKey, document, kind);
    } catch (error) {
      if (error instanceof BackupFileError && error.problem.kind === 'document') throw new HandlerError('invalid_request', 'backup document does not check');
      throw error;
    }
  };

  const handlers: Pick<Handlers, BackupChannel> = {
    'backups.settings': () => {
      sessions.require('owner');
      return backups.settings();
    },

    'backups.chooseFolder': async (): Promise<ChannelOutput<'backups.chooseFolder'>> => {
      const actor = sessions.require('owner');
      const folder = await dialogs.choose('backupFolder');
      if (folder === null) return { status: 'cancelled' };
      const settings = await backups.updateSettings({ folder: path.resolve(folder) });
      await record(actor.user.id, 'settings.changed', 'backupFolder');
      return { status: 'ok', settings };
    },

    'backups.setSettings': async (input) => {
      const actor = sessions.require('owner');
      const settings = await backups.updateSettings({
        ...(input.schedule ? { schedule: input.schedule } : {}),
        ...(input.rotation ? { rotation: input.rotation } : {}),
      });
      if (input.schedule) await record(actor.user.id, 'settings.changed', 'backupSchedule');
      if (input.rotation) await record(actor.user.id, 'settings.changed', 'backupRotation');
      return settings;
    },

    'backups.setPassphrase': async (input) => {
      const actor = sessions.require('owner');
      const settings = await backups.setPassphrase(actor.dataKey, input.passphrase);
      await record(actor.user.id, 'settings.changed', 'backupPassphrase');
      return settings;
    },

    'backups.create': async (input) => {
      const actor = sessions.require('owner');
      const entry = await create(actor.dataKey, input.document, input.kind);
      await record(actor.user.id, 'backup.created', input.kind);
      return entry;
    },

    'backups.history': () => {
      sessions.require('owner');
      return backups.history();
    },

    'backups.status': () => {
      sessions.require();
      return backups.status();
    },

    'backups.due': async (input) => {
      const actor = sessions.require();
      const kind = await backups.due(input.changes);
      if (kind === null || (kind !== 'scheduled' && kind !== 'changes')) return { due: null, token: null };
      return { due: kind, token: issue(kind, actor.vaultId) };
    },

    'backups.runDue': async (input) => {
      const actor = sessions.require();
      const entry = dueTokens.get(input.token);
      // Single use, short-lived, and only for the register it was issued for.
      dueTokens.delete(input.token);
      if (entry === undefined || entry.expires <= now() || entry.vaultId !== actor.vaultId) throw new HandlerError('forbidden', 'no such backup due');
      try {
        const written = await create(actor.dataKey, input.document, entry.kind);
        await record(actor.user.id, 'backup.created', entry.kind);
        return written;
      } finally {
        waiting.get(input.token)?.();
      }
    },

    'backups.chooseForRestore': async (): Promise<ChannelOutput<'backups.chooseForRestore'>> => {
      const actor = sessions.require('owner');
      const filePath = await dialogs.choose('backupFile');
      if (filePath === null) return { status: 'cancelled' };
      const token = randomUUID();
      restoreTokens.set(token, { filePath, vaultId: actor.vaultId, expires: now() + RESTORE_TOKEN_TTL_MS });
      return { status: 'ok', token, fileName: path.basename(filePath) };
    },

    'backups.chooseFromHistory': async (input): Promise<ChannelOutput<'backups.chooseFromHistory'>> => {
      const actor = sessions.require('owner');
      // Only a file the history names, in the folder it was written to: the name is matched, never joined as given.
      const entry = (await backups.history()).find((e) => e.fileName === input.fileName && !e.rotatedAway);
      if (entry === undefined) return { status: 'not_found' };
      const token = randomUUID();
      restoreTokens.set(token, { filePath: path.join(entry.folder, entry.fileName), vaultId: actor.vaultId, expires: now() + RESTORE_TOKEN_TTL_MS });
      return { status: 'ok', token, fileName: entry.fileName };
    },

    'backups.open': async (input): Promise<ChannelOutput<'backups.open'>> => {
      const actor = sessions.require('owner');
      const chosen = restoreTokens.get(input.token);
      if (chosen === undefined || chosen.expires <= now() || chosen.vaultId !== actor.vaultId) return { status: 'failed', problem: 'expired' };
      try {
        const { text, size } = await backups.read(chosen.filePath, input.passphrase);
        restoreTokens.delete(input.token);
        return { status: 'ok', document: text, size };
      } catch (error) {
        if (error instanceof BackupFileError) return { status: 'failed', problem: problemOf(error) };
        throw error;
      }
    },

    'backups.restored': async (input) => {
      const actor = sessions.require('owner');
      await record(actor.user.id, 'backup.restored', `customers:${input.customers}:skipped:${input.skippedErased}`);
      return {};
    },
  };

  return {
    handlers,
    async closingToken() {
      const active = sessions.active();
      if (active === null) return null;
      const settings = await backups.settings();
      if (!settings.schedule.onClose || settings.folder === null || !settings.hasPassphrase) return null;
      return issue('closing', active.vaultId);
    },
    settled(token, ms) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(token);
          resolve(false);
        }, ms);
        waiting.set(token, () => {
          clearTimeout(timer);
          waiting.delete(token);
          resolve(true);
        });
      });
    },
  };
}
