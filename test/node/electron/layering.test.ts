import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Static checks on the main-process and preload sources: where Electron may be imported, where
 * windows are created, and what the sandboxed preload can pull in.
 */
const repo = path.resolve(import.meta.dirname, '../../..');
const rel = (file: string): string => path.relative(repo, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const electronSources = sourceFiles(path.join(repo, 'electron'));
const read = (file: string): string => readFileSync(file, 'utf8');
/** Source without comments, so prose about `new BrowserWindow` does not count. */
const code = (file: string): string => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function importsOf(file: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of code(file).matchAll(pattern)) {
    refs.push({ specifier: match[4] ?? '', typeOnly: match[2] !== undefined });
  }
  for (const match of code(file).matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    refs.push({ specifier: match[1] ?? '', typeOnly: false });
  }
  return refs;
}

function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${rel(from)}`);
}

/** Every module reachable from `entry` through runtime (non-type) imports, with its bare imports. */
function runtimeGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (graph.has(file)) continue;
    const bare: string[] = [];
    for (const ref of importsOf(file)) {
      if (ref.typeOnly) continue;
      if (ref.specifier.startsWith('.')) queue.push(resolveRelative(file, ref.specifier));
      else bare.push(ref.specifier);
    }
    graph.set(file, bare);
  }
  return graph;
}

describe('layering of electron/', () => {
  it('creates BrowserWindows in electron/main/window.ts only', () => {
    const creators = electronSources.filter((file) => /new\s+BrowserWindow\b/.test(code(file))).map(rel);
    expect(creators).toEqual(['electron/main/window.ts']);
  });

  it("imports 'electron' at run time only in the composition root, the window and the preload entry", () => {
    const importers = electronSources
      .filter((file) => importsOf(file).some((ref) => ref.specifier === 'electron' && !ref.typeOnly))
      .map(rel)
      .sort();
    expect(importers).toEqual(['electron/main/index.ts', 'electron/main/window.ts', 'electron/preload/index.ts']);
  });

  it('has no console calls (the logger is the only output)', () => {
    const offenders = electronSources.filter((file) => /\bconsole\.\w+\(/.test(code(file))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('never enables what the hardened preferences turn off', () => {
    const weakening =
      /(nodeIntegration\w*|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true|(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableBlinkFeatures|openExternal/;
    const offenders = electronSources.filter((file) => weakening.test(code(file))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps the sandboxed preload self-contained: only electron, zod, preload/ and shared/', () => {
    const graph = runtimeGraph(path.join(repo, 'electron/preload/index.ts'));
    for (const [file, bare] of graph) {
      const where = rel(file);
      expect(where.startsWith('electron/preload/') || where.startsWith('shared/'), where).toBe(true);
      for (const specifier of bare) expect(['electron', 'zod'], `${where} imports ${specifier}`).toContain(specifier);
    }
    expect(graph.size).toBeGreaterThan(2);
  });

  it("keeps the main-process modules under test free of 'electron' (the test bridge loads them)", () => {
    const graph = runtimeGraph(path.join(repo, 'test/support/ipc-bridge.ts'));
    for (const [file, bare] of graph) {
      expect(bare, rel(file)).not.toContain('electron');
    }
    expect([...graph.keys()].map(rel)).toContain('electron/main/ipc/handle.ts');
  });
});
