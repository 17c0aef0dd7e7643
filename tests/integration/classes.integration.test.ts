// Classes and assignments against a real database: who may do what (a foreign
// id is NOT_FOUND and changes nothing), the deadline rule on real attempts, the
// sweep grading at the due time, and the review policy keeping keys hidden.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AppError } from "@/lib/app-error";
import { type AssignmentFields, createAssignment, deleteAssignment, setOverride, updateAssignment } from "@/lib/classes/assignments";
import { loadClassDashboard } from "@/lib/classes/class-dashboard";
import { assignmentForStaff, classForStaff } from "@/lib/classes/class-pages";
import { loadClassStudent } from "@/lib/classes/class-student";
import { createClass, joinClass, leaveClass, removeStudent, rotateJoinCode, setAccommodation, setClassArchived, updateClass } from "@/lib/classes/classes";
import { startAssignment } from "@/lib/classes/start-assignment";
import { assignedToStudent } from "@/lib/classes/student-assignments";
import { loadResults, loadResultsForViewer } from "@/lib/exams/attempt-results";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { lockedQuestionIds } from "@/lib/exams/key-lock";
import { gradeOverdueAttempts } from "@/lib/exams/sweep";
import { loadAssignmentReport } from "@/lib/insights/assignment-report";
import { toCsv } from "@/lib/insights/csv";
import { loadDashboard } from "@/lib/learning/dashboard";
import { masteryLevel } from "@/lib/learning/mastery";
import { gradebookRows } from "@/lib/insights/gradebook";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

type Caller = { id: string; role: "STUDENT" | "INSTRUCTOR" | "ADMIN" };
let n = 0;
async function user(role: Caller["role"] = "STUDENT", name?: string): Promise<Caller> {
  n++;
  const u = await t.db.user.create({ data: { email: `u${n}@example.com`, name: name ?? `User ${n}`, passwordHash: "x", role } });
  return { id: u.id, role };
}

const fields = (over: Partial<AssignmentFields> = {}): AssignmentFields => ({
  title: "Mock 1",
  scope: { kind: "mock" },
  questionCount: 65,
  opensAt: at(0),
  dueAt: at(600),
  timeLimitMinutes: 130,
  attemptsAllowed: 1,
  reviewContent: "FULL",
  reviewTiming: "IMMEDIATELY",
  ...over,
});

