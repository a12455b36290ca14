import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES, packageFontDir } from '../../../../electron/main/services/font-service';

/**
 * The build copies main's PDF fonts (and their licence) into out/main/fonts, where index.ts
 * points the font service. The config is loaded by path: it is not part of the test project.
 */
interface EmittedAsset {
  readonly type: string;
  readonly fileName: string;
  readonly source: Uint8Array;
}
interface ViteConfigModule {
  readonly default: { main: { plugins: { name: string }[] } };
  readonly bundleFonts: () => { name: string; apply: string; generateBundle: (this: { emitFile(asset: EmittedAsset): string }) => void };
}

const configPath = path.resolve(import.meta.dirname, '../../../../electron.vite.config.ts');

describe('bundleFonts (electron.vite.config.ts)', () => {
  it('is one of main’s build plugins and emits DejaVu Sans regular, bold and the licence into fonts/', async () => {
    const config = (await import(/* @vite-ignore */ configPath)) as ViteConfigModule;
    expect(config.default.main.plugins.map((plugin) => plugin.name)).toContain('kirjuri:bundle-fonts');
    const plugin = config.bundleFonts();
    expect(plugin.apply).toBe('build');
    const emitted: EmittedAsset[] = [];
    plugin.generateBundle.call({ emitFile: (asset) => (emitted.push(asset), asset.fileName) });
    expect(emitted.map((asset) => asset.fileName).sort()).toEqual(['fonts/DejaVuSans-Bold.ttf', 'fonts/DejaVuSans.ttf', 'fonts/LICENSE']);
    // The names main reads (font-service) are the ones the build writes, with the package's bytes.
    for (const name of Object.values(BUNDLED_FONT_FILES)) {
      const asset = emitted.find((candidate) => candidate.fileName === `fonts/${name}`);
      expect(asset?.type).toBe('asset');
      expect(Buffer.from(asset!.source).equals(await readFile(path.join(packageFontDir(), name)))).toBe(true);
    }
    expect(Buffer.from(emitted.find((a) => a.fileName === 'fonts/LICENSE')!.source).toString('utf8')).toContain('Bitstream Vera');
  });
});
