import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_META_CONTENT,
  cspMetaTag,
} from '../../../../../electron/main/security/csp';

/** Parses a policy into directive → source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(directives.has(name), `duplicate directive ${name}`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

describe('Content-Security-Policy', () => {
  const header = parsePolicy(CONTENT_SECURITY_POLICY);

  it('denies everything by default', () => {
    expect(header.get('default-src')).toEqual(["'none'"]);
  });

  it('has no unsafe-inline, unsafe-eval or other unsafe- keyword anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(CSP_META_CONTENT).not.toMatch(/unsafe-/);
  });

  it('allows scripts, styles, fonts and fetches from our own origin only', () => {
    for (const name of ['script-src', 'style-src', 'font-src', 'connect-src']) {
      expect(header.get(name), name).toEqual(["'self'"]);
    }
    expect(header.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('closes objects, base, forms and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(header.get(name), name).toEqual(["'none'"]);
    }
  });

  it('never allows a wildcard or a remote scheme', () => {
    for (const sources of header.values()) {
      for (const source of sources) {
        expect(source).not.toMatch(/^\*|^https?:|^wss?:|^blob:|^filesystem:/);
      }
    }
  });

  it('has the exact policy of the research acceptance table (E4)', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('gives the same policy without frame-ancestors for the <meta> tag', () => {
    const meta = parsePolicy(CSP_META_CONTENT);
    expect(meta.has('frame-ancestors')).toBe(false);
    const withoutFrameAncestors = new Map(header);
    withoutFrameAncestors.delete('frame-ancestors');
    expect(meta).toEqual(withoutFrameAncestors);
  });

  it('builds a <meta http-equiv> tag carrying the meta policy', () => {
    const tag = cspMetaTag();
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(tag);
    expect(match?.[1]).toBe(CSP_META_CONTENT);
  });
});

describe('renderer/index.html', () => {
  it('carries exactly the meta policy, once, and nothing unsafe', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../../../../renderer/index.html'), 'utf8');
    const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(tags).toHaveLength(1);
    expect(tags[0]?.[1]).toBe(CSP_META_CONTENT);
    expect(html).not.toMatch(/unsafe-/);
  });
});
