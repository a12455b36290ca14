import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../../shared/ipc/contract';
import { createAppHandlers } from '../../../../../electron/main/ipc/app-handlers';
import { createPreferencesHandlers } from '../../../../../electron/main/ipc/preferences-handlers';
import { createAllHandlers, createMainServices } from '../../../../../electron/main/ipc/register-all';
import type { PreferencesService } from '../../../../../electron/main/services/preferences-service';
import { silentLogger } from '../../../../../electron/main/logger';
import { useTempDirs } from '../../helpers/temp-dir';

const FACTS = { version: '0.1.0', platform: 'win32', isPackaged: true, expectedOrigin: 'app://bundle' };

describe('createAllHandlers', () => {
  const tempDir = useTempDirs();

  it('has exactly one handler per contract channel', async () => {
    const handlers = createAllHandlers(FACTS, createMainServices({ userDataDir: await tempDir(), logger: silentLogger }));
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel], channel).toBe('function');
  });

  it('wires preferences to the real service in the user-data dir', async () => {
    const userDataDir = await tempDir();
    const handlers = createAllHandlers(FACTS, createMainServices({ userDataDir, logger: silentLogger }));
    await handlers['preferences.set']({ language: 'en' });
    const again = createAllHandlers(FACTS, createMainServices({ userDataDir, logger: silentLogger }));
    expect(await again['preferences.get'](undefined)).toEqual({ language: 'en' });
  });
});

describe('createAppHandlers', () => {
  it('reports the injected facts, as a fresh copy each time', async () => {
    const handlers = createAppHandlers(FACTS);
    const first = await handlers['app.info'](undefined);
    expect(first).toEqual(FACTS);
    (first as { version: string }).version = 'changed';
    expect(await handlers['app.info'](undefined)).toEqual(FACTS);
  });
});

describe('createPreferencesHandlers', () => {
  it('delegates to the service', async () => {
    const calls: unknown[] = [];
    const service: PreferencesService = {
      get: () => Promise.resolve({ language: 'sv' }),
      set: (preferences) => {
        calls.push(preferences);
        return Promise.resolve(preferences);
      },
    };
    const handlers = createPreferencesHandlers(service);
    expect(await handlers['preferences.get'](undefined)).toEqual({ language: 'sv' });
    expect(await handlers['preferences.set']({ language: 'fi' })).toEqual({ language: 'fi' });
    expect(calls).toEqual([{ language: 'fi' }]);
  });
});
