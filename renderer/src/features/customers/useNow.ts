import { useEffect, useState } from 'react';

/**
 * The time to render time-dependent state with (is a consent still in force?), refreshed every
 * `refreshMs`, and never earlier than `atLeast`: pass the record's `updatedAt`, so a change made a
 * moment ago (a withdrawal stamped with the click's time) never looks as if it had not happened.
 */
export function useNow(atLeast = 0, refreshMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return Math.max(now, atLeast);
}
