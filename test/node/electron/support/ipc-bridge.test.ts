import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../shared/app-origin';
import { PREFERENCES_FILE_NAME } from '../../../../electron/main/services/preferences-service';
import { createInProcessBridge, type InProcessBridge } from '../../../support/ipc-bridge';
import { useTempDirs } from '../helpers/temp-dir';

describe('createInProcessBridge', () => {
  const tempDir = useTempDirs();
  let userDataDir: string;
  let bridge: InProcessBridge;

  beforeEach(async () => {
    userDataDir = await tempDir();
    bridge = createInProcessBridge({ userDataDir, origin: APP_ORIGIN, version: '9.9.9' });
  });

  it('answers app.info through the real handlers', async () => {
    expect(await bridge.api.invoke('app.info', undefined)).toEqual({
      ok: true,
      value: { version: '9.9.9', platform: process.platform, isPackaged: false, expectedOrigin: APP_ORIGIN },
    });
  });

  it('saves preferences to a real 0600 file in userDataDir', async () => {
    expect(await bridge.api.invoke('preferences.get', undefined)).toEqual({ ok: true, value: { language: 'fi' } });
    expect(await bridge.api.invoke('preferences.set', { language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });
    expect(JSON.parse(await readFile(path.join(userDataDir, PREFERENCES_FILE_NAME), 'utf8'))).toEqual({ language: 'en' });
    expect(await bridge.services.preferences.get()).toEqual({ language: 'en' });
  });

  it('rejects through the real dispatcher: bad input, foreign frame, sub-frame, unknown channel', async () => {
    expect(await bridge.dispatch('preferences.set', { language: 'xx' })).toMatchObject({ error: { code: 'invalid_request' } });
    expect(await bridge.dispatch('preferences.set', { language: 'en' }, 'https://example.com/')).toMatchObject({
      error: { code: 'untrusted_sender' },
    });
    expect(await bridge.dispatch('preferences.set', { language: 'en' }, undefined, true)).toMatchObject({
      error: { code: 'untrusted_sender' },
    });
    expect(await bridge.dispatch('no.such', undefined)).toMatchObject({ error: { code: 'unknown_channel' } });
    expect(await readdir(userDataDir)).toEqual([]);
  });

  it('refuses payloads that could not cross real IPC (structured clone)', async () => {
    await expect(bridge.dispatch('preferences.set', { language: 'en', f: () => 1 })).rejects.toThrow();
  });

  it('delivers events through the validating sender and the preload wrapper', () => {
    const received: unknown[][] = [];
    const stop = bridge.api.on('session.lockRequested', (...args: unknown[]) => received.push(args));
    expect(bridge.emit('session.lockRequested', { reason: 'suspend' })).toBe(true);
    expect(bridge.emit('session.lockRequested', { reason: 'nope' } as never)).toBe(false);
    stop();
    bridge.emit('session.lockRequested', { reason: 'screen-lock' });
    expect(received).toEqual([[{ reason: 'suspend' }]]);
  });

  it('trusts another origin when told to (the e2e server)', async () => {
    const e2e = createInProcessBridge({ userDataDir, origin: 'http://127.0.0.1:5173' });
    expect(await e2e.api.invoke('preferences.get', undefined)).toMatchObject({ ok: true });
    expect(await e2e.dispatch('preferences.get', undefined, 'app://bundle/index.html')).toMatchObject({
      error: { code: 'untrusted_sender' },
    });
  });
});
