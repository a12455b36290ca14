import type { EventSender } from './ipc/handle';
import type { Logger } from './logger';

/** The part of Electron's `powerMonitor` used here; an EventEmitter satisfies it in tests. */
export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export type OsLockReason = 'suspend' | 'screen-lock';

export interface LockEventTargets {
  /** Tells the renderer to lock (drop its key and decrypted data, show the sign-in screen). */
  readonly send: EventSender;
  /**
   * Ends main's own session (drops main's copy of the data key). Called first, and whatever the
   * renderer does: a hung or compromised renderer must not keep the register open.
   */
  readonly endSession: (reason: OsLockReason) => Promise<void>;
  readonly logger?: Logger;
}

/**
 * On OS suspend and screen lock, ends main's session and tells the renderer to lock
 * (`session.lockRequested`) (DESIGN §3: main owns lock on suspend / screen lock). Threat: a
 * laptop closed or a Windows+L at the reception desk leaves the decrypted register open to
 * whoever sits down next. Returns a function that stops listening.
 */
export function forwardLockEvents(powerMonitor: PowerMonitorLike, { send, endSession, logger }: LockEventTargets): () => void {
  const lock = (reason: OsLockReason): void => {
    // The session service drops the key synchronously inside this call; the journal entry follows.
    endSession(reason).catch((error: unknown) => {
      logger?.error('session.lock_failed', { code: reason, errorName: error instanceof Error ? error.name : 'unknown' });
    });
    send('session.lockRequested', { reason });
  };
  const onSuspend = (): void => lock('suspend');
  const onLockScreen = (): void => lock('screen-lock');
  powerMonitor.on('suspend', onSuspend);
  // 'lock-screen' is emitted on macOS and Windows only; Linux has suspend.
  powerMonitor.on('lock-screen', onLockScreen);
  return () => {
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('lock-screen', onLockScreen);
  };
}
