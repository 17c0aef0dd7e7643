import { describe, expect, test } from "vitest";
import { ACCOUNT_LIMITS, describeRetryAfter } from "@/lib/auth/rate-limit-policy";

describe("account limits", () => {
  test("an account gets 5 sign-in attempts per 15 minutes", () => {
    expect(ACCOUNT_LIMITS.signInPerAccount).toEqual({ points: 5, durationSeconds: 900 });
  });
  test("one address fits a class of 300 signing in at once", () => {
    expect(ACCOUNT_LIMITS.signInPerAddress.points).toBeGreaterThanOrEqual(300);
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