/** A class with its instructor and one enrolled student. */
async function classWithStudent() {
  const instructor = await user("INSTRUCTOR", "Ines");
  const student = await user("STUDENT", "Sam");
  const { classId } = await createClass(t.db, instructor, { name: "Evening cohort", description: "" });
  const found = await t.db.class.findUniqueOrThrow({ where: { id: classId } });
  await joinClass(t.db, student, found.joinCode, at(-60));
  return { instructor, student, classId, joinCode: found.joinCode };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

/** Everything a class operation could change, to show that a refused one changed nothing. */
async function snapshot(classId: string) {
  const [cls, enrollments, accommodations, assignments, overrides, attempts] = await Promise.all([
    t.db.class.findUnique({ where: { id: classId } }),
    t.db.enrollment.findMany({ where: { classId }, orderBy: { userId: "asc" } }),
    t.db.accommodation.findMany({ where: { classId }, orderBy: { userId: "asc" } }),
    t.db.assignment.findMany({ where: { classId }, orderBy: { id: "asc" } }),
    t.db.assignmentOverride.findMany({ where: { assignment: { classId } }, orderBy: { userId: "asc" } }),
    t.db.attempt.findMany({ where: { assignment: { classId } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ cls, enrollments, accommodations, assignments, overrides, attempts });
}

beforeAll(async () => {
  t = await createTestDatabase({ poolMax: 4 });
  await seed(t.db, { demo: false });
});
afterAll(async () => t?.close());

describe("who may do what", () => {
  test("the authorisation matrix: only the class's instructor and admins manage it; its students see it; everyone else gets NOT_FOUND and changes nothing", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields());
    const otherStudent = await user("STUDENT");
    const otherInstructor = await user("INSTRUCTOR");
    const admin = await user("ADMIN");
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(5), settings });

    // Every managing operation, as a thunk per caller.
    const manage: Record<string, (c: Caller) => Promise<unknown>> = {
      updateClass: (c) => updateClass(t.db, c, classId, { name: "Renamed", description: "x" }),
      archive: (c) => setClassArchived(t.db, c, classId, true, at(10)),
      rotate: (c) => rotateJoinCode(t.db, c, classId),
      accommodation: (c) => setAccommodation(t.db, c, classId, student.id, { timeMultiplier: 2, extraAttempts: 1, note: "" }),
      createAssignment: (c) => createAssignment(t.db, c, classId, fields({ title: "Another" })),
      updateAssignment: (c) => updateAssignment(t.db, c, assignmentId, fields({ title: "Retitled" })),
      override: (c) => setOverride(t.db, c, assignmentId, student.id, { dueAt: at(900), timeLimitMinutes: null, untimed: false, attemptsAllowed: null }),
      deleteAssignment: (c) => deleteAssignment(t.db, c, assignmentId),
      removeStudent: (c) => removeStudent(t.db, c, classId, student.id),
      staffView: (c) => assignmentForStaff(t.db, c, assignmentId, at(10)),
    };
    for (const caller of [otherStudent, student, otherInstructor]) {
      for (const [name, run] of Object.entries(manage)) {
        const before = await snapshot(classId);
        await expect(run(caller), `${name} as ${caller.role}`).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
        expect(await snapshot(classId), `${name} as ${caller.role} changed nothing`).toBe(before);
      }
    }
    // The class page: staff view for the instructor and admins, student view for its student, nothing for others.
    expect((await classForStaff(t.db, instructor, classId)).viewer).toBe("staff");
    expect((await classForStaff(t.db, admin, classId)).viewer).toBe("staff");
    const asStudent = await classForStaff(t.db, student, classId);
    expect(asStudent.viewer).toBe("student");
    expect(asStudent.roster).toEqual([]);
    await expectAppError(classForStaff(t.db, otherStudent, classId), "NOT_FOUND");
    await expectAppError(classForStaff(t.db, otherInstructor, classId), "NOT_FOUND");
    // Starting: only its students.
    for (const caller of [otherStudent, otherInstructor]) await expectAppError(startAssignment(t.db, caller, { assignmentId, now: at(6), settings }), "NOT_FOUND");
    // Results of the student's attempt: the student, the class's instructor and admins; no one else.
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(20), settings });
    expect((await loadResultsForViewer(t.db, { viewer: student, attemptId, now: at(21), settings }))?.viewer).toBe("owner");
    expect((await loadResultsForViewer(t.db, { viewer: instructor, attemptId, now: at(21), settings }))?.viewer).toBe("staff");
    expect((await loadResultsForViewer(t.db, { viewer: admin, attemptId, now: at(21), settings }))?.viewer).toBe("staff");
    for (const caller of [otherStudent, otherInstructor]) await expectAppError(loadResultsForViewer(t.db, { viewer: caller, attemptId, now: at(21), settings }), "NOT_FOUND");

    // The instructor and an admin may do each of these.
    await updateClass(t.db, admin, classId, { name: "Renamed by admin", description: "" });
    await setAccommodation(t.db, instructor, classId, student.id, { timeMultiplier: 1.5, extraAttempts: 0, note: "" });
    expect((await t.db.class.findUniqueOrThrow({ where: { id: classId } })).name).toBe("Renamed by admin");
    expect((await t.db.accommodation.findFirstOrThrow({ where: { classId } })).timeMultiplier).toBe(1.5);
    // A student leaves only their own classes; their attempt stays.
    await expectAppError(leaveClass(t.db, otherStudent, classId), "NOT_FOUND");
    await leaveClass(t.db, student, classId);
    expect(await t.db.attempt.count({ where: { id: attemptId } })).toBe(1);
    await expectAppError(startAssignment(t.db, student, { assignmentId, now: at(30), settings }), "NOT_FOUND");
  });

  test("joining: by code, idempotent; an archived class or a rotated code takes no one; an archived class takes no assignment", async () => {
    const { instructor, classId, joinCode } = await classWithStudent();
    const newcomer = await user();
    expect(await joinClass(t.db, newcomer, joinCode, at(0))).toEqual({ classId, alreadyMember: false });
    expect(await joinClass(t.db, newcomer, joinCode, at(1))).toEqual({ classId, alreadyMember: true });
    const { joinCode: fresh } = await rotateJoinCode(t.db, instructor, classId);
    expect(fresh).not.toBe(joinCode);
    await expectAppError(joinClass(t.db, await user(), joinCode, at(2)), "NOT_FOUND");
    await setClassArchived(t.db, instructor, classId, true, at(3));
    await expectAppError(joinClass(t.db, await user(), fresh, at(4)), "NOT_FOUND");
    await expectAppError(createAssignment(t.db, instructor, classId, fields()), "CLOSED");
    await setClassArchived(t.db, instructor, classId, false, at(5));
    await joinClass(t.db, await user(), fresh, at(6));
    expect(await t.db.enrollment.count({ where: { classId } })).toBe(3);
  });

  test("a student's starts of an assignment racing each other (a double click, two tabs) make one attempt", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields());
    const starts = await Promise.all(Array.from({ length: 6 }, () => startAssignment(t.db, student, { assignmentId, now: at(1), settings })));
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    expect(starts.filter((s) => !s.resumed)).toHaveLength(1);
    expect(await t.db.attempt.count({ where: { userId: student.id, assignmentId } })).toBe(1);
  });

  test("removing a student keeps their attempts and results", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields());
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(2), settings });
    await removeStudent(t.db, instructor, classId, student.id);
    expect(await t.db.enrollment.count({ where: { classId } })).toBe(0);
    const overview = await assignmentForStaff(t.db, instructor, assignmentId, at(3));
    expect(overview.students.map((s) => [s.name, s.enrolled, s.attempts.length])).toEqual([["Sam", false, 1]]);
    expect((await loadResultsForViewer(t.db, { viewer: instructor, attemptId, now: at(3), settings }))?.items).toHaveLength(65);
  });
});

