import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createBundleHandler } from '../../electron/main/security/protocol';
import { APP_ORIGIN } from '../../shared/app-origin';
import { createInProcessBridge } from '../support/ipc-bridge';
import type { DialogKind } from '../../electron/main/services/dialogs';

/**
 * Runs the built renderer (out/renderer) in Debian's Chromium, the way Electron would:
 * - the files are served by the REAL `app://` protocol handler (CSP header included), adapted
 *   to http://127.0.0.1 because a plain Chromium cannot register our custom scheme;
 * - `window.kirjuri` is a test-only stand-in for the preload that forwards every call to the
 *   REAL main-process dispatcher and handlers running in this Node process;
 * - the profile is persistent and on disk, so IndexedDB survives a reload as it does in the app.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

/** Test-only preload equivalent: the same RendererApi shape, backed by Playwright bindings. */
const BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  const api = Object.freeze({
    invoke: (channel, input) => window.__kirjuriInvoke(channel, input),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  Object.defineProperty(window, 'kirjuri', { value: api });
  Object.defineProperty(window, '__kirjuriEmit', {
    value: (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload); },
  });
})();`;

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  origin: string;
  url: string;
  /** Console errors and CSP violations seen by the page: a clean run has none. */
  problems: string[];
  emit(event: string, payload: unknown): Promise<void>;
  /** What the import's file dialog picks next: a real path, or null for "cancelled". */
  setPickedFile(path: string | null): void;
  /** What main's dialog of `kind` (backup folder, backup file, save…) chooses next. */
  setDialogAnswer(kind: DialogKind, path: string | null): void;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const handler = createBundleHandler(RENDERER_DIR);
  const server: Server = createServer((req, res) => {
    // Map http://127.0.0.1:PORT/x to app://bundle/x and let the real handler answer.
    void handler({ method: req.method ?? 'GET', url: `${APP_ORIGIN}${req.url ?? '/'}` }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'kirjuri-e2e-'));
  const bridge = createInProcessBridge({ userDataDir: join(dataDir, 'main'), origin });
  const context = await chromium.launchPersistentContext(join(dataDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  await context.exposeBinding('__kirjuriInvoke', async ({ frame }, channel: unknown, payload: unknown) =>
    bridge.dispatch(String(channel), payload, frame.url(), frame.parentFrame() !== null),
  );
  await context.addInitScript(BRIDGE_SCRIPT);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    page,
    context,
    origin,
    url: `${origin}/index.html`,
    problems,
    setPickedFile: (path) => bridge.setPickedFile(path),
    setDialogAnswer: (kind, path) => bridge.setDialogAnswer(kind, path),
    emit: (event, payload) => page.evaluate(([e, p]) => (window as unknown as { __kirjuriEmit: (e: unknown, p: unknown) => void }).__kirjuriEmit(e, p), [event, payload] as const),
    async close() {
      await context.close();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
