import type { Session } from 'electron';
import type { Logger } from '../logger';

/**
 * Deny-all permission handlers (Electron security checklist item 5; acceptance check E6).
 *
 * Threat: Electron grants every permission request by default, so without a handler any script
 * in the UI could switch on the camera and microphone, read the clipboard, ask for geolocation
 * or call `openExternal`. We need none of them; the request handler says no, and the check
 * handler says no so web APIs never even ask.
 */

/** The part of `Session` this module uses. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** Answers every permission request with `callback(false)`. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Answers every permission check with `false`. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Installs the deny-all handlers on `session`. */
export function denyAllPermissions(session: PermissionSession, logger?: Logger): void {
  // Clear any earlier handler first, as Signal does: it forces permissions to be asked again
  // (and answered by us) instead of reusing a decision cached under an older handler.
  session.setPermissionRequestHandler(null);
  session.setPermissionCheckHandler(null);
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    logger?.warn('permission.denied', { code: permission });
    denyPermissionRequest(webContents, permission, callback);
  });
  session.setPermissionCheckHandler(() => denyPermissionCheck());
}
