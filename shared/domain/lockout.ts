/**
 * Brute-force friction for sign-in (research K9): the first few wrong passphrases cost nothing
 * but the KDF; from the fifth failure on, each further try must wait, 30 s doubling per failure,
 * capped at an hour. A success resets the count. The state is persisted by the caller (main's
 * vault file), so quitting the app does not reset it.
 *
 * Threat: someone at the front desk guessing the owner's passphrase. It does not stop an attacker
 * who copies the files off the disk (the KDF cost is what protects against offline guessing).
 */
export const LOCKOUT_FREE_ATTEMPTS = 4;
export const LOCKOUT_THRESHOLD = LOCKOUT_FREE_ATTEMPTS + 1;
export const LOCKOUT_BASE_DELAY_MS = 30_000;
export const LOCKOUT_MAX_DELAY_MS = 60 * 60 * 1000;

export interface LockoutState {
  readonly failedAttempts: number;
  /** Epoch ms until which attempts are refused, or null. */
  readonly lockedUntil: number | null;
}

export const NO_LOCKOUT: LockoutState = Object.freeze({ failedAttempts: 0, lockedUntil: null });

/** The wait after `failedAttempts` consecutive failures: 0 below 5, then 30 s, 60 s, … ≤ 1 h. */
export function lockoutDelayMs(failedAttempts: number): number {
  if (!Number.isFinite(failedAttempts) || failedAttempts < LOCKOUT_THRESHOLD) return 0;
  const doublings = Math.min(failedAttempts - LOCKOUT_THRESHOLD, 32);
  return Math.min(LOCKOUT_BASE_DELAY_MS * 2 ** doublings, LOCKOUT_MAX_DELAY_MS);
}

/**
 * The moment attempts are allowed again, or null when they are allowed now. A stored deadline
 * further away than the delay the count itself allows (the clock was turned back, or the file
 * was edited) is cut to that delay from now, so no state can lock a user out for longer.
 */
export function retryAt(state: LockoutState, now: number): number | null {
  if (state.lockedUntil === null) return null;
  const until = Math.min(state.lockedUntil, now + lockoutDelayMs(state.failedAttempts));
  return until > now ? until : null;
}

export function isLockedOut(state: LockoutState, now: number): boolean {
  return retryAt(state, now) !== null;
}

/** The state after one more failed attempt at `now`. */
export function registerFailure(state: LockoutState, now: number): LockoutState {
  const failedAttempts = state.failedAttempts + 1;
  const delay = lockoutDelayMs(failedAttempts);
  return { failedAttempts, lockedUntil: delay > 0 ? now + delay : null };
}

/** The state after a successful attempt. */
export function registerSuccess(): LockoutState {
  return NO_LOCKOUT;
}
