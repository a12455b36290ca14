import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, powerMonitor, protocol, session, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from '../../shared/app-origin';
import { createEventSender, registerHandlers } from './ipc/handle';
import { createAccessAuthority, createAllHandlers, createMainServices } from './ipc/register-all';
import type { DialogKind, Dialogs } from './services/dialogs';
import { forwardLockEvents } from './lock-events';
import { createLogger } from './logger';
import { installNavigationGuards } from './security/navigation';
import { denyAllPermissions } from './security/permissions';
import { createBundleHandler, registerAppScheme } from './security/protocol';
import { createMainWindow } from './window';

/**
 * Composition root of the main process: process hardening, the app:// protocol, IPC and the
 * window. No business logic lives here; each piece is a tested module.
 */

// Files we create are readable by this user only (acceptance check E8), as Signal does.
process.umask(0o077);

const logger = createLogger();
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// DejaVu Sans for PDFs, copied here by the build (electron.vite.config.ts, `bundleFonts`).
const fontDir = fileURLToPath(new URL('./fonts', import.meta.url));

// Both must happen before `ready`: every renderer sandboxed (E1), app:// privileged (E2, E3).
app.enableSandbox();
registerAppScheme(protocol);

/** How long closing waits for the closing backup before it closes anyway. */
const CLOSING_BACKUP_WAIT_MS = 60_000;

const OPEN_DIALOGS: Record<Exclude<DialogKind, 'saveFile'>, OpenDialogOptions> = {
  csvFile: { properties: ['openFile'], filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: '*', extensions: ['*'] }] },
  backupFile: { properties: ['openFile'], filters: [{ name: 'Kirjuri / age', extensions: ['age'] }, { name: '*', extensions: ['*'] }] },
  backupFolder: { properties: ['openDirectory', 'createDirectory'] },
  exportFolder: { properties: ['openDirectory', 'createDirectory'] },
  // A request's written copy. No "all files" choice: main refuses any other type anyway.
  attachmentFile: { properties: ['openFile'], filters: [{ name: 'PDF, PNG, JPEG', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }] },
};

/** A save dialog offers the suggested name's type, so a name typed without one still gets it (Windows). */
function saveFilters(suggestedName: string | undefined): SaveDialogOptions['filters'] {
  const extension = suggestedName ? path.extname(suggestedName).slice(1).toLowerCase() : '';
  return extension === '' ? undefined : [{ name: extension.toUpperCase(), extensions: [extension] }];
}

/**
 * Electron's file dialogs, modal to the window when there is one. Main's services check whatever
 * is chosen (csv-file-service, backup-files); the renderer never sees more than a base name.
 */
function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async choose(kind, suggestedName) {
      const parent = window();
      const modal = parent !== null && !parent.isDestroyed() ? parent : null;
      if (kind === 'saveFile') {
        const filters = saveFilters(suggestedName);
        const options: SaveDialogOptions = { ...(suggestedName ? { defaultPath: suggestedName } : {}), ...(filters ? { filters } : {}) };
        const saved = modal ? await dialog.showSaveDialog(modal, options) : await dialog.showSaveDialog(options);
        return saved.canceled || !saved.filePath ? null : saved.filePath;
      }
      const options = OPEN_DIALOGS[kind];
      const opened = modal ? await dialog.showOpenDialog(modal, options) : await dialog.showOpenDialog(options);
      return opened.canceled ? null : (opened.filePaths[0] ?? null);
    },
  };
}

// One process only (E9): two would write the same IndexedDB and backup files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, whatever creates it, gets the navigation and window guards (E5).
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, { expectedOrigin: APP_ORIGIN, logger });
  });

  // Every session denies every permission (E6).
  app.on('session-created', (created) => {
    denyAllPermissions(created, logger);
  });

  app.on('window-all-closed', () => {
    app.quit();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession, logger);
      protocol.handle(APP_SCHEME, createBundleHandler(rendererDir));

      const services = createMainServices({
        userDataDir: app.getPath('userData'),
        logger,
        dialogs: electronDialogs(() => mainWindow),
        fontDir,
      });
      // A backup write cut off by a crash left a temp file; it is never a backup. Removed now.
      void services.backups.cleanUp().catch(() => undefined);
      const facts = {
        version: app.getVersion(),
        platform: process.platform,
        isPackaged: app.isPackaged,
        expectedOrigin: APP_ORIGIN,
      };
      registerHandlers(ipcMain, createAllHandlers(facts, services), {
        expectedOrigin: APP_ORIGIN,
        logger,
        authority: createAccessAuthority(services),
      });

      // No default menu (its View menu offers reload and devtools). macOS keeps it: without an
      // Edit menu, Cmd+C / Cmd+V stop working in text fields there.
      if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
      mainWindow = createMainWindow({
        preloadPath,
        isPackaged: app.isPackaged,
        entryUrl: APP_ENTRY_URL,
        logger,
      });
      const stopLockEvents = forwardLockEvents(powerMonitor, {
        send: createEventSender(mainWindow.webContents, logger),
        endSession: (reason) => services.sessions.signOut(reason),
        logger,
      });
      // A renderer that crashed or was killed took its key with it; main's copy goes too, so a
      // reloaded page starts at the sign-in screen with nobody signed in.
      mainWindow.webContents.on('render-process-gone', () => {
        void services.sessions.signOut('renderer_gone');
      });
      // Closing with someone signed in: the renderer makes the closing backup first (its data),
      // main writes it; after a minute the window closes anyway rather than hang.
      let isClosingBackupDone = false;
      mainWindow.on('close', (event) => {
        if (isClosingBackupDone) return;
        event.preventDefault();
        const window = mainWindow;
        void (async () => {
          const token = await services.backupChannels.closingToken().catch(() => null);
          if (token !== null && window !== null) {
            createEventSender(window.webContents, logger)('backups.closing', { token });
            await services.backupChannels.settled(token, CLOSING_BACKUP_WAIT_MS);
          }
          isClosingBackupDone = true;
          window?.close();
        })();
      });
      mainWindow.on('closed', () => {
        stopLockEvents();
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      logger.error('app.start_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
      app.exit(1);
    });
}
