import type { SessionService } from '../services/session-service';
import type { VaultService } from '../services/vault-service';
import type { Handlers } from './handle';

/** Handlers of the `vault.*` channels (both public: the first screen needs them). */
export function createVaultHandlers(
  vault: VaultService,
  sessions: SessionService,
): Pick<Handlers, 'vault.status' | 'vault.create'> {
  return {
    // A damaged vault file is `io_failed` here, never `exists: false`: setup over it would
    // write a new data key and orphan every record.
    'vault.status': () => vault.status(),
    'vault.create': (input) => sessions.createVault(input),
  };
}
