// Question reports against a real database: a student reports only a question
// whose answer the app has shown them (never one of a timed attempt in
// progress or of an assignment whose review is closed), re-reporting updates
// the open report, staff alone see the queue and resolve, the reporter reads
// the note, and the wrong-key mark and answer counts come from the data.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AppError } from "@/lib/app-error";
import { checkAnswer } from "@/lib/exams/check-answer";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { lessonCheckQuestionIds } from "@/lib/lessons/lesson-check-set";
import { keyDisputedQuestionIds } from "@/lib/question-reports/key-disputes";
import { myQuestionReports, myReportNotes } from "@/lib/question-reports/my-reports";
import { questionAnswerCounts } from "@/lib/question-reports/question-answer-counts";
import { loadReportQueue } from "@/lib/question-reports/report-queue";
import { NOT_REPORTABLE_MESSAGE, reportQuestion } from "@/lib/question-reports/report-question";
import { resolveReports } from "@/lib/question-reports/resolve-reports";
import { reportQuestionSchema, reportQueueFilterSchema, resolveReportsSchema } from "@/lib/question-reports/validation";
import { responsesFor } from "@/lib/seed/scripted-responses";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-04-10T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
type Role = "STUDENT" | "INSTRUCTOR" | "ADMIN";
let n = 0;

async function person(role: Role = "STUDENT") {
  n++;
  const u = await t.db.user.create({ data: { email: `r${n}@example.com`, name: `Person ${n}`, passwordHash: "x", role } });
  return { id: u.id, role };
}
const parse = (raw: Record<string, unknown>) => reportQuestionSchema.parse(raw);
const fromAttempt = (attemptId: string, position: number, reason = "WRONG_KEY", comment = "") =>
  parse({ source: "attempt", attemptId, position: String(position), reason, comment });
async function refused(promise: Promise<unknown>, code: AppError["code"] = "NOT_FOUND", message?: string) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code && (!message || e.message === message));
}

/** A quiz of `count` questions in task statement 2.2, with position 0 checked (its answer revealed). */
async function quizWithFirstChecked(userId: string, now: Date, count = 3) {
  const { attemptId } = await startAttempt(t.db, { userId, input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "2.2" }, count }, now, settings });
  const [first] = await responsesFor(t.db, attemptId, ["right"]);
  await checkAnswer(t.db, { userId, attemptId, position: 0, chosenKeys: first!.chosenKeys, now });
  return attemptId;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { demo: false });
  forgetQuestionPool(t.db);
});
afterAll(async () => t?.close());

