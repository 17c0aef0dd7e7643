// The admin console against a real database: only admins act, the last active
// admin stays, disabling ends sessions at once, a reset link is queued, and
// every action is in the audit log.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminStartReset, auditEntries, changeRole, findUsers, setDisabled } from "@/lib/admin/users";
import { AppError } from "@/lib/app-error";
import { readLiveSession } from "@/lib/auth/session-store";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const now = new Date("2026-12-05T12:00:00Z");
type Caller = { id: string; email: string; role: "STUDENT" | "INSTRUCTOR" | "ADMIN" };
let n = 0;
async function user(role: Caller["role"]): Promise<Caller> {
  n++;
  const u = await t.db.user.create({ data: { email: `a${n}@example.com`, name: `Person ${n}`, passwordHash: "x", role } });
  return { id: u.id, email: u.email, role };
}
async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("the admin console", () => {
  test("only admins act; nothing changes for anyone else", async () => {
    const target = await user("STUDENT");
    for (const caller of [await user("STUDENT"), await user("INSTRUCTOR")]) {
      await expectAppError(changeRole(t.db, caller, target.id, "ADMIN", now), "FORBIDDEN");
      await expectAppError(setDisabled(t.db, caller, target.id, true, now), "FORBIDDEN");
      await expectAppError(adminStartReset(t.db, caller, target.id, { now, publicUrl: "http://localhost:3000" }), "FORBIDDEN");
      await expectAppError(findUsers(t.db, caller, { query: "" }), "FORBIDDEN");
      await expectAppError(auditEntries(t.db, caller), "FORBIDDEN");
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "STUDENT", disabledAt: null });
    expect(await t.db.auditLog.count()).toBe(0);
  });

  test("promote, never remove the last active admin, disable ends sessions, reset queued; each in the audit log", async () => {
    const admin = await user("ADMIN");
    const student = await user("STUDENT");
    await changeRole(t.db, admin, student.id, "INSTRUCTOR", now);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("INSTRUCTOR");

    // The only active admin can neither demote nor disable themselves out of the role.
    await expectAppError(changeRole(t.db, admin, admin.id, "STUDENT", now), "CONFLICT");
    await expectAppError(setDisabled(t.db, admin, admin.id, true, now), "CONFLICT");
    const second = await user("ADMIN");
    await changeRole(t.db, second, admin.id, "STUDENT", now);
    await changeRole(t.db, second, admin.id, "ADMIN", now);

    const sessionId = await createTestSession(t.db, student.id, now);
    expect(await readLiveSession(t.db, { sessionId, userId: student.id, now })).not.toBeNull();
    await setDisabled(t.db, admin, student.id, true, now);
    expect(await readLiveSession(t.db, { sessionId, userId: student.id, now })).toBeNull();
    await expectAppError(adminStartReset(t.db, admin, student.id, { now, publicUrl: "http://localhost:3000" }), "CONFLICT");
    await setDisabled(t.db, admin, student.id, false, now);
    await adminStartReset(t.db, admin, student.id, { now, publicUrl: "http://localhost:3000" });
    expect(await t.db.passwordResetToken.count({ where: { userId: student.id, requestedBy: admin.id } })).toBe(1);

    const log = await auditEntries(t.db, admin, { take: 20 });
    expect(log.map((e) => [e.action, e.targetEmail]).reverse()).toEqual([
      ["ROLE_CHANGED", student.email],
      ["ROLE_CHANGED", admin.email],
      ["ROLE_CHANGED", admin.email],
      ["ACCOUNT_DISABLED", student.email],
      ["ACCOUNT_ENABLED", student.email],
      ["PASSWORD_RESET_STARTED", student.email],
    ]);
    expect(log.at(-1)).toMatchObject({ actorEmail: admin.email, before: { role: "STUDENT" }, after: { role: "INSTRUCTOR" } });
    expect((await findUsers(t.db, admin, { query: student.email.toUpperCase() })).map((u) => u.id)).toEqual([student.id]);
  });
});