describe("assignments on the students' terms", () => {
  test("×1.5 time and an override: the deadline follows the one rule, and an override changed mid-attempt moves it", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const classmate = await user();
    await joinClass(t.db, classmate, (await t.db.class.findUniqueOrThrow({ where: { id: classId } })).joinCode, at(0));
    await setAccommodation(t.db, instructor, classId, student.id, { timeMultiplier: 1.5, extraAttempts: 1, note: "" });
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ timeLimitMinutes: 60, dueAt: at(500) }));
    const a = await startAssignment(t.db, student, { assignmentId, now: at(10), settings });
    const b = await startAssignment(t.db, classmate, { assignmentId, now: at(10), settings });
    const deadline = async (id: string) => (await t.db.attempt.findUniqueOrThrow({ where: { id } })).deadline?.toISOString();
    expect(await deadline(a.attemptId)).toBe(at(100).toISOString());
    expect(await deadline(b.attemptId)).toBe(at(70).toISOString());
    // Same questions for everyone, each with their own choice order.
    const items = async (id: string) => (await t.db.attemptItem.findMany({ where: { attemptId: id }, orderBy: { questionId: "asc" } })).map((i) => i.questionId);
    expect(await items(a.attemptId)).toEqual(await items(b.attemptId));
    // The classmate's own override: 45 minutes wins over everything, and applies to the attempt in progress.
    await setOverride(t.db, instructor, assignmentId, classmate.id, { dueAt: null, timeLimitMinutes: 45, untimed: false, attemptsAllowed: 3 });
    expect(await deadline(b.attemptId)).toBe(at(55).toISOString());
    // Attempts: 1 + 1 extra for the accommodated student; the override's 3 for the classmate.
    const [mine] = await assignedToStudent(t.db, { userId: student.id, now: at(11), assignmentId });
    expect(mine).toMatchObject({ status: "IN_PROGRESS", attemptsAllowed: 2, attemptsLeft: 1, timeLimitMinutes: 90, adjustments: ["×1.5 time", "+1 attempt"] });
    const [theirs] = await assignedToStudent(t.db, { userId: classmate.id, now: at(11), assignmentId });
    expect(theirs).toMatchObject({ attemptsAllowed: 3, timeLimitMinutes: 45 });
  });

  test("the due time cuts the limit short, refuses a start after it, and the sweep grades every open attempt at the due time", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ dueAt: at(60), timeLimitMinutes: 130 }));
    const [before] = await assignedToStudent(t.db, { userId: student.id, now: at(30), assignmentId });
    expect(before!.ifStartedNow).toEqual({ minutes: 30, cutShort: true });
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(30), settings });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).deadline?.toISOString()).toBe(at(60).toISOString());
    // The student never comes back: within grace nothing happens, after it the sweep grades.
    // (Other tests' attempts share this database: look at this one.)
    const status = async () => (await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status;
    // Within grace and the queue allowance for on-time requests (70 s) nothing happens; after it, the sweep grades.
    await gradeOverdueAttempts(t.db, { now: at(61), settings });
    expect(await status()).toBe("IN_PROGRESS");
    await gradeOverdueAttempts(t.db, { now: at(62), settings });
    expect(await status()).toBe("EXPIRED");
    const gradedAt = (await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).gradedAt;
    await gradeOverdueAttempts(t.db, { now: at(63), settings });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).gradedAt).toEqual(gradedAt);
    const late = await user();
    await joinClass(t.db, late, (await t.db.class.findUniqueOrThrow({ where: { id: classId } })).joinCode, at(61));
    await expectAppError(startAssignment(t.db, late, { assignmentId, now: at(61), settings }), "CLOSED");
    const [missed] = await assignedToStudent(t.db, { userId: late.id, now: at(61), assignmentId });
    expect(missed!.status).toBe("MISSED");
  });

  test("once students have started, only the title, due time, attempts and review policy change", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields());
    await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    const before = await snapshot(classId);
    await expectAppError(updateAssignment(t.db, instructor, assignmentId, fields({ timeLimitMinutes: 20 })), "CONFLICT");
    await expectAppError(updateAssignment(t.db, instructor, assignmentId, fields({ scope: { kind: "scoped", domains: [1], taskStatements: [], topics: [] }, questionCount: 10 })), "CONFLICT");
    await expectAppError(deleteAssignment(t.db, instructor, assignmentId), "CONFLICT");
    expect(await snapshot(classId)).toBe(before);
    expect(await updateAssignment(t.db, instructor, assignmentId, fields({ title: "Renamed", dueAt: at(900), attemptsAllowed: 2, reviewTiming: "AFTER_DUE" }))).toEqual({ started: 1 });
    expect(await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({ title: "Renamed", attemptsAllowed: 2, reviewTiming: "AFTER_DUE" });
  });

  test("a scoped set draws only from what was chosen", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ scope: { kind: "scoped", domains: [], taskStatements: ["2.2"], topics: [] }, questionCount: 12, timeLimitMinutes: null }));
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    const items = await t.db.attemptItem.findMany({ where: { attemptId }, include: { question: { select: { taskStatementId: true, pool: true } } } });
    expect(items).toHaveLength(12);
    expect(new Set(items.map((i) => i.question.taskStatementId))).toEqual(new Set(["2.2"]));
    expect(items.every((i) => i.question.pool === "MAIN")).toBe(true);
    // Untimed: open until the due time.
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).deadline?.toISOString()).toBe(at(600).toISOString());
  });
});