describe("what a student may report", () => {
  test("a practice item once checked, not before, and never another student's; re-reporting updates the open report", async () => {
    const student = await person();
    const attemptId = await quizWithFirstChecked(student.id, T0);
    const items = await t.db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });

    // Position 1 has not been checked: nothing to report yet.
    await refused(reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 1), now: T0 }), "NOT_FOUND", NOT_REPORTABLE_MESSAGE);
    // Another student sending this attempt's id gets the same refusal.
    const other = await person();
    await refused(reportQuestion(t.db, { userId: other.id, input: fromAttempt(attemptId, 0), now: T0 }), "NOT_FOUND", NOT_REPORTABLE_MESSAGE);
    // A position that does not exist: the same.
    await refused(reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 99), now: T0 }), "NOT_FOUND", NOT_REPORTABLE_MESSAGE);

    const first = await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0, "WRONG_KEY", "B is right, see the docs"), now: T0 });
    expect(first.status).toBe("created");
    expect(await t.db.questionReport.findUniqueOrThrow({ where: { id: first.reportId } })).toMatchObject({
      reporterId: student.id,
      questionId: items[0]!.questionId,
      questionVersion: items[0]!.questionVersion,
      attemptId,
      position: 0,
      reason: "WRONG_KEY",
      comment: "B is right, see the docs",
      status: "OPEN",
      open: true,
    });

    // The same reason again: the open report's comment is updated, no second report.
    const again = await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0, "WRONG_KEY", "Actually C"), now: at(1) });
    expect(again).toEqual({ status: "updated", reportId: first.reportId });
    expect(await t.db.questionReport.findMany({ where: { reporterId: student.id }, select: { comment: true } })).toEqual([{ comment: "Actually C" }]);
    // An empty comment keeps the one there.
    await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0, "WRONG_KEY"), now: at(2) });
    expect((await t.db.questionReport.findUniqueOrThrow({ where: { id: first.reportId } })).comment).toBe("Actually C");
    // Another reason is another report.
    expect((await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0, "TYPO", "comma"), now: at(3) })).status).toBe("created");
    expect(await t.db.questionReport.count({ where: { reporterId: student.id } })).toBe(2);

    // The database holds one open report per student, question and reason, whatever the code does.
    await expect(
      t.db.questionReport.create({ data: { reporterId: student.id, questionId: items[0]!.questionId, questionVersion: 1, reason: "WRONG_KEY" } }),
    ).rejects.toThrow();
  });

  test("never a question of a timed attempt in progress, from anywhere; after grading, from the results", async () => {
    const student = await person();
    const { attemptId } = await startAttempt(t.db, { userId: student.id, input: { mode: "MOCK" }, now: T0, settings });
    const item = await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } });
    const saves = await responsesFor(t.db, attemptId, () => "right");
    await saveAnswers(t.db, { userId: student.id, sessionId: await createTestSession(t.db, student.id, T0), attemptId, saves: saves.slice(0, 1), now: T0, settings });
    // A review card of the same question (from earlier practice) does not open it either.
    await t.db.reviewCard.create({
      data: { userId: student.id, questionId: item.questionId, due: T0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, reps: 1, lapses: 1, state: 1 },
    });
    await refused(reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0), now: at(5) }));
    const viaCard = parse({ source: "review", questionId: item.questionId, reason: "WRONG_KEY" });
    await refused(reportQuestion(t.db, { userId: student.id, input: viaCard, now: at(5) }));
    expect(await t.db.questionReport.count({ where: { reporterId: student.id } })).toBe(0);

    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(10), settings });
    expect((await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 0), now: at(11) })).status).toBe("created");
    expect((await reportQuestion(t.db, { userId: student.id, input: parse({ ...viaCard, reason: "UNCLEAR" }), now: at(11) })).status).toBe("created");
    // An unanswered item of the graded mock is shown with its answer on the results page too.
    expect((await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 5), now: at(11) })).status).toBe("created");
  });

  test("a class assignment's graded attempt only once its review shows the questions", async () => {
    const instructor = await person("INSTRUCTOR");
    const student = await person();
    const question = await t.db.question.findFirstOrThrow({ where: { type: "SINGLE", retiredAt: null, pool: "MAIN" }, select: { id: true, version: true, choices: { select: { key: true } } } });
    const klass = await t.db.class.create({ data: { instructorId: instructor.id, name: "Class", joinCode: `JC${n}` } });
    await t.db.enrollment.create({ data: { classId: klass.id, userId: student.id } });
    const assignment = await t.db.assignment.create({
      data: { classId: klass.id, examId: "dva-c02", title: "Quiz", config: {}, questionCount: 1, opensAt: at(-60), dueAt: at(60), reviewContent: "SCORE" },
    });
    const attempt = await t.db.attempt.create({
      data: { userId: student.id, examId: "dva-c02", mode: "ASSIGNMENT", status: "SUBMITTED", config: {}, questionCount: 1, assignmentId: assignment.id, gradedAt: T0 },
    });
    await t.db.attemptItem.create({
      data: { attemptId: attempt.id, position: 0, questionId: question.id, questionVersion: question.version, choiceOrder: question.choices.map((c) => c.key), correct: false },
    });
    await refused(reportQuestion(t.db, { userId: student.id, input: fromAttempt(attempt.id, 0), now: T0 }));
    // Full review, but only after the due time.
    await t.db.assignment.update({ where: { id: assignment.id }, data: { reviewContent: "FULL", reviewTiming: "AFTER_DUE" } });
    await refused(reportQuestion(t.db, { userId: student.id, input: fromAttempt(attempt.id, 0), now: at(30) }));
    expect((await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attempt.id, 0), now: at(61) })).status).toBe("created");
  });

  test("a lesson's check questions for this student, and no other question through a lesson", async () => {
    const student = await person();
    const [lesson] = await t.db.$queryRaw<Array<{ lessonId: string }>>`
      SELECT "lessonId" FROM "Question" WHERE "retiredAt" IS NULL AND pool = 'MAIN' GROUP BY "lessonId" HAVING count(*) > 3 ORDER BY "lessonId" LIMIT 1`;
    const shown = await lessonCheckQuestionIds(t.db, { lessonId: lesson!.lessonId, userId: student.id });
    const notShown = await t.db.question.findFirstOrThrow({ where: { lessonId: lesson!.lessonId, id: { notIn: shown }, retiredAt: null } });
    const elsewhere = await t.db.question.findFirstOrThrow({ where: { lessonId: { not: lesson!.lessonId }, retiredAt: null } });
    const via = (questionId: string) => parse({ source: "lesson", lessonId: lesson!.lessonId, questionId, reason: "OUTDATED", comment: "Renamed service" });
    await refused(reportQuestion(t.db, { userId: student.id, input: via(notShown.id), now: T0 }));
    await refused(reportQuestion(t.db, { userId: student.id, input: via(elsewhere.id), now: T0 }));
    const made = await reportQuestion(t.db, { userId: student.id, input: via(shown[0]!), now: T0 });
    const current = await t.db.question.findUniqueOrThrow({ where: { id: shown[0]! } });
    expect(await t.db.questionReport.findUniqueOrThrow({ where: { id: made.reportId } })).toMatchObject({ questionId: shown[0], questionVersion: current.version, attemptId: null });
  });
});

