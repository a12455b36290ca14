import { BrowserWindow } from 'electron';
import type { Logger } from './logger';
import { createWebPreferences } from './security/web-preferences';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly isPackaged: boolean;
  /** Always APP_ENTRY_URL: the UI is never loaded from file:// or a remote host. */
  readonly entryUrl: string;
  readonly logger: Logger;
}

/**
 * Creates the app's window. This is the only `new BrowserWindow` in the code base (acceptance
 * check E1, enforced by a test), so every window gets the frozen hardened webPreferences.
 */
export function createMainWindow({ preloadPath, isPackaged, entryUrl, logger }: MainWindowOptions): BrowserWindow {
  const webPreferences = createWebPreferences({ preloadPath, isPackaged });
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Kirjuri',
    // Electron receives a copy; the frozen original means no module of ours can weaken it.
    webPreferences: { ...webPreferences },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(entryUrl).catch((error: unknown) => {
    logger.error('window.load_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
  });
  return window;
}
