import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { isTrustedSender, type FrameLike } from '../../../../../electron/main/ipc/sender';

const top = (url: string): FrameLike => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the top-level frame of our origin', () => {
    expect(isTrustedSender(top('app://bundle/index.html'), APP_ORIGIN)).toBe(true);
    expect(isTrustedSender(top('app://bundle/'), APP_ORIGIN)).toBe(true);
  });

  it('rejects a null or missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'app://bundle.evil/index.html',
    'app://other/index.html',
    'app://evil@bundle/index.html',
    'file:///etc/passwd',
    'about:blank',
    'data:text/html,x',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('rejects a frame at %s', (url) => {
    expect(isTrustedSender(top(url), APP_ORIGIN)).toBe(false);
  });

  it('rejects a same-origin sub-frame', () => {
    const parent = top('app://bundle/index.html');
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent }, APP_ORIGIN)).toBe(false);
  });

  it('rejects a frame whose properties throw (a disposed frame)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed, APP_ORIGIN)).toBe(false);
  });
});