describe("the review policy", () => {
  test("after the due date: nothing but 'submitted' before it (no score, domains or keys, and the keys stay locked everywhere), everything after", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ dueAt: at(200), reviewTiming: "AFTER_DUE" }));
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(20), settings });
    const questionIds = (await t.db.attemptItem.findMany({ where: { attemptId } })).map((i) => i.questionId);

    const early = (await loadResults(t.db, { userId: student.id, attemptId, now: at(30), settings }))!;
    expect(early.visibility).toEqual({ score: false, domains: false, questions: false, availableAt: at(200) });
    expect(early).toMatchObject({ items: [], domains: [], taskStatements: [], rawScore: 0, scaledScore: 0 });
    expect(JSON.stringify(early)).not.toMatch(/explanation|correctResponse/);
    const locked = await lockedQuestionIds(t.db, { userId: student.id, now: at(30) });
    expect(questionIds.every((q) => locked.has(q))).toBe(true);
    // The instructor sees everything at once.
    expect((await loadResultsForViewer(t.db, { viewer: instructor, attemptId, now: at(30), settings }))!.items.every((i) => i.reveal !== null)).toBe(true);

    const late = (await loadResults(t.db, { userId: student.id, attemptId, now: at(201), settings }))!;
    expect(late.visibility).toEqual({ score: true, domains: true, questions: true, availableAt: null });
    expect(late.items).toHaveLength(65);
    expect(late.items.every((i) => i.reveal !== null)).toBe(true);
    expect((await lockedQuestionIds(t.db, { userId: student.id, now: at(201) })).size).toBe(0);
  });

  test("an override's later due time holds that student's review back until their own due time", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ dueAt: at(200), reviewTiming: "AFTER_DUE" }));
    await setOverride(t.db, instructor, assignmentId, student.id, { dueAt: at(400), timeLimitMinutes: null, untimed: false, attemptsAllowed: null });
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(20), settings });
    expect((await loadResults(t.db, { userId: student.id, attemptId, now: at(300), settings }))!.visibility.score).toBe(false);
    expect((await loadResults(t.db, { userId: student.id, attemptId, now: at(401), settings }))!.visibility.questions).toBe(true);
  });

  test("score and per-domain results: the questions and their keys never open", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ reviewContent: "SCORE_AND_DOMAINS" }));
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(20), settings });
    const results = (await loadResults(t.db, { userId: student.id, attemptId, now: at(9_999), settings }))!;
    expect(results.visibility).toMatchObject({ score: true, domains: true, questions: false });
    expect(results.items).toEqual([]);
    expect(results.domains.length).toBe(4);
    expect((await lockedQuestionIds(t.db, { userId: student.id, now: at(9_999) })).size).toBe(65);
  });
});

