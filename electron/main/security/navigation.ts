import type { Logger } from '../logger';
import { isSameOrigin } from './origin';

/**
 * Navigation and window guards installed on every web contents from
 * `app.on('web-contents-created')` (Electron security checklist items 12–14; acceptance check E5).
 *
 * Threat: a script injected into the UI (or a link in customer-supplied text) navigates the
 * window to an attacker's page, which then keeps the preload bridge (`window.kirjuri`) and can
 * call every IPC channel; or it opens a new window or <webview> with weaker settings.
 */

/** Whether a renderer-initiated navigation or redirect to `url` may proceed: same origin only. */
export function isNavigationAllowed(url: string, expectedOrigin: string): boolean {
  return isSameOrigin(url, expectedOrigin);
}

/** The `setWindowOpenHandler` answer: no window is ever opened, whatever the URL. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The part of an Electron event the guards use. */
export interface PreventableEvent {
  preventDefault(): void;
}

type NavigationListener = (event: PreventableEvent, url: string) => void;

/** The part of `WebContents` the guards need; the real `WebContents` satisfies it. */
export interface GuardableWebContents {
  on(event: 'will-navigate', listener: NavigationListener): unknown;
  on(event: 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  readonly expectedOrigin: string;
  readonly logger: Logger;
}

/** Installs the navigation, redirect, sub-frame, window-open and webview guards on `contents`. */
export function installNavigationGuards(
  contents: GuardableWebContents,
  { expectedOrigin, logger }: NavigationGuardOptions,
): void {
  const guard =
    (eventName: string): NavigationListener =>
    (event, url) => {
      if (isNavigationAllowed(url, expectedOrigin)) return;
      event.preventDefault();
      // The URL itself is not logged: it may carry customer data in its path or query.
      logger.warn(eventName, { code: 'navigation_blocked' });
    };
  contents.on('will-navigate', guard('navigation.blocked'));
  contents.on('will-redirect', guard('redirect.blocked'));
  // Sub-frames too (the CSP already blocks frames; this is the second lock).
  contents.on('will-frame-navigate', (event) => {
    guard('frame_navigation.blocked')(event, event.url);
  });
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview.blocked', { code: 'webview_blocked' });
  });
}
