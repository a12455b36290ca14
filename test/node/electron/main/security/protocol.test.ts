import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../../../shared/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/main/security/csp';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createBundleHandler,
  registerAppScheme,
  resolveBundlePath,
  type BundleHandler,
} from '../../../../../electron/main/security/protocol';
import { useTempDirs } from '../../helpers/temp-dir';

const SECRET = 'root:x:0:0:SECRET-OUTSIDE-THE-BUNDLE';
const INDEX = '<!doctype html><title>Kirjuri</title>';

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetch-capable', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([
      [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
    expect(Object.isFrozen(APP_SCHEME_PRIVILEGES)).toBe(true);
  });
});

describe('createBundleHandler', () => {
  const tempDir = useTempDirs();
  let base: string;
  let root: string;
  let handler: BundleHandler;

  beforeEach(async () => {
    // base/secret.txt lies outside the bundle; base/renderer is the bundle root.
    base = await tempDir();
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(base, 'secret.txt'), SECRET);
    await writeFile(path.join(root, 'index.html'), INDEX);
    await writeFile(path.join(root, 'assets', 'app-1234.js'), 'export const x = 1;');
    await writeFile(path.join(root, 'assets', 'app-1234.css'), 'body{}');
    await writeFile(path.join(root, 'assets', 'data.bin'), new Uint8Array([1, 2, 3]));
    handler = createBundleHandler(root);
  });

  // A plain { method, url } because `new Request` itself refuses URLs with credentials.
  const get = (url: string, method = 'GET'): Promise<Response> => handler({ method, url });

  const expectSecurityHeaders = (response: Response): void => {
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  };

  const expectRefused = async (response: Response): Promise<void> => {
    expect([400, 404]).toContain(response.status);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain('SECRET');
  };

  it('serves index.html with the CSP header', async () => {
    const response = await handler(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves index.html for / and for the bare origin', async () => {
    for (const url of ['app://bundle/', 'app://bundle']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('ignores query and fragment', async () => {
    const response = await get('app://bundle/index.html?x=1#top');
    expect(await response.text()).toBe(INDEX);
  });

  it('sets the content type from the extension', async () => {
    const js = await get('app://bundle/assets/app-1234.js');
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const x = 1;');
    const css = await get('app://bundle/assets/app-1234.css');
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    const bin = await get('app://bundle/assets/data.bin');
    expect(bin.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(new Uint8Array(await bin.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get('app://bundle/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(INDEX.length));
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/..%2f..%2fetc/passwd',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%5c..%5c..%5csecret.txt',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle//etc/passwd',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/index.html%00.png',
    'app://bundle/%00',
    'app://bundle/%zz',
    'app://bundle/assets/',
    'app://bundle/assets',
  ])('refuses %s', async (url) => {
    await expectRefused(await get(url));
  });

  it('refuses the absolute path of a real file outside the bundle', async () => {
    const encoded = encodeURIComponent(path.join(base, 'secret.txt'));
    await expectRefused(await get(`app://bundle/${encoded}`));
  });

  it.each(['app://other/index.html', 'app://bundle.evil/index.html', 'app://evil@bundle/index.html', 'app://bundle:8080/index.html', 'https://bundle/index.html'])(
    'refuses a foreign origin: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('Kirjuri');
    },
  );

  it('refuses a symlink that escapes the bundle', async () => {
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.js'));
    await symlink(base, path.join(root, 'up'), 'dir');
    await expectRefused(await get('app://bundle/assets/escape.js'));
    await expectRefused(await get('app://bundle/up/secret.txt'));
  });

  it('follows a symlink that stays inside the bundle', async () => {
    await symlink(path.join(root, 'index.html'), path.join(root, 'alias.html'));
    const response = await get('app://bundle/alias.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('refuses %s with 405 and the security headers', async (method) => {
    const response = await get('app://bundle/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expectSecurityHeaders(response);
  });

  it('answers 404 with the security headers for a missing file or a missing root', async () => {
    await expectRefused(await get('app://bundle/missing.js'));
    const missingRoot = createBundleHandler(path.join(base, 'no-such-dir'));
    const response = await missingRoot(new Request('app://bundle/index.html'));
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });
});

describe('resolveBundlePath', () => {
  const root = path.resolve('/srv/bundle');

  it('maps a clean path under the root', () => {
    expect(resolveBundlePath(root, '/assets/a%20b.js')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'a b.js'),
    });
    expect(resolveBundlePath(root, '/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
  });

  it.each(['/..', '/../x', '/a/../../x', '/%2e%2e/x', '/.%2e/x', '/./x', '/a//b', '/a\\..\\x', '/%5c..', '/C:/x', '/x%00', 'relative', '/%E0%A4%A'])(
    'rejects %s',
    (pathname) => {
      expect(resolveBundlePath(root, pathname)).toEqual({ ok: false, status: 400 });
    },
  );
});

describe('contentTypeFor', () => {
  it('knows what Vite emits and falls back to an opaque type', () => {
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('Makefile')).toBe('application/octet-stream');
  });
});
