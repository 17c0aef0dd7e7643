import { describe, expect, test } from "vitest";
import {
  type RecordedAttempt,
  combineDecisions,
  describeRetryAfter,
  evaluateRateLimit,
} from "@/lib/auth/rate-limit-policy";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (minutes: number, succeeded = false): RecordedAttempt => ({
  createdAt: new Date(now.getTime() - minutes * 60_000),
  succeeded,
});
const account = { max: 5, windowMs: 15 * 60_000, resetOnSuccess: true };
const ip = { ...account, resetOnSuccess: false };

describe("evaluateRateLimit", () => {
  test.each([
    { name: "no attempts", attempts: [], rule: account, limited: false },
    { name: "four failures", attempts: [1, 2, 3, 4].map((m) => ago(m)), rule: account, limited: false },
    { name: "five failures in the window", attempts: [1, 2, 3, 4, 5].map((m) => ago(m)), rule: account, limited: true },
    { name: "five failures, one outside the window", attempts: [1, 2, 3, 4, 16].map((m) => ago(m)), rule: account, limited: false },
    {
      name: "account: a success after four failures resets the count",
      attempts: [ago(1), ago(2), ago(3, true), ago(4), ago(5), ago(6), ago(7)],
      rule: account,
      limited: false,
    },
    {
      name: "ip: a success does not reset the count",
      attempts: [ago(1), ago(2), ago(3, true), ago(4), ago(5), ago(6)],
      rule: ip,
      limited: true,
    },
  ])("$name", ({ attempts, rule, limited }) => {
    expect(evaluateRateLimit(attempts, now, rule).limited).toBe(limited);
  });

  test("the wait lasts until the fifth most recent failure leaves the window", () => {
    const decision = evaluateRateLimit([1, 2, 3, 4, 10, 12].map((m) => ago(m)), now, account);
    // failures newest first: 1,2,3,4,10 → the 5th (10 min ago) expires in 5 minutes
    expect(decision).toEqual({ limited: true, retryAfterSeconds: 300 });
  });

  test("attempts arrive in any order", () => {
    const shuffled = [ago(4), ago(1), ago(5), ago(3), ago(2)];
    expect(evaluateRateLimit(shuffled, now, account).limited).toBe(true);
  });
});

describe("combineDecisions and wording", () => {
  test("the longest wait wins", () => {
    expect(
      combineDecisions({ limited: false }, { limited: true, retryAfterSeconds: 30 }, { limited: true, retryAfterSeconds: 90 }),
    ).toEqual({ limited: true, retryAfterSeconds: 90 });
    expect(combineDecisions({ limited: false }, { limited: false })).toEqual({ limited: false });
  });

  test.each([
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
  ])("%i s reads as %s", (seconds, text) => {
    expect(describeRetryAfter(seconds)).toBe(text);
  });
});
