import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import {
  denyWindowOpen,
  installNavigationGuards,
  isNavigationAllowed,
} from '../../../../../electron/main/security/navigation';
import { FakeWebContents, fakeEvent } from '../../helpers/fake-web-contents';
import { createRecordingLogger } from '../../helpers/recording-logger';

describe('isNavigationAllowed', () => {
  it.each(['app://bundle/index.html', 'app://bundle/', 'app://bundle', 'app://bundle/index.html?x#y'])(
    'allows same-origin %s',
    (url) => {
      expect(isNavigationAllowed(url, APP_ORIGIN)).toBe(true);
    },
  );

  it.each([
    'https://example.com',
    'http://bundle/',
    'app://bundle.evil/index.html',
    'app://bundle.evil',
    'app://bundle@evil.example/',
    'app://evil@bundle/',
    'app://other/index.html',
    'app://bundle:1/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url, APP_ORIGIN)).toBe(false);
  });
});

describe('denyWindowOpen', () => {
  it('always denies', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('installNavigationGuards', () => {
  const install = () => {
    const contents = new FakeWebContents();
    const { logger, lines } = createRecordingLogger();
    installNavigationGuards(contents, { expectedOrigin: APP_ORIGIN, logger });
    return { contents, lines };
  };

  it.each(['will-navigate', 'will-redirect'])('%s: prevents a foreign URL and lets our origin through', (name) => {
    const { contents, lines } = install();
    const foreign = fakeEvent();
    contents.emit(name, foreign, 'https://example.com/?name=Maija');
    expect(foreign.defaultPrevented).toBe(true);

    const own = fakeEvent();
    contents.emit(name, own, 'app://bundle/index.html');
    expect(own.defaultPrevented).toBe(false);

    // The blocked URL (which may carry customer data) is not logged.
    expect(lines.join('\n')).not.toContain('example.com');
    expect(lines.join('\n')).not.toContain('Maija');
  });

  it.each(['app://bundle.evil/', 'javascript:alert(1)', 'file:///etc/passwd', 'app://other/'])(
    'will-navigate prevents %s',
    (url) => {
      const { contents } = install();
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('guards sub-frame navigation (will-frame-navigate) the same way', () => {
    const { contents } = install();
    const foreign = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-frame-navigate', foreign);
    expect(foreign.defaultPrevented).toBe(true);
    const own = fakeEvent({ url: 'app://bundle/index.html' });
    contents.emit('will-frame-navigate', own);
    expect(own.defaultPrevented).toBe(false);
  });

  it('denies window.open for every URL, our own included', () => {
    const { contents } = install();
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of ['https://example.com', 'app://bundle/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = install();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { preload: '/evil.js' }, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('installs exactly one listener per guarded event', () => {
    const { contents } = install();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) {
      expect(contents.listeners.get(name)?.length, name).toBe(1);
    }
  });
});