describe("the assignment report", () => {
  test("counts each student's first graded attempt by default, every attempt on request, and only for the class's staff", async () => {
    const { instructor, student, classId, joinCode } = await classWithStudent();
    const classmate = await user("STUDENT", "Cleo");
    await joinClass(t.db, classmate, joinCode, at(0));
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ attemptsAllowed: 2 }));
    for (const [who, minute] of [[student, 1], [classmate, 2], [student, 30]] as const) {
      const { attemptId } = await startAssignment(t.db, who, { assignmentId, now: at(minute), settings });
      await submitAttempt(t.db, { userId: who.id, attemptId, now: at(minute + 10), settings });
    }
    const first = await loadAssignmentReport(t.db, instructor, { assignmentId, now: at(100), which: "first" });
    expect(first.counted).toBe(2);
    expect(first.test.attempts).toBe(2);
    expect(first.questions).toHaveLength(65);
    expect(first.questions.every((q) => q.stats.facility === 0 && q.correctKeys.length > 0)).toBe(true);
    expect(first.percents).toEqual([0, 0]);
    expect((await loadAssignmentReport(t.db, instructor, { assignmentId, now: at(100), which: "all" })).counted).toBe(3);
    // A second view of the same graded attempts reuses the kept analysis; another graded attempt is a new one.
    const again = await loadAssignmentReport(t.db, instructor, { assignmentId, now: at(100), which: "first" });
    expect(again.questions).toBe(first.questions);
    const late = await user("STUDENT", "Lou");
    await joinClass(t.db, late, joinCode, at(0));
    const lateAttempt = await startAssignment(t.db, late, { assignmentId, now: at(40), settings });
    await submitAttempt(t.db, { userId: late.id, attemptId: lateAttempt.attemptId, now: at(45), settings });
    const after = await loadAssignmentReport(t.db, instructor, { assignmentId, now: at(100), which: "first" });
    expect(after.counted).toBe(3);
    expect(after.percents).toHaveLength(3);
    expect(after.questions).not.toBe(first.questions);
    await expectAppError(loadAssignmentReport(t.db, await user("INSTRUCTOR"), { assignmentId, now: at(100), which: "first" }), "NOT_FOUND");
    await expectAppError(loadAssignmentReport(t.db, student, { assignmentId, now: at(100), which: "first" }), "NOT_FOUND");
  });
});

