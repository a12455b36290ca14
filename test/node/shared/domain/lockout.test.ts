import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLockedOut,
  LOCKOUT_BASE_DELAY_MS,
  LOCKOUT_FREE_ATTEMPTS,
  LOCKOUT_MAX_DELAY_MS,
  LOCKOUT_THRESHOLD,
  lockoutDelayMs,
  NO_LOCKOUT,
  registerFailure,
  registerSuccess,
  retryAt,
  type LockoutState,
} from '../../../../shared/domain/lockout';

const NOW = 1_750_000_000_000;
const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

/** The state after `count` failures in a row, all at `now`. */
function afterFailures(count: number, now = NOW): LockoutState {
  let state = NO_LOCKOUT;
  for (let i = 0; i < count; i += 1) state = registerFailure(state, now);
  return state;
}

describe('lockout constants', () => {
  it('allows four free failures and waits from the fifth, 30 s doubling up to an hour', () => {
    expect(LOCKOUT_FREE_ATTEMPTS).toBe(4);
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect(LOCKOUT_BASE_DELAY_MS).toBe(30 * SECOND);
    expect(LOCKOUT_MAX_DELAY_MS).toBe(HOUR);
  });

  it('starts from no failures and no deadline, frozen', () => {
    expect(NO_LOCKOUT).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect(Object.isFrozen(NO_LOCKOUT)).toBe(true);
  });
});

describe('lockoutDelayMs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 30 * SECOND],
    [6, 60 * SECOND],
    [7, 120 * SECOND],
    [8, 240 * SECOND],
    [9, 480 * SECOND],
    [10, 960 * SECOND],
    [11, 1920 * SECOND],
    [12, HOUR], // 3840 s would exceed the cap
    [13, HOUR],
    [40, HOUR],
    [1_000_000, HOUR],
    [Number.MAX_SAFE_INTEGER, HOUR],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(lockoutDelayMs(failures)).toBe(delay);
  });

  it.each([-1, -1000, Number.NaN, Number.NEGATIVE_INFINITY])('gives no wait for a nonsensical count (%d)', (failures) => {
    expect(lockoutDelayMs(failures)).toBe(0);
  });

  it('never waits less than before and never more than an hour, for any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10_000 }), (failures) => {
        const delay = lockoutDelayMs(failures);
        const next = lockoutDelayMs(failures + 1);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(LOCKOUT_MAX_DELAY_MS);
        expect(next).toBeGreaterThanOrEqual(delay);
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it('doubles per failure until the cap, from the threshold on', () => {
    fc.assert(
      fc.property(fc.integer({ min: LOCKOUT_THRESHOLD, max: 200 }), (failures) => {
        const delay = lockoutDelayMs(failures);
        const next = lockoutDelayMs(failures + 1);
        expect(next).toBe(Math.min(delay * 2, LOCKOUT_MAX_DELAY_MS));
      }),
    );
  });
});

describe('registerFailure and registerSuccess', () => {
  it('costs nothing for the first four failures', () => {
    let state = NO_LOCKOUT;
    for (let failures = 1; failures <= LOCKOUT_FREE_ATTEMPTS; failures += 1) {
      state = registerFailure(state, NOW);
      expect(state).toEqual({ failedAttempts: failures, lockedUntil: null });
      expect(isLockedOut(state, NOW)).toBe(false);
      expect(retryAt(state, NOW)).toBeNull();
    }
  });

  it('locks for 30 s at the fifth failure, then 60 s, 120 s, … measured from each failure', () => {
    const fifth = afterFailures(5);
    expect(fifth).toEqual({ failedAttempts: 5, lockedUntil: NOW + 30 * SECOND });
    expect(isLockedOut(fifth, NOW)).toBe(true);
    expect(isLockedOut(fifth, NOW + 30 * SECOND - 1)).toBe(true);
    expect(isLockedOut(fifth, NOW + 30 * SECOND)).toBe(false);

    const later = NOW + 31 * SECOND;
    const sixth = registerFailure(fifth, later);
    expect(sixth).toEqual({ failedAttempts: 6, lockedUntil: later + 60 * SECOND });
    expect(registerFailure(sixth, later + 61 * SECOND)).toEqual({ failedAttempts: 7, lockedUntil: later + 61 * SECOND + 120 * SECOND });
  });

  it('caps the wait at an hour however many failures follow', () => {
    const state = afterFailures(50);
    expect(state).toEqual({ failedAttempts: 50, lockedUntil: NOW + HOUR });
    expect(retryAt(state, NOW)).toBe(NOW + HOUR);
  });

  it('resets everything on success', () => {
    expect(registerSuccess()).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect(registerSuccess()).toBe(NO_LOCKOUT);
    // After a success, the next failure is free again.
    expect(registerFailure(registerSuccess(), NOW)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });

  it('does not change the state it was given', () => {
    const state: LockoutState = { failedAttempts: 6, lockedUntil: NOW };
    registerFailure(state, NOW);
    expect(state).toEqual({ failedAttempts: 6, lockedUntil: NOW });
  });

  it('always counts one more failure and sets the deadline the count allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 45 }), (failures, now) => {
        const next = registerFailure({ failedAttempts: failures, lockedUntil: null }, now);
        expect(next.failedAttempts).toBe(failures + 1);
        const delay = lockoutDelayMs(failures + 1);
        expect(next.lockedUntil).toBe(delay > 0 ? now + delay : null);
        expect(retryAt(next, now)).toBe(delay > 0 ? now + delay : null);
      }),
    );
  });
});

