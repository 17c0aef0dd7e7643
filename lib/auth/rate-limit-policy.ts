// Rate limits for account actions, as numbers. The counting itself is
// rate-limiter-flexible's PostgreSQL store (rate-limits.ts): one atomic
// INSERT … ON CONFLICT per attempt, taken BEFORE the password is verified, so
// concurrent guesses cannot all slip through a check-then-record gap.
//
// - Per account: 5 attempts per 15 minutes; a successful sign-in clears the
//   count, so a student who mistyped twice is not held back afterwards.
// - Per client address: 500 attempts per 15 minutes, and a successful sign-in
//   gives its point back, so the limit counts failures plus attempts in flight.
//   A class of 300 behind one school address signing in at once fits; a
//   password-spraying client does not.

export type LimitRule = { points: number; durationSeconds: number };

export const ACCOUNT_LIMITS = {
  signInPerAccount: { points: 5, durationSeconds: 15 * 60 },
  signInPerAddress: { points: 500, durationSeconds: 15 * 60 },
  signUpPerAddress: { points: 10, durationSeconds: 60 * 60 },
  passwordResetPerAccount: { points: 3, durationSeconds: 60 * 60 },
  passwordResetPerAddress: { points: 20, durationSeconds: 60 * 60 },
} as const satisfies Record<string, LimitRule>;

export function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