describe("the gradebook export", () => {
  test("students × assignments with each best graded attempt, formulas neutralised, staff only", async () => {
    const { instructor, student, classId } = await classWithStudent();
    await t.db.user.update({ where: { id: student.id }, data: { name: "=HYPERLINK(\"http://evil.example\")" } });
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ title: "Mock 1", attemptsAllowed: 2 }));
    const first = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId: first.attemptId, now: at(5), settings });
    const { rows } = await gradebookRows(t.db, instructor, classId);
    expect(rows[0]).toEqual(["Student", "Email", "In class", "Mock 1 (of 65)", "Mock 1 scaled"]);
    expect(rows[1]!.slice(2)).toEqual(["yes", 0, 100]);
    expect(toCsv(rows).split("\r\n")[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
    await expectAppError(gradebookRows(t.db, student, classId), "NOT_FOUND");
    await expectAppError(gradebookRows(t.db, await user("INSTRUCTOR"), classId), "NOT_FOUND");
  });
});

describe("the class dashboard", () => {
  /** Task-statement mastery for a student: `rating` on every task statement, `evidence` answers each. */
  async function practised(userId: string, rating: number, evidence: number) {
    const codes = (await t.db.taskStatement.findMany({ select: { id: true } })).map((ts) => ts.id);
    await t.db.mastery.createMany({
      data: codes.map((scopeId) => ({ userId, scope: "TASK_STATEMENT" as const, scopeId, rating, variance: 0.2, evidence, correct: Math.floor(evidence / 2) })),
    });
    return codes;
  }

  test("only the class's instructor and admins see it, and a student's page only for a student on the roster", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const admin = await user("ADMIN");
    expect((await loadClassDashboard(t.db, instructor, classId, at(10))).students.map((s) => s.userId)).toEqual([student.id]);
    expect((await loadClassDashboard(t.db, admin, classId, at(10))).students).toHaveLength(1);
    await expectAppError(loadClassDashboard(t.db, await user("INSTRUCTOR"), classId, at(10)), "NOT_FOUND");
    await expectAppError(loadClassDashboard(t.db, student, classId, at(10)), "NOT_FOUND");
    expect((await loadClassStudent(t.db, instructor, classId, student.id, at(10))).student.id).toBe(student.id);
    await expectAppError(loadClassStudent(t.db, await user("INSTRUCTOR"), classId, student.id, at(10)), "NOT_FOUND");
    await expectAppError(loadClassStudent(t.db, student, classId, student.id, at(10)), "NOT_FOUND");
    // Someone else's student (not on this roster), even one the instructor teaches elsewhere.
    const other = await classWithStudent();
    await expectAppError(loadClassStudent(t.db, instructor, classId, other.student.id, at(10)), "NOT_FOUND");
  });

  test("each student's prediction is the one their own dashboard shows, kept as a snapshot until their evidence changes", async () => {
    const { instructor, student, classId, joinCode } = await classWithStudent();
    const idle = await user("STUDENT", "Ida");
    await joinClass(t.db, idle, joinCode, at(-60 * 24 * 10)); // joined ten days ago, never active
    await practised(student.id, -0.8, 6);
    const now = at(10);
    const first = await loadClassDashboard(t.db, instructor, classId, now);
    const own = await loadDashboard(t.db, { userId: student.id, now, settings: { timeZone: "UTC", newCardsPerDay: 20 } });
    const sam = first.students.find((s) => s.userId === student.id)!;
    expect(own.readiness.ready).toBe(true);
    expect(sam.readiness).toEqual(own.readiness);
    expect(sam.domains.every((d) => d.mastery !== null && Math.abs(d.mastery - masteryLevel({ rating: -0.8 })) < 1e-9)).toBe(true);
    expect(first.weakest.length).toBeGreaterThan(0);
    expect(first.weakest.every((w) => w.students === 1)).toBe(true);
    const ida = first.students.find((s) => s.userId === idle.id)!;
    expect(ida.risk).toEqual({ atRisk: true, reasons: [expect.stringMatching(/^no activity in 10 days since joining$/)] });
    expect(sam.risk.atRisk).toBe(own.readiness.ready && own.readiness.passProbability < 0.5);

    // The snapshot is reused while the stamp holds: mark it, and the mark comes back.
    const stored = await t.db.readinessSnapshot.findUniqueOrThrow({ where: { userId: student.id } });
    const marked = { ...(stored.readiness as object), predictedScore: 999 };
    await t.db.readinessSnapshot.update({ where: { userId: student.id }, data: { readiness: marked } });
    const again = await loadClassDashboard(t.db, instructor, classId, now);
    expect(again.students.find((s) => s.userId === student.id)!.readiness).toMatchObject({ predictedScore: 999 });
    // One more answer changes the stamp: predicted afresh and written back.
    await t.db.mastery.updateMany({ where: { userId: student.id, scopeId: "1.1" }, data: { evidence: 7, rating: 0 } });
    const fresh = await loadClassDashboard(t.db, instructor, classId, now);
    const ownNow = await loadDashboard(t.db, { userId: student.id, now, settings: { timeZone: "UTC", newCardsPerDay: 20 } });
    expect(fresh.students.find((s) => s.userId === student.id)!.readiness).toEqual(ownNow.readiness);
    expect((await t.db.readinessSnapshot.findUniqueOrThrow({ where: { userId: student.id } })).readiness).toEqual(JSON.parse(JSON.stringify(ownNow.readiness)));
  });

  test("assignments done and their mean best scaled score; the student's page lists only this class's attempts", async () => {
    const { instructor, student, classId } = await classWithStudent();
    const { assignmentId } = await createAssignment(t.db, instructor, classId, fields({ attemptsAllowed: 2 }));
    await createAssignment(t.db, instructor, classId, fields({ title: "Mock 2" }));
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(1), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(5), settings });
    const d = await loadClassDashboard(t.db, instructor, classId, at(10));
    expect(d.students[0]!.assignments).toEqual({ done: 1, total: 2, meanScaled: 100 });
    const view = await loadClassStudent(t.db, instructor, classId, student.id, at(10));
    expect(view.attempts.map((a) => [a.assignmentId, a.status, a.scaledScore])).toEqual([[assignmentId, "SUBMITTED", 100]]);
  });
});
