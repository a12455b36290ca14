import type { Logger } from '../logger';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import { toUser, type VaultService } from '../services/vault-service';
import type { Handlers } from './handle';

/**
 * Handlers of user management and the recovery key (owner only). The dispatcher has already
 * refused other roles; each handler asks the session service again, so the rule holds even for a
 * caller that bypasses the dispatcher. The actor always comes from main's session.
 */
export function createUsersHandlers(
  vault: VaultService,
  sessions: SessionService,
  journal: JournalService,
  logger: Logger,
): Pick<Handlers, 'users.list' | 'users.add' | 'users.setDisabled' | 'users.remove' | 'recovery.replace'> {
  return {
    'users.list': async () => {
      sessions.require('owner');
      return (await vault.listUsers()).map(toUser);
    },

    'users.add': async (input) => {
      const actor = sessions.require('owner');
      const user = await vault.addUser(actor, input);
      await appendQuietly(journal, { userId: actor.user.id, action: 'user.added', recordId: user.id }, logger);
      return toUser(user);
    },

    'users.setDisabled': async (input) => {
      const actor = sessions.require('owner');
      const { user, changed } = await vault.setDisabled(actor.user.id, input.userId, input.disabled);
      if (changed) {
        const action = input.disabled ? 'user.disabled' : 'user.enabled';
        await appendQuietly(journal, { userId: actor.user.id, action, recordId: user.id }, logger);
      }
      return toUser(user);
    },

    'users.remove': async (input) => {
      const actor = sessions.require('owner');
      await vault.removeUser(actor.user.id, input.userId);
      await appendQuietly(journal, { userId: actor.user.id, action: 'user.removed', recordId: input.userId }, logger);
      return {};
    },

    'recovery.replace': async () => {
      const actor = sessions.require('owner');
      const recoveryKey = await vault.replaceRecoveryKey(actor);
      await appendQuietly(journal, { userId: actor.user.id, action: 'recovery.replaced' }, logger);
      return { recoveryKey };
    },
  };
}
