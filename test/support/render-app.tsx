import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import type { Register } from '../../renderer/src/db/register';
import { SessionStore } from '../../renderer/src/features/session/session-store';
import { sealBusiness } from '../../renderer/src/db/settings-repository';
import { createI18n } from '../../renderer/src/i18n';
import { BusinessSchema } from '../../shared/schemas/business';
import { PBKDF2_DEFAULT } from '../../shared/crypto/key-slots';
import { RENDERER_API_KEY } from '../../shared/ipc/renderer-api';
import { freshDatabase } from './fresh-db';
import { createInProcessBridge } from './ipc-bridge';

export const OWNER_PASSPHRASE = 'korppi-lumi-omena-puhelin';

/** The synthetic salon of the UI tests, as setup would seal it. */
export const TEST_BUSINESS = BusinessSchema.parse({
  name: 'Testisalonki',
  businessId: '1234567-1',
  street: 'Testikatu 5 B',
  postalCode: '00990',
  city: 'Helsinki',
  privacyEmail: 'tietosuoja@example.test',
  privacyPhone: '',
});

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

export type SignedInApp = Awaited<ReturnType<typeof renderApp>> & { user: UserEvent; register: Register };

/**
 * Renders the app with a vault, signs the owner in as a person would, waits for the owner's home
 * (the compliance dashboard) and, unless `start` says to stay there, opens the customer list.
 */
export async function ownerSignedIn({ start = 'customers', withBusiness = false }: { start?: 'customers' | 'dashboard'; withBusiness?: boolean } = {}): Promise<SignedInApp> {
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
  await user.keyboard('{Enter}');
  await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 30_000 });
  if (withBusiness) {
    // Setup seals the business details (this harness makes the vault directly): seal them, and
    // sign in again so that the session carries them, as after setup.
    await act(async () => {
      const first = app.store.getState();
      if (first.status !== 'unlocked') throw new Error('not unlocked');
      await app.db.pages.put(await sealBusiness(first.dataKey, TEST_BUSINESS));
      await app.store.lock('manual');
      const outcome = await app.store.unlock(app.ownerId!, OWNER_PASSPHRASE);
      if (outcome.kind !== 'ok') throw new Error(`sign-in failed: ${outcome.kind}`);
    });
    await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 30_000 });
  }
  if (start === 'customers') await openNav(user, 'Asiakkaat');
  const state = app.store.getState();
  if (state.status !== 'unlocked') throw new Error('not unlocked');
  return { ...app, user, register: state.register };
}

/** Opens a view from the main navigation and waits for its heading (the customer list's is its name). */
export async function openNav(user: UserEvent, name: string, heading: string = name): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name }));
  await screen.findByRole('heading', { name: heading, level: 1 }, { timeout: 30_000 });
}

/** After the owner's sign-in: waits for the owner's home (the compliance dashboard), then opens the customer list. */
export async function ownerHomeToCustomers(user: UserEvent, timeout = 30_000): Promise<void> {
  await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout });
  await openNav(user, 'Asiakkaat');
}
