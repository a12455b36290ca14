import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_LANGUAGE } from '../../shared/schemas/preferences';
import { App } from './App';
import { KirjuriDatabase } from './db/database';
import { SessionStore } from './features/session/session-store';
import { createI18n } from './i18n';
import { fi } from './i18n/fi';
import { hasBridge, invoke } from './ipc/client';
import './styles.css';

/**
 * Start-up: ask main who we should be (origin, language), refuse to open a database at a wrong
 * origin (that database would be a new, empty one and the real register would look lost), then
 * render.
 */
async function start(root: HTMLElement): Promise<void> {
  const fatal = (message: string) => {
    root.replaceChildren(Object.assign(document.createElement('p'), { className: 'error-message', role: 'alert', textContent: message }));
  };
  if (!hasBridge()) return fatal(fi.app.noBridge);
  const info = await invoke('app.info', undefined);
  if (!info.ok) return fatal(fi.app.noBridge);
  if (location.origin !== info.value.expectedOrigin) return fatal(fi.app.wrongOrigin);
  const preferences = await invoke('preferences.get', undefined);
  const i18n = await createI18n(preferences.ok ? preferences.value.language : DEFAULT_LANGUAGE);
  const store = new SessionStore(new KirjuriDatabase());
  await store.init();
  createRoot(root).render(
    <StrictMode>
      <App store={store} i18n={i18n} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
