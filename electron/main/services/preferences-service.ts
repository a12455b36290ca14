import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_PREFERENCES,
  PreferencesSchema,
  type Preferences,
} from '../../../shared/schemas/preferences';
import { HandlerError } from '../ipc/handler-error';
import { silentLogger, type Logger } from '../logger';
import { atomicWriteFile, type AtomicWriteFs } from './atomic-write';

export const PREFERENCES_FILE_NAME = 'preferences.json';

/** Device preferences kept by main (no personal data: readable before anyone signs in). */
export interface PreferencesService {
  /** The saved preferences, or the defaults when the file is missing or unreadable. Never throws. */
  get(): Promise<Preferences>;
  /** Validates and saves atomically with mode 0600; returns what was saved. */
  set(preferences: Preferences): Promise<Preferences>;
}

export interface PreferencesServiceOptions {
  readonly logger?: Logger;
  /** Injected file system for the write path (fault-injection tests). */
  readonly fs?: AtomicWriteFs;
}

/** Creates the preferences service storing `preferences.json` in `userDataDir`. */
export function createPreferencesService(
  userDataDir: string,
  options: PreferencesServiceOptions = {},
): PreferencesService {
  const logger = options.logger ?? silentLogger;
  const filePath = path.join(userDataDir, PREFERENCES_FILE_NAME);
  // Writes are chained so two quick `set` calls land in call order.
  let lastWrite: Promise<unknown> = Promise.resolve();

  return {
    async get() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code !== 'ENOENT') logger.warn('preferences.unreadable', { code: String(code) });
        return { ...DEFAULT_PREFERENCES };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        logger.warn('preferences.corrupt', { code: 'invalid_json' });
        return { ...DEFAULT_PREFERENCES };
      }
      // A hand-edited or older file that no longer matches the schema must not crash the start:
      // the sign-in screen needs a language before anything else works.
      const parsed = PreferencesSchema.safeParse(json);
      if (!parsed.success) {
        logger.warn('preferences.corrupt', { code: 'invalid_shape' });
        return { ...DEFAULT_PREFERENCES };
      }
      return parsed.data;
    },

    async set(preferences) {
      // Parsed again here: the service must be safe to call from anywhere, not only via IPC.
      const checked = PreferencesSchema.safeParse(preferences);
      if (!checked.success) throw new HandlerError('invalid_request', 'preferences do not match the schema');
      const valid = checked.data;
      const write = lastWrite.then(async () => {
        await mkdir(userDataDir, { recursive: true, mode: 0o700 });
        await atomicWriteFile(filePath, `${JSON.stringify(valid, null, 2)}\n`, {
          mode: 0o600,
          ...(options.fs ? { fs: options.fs } : {}),
        });
      });
      lastWrite = write.catch(() => undefined);
      await write;
      return valid;
    },
  };
}
