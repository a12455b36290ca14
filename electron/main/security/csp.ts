/**
 * The Content-Security-Policy of the UI (Electron security checklist item 7; acceptance check E4).
 *
 * Threat: an injected `<script>`, inline event handler, `eval` or a request to a remote host
 * (XSS through a customer's name in a template, a compromised dependency) must not run or
 * exfiltrate the decrypted register. Everything is denied by default; scripts, styles, fonts and
 * fetches come only from our own origin; no 'unsafe-inline', no 'unsafe-eval', ever.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // Clickjacking: no page may frame ours. Only honoured as a header, not in <meta>.
  ['frame-ancestors', "'none'"],
];

const serialize = (directives: ReadonlyArray<readonly [string, string]>): string =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy sent as a response header on every `app://bundle` response. */
export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES);

/**
 * The same policy for `<meta http-equiv>` in renderer/index.html. `frame-ancestors` is dropped
 * because browsers ignore it in a meta tag (and warn). A build test compares the tag in
 * out/renderer/index.html with this constant.
 */
export const CSP_META_CONTENT = serialize(DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));

/** The complete `<meta>` element to put in renderer/index.html. */
export function cspMetaTag(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${CSP_META_CONTENT}" />`;
}
