import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import {
  ARGON2ID_DEFAULT,
  exportDataKey,
  generateDataKey,
  PBKDF2_DEFAULT,
  unwrapDataKey,
  wrapDataKey,
  type KdfSetting,
} from '../../shared/crypto/key-slots';
import type { BenchApi } from './page/bench-page';

/**
 * `npm run bench [-- --quick]`: builds the benchmark page from the app's real data layer, runs
 * it in Debian's Chromium on a persistent, on-disk profile, and reports every figure as a ratio
 * to a plain-Dexie (or plain-scan) reference measured in the same page, in the same run.
 * Writes bench/results/latest.json and prints a table. Timing lives here only, never in tests.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench/results');
const PAGE_DIST = join(ROOT, 'node_modules/.cache/kirjuri-bench');
const QUICK = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
/** `--quick`: 1,000 and 10,000; `--sizes=100000`: just those (for experiments; not a full run). */
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const REPETITIONS = 3;
const QUERIES = 200;
const SAVES = 100;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Entry {
  name: string;
  size: number;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  reference_name: string | null;
  reference_median_ms: number | null;
  ratio: number | null;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 1000) / 1000;

function entry(name: string, size: number, ours: number[], referenceName: string | null, reference: number[] | null, note?: string): Entry {
  const refMedian = reference ? median(reference) : null;
  const m = median(ours);
  return {
    name,
    size,
    median_ms: round(m),
    min_ms: round(Math.min(...ours)),
    max_ms: round(Math.max(...ours)),
    reference_name: referenceName,
    reference_median_ms: refMedian === null ? null : round(refMedian),
    ratio: refMedian ? round(m / refMedian) : null,
    ...(note ? { note } : {}),
  };
}

async function buildPage(): Promise<void> {
  await build({
    root: join(ROOT, 'test/bench/page'),
    base: './',
    logLevel: 'warn',
    build: { outDir: PAGE_DIST, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } },
  });
}

