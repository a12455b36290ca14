'use strict';

/**
 * electron-builder configuration (`npm run dist`). Security-relevant choices:
 * - only the built output and package.json are packed, inside an asar archive, so the
 *   OnlyLoadAppFromAsar and asar-integrity fuses (build/after-pack.cjs) have something to protect;
 * - the afterPack hook flips and verifies the Electron fuses before signing.
 *
 * @type {import('electron-builder').Configuration}
 */
const config = {
  appId: 'fi.kirjuri.app',
  productName: 'Kirjuri',
  directories: { output: 'dist', buildResources: 'build' },
  // Main and preload bundle their dependencies, the renderer is built by Vite: no node_modules ship.
  files: ['out/**', 'package.json', '!**/node_modules/**'],
  asar: true,
  afterPack: './build/after-pack.cjs',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'kirjuri',
    // deb needs a maintainer; replace with the real contact before the first release.
    maintainer: 'Kirjuri <kirjuri@example.invalid>',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
};

module.exports = config;
