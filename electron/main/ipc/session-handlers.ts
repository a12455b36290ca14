import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';

/** Handlers of the `session.*` channels: thin calls into main's session service. */
export function createSessionHandlers(
  sessions: SessionService,
): Pick<
  Handlers,
  'session.signIn' | 'session.recover' | 'session.current' | 'session.signOut' | 'session.changePassphrase'
> {
  return {
    'session.signIn': (input) => sessions.signIn(input.userId, input.passphrase),
    'session.recover': (input) => sessions.recover(input.recoveryKey),
    'session.current': () => sessions.info(),
    'session.signOut': async (input) => {
      await sessions.signOut(input.reason);
      return {};
    },
    'session.changePassphrase': (input) => sessions.changePassphrase(input),
  };
}
