import { useCallback, useSyncExternalStore } from 'react';
import { dayRange } from '../../../../shared/domain/appointments';

interface Versioned {
  readonly version: number;
  subscribe(listener: () => void): () => void;
}

/** Re-renders when a repository changes; returns its version (a memo dependency). */
export function useVersion(source: Versioned): number {
  const subscribe = useCallback((listener: () => void) => source.subscribe(listener), [source]);
  return useSyncExternalStore(subscribe, () => source.version);
}

const MINUTE_MS = 60_000;

function subscribeToClock(listener: () => void): () => void {
  const timer = setInterval(listener, MINUTE_MS);
  return () => clearInterval(timer);
}

/** Midnight of today, re-read every minute, so "today" moves on at midnight while the app is open. */
export function useToday(): number {
  return useSyncExternalStore(subscribeToClock, () => dayRange(Date.now()).start);
}