/** Serves the page cross-origin isolated, so performance.now() has 5 µs resolution, not 100 µs. */
async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(join(PAGE_DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(PAGE_DIST)) return void res.writeHead(404).end();
    readFile(path.endsWith('/') ? join(path, 'index.html') : path).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': types[extname(path)] ?? 'application/octet-stream',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

type Call = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

async function main(): Promise<void> {
  const started = Date.now();
  await buildPage();
  const server = await serve();
  const profile = await mkdtemp(join(tmpdir(), 'kirjuri-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(0);
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const cdp = await context.newCDPSession(page);
  const call: Call = (name, ...args) =>
    page.evaluate(([n, a]) => (window as unknown as { kirjuriBench: Record<string, (...x: unknown[]) => unknown> }).kirjuriBench[n]!(...a), [name, args] as const) as never;
  /** JS heap in use after full, repeated garbage collection (so only live data counts). */
  const heapMb = async () => {
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 2 ** 20;
  };

  const entries: Entry[] = [...(await kdfInMain())];
  const breakdowns: Record<string, number>[] = [];
  for (const size of SIZES) {
    const kdf: number[] = [];
    const refKdf: number[] = [];
    const unlockTotal: number[] = [];
    const refUnlockTotal: number[] = [];
    const unlockData: number[] = [];
    const refUnlockData: number[] = [];
    const search: number[] = [];
    const refSearch: number[] = [];
    const save: number[] = [];
    const refSave: number[] = [];
    const heap: number[] = [];
    let jsonMb = 0;
    for (let rep = 0; rep < REPETITIONS; rep += 1) {
      const { jsonBytes } = await call('seed', size);
      jsonMb = jsonBytes / 2 ** 20;
      // Alternate which side goes first, so neither always meets a warmer cache.
      const runReference = async () => {
        const ref = await call('referenceUnlock');
        refKdf.push(ref.kdfMs);
        refUnlockData.push(ref.dataMs);
        refUnlockTotal.push(ref.kdfMs + ref.dataMs);
        return ref.count;
      };
      const refCountFirst = rep % 2 === 0 ? await runReference() : -1;
      const ours = await call('unlock');
      const refCount = refCountFirst >= 0 ? refCountFirst : await runReference();
      if (ours.count !== size || refCount !== size) throw new Error(`count mismatch at ${size}`);
      kdf.push(ours.kdfMs);
      unlockData.push(ours.dataMs);
      unlockTotal.push(ours.kdfMs + ours.dataMs);
      const queries = await call('queries', QUERIES);
      search.push(p95(await call('search', queries)));
      await call('prepareReferenceSearch');
      refSearch.push(p95(await call('referenceSearch', queries)));
      const saves = await call('save', SAVES);
      save.push(p95(saves.ours));
      refSave.push(p95(saves.reference));
      // Heap held by an unlocked register: locked and collected, then unlocked and collected.
      await call('lock');
      const before = await heapMb();
      await call('unlock');
      heap.push((await heapMb()) - before);
      await call('lock');
      if (rep === REPETITIONS - 1) breakdowns.push({ size, ...(await call('breakdown')) });
    }
    entries.push(
      entry('kdf', size, kdf, null, null, 'sign-in key work in the page: Argon2id 64 MiB/3/4 (hash-wasm) + AES-KW unwrap + import'),
      entry('unlock_to_searchable', size, unlockTotal, 'kdf + plain Dexie toArray', refUnlockTotal),
      entry('unlock_to_searchable_without_kdf', size, unlockData, 'plain Dexie toArray', refUnlockData, 'target ≤ 1.0×'),
      entry('search_keystroke_p95', size, search, 'plain linear scan, pre-lowercased', refSearch, 'target ≤ 2× and < 16 ms'),
      entry('save_customer_p95', size, save, 'plain strict single put', refSave, 'target ≤ 1.5×'),
      { ...entry('heap_unlocked_mb', size, heap, 'raw JSON size (MB)', [jsonMb], 'values in MB, target ≤ 2×') },
    );
    process.stdout.write(`size ${size} done after ${Math.round((Date.now() - started) / 1000)} s\n`);
  }

  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const result = {
    created_at: new Date().toISOString(),
    mode: sizesArg ? 'partial' : QUICK ? 'quick' : 'full',
    repetitions: REPETITIONS,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), chromium: chromiumVersion, node: process.version },
    duration_s: Math.round((Date.now() - started) / 1000),
    entries,
    breakdown: breakdowns.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, round(v)]))),
  };
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  printTable(result.entries);
  process.stdout.write(`\nwhere the time goes (last repetition):\n${result.breakdown.map((b) => JSON.stringify(b)).join('\n')}\n`);
  process.stdout.write(`\n${result.machine.chromium}, ${result.machine.cores} cores; ${result.duration_s} s; bench/results/latest.json\n`);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}

/**
 * The KDF where the app runs it: in main, on Node, with the same key-slot code. Both accepted
 * settings, so the cost of the default and of the WebCrypto-native alternative can be compared.
 * Each figure is one sign-in's key work: derive the wrapping key, unwrap, export.
 */
async function kdfInMain(): Promise<Entry[]> {
  const settings: ReadonlyArray<readonly [string, KdfSetting, string]> = [
    ['kdf_main_argon2id', ARGON2ID_DEFAULT, 'main (Node), Argon2id 64 MiB / 3 passes / 4 lanes, hash-wasm'],
    ['kdf_main_pbkdf2', PBKDF2_DEFAULT, 'main (Node), PBKDF2-SHA256 600,000 iterations, WebCrypto'],
  ];
  const dataKey = await generateDataKey();
  const out: Entry[] = [];
  for (const [name, setting, note] of settings) {
    const slot = await wrapDataKey(dataKey, 'bench-korppi-lumi-omena-puhelin', setting);
    const times: number[] = [];
    for (let rep = 0; rep < 5; rep += 1) {
      const t0 = performance.now();
      await exportDataKey(await unwrapDataKey(slot, 'bench-korppi-lumi-omena-puhelin', { extractable: true }));
      times.push(performance.now() - t0);
    }
    out.push(entry(name, 0, times, null, null, note));
  }
  return out;
}

function printTable(rows: Entry[]): void {
  const header = ['metric', 'size', 'median', 'min–max', 'reference', 'ratio'];
  const lines = rows.map((r) => [
    r.name,
    String(r.size),
    r.median_ms.toFixed(3),
    `${r.min_ms.toFixed(3)}–${r.max_ms.toFixed(3)}`,
    r.reference_median_ms === null ? '–' : `${r.reference_median_ms.toFixed(3)} (${r.reference_name})`,
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${lines.map(fmt).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
