import { describe, expect, it } from 'vitest';
import { afterFailure, failureDelayMs, lockedFor } from './sign-in-throttle.ts';

const rules = { maxFailures: 3, lockMinutes: 10 };
const at = (min: number) => new Date(Date.UTC(2026, 10, 26, 8, min));

describe('sign-in throttle (P6.4.1)', () => {
  it('locks after the set number of failures in a row, for the set minutes', () => {
    let s = afterFailure(undefined, at(0), rules);
    s = afterFailure(s, at(1), rules);
    expect(lockedFor(s, at(1))).toBe(0);
    s = afterFailure(s, at(2), rules);
    expect(lockedFor(s, at(2))).toBe(600);
    expect(lockedFor(s, at(7))).toBe(300);
    expect(lockedFor(s, at(12))).toBe(0);
  });

  it('starts counting again once failures are old or the lock has passed', () => {
    let s = afterFailure(undefined, at(0), rules);
    s = afterFailure(s, at(1), rules);
    s = afterFailure(s, at(30), rules);
    expect(s.failures).toBe(1);
    expect(s.lockedUntil).toBeNull();
  });

  it('slows each failure more, up to a cap', () => {
    expect(failureDelayMs(1)).toBeLessThan(failureDelayMs(2));
    expect(failureDelayMs(100)).toBe(failureDelayMs(1000));
  });
});
