// Sign-in rate limits. Pure: decides from recorded attempts, does no I/O.
// When a key has `max` failures inside `windowMs`, it is limited until the
// oldest of those failures leaves the window. For an account, a success clears
// earlier failures; for an IP it does not (else one valid account would let an
// attacker reset the IP limit between guesses at other accounts).

export type RecordedAttempt = { createdAt: Date; succeeded: boolean };
export type RateLimitRule = { max: number; windowMs: number; resetOnSuccess: boolean };
export type RateLimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000, resetOnSuccess: true },
  ip: { max: 20, windowMs: 15 * 60_000, resetOnSuccess: false },
} as const satisfies Record<string, RateLimitRule>;

export function evaluateRateLimit(attempts: RecordedAttempt[], now: Date, rule: RateLimitRule): RateLimitDecision {
  const windowStart = now.getTime() - rule.windowMs;
  const newestFirst = [...attempts]
    .filter((a) => a.createdAt.getTime() > windowStart)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const failures: RecordedAttempt[] = [];
  for (const attempt of newestFirst) {
    if (attempt.succeeded) {
      if (rule.resetOnSuccess) break;
      continue;
    }
    failures.push(attempt);
  }
  if (failures.length < rule.max) return { limited: false };
  const deciding = failures[rule.max - 1]!; // the max-th most recent failure
  const until = deciding.createdAt.getTime() + rule.windowMs;
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

export function combineDecisions(...decisions: RateLimitDecision[]): RateLimitDecision {
  const limited = decisions.filter((d): d is Extract<RateLimitDecision, { limited: true }> => d.limited);
  if (limited.length === 0) return { limited: false };
  return { limited: true, retryAfterSeconds: Math.max(...limited.map((d) => d.retryAfterSeconds)) };
}

export function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