describe('retryAt', () => {
  it('is null without a deadline, even after many failures', () => {
    expect(retryAt({ failedAttempts: 20, lockedUntil: null }, NOW)).toBeNull();
  });

  it('gives a stored deadline within what the count allows unchanged', () => {
    expect(retryAt({ failedAttempts: 5, lockedUntil: NOW + 10 * SECOND }, NOW)).toBe(NOW + 10 * SECOND);
    expect(retryAt({ failedAttempts: 5, lockedUntil: NOW + 30 * SECOND }, NOW)).toBe(NOW + 30 * SECOND);
  });

  it('is null once the deadline has passed or is now', () => {
    expect(retryAt({ failedAttempts: 8, lockedUntil: NOW }, NOW)).toBeNull();
    expect(retryAt({ failedAttempts: 8, lockedUntil: NOW - 1 }, NOW)).toBeNull();
    expect(isLockedOut({ failedAttempts: 8, lockedUntil: NOW - 1 }, NOW)).toBe(false);
  });

  it('clamps a deadline further away than the count allows (a turned-back clock or an edited file)', () => {
    // Five failures allow 30 s, not a day.
    expect(retryAt({ failedAttempts: 5, lockedUntil: NOW + 24 * HOUR }, NOW)).toBe(NOW + 30 * SECOND);
    // Many failures allow an hour at most.
    expect(retryAt({ failedAttempts: 99, lockedUntil: Number.MAX_SAFE_INTEGER }, NOW)).toBe(NOW + HOUR);
  });

  it('ignores a deadline stored with a count that allows no wait at all', () => {
    expect(retryAt({ failedAttempts: 0, lockedUntil: NOW + HOUR }, NOW)).toBeNull();
    expect(retryAt({ failedAttempts: LOCKOUT_FREE_ATTEMPTS, lockedUntil: NOW + HOUR }, NOW)).toBeNull();
    expect(isLockedOut({ failedAttempts: LOCKOUT_FREE_ATTEMPTS, lockedUntil: NOW + HOUR }, NOW)).toBe(false);
  });

  it('never locks for longer than the count allows, and agrees with isLockedOut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { nil: null }),
        fc.integer({ min: 0, max: 2 ** 45 }),
        (failedAttempts, offset, now) => {
          const state: LockoutState = { failedAttempts, lockedUntil: offset === null ? null : now + offset };
          const at = retryAt(state, now);
          expect(isLockedOut(state, now)).toBe(at !== null);
          if (at === null) return;
          expect(at).toBeGreaterThan(now);
          expect(at).toBeLessThanOrEqual(now + lockoutDelayMs(failedAttempts));
          expect(at).toBeLessThanOrEqual(state.lockedUntil!);
          // Within the allowance the stored deadline stands.
          if (state.lockedUntil! <= now + lockoutDelayMs(failedAttempts)) expect(at).toBe(state.lockedUntil);
        },
      ),
    );
  });
});
