import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const;
/** How often the idle check runs; the lock comes at most this much after the limit. */
export const IDLE_CHECK_MS = 5_000;

/**
 * Locks after `minutes` without keyboard or pointer activity. Activity only stamps a time (cheap
 * enough for pointermove); a slow interval compares it with the limit. The computer's own sleep
 * and screen lock are main's job (powerMonitor) and lock at once. `null` switches it off.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (minutes === null) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    const stamp = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, stamp, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity >= limit) onIdleRef.current();
    }, Math.min(IDLE_CHECK_MS, limit));
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, stamp, { capture: true });
    };
  }, [minutes]);
}
