// Sign-in rate limits stored in the database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkSignInAllowed, recordSignInAttempt } from "@/lib/auth/sign-in-attempts";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("sign-in rate limits", () => {
  test("an account is limited after 5 failures and freed by nothing but time", async () => {
    for (let i = 0; i < 4; i++) await recordSignInAttempt(t.db, "a@example.com", "10.0.0.1", false);
    expect(await checkSignInAllowed(t.db, "a@example.com", "10.0.0.1")).toEqual({ limited: false });
    await recordSignInAttempt(t.db, "a@example.com", "10.0.0.1", false);
    const limited = await checkSignInAllowed(t.db, "a@example.com", "10.0.0.2");
    expect(limited.limited).toBe(true);
    if (limited.limited) expect(limited.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The same account from another IP is still limited; another account from the first IP is not.
    expect((await checkSignInAllowed(t.db, "b@example.com", "10.0.0.1")).limited).toBe(false);
    // Sixteen minutes later the window has passed.
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await checkSignInAllowed(t.db, "a@example.com", "10.0.0.1", later)).limited).toBe(false);
  });

  test("a success clears an account's earlier failures", async () => {
    for (let i = 0; i < 4; i++) await recordSignInAttempt(t.db, "c@example.com", "10.0.1.1", false);
    await recordSignInAttempt(t.db, "c@example.com", "10.0.1.1", true);
    await recordSignInAttempt(t.db, "c@example.com", "10.0.1.1", false);
    expect((await checkSignInAllowed(t.db, "c@example.com", "10.0.1.1")).limited).toBe(false);
  });

  test("an IP is limited after 20 failures across accounts, and a success does not reset it", async () => {
    for (let i = 0; i < 19; i++) await recordSignInAttempt(t.db, `user${i}@example.com`, "10.9.9.9", false);
    await recordSignInAttempt(t.db, "mine@example.com", "10.9.9.9", true);
    expect((await checkSignInAllowed(t.db, "new@example.com", "10.9.9.9")).limited).toBe(false);
    await recordSignInAttempt(t.db, "user19@example.com", "10.9.9.9", false);
    expect((await checkSignInAllowed(t.db, "new@example.com", "10.9.9.9")).limited).toBe(true);
  });
});
