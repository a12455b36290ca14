import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The files `bundleFonts` writes into out/main/ (and so into the packaged app's asar), each from
 * the dejavu-fonts-ttf package: DejaVu Sans for main's PDFs (electron/main/services/font-service.ts
 * reads `fonts/` next to index.js) and the Bitstream Vera licence, which must travel with them.
 */
export const BUNDLED_FONTS: Readonly<Record<string, string>> = {
  'fonts/DejaVuSans.ttf': 'ttf/DejaVuSans.ttf',
  'fonts/DejaVuSans-Bold.ttf': 'ttf/DejaVuSans-Bold.ttf',
  'fonts/LICENSE': 'LICENSE',
};

/**
 * Copies the PDF fonts into main's build output as plain files with fixed names: read at run time
 * with `fs` (from inside asar in the packaged app), not inlined, so the 1.4 MB are loaded only
 * when a document is made, and not hashed, so main finds them without a manifest.
 */
export function bundleFonts(): Plugin {
  return {
    name: 'kirjuri:bundle-fonts',
    apply: 'build',
    generateBundle() {
      const packageDir = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
      for (const [fileName, source] of Object.entries(BUNDLED_FONTS)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(join(packageDir, source)) });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [bundleFonts()],
    build: {
      outDir: 'out/main',
      // Bundle main's few dependencies (zod): the packaged app then needs no node_modules at all.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': everything else must be bundled in.
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module: Electron loads it as CommonJS.
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      // No inline scripts or styles: the CSP forbids them, so Vite must emit files only.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
