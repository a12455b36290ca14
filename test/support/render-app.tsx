import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import { App } from '../../renderer/src/App';
import { SessionStore } from '../../renderer/src/features/session/session-store';
import { createI18n } from '../../renderer/src/i18n';
import { PBKDF2_DEFAULT } from '../../shared/crypto/key-slots';
import { RENDERER_API_KEY } from '../../shared/ipc/renderer-api';
import { freshDatabase } from './fresh-db';
import { createInProcessBridge } from './ipc-bridge';

export const OWNER_PASSPHRASE = 'korppi-lumi-omena-puhelin';

/**
 * Renders the real App against a real (fake-indexeddb) database and the real main-process
 * handlers behind the in-process bridge, exactly as the preload would expose them.
 */
export async function renderApp(options: { withVault?: boolean } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kirjuri-jsdom-'));
  // PBKDF2 (600,000, the accepted WebCrypto-native setting) keeps these UI tests quick; the
  // Argon2id default is exercised by the vault-service tests and the browser tests.
  const bridge = createInProcessBridge({ userDataDir, origin: window.location.origin, kdf: PBKDF2_DEFAULT });
  window[RENDERER_API_KEY] = bridge.api;
  const db = freshDatabase();
  let ownerId: string | null = null;
  if (options.withVault) {
    // Main owns the key slots: the vault is made by the real vault service, as setup would.
    const created = await bridge.services.vault.create({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASSPHRASE });
    ownerId = created.owner.id;
  }
  const store = new SessionStore(db);
  await store.init();
  const i18n = await createI18n('fi');
  const view = render(<App store={store} i18n={i18n} />);
  return { ...view, store, db, bridge, ownerId, i18n, userDataDir };
}
