import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the bundled, sandboxed preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** `app.isPackaged`: devtools exist only in development builds. */
  readonly isPackaged: boolean;
}

/**
 * The one set of webPreferences every window uses (Electron security checklist items 2–4, 6,
 * 8–10; acceptance check E1). It is frozen so no module can weaken a window by mutating it.
 * `window.ts` is the only caller; a test reads every key from the real object.
 */
export function createWebPreferences(options: WebPreferencesOptions): Readonly<WebPreferences> {
  return Object.freeze({
    preload: options.preloadPath,
    // Page scripts and the preload live in separate JS worlds: page code cannot reach
    // the preload's `ipcRenderer` or tamper with its built-ins (prototype pollution).
    contextIsolation: true,
    // The renderer runs in Chromium's OS sandbox: a renderer exploit gets no file system.
    sandbox: true,
    // No Node.js in the page, its workers or its frames: an XSS must not become code execution.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on; no HTTP content inside our secure origin.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No experimental or extra Blink features: each is unreviewed attack surface.
    // (`enableBlinkFeatures` is deliberately absent.)
    experimentalFeatures: false,
    // No <webview>: it is a second browser with its own, separately configured preferences.
    webviewTag: false,
    // Spell-checking may send typed text (customer notes) to an OS or cloud service.
    spellcheck: false,
    // Devtools would let anyone at the salon's PC read the decrypted database in memory.
    devTools: !options.isPackaged,
    // Dropping a file on the window must not navigate to it (file:// escapes our origin).
    navigateOnDragDrop: false,
    // A page cannot lock the user in a loop of alert() dialogs.
    safeDialogs: true,
    // Removed or legacy storage and plugin surfaces we never use.
    enableWebSQL: false,
    plugins: false,
  } satisfies WebPreferences);
}