describe("the input", () => {
  test("zod refuses unknown reasons, overlong comments, “other” without a comment and a resolution without a note", () => {
    const base = { source: "review", questionId: "q-sqs-001" };
    expect(reportQuestionSchema.safeParse({ ...base, reason: "WRONG_KEY" }).success).toBe(true);
    expect(reportQuestionSchema.safeParse({ ...base, reason: "SPAM" }).success).toBe(false);
    expect(reportQuestionSchema.safeParse({ ...base }).success).toBe(false);
    expect(reportQuestionSchema.safeParse({ ...base, reason: "TYPO", comment: "x".repeat(1001) }).success).toBe(false);
    expect(reportQuestionSchema.safeParse({ ...base, reason: "TYPO", comment: "x".repeat(1000) }).success).toBe(true);
    const other = reportQuestionSchema.safeParse({ ...base, reason: "OTHER", comment: "   " });
    expect(other.success).toBe(false);
    expect(other.error?.issues.map((i) => i.path.join("."))).toEqual(["comment"]);
    expect(reportQuestionSchema.safeParse({ ...base, reason: "OTHER", comment: "The diagram is missing" }).success).toBe(true);
    expect(reportQuestionSchema.safeParse({ source: "attempt", attemptId: "a'; drop", position: "0", reason: "TYPO" }).success).toBe(false);
    expect(reportQuestionSchema.safeParse({ source: "somewhere", questionId: "q-sqs-001", reason: "TYPO" }).success).toBe(false);

    const resolve = { questionId: "q-sqs-001", resolution: "REJECTED", note: "The key is right: see the FAQ." };
    expect(resolveReportsSchema.safeParse(resolve).success).toBe(true);
    expect(resolveReportsSchema.safeParse({ ...resolve, note: "  " }).success).toBe(false);
    expect(resolveReportsSchema.safeParse({ ...resolve, note: "x".repeat(1001) }).success).toBe(false);
    expect(resolveReportsSchema.safeParse({ ...resolve, resolution: "OPEN" }).success).toBe(false);
    expect(resolveReportsSchema.parse({ ...resolve, reportId: "" }).reportId).toBeUndefined();
    expect(reportQueueFilterSchema.parse({ status: "NOPE", reason: "NOPE", page: "-3" })).toEqual({ status: "OPEN", reason: undefined, page: 1 });
  });
});

