import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../../build/electron-builder.config.cjs') as Record<string, unknown> & {
  linux: { target: string[]; executableName: string };
  win: { target: string[] };
  mac: { target: string[] };
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};

describe('electron-builder config', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(config, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('packs only the built output and package.json, inside asar', () => {
    expect(config.appId).toBe('fi.kirjuri.app');
    expect(config.productName).toBe('Kirjuri');
    expect(config.files).toEqual(['out/**', 'package.json', '!**/node_modules/**']);
    expect(config.asar).toBe(true);
  });

  it('flips fuses in the afterPack hook, which exists and exports afterPack', () => {
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    const hook = require('../../../../build/after-pack.cjs') as { afterPack: unknown };
    expect(typeof hook.afterPack).toBe('function');
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.executableName).toBe('kirjuri');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
