// The account layer against a real database: limits that hold under
// concurrency, sessions that stay dead, password recovery.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { completePasswordReset, resetLinkIsLive, startPasswordReset } from "@/lib/auth/password-reset";
import { createSession, readLiveSession, revokeAllSessions, revokeSession } from "@/lib/auth/session-store";
import { AppError } from "@/lib/app-error";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestDatabase({ poolMax: 8 });
  passwordHash = await hashPassword("right-password-1");
});
afterAll(async () => t?.close());

let n = 0;
async function makeUser(overrides: { disabledAt?: Date } = {}) {
  n++;
  return t.db.user.create({ data: { email: `user${n}@example.com`, name: `User ${n}`, passwordHash, ...overrides } });
}

describe("sign-in limits (finding 3: atomic, counted before the password is checked)", () => {
  test("20 concurrent wrong passwords: at most 5 are evaluated, and then even the right one waits", async () => {
    const user = await makeUser();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => authenticate(t.db, { email: user.email, password: "wrong-password-1", ip: "198.51.100.1" })),
    );
    expect(outcomes.filter((o) => o.status === "refused")).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === "limited")).toHaveLength(15);
    const right = await authenticate(t.db, { email: user.email, password: "right-password-1", ip: "198.51.100.2" });
    expect(right.status).toBe("limited");
    if (right.status === "limited") expect(right.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  test("a success clears the account's failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i++) await authenticate(t.db, { email: user.email, password: "wrong-password-1", ip: "198.51.100.3" });
    expect((await authenticate(t.db, { email: user.email, password: "right-password-1", ip: "198.51.100.3" })).status).toBe("signed-in");
    for (let i = 0; i < 4; i++) {
      expect((await authenticate(t.db, { email: user.email, password: "wrong-password-1", ip: "198.51.100.3" })).status).toBe("refused");
    }
  });

  test("a class of 300 signs in at once from one school address", async () => {
    const students = await Promise.all(Array.from({ length: 300 }, () => makeUser()));
    const outcomes = await Promise.all(
      students.map((s) => authenticate(t.db, { email: s.email, password: "right-password-1", ip: "203.0.113.50" })),
    );
    expect(outcomes.filter((o) => o.status === "signed-in")).toHaveLength(300);
  });

  test("a disabled account is refused even with its password, and an unknown one looks the same", async () => {
    const user = await makeUser({ disabledAt: new Date() });
    expect((await authenticate(t.db, { email: user.email, password: "right-password-1", ip: "198.51.100.4" })).status).toBe("refused");
    expect((await authenticate(t.db, { email: "nobody@example.com", password: "right-password-1", ip: "198.51.100.4" })).status).toBe("refused");
  });
});

describe("server-side sessions (findings 1 and 8)", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  test("a session is live until it is revoked, and a revoked one stays dead", async () => {
    const user = await makeUser();
    const sid = await createSession(t.db, { userId: user.id, now });
    expect(await readLiveSession(t.db, { sessionId: sid, userId: user.id, now })).toEqual({ sessionId: sid, userId: user.id, email: user.email, name: user.name, role: "STUDENT" });
    await revokeSession(t.db, sid, now);
    expect(await readLiveSession(t.db, { sessionId: sid, userId: user.id, now: later(1) })).toBeNull();
  });

  test("another user's id with my session is refused", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const sid = await createSession(t.db, { userId: a.id, now });
    expect(await readLiveSession(t.db, { sessionId: sid, userId: b.id, now })).toBeNull();
  });

  test("changing or resetting a password ends every session; disabling the account does too", async () => {
    const user = await makeUser();
    const sessions = await Promise.all([createSession(t.db, { userId: user.id, now }), createSession(t.db, { userId: user.id, now })]);
    expect(await revokeAllSessions(t.db, user.id, now)).toBe(2);
    for (const sid of sessions) expect(await readLiveSession(t.db, { sessionId: sid, userId: user.id, now })).toBeNull();

    const other = await makeUser();
    const sid = await createSession(t.db, { userId: other.id, now });
    await t.db.user.update({ where: { id: other.id }, data: { disabledAt: now } });
    expect(await readLiveSession(t.db, { sessionId: sid, userId: other.id, now })).toBeNull();
  });

  test("an unused session expires after 14 days; a used one slides forward", async () => {
    const user = await makeUser();
    const idle = await createSession(t.db, { userId: user.id, now });
    expect(await readLiveSession(t.db, { sessionId: idle, userId: user.id, now: later(14 * 24 + 1) })).toBeNull();
    const busy = await createSession(t.db, { userId: user.id, now });
    expect(await readLiveSession(t.db, { sessionId: busy, userId: user.id, now: later(13 * 24) })).not.toBeNull();
    expect(await readLiveSession(t.db, { sessionId: busy, userId: user.id, now: later(20 * 24) })).not.toBeNull();
  });
});

describe("password recovery", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const publicUrl = "https://stratus.example";

  test("an unknown or disabled email gets no link and no mail; the answer is the same", async () => {
    const before = await t.db.mailMessage.count();
    expect(await startPasswordReset(t.db, { email: "nobody@example.com", now, publicUrl })).toEqual({ queued: false });
    const disabled = await makeUser({ disabledAt: now });
    expect(await startPasswordReset(t.db, { email: disabled.email, now, publicUrl })).toEqual({ queued: false });
    expect(await t.db.mailMessage.count()).toBe(before);
  });

  test("a link is stored hashed, works once, sets the password and ends every session", async () => {
    const user = await makeUser();
    const sid = await createSession(t.db, { userId: user.id, now });
    expect(await startPasswordReset(t.db, { email: user.email, now, publicUrl })).toEqual({ queued: true });
    const mail = await t.db.mailMessage.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(link.origin).toBe(publicUrl);
    const token = link.searchParams.get("token")!;
    expect(token.length).toBeGreaterThan(30);
    const stored = await t.db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(await resetLinkIsLive(t.db, { token, now })).toBe(true);

    const tries = await Promise.allSettled([
      completePasswordReset(t.db, { token, newPassword: "new-password-22", now }),
      completePasswordReset(t.db, { token, newPassword: "other-password-33", now }),
    ]);
    expect(tries.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = tries.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe("EXPIRED");
    expect(await resetLinkIsLive(t.db, { token, now })).toBe(false);
    expect(await readLiveSession(t.db, { sessionId: sid, userId: user.id, now })).toBeNull();
    expect((await authenticate(t.db, { email: user.email, password: "right-password-1", ip: "198.51.100.9" })).status).toBe("refused");
  });

  test("a link older than 30 minutes is refused", async () => {
    const user = await makeUser();
    await startPasswordReset(t.db, { email: user.email, now, publicUrl });
    const mail = await t.db.mailMessage.findFirstOrThrow({ where: { to: user.email } });
    const token = new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get("token")!;
    const late = new Date(now.getTime() + 31 * 60_000);
    await expect(completePasswordReset(t.db, { token, newPassword: "new-password-22", now: late })).rejects.toMatchObject({ code: "EXPIRED" });
  });
});
