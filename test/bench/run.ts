import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
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
import { SCRYPT_WORK_FACTOR, scryptKey } from '../../shared/backup/age-file';
import type { BenchApi } from './page/bench-page';

/**
 * `npm run bench [-- --quick]`: builds the benchmark page from the app's real data layer, runs
 * it in Debian's Chromium on a persistent, on-disk profile, and reports every figure as a ratio
 * to a plain-Dexie (or plain-scan) reference measured in the same page, in the same run.
 * Writes bench/results/latest.json and prints a table. Timing lives here only, never in tests.
 *
 * Metrics (issue 3; docs/performance.md describes each): import_10k; per size kdf,
 * unlock_to_searchable(_without_kdf), appointments_ready, search_keystroke_p95, day_view,
 * save_customer_p95, heap_unlocked_mb; at the backup sizes backup_scrypt, backup_create(_without_scrypt,
 * _verified), backup_restore(_without_scrypt); in full runs kdf_main_* and backup_scrypt_main.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench/results');
const PAGE_DIST = join(ROOT, 'node_modules/.cache/kirjuri-bench');
const QUICK = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
/** `--quick`: 1,000 and 10,000; `--sizes=100000`: just those (for experiments; not a full run). */
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const repetitionsArg = process.argv.find((a) => a.startsWith('--repetitions='));
/** 3 (the issue's minimum); `--repetitions=1` only for experiments (the run is then marked partial). */
const REPETITIONS = repetitionsArg ? Number(repetitionsArg.slice(14)) : 3;
const IMPORT_ROWS = 10_000;
/**
 * Appointments per customer: 5, except 1 at 100,000 customers — 500,000 appointments cannot be
 * written three times over (ours and the plain reference, fresh each repetition) within the
 * run's ten minutes on two cores: one repetition alone took over three minutes. The issue allows
 * this; the output and docs/performance.md say so. `--appointments=100000:5` overrides (a long run).
 */
const appointmentsArg = process.argv.find((a) => a.startsWith('--appointments='));
const perCustomerGiven = new Map((appointmentsArg ? appointmentsArg.slice(15).split(',') : []).map((pair) => pair.split(':').map(Number) as [number, number]));
const PER_CUSTOMER = (size: number) => perCustomerGiven.get(size) ?? (size >= 100_000 ? 1 : 5);
/**
 * Sizes at which backups are made and restored: 1,000 and 10,000 (the issue's backup size) in a
 * full run. Each backup repetition writes and restores the whole register, ours and the plain
 * reference: at 100,000 that adds ~2½ minutes (~4 while other test runs share the two cores) and
 * would put a full run over its ten minutes — `--backup-sizes=1000,10000,100000` measures them.
 * `--quick` leaves backups out to stay within two minutes; `--quick --backup-sizes=10000` adds them.
 */
