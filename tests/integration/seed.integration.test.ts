// The seed and content sync against a real database: idempotent, versioned,
// retiring instead of deleting.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { assignmentForStaff } from "@/lib/classes/class-pages";
import { assignedToStudent } from "@/lib/classes/student-assignments";
import { loadContentPack } from "@/lib/content/pack";
import { syncContent } from "@/lib/content/sync";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

async function counts() {
  const [users, questions, choices, versions, lessons, topics] = await Promise.all([
    t.db.user.count(),
    t.db.question.count(),
    t.db.choice.count(),
    t.db.questionVersion.count(),
    t.db.lesson.count(),
    t.db.topic.count(),
  ]);
  return { users, questions, choices, versions, lessons, topics };
}

describe("seed", () => {
  test("a database nobody marked as a demo gets the content and no demo accounts", async () => {
    const pack = loadContentPack();
    const result = await seed(t.db, { demo: false });
    expect(result.users).toEqual({ created: 0 });
    expect(result.content.created.questions).toBe(pack.items.length);
    expect(result.content.created.lessons).toBe(pack.lessons.length);
    const c = await counts();
    expect(c.users).toBe(0);
    expect(c.questions).toBe(pack.items.length);
    expect(c.versions).toBe(pack.items.length);
    expect(c.topics).toBe(pack.blueprint!.domains.flatMap((d) => d.taskStatements.flatMap((ts) => ts.topics)).length);
  });

  test("a demo database gets the demo accounts and the demo class once", async () => {
    const result = await seed(t.db, { demo: true, now: new Date("2026-12-05T12:00:00Z") });
    expect(result.users).toEqual({ created: 3 });
    expect(result.demoClass).toEqual({ created: true });
    // The three demo accounts and the demo student's five classmates.
    expect((await counts()).users).toBe(8);
  });

  test("the demo instructor's class is alive: submitted, in progress, missed and ×1.5 time", async () => {
    const now = new Date("2026-12-05T12:00:00Z");
    const overview = await assignmentForStaff(t.db, { id: "demo-instructor", role: "INSTRUCTOR" }, "demo-assignment-mock-1", now);
    const byName = Object.fromEntries(overview.students.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toHaveLength(6);
    expect(byName["Tomás García"]!.status).toBe("MISSED");
    expect(byName["Lucas Moreau"]).toMatchObject({ status: "SUBMITTED", timeLimitMinutes: 195, adjustments: ["×1.5 time"] });
    expect(overview.students.filter((s) => s.status === "SUBMITTED")).toHaveLength(5);
    expect(overview.students.every((s) => s.attempts.every((a) => a.status !== "SUBMITTED" || (a.scaledScore ?? 0) > 100))).toBe(true);
    const security = await assignmentForStaff(t.db, { id: "demo-instructor", role: "INSTRUCTOR" }, "demo-assignment-security", now);
    expect(security.students.find((s) => s.name === "Priya Patel")!.status).toBe("IN_PROGRESS");
    expect(security.students.find((s) => s.name === "Sam Student")!.status).toBe("OPEN");
    // The demo student sees it all on their dashboard.
    const assigned = await assignedToStudent(t.db, { userId: "demo-student", now });
    expect(assigned.map((a) => [a.title, a.status])).toEqual([
      ["Mock exam 1", "SUBMITTED"],
      ["Security practice set", "OPEN"],
      ["Mock exam 2", "NOT_OPEN"],
    ]);
    // The question statistics page has numbers at once: every question has its row,
    // and those the class answered count their graded answers.
    expect(await t.db.questionStat.count()).toBe(await t.db.question.count());
    const answered = await t.db.attemptItem.count({ where: { attempt: { mode: { in: ["MOCK", "FINAL_MOCK", "ASSIGNMENT"] }, gradedAt: { not: null } }, NOT: { chosenKeys: { isEmpty: true } } } });
    expect((await t.db.questionStat.aggregate({ _sum: { answerCount: true } }))._sum.answerCount).toBe(answered);
  });

  test("second run changes nothing", async () => {
    const before = await counts();
    const stamps = await t.db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
    const result = await seed(t.db, { demo: true });
    expect(result.users).toEqual({ created: 0 });
    expect(result.demoClass).toEqual({ created: false });
    expect(result.content.created).toEqual({ questions: 0, lessons: 0 });
    expect(result.content.updated).toEqual({ questions: 0, lessons: 0, blueprintRows: 0 });
    expect(await counts()).toEqual(before);
    expect(await t.db.question.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(stamps);
  });

  test("demo users sign in with their documented passwords and roles", async () => {
    for (const demo of DEMO_USERS) {
      const user = await t.db.user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user.role).toBe(demo.role);
      expect(await verifyPassword(user.passwordHash, demo.password)).toBe(true);
    }
  });

  test("a demo password someone changed is never reset by a later start", async () => {
    await t.db.user.update({ where: { id: "demo-student" }, data: { passwordHash: "changed-by-its-owner" } });
    const result = await seed(t.db, { demo: true });
    expect(result.users).toEqual({ created: 0 });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: "demo-student" } });
    expect(user.passwordHash).toBe("changed-by-its-owner");
  });
});

describe("content sync", () => {
  test("an edited question gets a new version and keeps the old snapshot", async () => {
    const pack = loadContentPack();
    const target = pack.items.find((l) => l.item.type === "single")!;
    const originalStem = target.item.stem;
    target.item.stem = `${originalStem} (edited)`;
    const report = await syncContent(t.db, pack);
    expect(report.updated.questions).toBe(1);

    const question = await t.db.question.findUniqueOrThrow({ where: { id: target.item.id } });
    expect(question.version).toBe(2);
    expect(question.stem).toBe(`${originalStem} (edited)`);
    const versions = await t.db.questionVersion.findMany({ where: { questionId: target.item.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => (v.snapshot as { stem: string }).stem)).toEqual([originalStem, `${originalStem} (edited)`]);
  });

  test("a question that leaves the pack is retired, not deleted, and attempts keep it", async () => {
    const pack = loadContentPack();
    const removed = pack.items.find((l) => l.item.type === "multiple")!;
    const user = await t.db.user.findFirstOrThrow();
    const attempt = await t.db.attempt.create({
      data: {
        userId: user.id,
        examId: "dva-c02",
        mode: "QUIZ",
        config: {},
        questionCount: 1,
        items: { create: { position: 0, questionId: removed.item.id, questionVersion: 1, choiceOrder: ["a", "b", "c", "d", "e"] } },
      },
    });
    pack.items = pack.items.filter((l) => l !== removed);
    const report = await syncContent(t.db, pack);
    expect(report.retired.questions).toBe(1);
    const row = await t.db.question.findUniqueOrThrow({ where: { id: removed.item.id } });
    expect(row.retiredAt).not.toBeNull();
    expect(await t.db.attemptItem.count({ where: { attemptId: attempt.id } })).toBe(1);

    // Putting it back restores it without a new version.
    const restored = await syncContent(t.db, loadContentPack());
    expect(restored.restored.questions).toBe(1);
    const back = await t.db.question.findUniqueOrThrow({ where: { id: removed.item.id } });
    expect(back.retiredAt).toBeNull();
    expect(back.version).toBe(1);
  });
});
