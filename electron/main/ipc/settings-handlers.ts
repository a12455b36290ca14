import type { Logger } from '../logger';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { VaultService } from '../services/vault-service';
import type { Handlers } from './handle';

/** Handlers of the register's settings kept by main (auto-lock, health notes): any session reads, the owner writes. */
export function createSettingsHandlers(
  vault: VaultService,
  sessions: SessionService,
  journal: JournalService,
  logger: Logger,
): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': async () => {
      sessions.require();
      return vault.settings();
    },

    'settings.set': async (input) => {
      const actor = sessions.require('owner');
      const { settings, changed } = await vault.updateSettings(input);
      for (const setting of changed) {
        await appendQuietly(journal, { userId: actor.user.id, action: 'settings.changed', detail: setting }, logger);
      }
      return settings;
    },
  };
}
