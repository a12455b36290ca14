import { describe, expect, it } from 'vitest';
import { createWebPreferences } from '../../../../../electron/main/security/web-preferences';

describe('createWebPreferences', () => {
  const packaged = createWebPreferences({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true });
  const dev = createWebPreferences({ preloadPath: '/app/out/preload/index.cjs', isPackaged: false });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
  ] as const)('sets %s to %s', (key, value) => {
    expect(packaged[key]).toBe(value);
    expect(dev[key]).toBe(value);
  });

  it('enables no Blink features', () => {
    expect('enableBlinkFeatures' in packaged).toBe(false);
  });

  it('allows devtools only in unpackaged (development) builds', () => {
    expect(packaged.devTools).toBe(false);
    expect(dev.devTools).toBe(true);
  });

  it('uses the given preload', () => {
    expect(packaged.preload).toBe('/app/out/preload/index.cjs');
  });

  it('is frozen, so nothing can weaken it at run time', () => {
    expect(Object.isFrozen(packaged)).toBe(true);
    expect(() => {
      (packaged as { sandbox?: boolean }).sandbox = false;
    }).toThrow(TypeError);
    expect(packaged.sandbox).toBe(true);
  });
});
