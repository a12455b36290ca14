import { describe, expect, it } from 'vitest';
import { isSameOrigin, originOf } from '../../../../../electron/main/security/origin';

describe('originOf', () => {
  it('builds scheme://host for our non-special scheme (where URL.origin says "null")', () => {
    expect(new URL('app://bundle/index.html').origin).toBe('null');
    expect(originOf('app://bundle/index.html')).toBe('app://bundle');
  });

  it.each([
    ['https://example.com:8443/a', 'https://example.com:8443'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['app://bundle.evil/', 'app://bundle.evil'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'about:blank', 'file:///etc/passwd', '::', 'app://a@bundle/', 'app://:p@bundle/'])(
    'gives null for %s',
    (url) => {
      expect(originOf(url)).toBeNull();
    },
  );
});

describe('isSameOrigin', () => {
  it('compares exactly, never by prefix', () => {
    expect(isSameOrigin('app://bundle/x', 'app://bundle')).toBe(true);
    expect(isSameOrigin('app://bundle.evil/x', 'app://bundle')).toBe(false);
    expect(isSameOrigin('app://bundlex/', 'app://bundle')).toBe(false);
  });
});