const backupArg = process.argv.find((a) => a.startsWith('--backup-sizes='));
/** Main's verification of a new backup (check, read back, check again); left out of `--quick`. */
const VERIFY_BACKUPS = !QUICK;
const BACKUP_SIZES = backupArg ? backupArg.slice(15).split(',').filter(Boolean).map(Number) : QUICK ? [] : SIZES.filter((size) => size <= 10_000);
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
/** Three decimals, or four significant digits below 1 ms (a day view answers in microseconds). */
const round = (x: number) => (Math.abs(x) >= 1 || x === 0 ? Math.round(x * 1000) / 1000 : Number(x.toPrecision(4)));
const medians = (steps: Record<string, number[]>) => Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, median(v)]));

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
    // The real scrypt with a clock around it, so backup figures can be given with and without it.
    resolve: { alias: [{ find: /^@noble\/hashes\/scrypt\.js$/, replacement: join(ROOT, 'test/bench/page/timed-scrypt.ts') }] },
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
  const loadBefore = loadavg()[0]!;
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
  /** Wall time of each page call, by name and size: where the run's minutes go. */
  const phases: Record<string, number> = {};
  let phaseSize = 'import';
  const call: Call = async (name, ...args) => {
    const t0 = Date.now();
    try {
      return (await page.evaluate(([n, a]) => (window as unknown as { kirjuriBench: Record<string, (...x: unknown[]) => unknown> }).kirjuriBench[n]!(...a), [name, args] as const)) as never;
    } finally {
      const key = `${phaseSize}:${name}`;
      phases[key] = (phases[key] ?? 0) + (Date.now() - t0) / 1000;
    }
  };
  /** JS heap in use after full, repeated garbage collection (so only live data counts). */
  const heapMb = async () => {
    const t0 = Date.now();
    for (let i = 0; i < 2; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    phases[`${phaseSize}:gc`] = (phases[`${phaseSize}:gc`] ?? 0) + (Date.now() - t0) / 1000;
    return usage.usedSize / 2 ** 20;
  };

  for (const size of SIZES) {
    if (PER_CUSTOMER(size) !== 5) process.stdout.write(`note: ${size} customers with ${PER_CUSTOMER(size)} appointment(s) each, not 5 (time; see docs/performance.md)\n`);
  }
  // The KDF as main runs it, on Node: size-independent, so only in full runs.
  const entries: Entry[] = QUICK ? [] : [...(await kdfInMain())];
  const breakdowns: Record<string, number>[] = [];
  const data: Record<string, number>[] = [];
  const progress = (what: string) => process.stdout.write(`${what} after ${Math.round((Date.now() - started) / 1000)} s\n`);

  // import_10k: the CSV wizard's path into an empty register, at one size.
  {
    const { bytes } = await call('prepareImport', IMPORT_ROWS);
    const ours: number[] = [];
    const reference: number[] = [];
    const steps: Record<string, number[]> = {};
    let imported = 0;
    for (let rep = 0; rep < REPETITIONS; rep += 1) {
      const run = await call('runImport');
      ours.push(run.ms);
      reference.push(run.referenceMs);
      for (const [k, v] of Object.entries(run.steps)) (steps[`import_${k}`] ??= []).push(v);
      imported = run.imported;
      if (run.invalid > 0) throw new Error(`${run.invalid} import rows invalid`);
    }
    entries.push(
      entry('import_10k', IMPORT_ROWS, ours, 'plain Dexie bulkPut of the same records', reference, `${IMPORT_ROWS} CSV rows (${(bytes / 2 ** 20).toFixed(1)} MB) into an empty register, ${imported} imported (${IMPORT_ROWS - imported} duplicates left out, as the wizard does by default); target ≤ 1.3×`),
    );
    breakdowns.push({ import_rows: IMPORT_ROWS, ...medians(steps) });
    progress('import done');
  }

  for (const size of SIZES) {
    phaseSize = String(size);
    const perCustomer = PER_CUSTOMER(size);
    const withBackup = BACKUP_SIZES.includes(size);
    const generated = await call('generate', size, perCustomer, withBackup);
    const jsonMb = generated.jsonBytes / 2 ** 20;
    data.push({ size, appointments_per_customer: perCustomer, appointments: generated.appointments, json_mb: round(jsonMb), backup_file_mb: round(generated.backupBytes / 2 ** 20), generate_ms: round(generated.generateMs) });
    const m: Record<string, number[]> = {};
    const push = (name: string, value: number) => (m[name] ??= []).push(value);
    const steps: Record<string, number[]> = {};
    let dayAppointments = 0;
    for (let rep = 0; rep < REPETITIONS; rep += 1) {
      // Fresh databases each repetition; ours is filled by the real restore where backups are measured.
      const seeded = await call('seed', rep % 2 === 0);
      if (seeded.ours.direct) {
        push('seedSeal', seeded.ours.totalMs);
        push('seedReference', seeded.reference.totalMs);
      } else {
        push('restore', seeded.ours.totalMs);
        push('restoreNoScrypt', seeded.ours.totalMs - seeded.ours.scryptMs);
        push('scrypt', seeded.ours.scryptMs);
        push('refRestore', seeded.reference.totalMs);
        for (const [k, v] of Object.entries(seeded.ours)) if (typeof v === 'number') (steps[`restore_${k}`] ??= []).push(v);
      }
      // Alternate which side goes first, so neither always meets a warmer cache.
      const runReference = async () => {
        const ref = await call('referenceUnlock');
        push('refKdf', ref.kdfMs);
        push('refUnlockData', ref.dataMs);
        push('refUnlockTotal', ref.kdfMs + ref.dataMs);
        push('refAppointments', ref.appointmentsMs);
        return ref;
      };
      // The heap held by the unlocked register is measured around this same unlock: locked and
      // collected, then unlocked (appointments loaded) and collected.
      const refFirst = rep % 2 === 0 ? await runReference() : null;
      const heapBefore = await heapMb();
      const ours = await call('unlock');
      push('heap', (await heapMb()) - heapBefore);
      const ref = refFirst ?? (await runReference());
      if (ours.count !== size || ref.count !== size || ours.appointments !== generated.appointments || ref.appointments !== generated.appointments) {
        throw new Error(`count mismatch at ${size}`);
      }
      push('kdf', ours.kdfMs);
      push('unlockData', ours.dataMs);
      push('unlockTotal', ours.kdfMs + ours.dataMs);
      push('appointments', ours.appointmentsMs);
      const queries = await call('queries', QUERIES);
      push('search', p95(await call('search', queries)));
      push('refSearch', p95(await call('referenceSearch', queries)));
      const day = await call('dayView');
      const refDay = await call('referenceDayView');
      if (day.appointments !== refDay.appointments) throw new Error(`day view mismatch at ${size}: ${day.appointments} vs ${refDay.appointments}`);
      dayAppointments = day.appointments;
      push('day', median(day.times));
      push('refDay', median(refDay.times));
      const saves = await call('save', SAVES);
      push('save', p95(saves.ours));
      push('refSave', p95(saves.reference));
      if (withBackup) {
        const refCreate = rep % 2 === 0 ? await call('referenceBackupCreate') : null;
        const created = await call('backupCreate', VERIFY_BACKUPS);
        push('refCreate', (refCreate ?? (await call('referenceBackupCreate'))).ms);
        push('create', created.createMs);
        push('createNoScrypt', created.createMs - created.scryptMs);
        push('createScrypt', created.scryptMs);
        if (created.verifiedMs !== null) push('createVerified', created.verifiedMs);
        for (const [k, v] of Object.entries(created.steps)) (steps[`create_${k}`] ??= []).push(v);
      }
      await call('lock');
      if (rep === REPETITIONS - 1) breakdowns.push({ size, ...(await call('breakdown')) });
      progress(`size ${size} repetition ${rep + 1}`);
    }
    await call('forget');
    const dataNote = `${size} customers × ${perCustomer} appointments = ${generated.appointments}`;
    entries.push(
      entry('kdf', size, m.kdf!, null, null, 'sign-in key work in the page: Argon2id 64 MiB/3/4 (hash-wasm) + AES-KW unwrap + import'),
      entry('unlock_to_searchable', size, m.unlockTotal!, 'kdf + plain Dexie toArray', m.refUnlockTotal!),
      entry('unlock_to_searchable_without_kdf', size, m.unlockData!, 'plain Dexie toArray', m.refUnlockData!, 'target ≤ 1.0×'),
      entry('appointments_ready', size, m.appointments!, 'plain Dexie toArray customers + appointments', m.refAppointments!, `from the data key (no KDF) to every appointment decrypted and indexed; ${dataNote}`),
      entry('search_keystroke_p95', size, m.search!, 'plain linear scan, pre-lowercased', m.refSearch!, 'target ≤ 2× and < 16 ms'),
      entry('day_view', size, m.day!, 'plain Dexie range query on the start index', m.refDay!, `median over 50 days (${(dayAppointments / 50).toFixed(1)} appointments a day on average) of appointments.between(day); ${dataNote}`),
      entry('save_customer_p95', size, m.save!, 'plain strict single put', m.refSave!, 'target ≤ 1.5×'),
      entry('heap_unlocked_mb', size, m.heap!, 'raw JSON size (MB)', [jsonMb], `values in MB: customers, services and appointments; ${dataNote}; target ≤ 2×`),
    );
    if (withBackup) {
      const scrypt = median([...m.scrypt!, ...m.createScrypt!]);
      const refCreate = median(m.refCreate!);
      const refRestore = median(m.refRestore!);
      const verdict = (ours: number[], factor: number, reference: number) => {
        const limit = scrypt + factor * reference;
        return `target ≤ scrypt + ${factor}× reference = ${limit.toFixed(0)} ms: ${median(ours) <= limit ? 'met' : `missed by ${(median(ours) / limit).toFixed(2)}×`}`;
      };
      entries.push(
        entry('backup_scrypt', size, [...m.scrypt!, ...m.createScrypt!], null, null, 'age scrypt, work factor 18 (2^18, r = 8, p = 1), @noble/hashes in the page; timed inside encryptBackup and decryptBackup (6 figures)'),
        entry('backup_create', size, m.create!, 'plain Dexie toArray + JSON.stringify', m.refCreate!, `snapshot + buildBackupDocument + serialise + encryptBackup (scrypt included); ${dataNote}; ${verdict(m.create!, 2, refCreate)}`),
        entry('backup_create_without_scrypt', size, m.createNoScrypt!, 'plain Dexie toArray + JSON.stringify', m.refCreate!, 'backup_create minus its own scrypt (timed exactly)'),
        ...(m.createVerified
          ? [
              entry('backup_create_verified', size, m.createVerified, 'plain Dexie toArray + JSON.stringify', m.refCreate!, `as the app makes one (backup-files.ts writeVerifiedBackup, without the disk write): + checkBackupDocument before, read-back decrypt, compare, check again; ${verdict(m.createVerified, 2, refCreate)}`),
            ]
          : []),
        entry('backup_restore', size, m.restore!, 'JSON.parse + plain Dexie bulkPut', m.refRestore!, `decryptBackup (scrypt included) + checkBackupDocument + Register.restore (with its read-back check), into an empty register; ${verdict(m.restore!, 1.5, refRestore)}`),
        entry('backup_restore_without_scrypt', size, m.restoreNoScrypt!, 'JSON.parse + plain Dexie bulkPut', m.refRestore!, 'backup_restore minus its scrypt (timed exactly)'),
      );
    }
    breakdowns.push({ size, ...medians(steps), ...(m.seedSeal ? { seed_sealMs: median(m.seedSeal), seed_referenceMs: median(m.seedReference!) } : {}) });
    progress(`size ${size} done`);
  }

  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const result = {
    created_at: new Date().toISOString(),
    mode: sizesArg || repetitionsArg || appointmentsArg ? 'partial' : `${QUICK ? 'quick' : 'full'}${backupArg ? `, backups at ${BACKUP_SIZES.join(', ')}` : ''}`,
    repetitions: REPETITIONS,
    machine: { load_average_1min: { before: round(loadBefore), after: round(loadavg()[0]!) }, cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), chromium: chromiumVersion, node: process.version },
    duration_s: Math.round((Date.now() - started) / 1000),
    data,
    entries,
    phase_seconds: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    breakdown: breakdowns.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, round(v)]))),
  };
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  printTable(result.entries);
  process.stdout.write(`\nwhere the time goes (unlock steps: last repetition; import and backup steps: medians):\n${result.breakdown.map((b) => JSON.stringify(b)).join('\n')}\n`);
  process.stdout.write(`\nwall time by page call (s): ${JSON.stringify(result.phase_seconds)}\n`);
  process.stdout.write(
    `\n${result.machine.chromium}, ${result.machine.cores} cores, load average ${result.machine.load_average_1min.before} → ${result.machine.load_average_1min.after}; ${result.duration_s} s; bench/results/latest.json\n`,
  );
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}

