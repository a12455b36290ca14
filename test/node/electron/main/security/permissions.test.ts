import { describe, expect, it } from 'vitest';
import {
  denyAllPermissions,
  denyPermissionCheck,
  denyPermissionRequest,
  type PermissionSession,
} from '../../../../../electron/main/security/permissions';
import { createRecordingLogger } from '../../helpers/recording-logger';

type RequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;

/** A fake session recording every handler it was given, in order. */
class FakeSession {
  readonly requestHandlers: Array<RequestHandler | null> = [];
  readonly checkHandlers: Array<CheckHandler | null> = [];
  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandlers.push(handler);
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandlers.push(handler);
  }
  get request(): RequestHandler {
    const handler = this.requestHandlers.at(-1);
    if (!handler) throw new Error('no request handler');
    return handler;
  }
  get check(): CheckHandler {
    const handler = this.checkHandlers.at(-1);
    if (!handler) throw new Error('no check handler');
    return handler;
  }
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'fileSystem',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'midi',
  'hid',
  'serial',
  'usb',
  'persistent-storage',
  'unknown',
];

describe('denyAllPermissions', () => {
  const setup = () => {
    const session = new FakeSession();
    const { logger } = createRecordingLogger();
    denyAllPermissions(session as unknown as PermissionSession, logger);
    return session;
  };

  it('clears both handlers with null first, then installs deny-all handlers', () => {
    const session = setup();
    expect(session.requestHandlers).toHaveLength(2);
    expect(session.requestHandlers[0]).toBeNull();
    expect(typeof session.requestHandlers[1]).toBe('function');
    expect(session.checkHandlers).toHaveLength(2);
    expect(session.checkHandlers[0]).toBeNull();
    expect(typeof session.checkHandlers[1]).toBe('function');
  });

  it.each(PERMISSIONS)('denies the request for %s', (permission) => {
    const session = setup();
    const answers: boolean[] = [];
    session.request({}, permission, (granted) => answers.push(granted), {});
    expect(answers).toEqual([false]);
  });

  it.each(PERMISSIONS)('answers false to the check for %s, from our own origin too', (permission) => {
    const session = setup();
    expect(session.check({}, permission, 'app://bundle', {})).toBe(false);
    expect(session.check(null, permission, 'https://example.com', {})).toBe(false);
  });
});

describe('the pure deny functions', () => {
  it('deny', () => {
    const answers: boolean[] = [];
    denyPermissionRequest(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(denyPermissionCheck()).toBe(false);
  });
});
