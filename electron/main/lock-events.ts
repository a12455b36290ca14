import type { EventSender } from './ipc/handle';

/** The part of Electron's `powerMonitor` used here; an EventEmitter satisfies it in tests. */
export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/**
 * Forwards OS suspend and screen lock to the renderer as `session.lockRequested`, so the UI
 * locks the vault and drops its keys from memory (DESIGN §3: main owns lock on suspend /
 * screen lock). Threat: a laptop closed or a Windows+L at the reception desk leaves the
 * decrypted register open to whoever sits down next. Returns a function that stops forwarding.
 */
export function forwardLockEvents(powerMonitor: PowerMonitorLike, send: EventSender): () => void {
  const onSuspend = (): void => {
    send('session.lockRequested', { reason: 'suspend' });
  };
  const onLockScreen = (): void => {
    send('session.lockRequested', { reason: 'screen-lock' });
  };
  powerMonitor.on('suspend', onSuspend);
  // 'lock-screen' is emitted on macOS and Windows only; Linux has suspend.
  powerMonitor.on('lock-screen', onLockScreen);
  return () => {
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('lock-screen', onLockScreen);
  };
}
