// Repeated failed sign-ins for one username are slowed, then locked for a while (P6.4.1:
// protect customer information by protecting the accounts that reach it).

export type ThrottleState = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };
export type ThrottleRules = { maxFailures: number; lockMinutes: number };

/** Each failure in a row makes the answer this much slower, up to the cap. */
export const DELAY_STEP_MS = 150;
export const DELAY_CAP_MS = 1500;

/** Seconds until the username may try again, or 0 when it may try now. */
export function lockedFor(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** The state after one more failure: the count restarts when the last failure is older than the lock window. */
export function afterFailure(state: ThrottleState | undefined, now: Date, rules: ThrottleRules): ThrottleState {
  const windowMs = rules.lockMinutes * 60_000;
  const fresh = !state || now.getTime() - state.lastFailureAt.getTime() > windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = (fresh ? 0 : state.failures) + 1;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: failures >= rules.maxFailures ? new Date(now.getTime() + windowMs) : null,
  };
}

/** How long to hold the answer to a failed attempt. */
export function failureDelayMs(failures: number): number {
  return Math.min(DELAY_CAP_MS, DELAY_STEP_MS * failures);
}
