import type { JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';

/**
 * Handlers of the audit journal. The renderer may only report what it did with a customer
 * (`journal.record`); who did it comes from main's session, never from the request. Reading and
 * verifying the journal is the owner's.
 */
export function createJournalHandlers(
  journal: JournalService,
  sessions: SessionService,
): Pick<Handlers, 'journal.record' | 'journal.list' | 'journal.verify'> {
  return {
    // Not quiet: the renderer asked for exactly this entry, so a failure is its answer.
    'journal.record': async (input) => {
      const actor = sessions.require();
      await journal.append({ userId: actor.user.id, action: input.action, recordId: input.recordId });
      return {};
    },

    'journal.list': (input) => {
      sessions.require('owner');
      return journal.list(input);
    },

    'journal.verify': () => {
      sessions.require('owner');
      return journal.verify();
    },
  };
}