describe("staff and the reporter", () => {
  test("only staff see the queue and resolve; a resolution sets status and note; the reporter reads only their own", async () => {
    const [alice, bob, instructor, admin] = [await person(), await person(), await person("INSTRUCTOR"), await person("ADMIN")];
    const aliceQuiz = await quizWithFirstChecked(alice.id, at(100));
    const bobQuiz = await quizWithFirstChecked(bob.id, at(100));
    const [aliceQ, bobQ] = [
      (await t.db.attemptItem.findFirstOrThrow({ where: { attemptId: aliceQuiz, position: 0 } })).questionId,
      (await t.db.attemptItem.findFirstOrThrow({ where: { attemptId: bobQuiz, position: 0 } })).questionId,
    ];
    const typo = await reportQuestion(t.db, { userId: alice.id, input: fromAttempt(aliceQuiz, 0, "TYPO", "teh"), now: at(101) });
    const key = await reportQuestion(t.db, { userId: bob.id, input: fromAttempt(bobQuiz, 0, "WRONG_KEY", "should be B"), now: at(102) });

    for (const student of [alice, bob]) {
      await refused(loadReportQueue(t.db, student, reportQueueFilterSchema.parse({})), "FORBIDDEN");
      await refused(resolveReports(t.db, student, { questionId: aliceQ, resolution: "REJECTED", note: "no", now: at(103) }), "FORBIDDEN");
    }
    expect(await t.db.questionReport.count({ where: { status: { not: "OPEN" } } })).toBe(0);

    // The wrong-key question is marked and first (when the two differ; a quiz of one scope can share them).
    const queue = await loadReportQueue(t.db, instructor, reportQueueFilterSchema.parse({}));
    const disputed = queue.questions.filter((q) => q.keyDisputed).map((q) => q.questionId);
    expect(disputed).toContain(bobQ);
    expect(queue.questions[0]!.keyDisputed).toBe(true);
    expect(queue.questions.find((q) => q.questionId === bobQ)!.reports.map((r) => [r.reason, r.comment])).toContainEqual(["WRONG_KEY", "should be B"]);
    // The queue shows the reported question itself: its choices, or (ordering, matching, numeric: a quiz draws those too) its practice item.
    const aliceEntry = queue.questions.find((q) => q.questionId === aliceQ)!;
    expect(aliceEntry.choices.length > 0 || Boolean(aliceEntry.practice)).toBe(true);
    // Filter by reason.
    const typos = await loadReportQueue(t.db, admin, reportQueueFilterSchema.parse({ reason: "TYPO" }));
    expect(typos.questions.flatMap((q) => q.reports.map((r) => r.id))).toContain(typo.reportId);
    expect(typos.questions.flatMap((q) => q.reports.map((r) => r.reason))).not.toContain("WRONG_KEY");

    // Resolving one report sets its status, note, who and when; only open ones; a note the reporter reads.
    expect(await resolveReports(t.db, instructor, { questionId: bobQ, reportId: key.reportId, resolution: "FIXED", note: "Key corrected in v2.", now: at(110) })).toBe(1);
    expect(await t.db.questionReport.findUniqueOrThrow({ where: { id: key.reportId } })).toMatchObject({
      status: "FIXED",
      open: null,
      resolutionNote: "Key corrected in v2.",
      resolvedById: instructor.id,
      resolvedAt: at(110),
    });
    await refused(resolveReports(t.db, instructor, { questionId: bobQ, reportId: key.reportId, resolution: "REJECTED", note: "again", now: at(111) }));
    // A report id of another question resolves nothing.
    await refused(resolveReports(t.db, admin, { questionId: bobQ === aliceQ ? "q-none" : bobQ, reportId: typo.reportId, resolution: "REJECTED", note: "x", now: at(111) }));
    expect((await keyDisputedQuestionIds(t.db, [bobQ])).has(bobQ)).toBe(false);
    const fixed = await loadReportQueue(t.db, instructor, reportQueueFilterSchema.parse({ status: "FIXED" }));
    expect(fixed.questions.flatMap((q) => q.reports)).toContainEqual(expect.objectContaining({ id: key.reportId, resolutionNote: "Key corrected in v2.", resolvedByName: expect.any(String) }));

    // Each student reads only their own reports, with the note.
    const bobs = await myQuestionReports(t.db, { userId: bob.id });
    expect(bobs.map((r) => [r.id, r.status, r.resolutionNote])).toEqual([[key.reportId, "FIXED", "Key corrected in v2."]]);
    expect((await myQuestionReports(t.db, { userId: alice.id })).map((r) => r.id)).toEqual([typo.reportId]);
    expect(await myReportNotes(t.db, { userId: alice.id, questionIds: [bobQ, aliceQ] })).toEqual({
      [aliceQ]: [{ reason: "TYPO", status: "OPEN", resolutionNote: null }],
    });

    // Resolving every open report of a question at once; a resolved reason may be reported again.
    await reportQuestion(t.db, { userId: alice.id, input: fromAttempt(aliceQuiz, 0, "UNCLEAR", "which region?"), now: at(112) });
    expect(await resolveReports(t.db, admin, { questionId: aliceQ, resolution: "DUPLICATE", note: "Same as an earlier report.", now: at(113) })).toBe(2);
    expect(await t.db.questionReport.count({ where: { questionId: aliceQ, reporterId: alice.id, status: "OPEN" } })).toBe(0);
    expect((await reportQuestion(t.db, { userId: alice.id, input: fromAttempt(aliceQuiz, 0, "TYPO", "still teh"), now: at(114) })).status).toBe("created");
  });

  test("the wrong-key mark and the answer counts come from the data", async () => {
    const student = await person();
    const { attemptId } = await startAttempt(t.db, { userId: student.id, input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "3.1" }, count: 2 }, now: at(200), settings });
    const items = await t.db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    const [q0, q1] = items.map((i) => i.questionId) as [string, string];
    const before = await questionAnswerCounts(t.db, [q0, q1]);
    const responses = await responsesFor(t.db, attemptId, ["right", "wrong"]);
    await checkAnswer(t.db, { userId: student.id, attemptId, position: 0, chosenKeys: responses[0]!.chosenKeys, now: at(201) });
    await checkAnswer(t.db, { userId: student.id, attemptId, position: 1, chosenKeys: responses[1]!.chosenKeys, now: at(201) });
    const after = await questionAnswerCounts(t.db, [q0, q1, "q-never-answered"]);
    expect(after.get(q0)).toMatchObject({ graded: before.get(q0)!.graded + 1, right: before.get(q0)!.right + 1 });
    expect(after.get(q1)).toMatchObject({ graded: before.get(q1)!.graded + 1, right: before.get(q1)!.right });
    expect(after.get(q0)!.facility).toBeCloseTo(after.get(q0)!.right / after.get(q0)!.graded);
    expect(after.get("q-never-answered")).toEqual({ graded: 0, right: 0, facility: null });

    expect(await keyDisputedQuestionIds(t.db, [q0, q1])).toEqual(new Set());
    await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 1, "UNCLEAR", "hmm"), now: at(202) });
    expect(await keyDisputedQuestionIds(t.db, [q0, q1])).toEqual(new Set());
    await reportQuestion(t.db, { userId: student.id, input: fromAttempt(attemptId, 1, "WRONG_KEY", "A is right"), now: at(203) });
    expect(await keyDisputedQuestionIds(t.db, [q0, q1])).toEqual(new Set([q1]));
    const staff = await person("INSTRUCTOR");
    await resolveReports(t.db, staff, { questionId: q1, resolution: "REJECTED", note: "The key is right.", now: at(204) });
    expect(await keyDisputedQuestionIds(t.db, [q0, q1])).toEqual(new Set());
  });
});
