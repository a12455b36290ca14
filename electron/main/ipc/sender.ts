import { isSameOrigin } from '../security/origin';

/**
 * The part of Electron's `WebFrameMain` the sender check reads. The real `senderFrame`
 * satisfies it; tests and the in-process bridge pass plain objects.
 */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Whether an IPC message comes from the top-level frame of our own UI (Electron security
 * checklist item 17; acceptance check E7). Every IPC handler runs this before anything else.
 *
 * Threats it stops:
 * - a frame that is gone (`senderFrame` is null after the frame navigated or was destroyed):
 *   we cannot know who sent the message;
 * - a page from any other origin that ended up in a window with our preload (a navigation that
 *   slipped past the guards, an error page, `about:blank`) calling privileged channels;
 * - an `<iframe>` inside our page (even a same-origin one, e.g. a `srcdoc` with injected HTML):
 *   only the main frame may talk to main;
 * - a malformed URL, which is treated as foreign instead of being guessed at.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, expectedOrigin: string): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    // A sub-frame has a parent; only the top-level frame is trusted.
    if (frame.parent !== null) return false;
    // Parsed with a URL parser, never `startsWith` (`app://bundle.evil` starts with `app://bundle`).
    return isSameOrigin(frame.url, expectedOrigin);
  } catch {
    // Reading a disposed frame's properties throws in Electron; a frame we cannot read is untrusted.
    return false;
  }
}
