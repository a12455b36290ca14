import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../../shared/app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The `app://bundle` protocol the UI is served from (Electron security checklist item 18;
 * acceptance checks E2, E3, E4).
 *
 * Why not file://: a page on file:// may read every file the user can. Why `standard` and
 * `secure`: IndexedDB only exists for standard schemes, and `navigator.storage` and WebCrypto
 * need a secure context. The origin string is frozen forever (IndexedDB belongs to it).
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
});

export type SchemeRegistrar = Pick<Protocol, 'registerSchemesAsPrivileged'>;

/** Registers `app:` as a privileged scheme. Electron only accepts this before `ready`. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

/** Headers on every response, errors included: a 404 page must not be a script gadget either. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Stops MIME sniffing: a .json or .txt file can never be executed as a script.
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});

/** Content types of what Vite emits. Anything else is served as an opaque download type. */
const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
});

/** The Content-Type for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedPath =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 };

/**
 * Maps a URL pathname (still percent-encoded, as in `URL.pathname`) to a path under `rootDir`,
 * without touching the disk.
 *
 * Threat: path traversal out of the bundle (`/..%2f..%2fetc/passwd`, `%5c..` on Windows, `C:`,
 * NUL-byte truncation). The URL parser has already folded literal and `%2e%2e` dot segments, but
 * encoded separators only become separators after decoding, so the decoded path is checked again:
 * no NUL, backslash or colon; no '.' or '..' segment; and, as the last word, `path.relative` from
 * the root must be neither '..'-prefixed nor absolute.
 */
export function resolveBundlePath(rootDir: string, encodedPathname: string): ResolvedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/')) return { ok: false, status: 400 };
  if (/[\0\\:]/.test(decoded)) return { ok: false, status: 400 };
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return { ok: false, status: 400 };
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, status: 400 };
  }
  return { ok: true, filePath };
}

/** True when `candidate` is strictly inside `root` (both already resolved). */
function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | null, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, ...extra } });
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };
const badRequest = (): Response => respond(400, new TextEncoder().encode('Bad request'), TEXT);
const notFound = (): Response => respond(404, new TextEncoder().encode('Not found'), TEXT);

/** Only `method` and `url` are read, so tests can also pass URLs `new Request` refuses. */
export type BundleRequest = Pick<Request, 'method' | 'url'>;
export type BundleHandler = (request: BundleRequest) => Promise<Response>;

/**
 * Creates the `protocol.handle(APP_SCHEME, …)` handler serving files from `rootDir`
 * (out/renderer). Pure Node: it runs in tests with Node's own Request and Response. It never
 * throws; every failure is an HTTP status with the security headers.
 */
export function createBundleHandler(rootDir: string): BundleHandler {
  const root = path.resolve(rootDir);
  return async (request) => {
    try {
      // Only reads: there is nothing to POST to, and refusing keeps the surface small.
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return respond(405, null, { Allow: 'GET, HEAD' });
      }
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return badRequest();
      }
      // Only our one origin: `app://other/…` or `app://evil@bundle/` get nothing.
      if (
        url.protocol !== `${APP_SCHEME}:` ||
        url.host !== APP_HOST ||
        url.username !== '' ||
        url.password !== ''
      ) {
        return notFound();
      }
      const resolved = resolveBundlePath(root, url.pathname);
      if (!resolved.ok) return badRequest();

      // Threat: a symlink inside the bundle pointing outside it. Compare real paths.
      let realRoot: string;
      let realFile: string;
      try {
        realRoot = await realpath(root);
        realFile = await realpath(resolved.filePath);
      } catch {
        return notFound();
      }
      if (!isInside(realRoot, realFile)) return notFound();
      const info = await stat(realFile);
      if (!info.isFile()) return notFound();

      const headers = {
        'Content-Type': contentTypeFor(realFile),
        'Content-Length': String(info.size),
      };
      if (request.method === 'HEAD') return respond(200, null, headers);
      // Copied into a plain ArrayBuffer-backed view (Node's Buffer may share a pooled buffer).
      const body = new Uint8Array(await readFile(realFile));
      return respond(200, body, {
        ...headers,
        'Content-Length': String(body.byteLength),
      });
    } catch {
      return respond(500, null);
    }
  };
}
