import { createEventSender, createDispatcher, type EventSender, type InvokeEventLike } from '../../electron/main/ipc/handle';
import {
  createAccessAuthority,
  createAllHandlers,
  createMainServices,
  type MainServices,
} from '../../electron/main/ipc/register-all';
import type { KdfSetting } from '../../shared/crypto/key-slots';
import type { AtomicWriteFs } from '../../electron/main/services/atomic-write';
import type { DialogKind } from '../../electron/main/services/dialogs';
import { silentLogger, type Logger } from '../../electron/main/logger';
import { createRendererApi, type IpcListener, type IpcRendererLike } from '../../electron/preload/api';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { RendererApi } from '../../shared/ipc/renderer-api';
import type { Result } from '../../shared/ipc/result';

/**
 * A test-only stand-in for Electron IPC, for component tests (jsdom) and the e2e harness.
 *
 * Nothing is mocked except the transport: the REAL services (in `userDataDir`: preferences, the
 * vault with its key slots, main's session, the audit journal), the REAL handlers, the REAL
 * dispatcher (sender check, access check against main's session, schema parse, output parse), the
 * REAL preload API
 * and the REAL event sender. Messages are structured-cloned, as Electron does, so a payload that
 * could not cross real IPC (a function, a class instance) fails here too. It never imports
 * 'electron'.
 */
export interface InProcessBridgeOptions {
  /** Where main's files live (preferences, vault.json, journal.ndjson); use a fresh temp dir. */
  readonly userDataDir: string;
  /** The origin the dispatcher trusts and the default frame URL (APP_ORIGIN, or the e2e server's). */
  readonly origin: string;
  readonly version?: string;
  readonly platform?: string;
  readonly isPackaged?: boolean;
  readonly logger?: Logger;
  /** Clock of lockouts and journal entries (`Date.now` by default). */
  readonly now?: () => number;
  /** The KDF of new slots; refused below the floors, so tests pay a real cost. */
  readonly kdf?: KdfSetting;
  /** Injected file system for the vault's atomic writes (crash-injection tests). */
  readonly vaultFs?: AtomicWriteFs;
}

export interface InProcessBridge {
  /** What `window.kirjuri` is in the app: the real preload API over the in-process transport. */
  readonly api: RendererApi;
  /**
   * Sends a raw request as a given frame would; for tests of the rejection paths. `frameUrl`
   * defaults to `origin`; `isSubFrame` gives the frame a parent.
   */
  dispatch(channelName: string, payload: unknown, frameUrl?: string, isSubFrame?: boolean): Promise<Result<unknown>>;
  /** Pushes a main → renderer event through the real, validating event sender. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): boolean;
  /** The real services behind the handlers (vault, sessions, journal…), for assertions on their state. */
  readonly services: MainServices;
  /**
   * What the import's file dialog "chooses" from now on: a real path, which the real
   * csv-file-service then reads, or null for a cancelled dialog (the default).
   */
  setPickedFile(path: string | null): void;
  /** What the dialog of `kind` "chooses" from now on (a real path), or null for cancelled. */
  setDialogAnswer(kind: DialogKind, path: string | null): void;
}

/** Builds an in-process bridge around the real main-process handlers. */
export function createInProcessBridge(options: InProcessBridgeOptions): InProcessBridge {
  const logger = options.logger ?? silentLogger;
  // The file dialogs' test double: the paths a test set, as if the person had picked them.
  const answers = new Map<DialogKind, string | null>();
  const services = createMainServices({
    userDataDir: options.userDataDir,
    logger,
    dialogs: { choose: (kind) => Promise.resolve(answers.get(kind) ?? null) },
    ...(options.now ? { now: options.now } : {}),
    ...(options.kdf ? { kdf: options.kdf } : {}),
    ...(options.vaultFs ? { vaultFs: options.vaultFs } : {}),
  });
  const handlers = createAllHandlers(
    {
      version: options.version ?? '0.0.0-test',
      platform: options.platform ?? process.platform,
      isPackaged: options.isPackaged ?? false,
      expectedOrigin: options.origin,
    },
    services,
  );
  const dispatcher = createDispatcher(handlers, {
    expectedOrigin: options.origin,
    logger,
    authority: createAccessAuthority(services),
  });

  const frameEvent = (frameUrl: string, isSubFrame: boolean): InvokeEventLike => ({
    senderFrame: {
      url: frameUrl,
      parent: isSubFrame ? { url: options.origin, parent: null } : null,
    },
  });

  const dispatch: InProcessBridge['dispatch'] = async (channelName, payload, frameUrl, isSubFrame) =>
    structuredClone(
      await dispatcher(frameEvent(frameUrl ?? options.origin, isSubFrame ?? false), channelName, structuredClone(payload)),
    );

  // Main → renderer: listeners keyed by event name, called as ipcRenderer would (event first).
  const listeners = new Map<string, Set<IpcListener>>();
  const ipcRenderer: IpcRendererLike = {
    invoke: (channel, ...args) => dispatch(channel, args[0]),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<IpcListener>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const fakeIpcEvent = Object.freeze({ sender: 'ipcRenderer (never given to renderer code)' });
  const emitter: EventSender = createEventSender(
    {
      send(channel, ...args) {
        const cloned = structuredClone(args);
        for (const listener of [...(listeners.get(channel) ?? [])]) listener(fakeIpcEvent, ...cloned);
      },
      isDestroyed: () => false,
    },
    logger,
  );

  return {
    api: createRendererApi(ipcRenderer),
    dispatch,
    emit: (event, payload) => emitter(event, payload),
    services,
    setPickedFile: (path) => {
      answers.set('csvFile', path);
    },
    setDialogAnswer: (kind, path) => {
      answers.set(kind, path);
    },
  };
}
