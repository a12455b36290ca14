/**
 * Origin parsing shared by the navigation guard and the IPC sender check.
 *
 * Why not `new URL(x).origin`: Node (and so the main process) follows the WHATWG rule that only
 * "special" schemes (http, https, file, ws…) have a tuple origin; for `app://bundle/…` it returns
 * the string "null". Chromium, which registered `app` as a standard scheme, says "app://bundle".
 * So we build `scheme://host[:port]` from the parsed parts ourselves.
 *
 * Why not `startsWith`: `app://bundle.evil/` and `app://bundle@evil/` start with
 * "app://bundle" (Electron security checklist item 13).
 */

/** Returns `scheme://host[:port]` of `url`, or null when it is malformed, opaque or has credentials. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // `javascript:`, `data:`, `about:` and other opaque URLs have no host and no origin we trust.
  if (parsed.host === '') return null;
  // Credentials in a URL are a classic disguise (`app://bundle@evil.example/`); no page of ours uses them.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True only when `url` parses and its origin is exactly `expectedOrigin`. */
export function isSameOrigin(url: string, expectedOrigin: string): boolean {
  return originOf(url) === expectedOrigin;
}