/**
 * The KDF where the app runs it: in main, on Node, with the same key-slot code. Both accepted
 * settings, so the cost of the default and of the WebCrypto-native alternative can be compared.
 * Each figure is one sign-in's key work: derive the wrapping key, unwrap, export. Last, a backup
 * file's scrypt, which main derives too (the page's `backup_scrypt` is the same code in Chromium).
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
  // A backup's scrypt where the app runs it: main encrypts, verifies and decrypts backup files.
  const times: number[] = [];
  for (let rep = 0; rep < 3; rep += 1) {
    const t0 = performance.now();
    scryptKey('bench-varmuuskopio-kuusi-sammal-lyhty', crypto.getRandomValues(new Uint8Array(16)), SCRYPT_WORK_FACTOR);
    times.push(performance.now() - t0);
  }
  out.push(entry('backup_scrypt_main', 0, times, null, null, `main (Node), age scrypt work factor ${SCRYPT_WORK_FACTOR}, @noble/hashes (shared/backup/age-file.ts scryptKey)`));
  return out;
}

const show = (x: number) => (Math.abs(x) >= 1 || x === 0 ? x.toFixed(3) : x.toPrecision(4));

function printTable(rows: Entry[]): void {
  const header = ['metric', 'size', 'median', 'min–max', 'reference', 'ratio'];
  const lines = rows.map((r) => [
    r.name,
    String(r.size),
    show(r.median_ms),
    `${show(r.min_ms)}–${show(r.max_ms)}`,
    r.reference_median_ms === null ? '–' : `${show(r.reference_median_ms)} (${r.reference_name})`,
    r.ratio === null ? '–' : r.ratio < 0.01 ? `${r.ratio.toPrecision(2)}×` : `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${lines.map(fmt).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
