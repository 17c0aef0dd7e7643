// Bank-wide question statistics against a real database: the refresh computes
// them from graded mock-like answers only; the job queued after a graded mock
// refreshes them; the learning model takes a fitted difficulty from 30 answers
// and not before; the statistics page and the two CSV exports are for staff
// (a student and another class's instructor get NOT_FOUND) and neutralise a
// formula in a student's name.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AppError } from "@/lib/app-error";
import { createAssignment } from "@/lib/classes/assignments";
import { createClass, joinClass } from "@/lib/classes/classes";
import { startAssignment } from "@/lib/classes/start-assignment";
import { guessChanceOf } from "@/lib/exams/answer-rules";
import { loadAttemptItems, presentRow } from "@/lib/exams/attempt-items";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { assignmentResponses } from "@/lib/insights/assignment-responses";
import { ITEM_STATS_HEADER, bankItemStatsForStaff, itemStatBatches, loadBankItemStats } from "@/lib/insights/bank-item-stats";
import { csvStream } from "@/lib/insights/csv";
import { correlation } from "@/lib/insights/item-analysis";
import { refreshQuestionStats } from "@/lib/insights/question-stat-refresh";
import { JOB } from "@/lib/jobs/queue";
import { recordAttemptLearning } from "@/lib/learning/attempt-learning";
import { NEW_MASTERY, applyAnswers, difficultyLogit } from "@/lib/learning/mastery";
import { responsesFor } from "@/lib/seed/scripted-responses";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { queuedJobs, runJobs } from "../support/jobs";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-05-04T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

type Caller = { id: string; role: "STUDENT" | "INSTRUCTOR" | "ADMIN" };
let n = 0;
async function user(role: Caller["role"] = "STUDENT", name?: string): Promise<Caller> {
  n++;
  const u = await t.db.user.create({ data: { email: `qs${n}@example.com`, name: name ?? `User ${n}`, passwordHash: "x", role } });
  return { id: u.id, role };
}
async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the byte-order mark (Response.text() would drop it): it is part of what is tested.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
  t = await createTestDatabase({ poolMax: 3 });
  await seed(t.db, { demo: false });
  forgetQuestionPool(t.db);
  await sitSyntheticMocks();
});
afterAll(async () => t?.close());

// 40 students of rising ability sit a 12-question mock made by hand. Student s
// gets question q right when s passes that question's bar; a wrong answer
// always picks the first wrong key.
const STUDENTS = 40;
const bars: Array<(s: number) => boolean | null> = [
  (s) => s >= 20, // q0: discriminates well
  (s) => s < 15, // q1: the weaker students get it right: negative discrimination
  (s) => s >= 4, // q2: easy (90%)
  (s) => s >= 28, // q3: hard (30%)
  ...[12, 14, 16, 18, 20, 22, 24].map((bar) => (s: number) => s >= bar),
  (s) => (s < 20 ? s >= 8 : null), // q11: only the first 20 answer it (null = unanswered)
];
let synthetic: Array<{ id: string; version: number; right: string; wrong: string }> = [];
const outcome = (s: number, q: number) => bars[q]!(s);

async function sitSyntheticMocks() {
  const questions = await t.db.question.findMany({
    where: { type: "SINGLE", retiredAt: null, pool: "MAIN" },
    select: { id: true, version: true, choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
    take: 12,
  });
  synthetic = questions.map((q) => ({ id: q.id, version: q.version, right: q.choices.find((c) => c.correct)!.key, wrong: q.choices.find((c) => !c.correct)!.key }));
  const students = await Promise.all(Array.from({ length: STUDENTS + 2 }, () => user()));
  const attempt = (s: number, id: string, mode: "MOCK" | "QUIZ", status: "SUBMITTED" | "IN_PROGRESS") => {
    const results = synthetic.map((_, q) => outcome(Math.min(s, STUDENTS - 1), q));
    return {
      id,
      userId: students[s]!.id,
      examId: "dva-c02",
      mode,
      status,
      config: {},
      questionCount: synthetic.length,
      startedAt: at(s),
      ...(status === "SUBMITTED" ? { submittedAt: at(s + 60), gradedAt: at(s + 60), rawScore: results.filter((r) => r === true).length } : {}),
      items: results,
    };
  };
  const attempts = [
    ...Array.from({ length: STUDENTS }, (_, s) => attempt(s, `stat-mock-${s}`, "MOCK", "SUBMITTED")),
    // Neither counts: a practice quiz and an attempt not graded yet (both by the strongest students, all right).
    attempt(STUDENTS, "stat-quiz", "QUIZ", "SUBMITTED"),
    attempt(STUDENTS + 1, "stat-open", "MOCK", "IN_PROGRESS"),
  ];
  await t.db.attempt.createMany({ data: attempts.map(({ items: _items, ...a }) => a) });
  await t.db.attemptItem.createMany({
    data: attempts.flatMap((a) =>
      a.items.map((right, q) => ({
        attemptId: a.id,
        position: q + 1,
        questionId: synthetic[q]!.id,
        questionVersion: synthetic[q]!.version,
        chosenKeys: right === null ? [] : [right ? synthetic[q]!.right : synthetic[q]!.wrong],
        correct: a.status === "SUBMITTED" ? right === true : null,
      })),
    ),
  });
}

describe("the refresh", () => {
  test("counts graded mock answers only: facility, picks, discrimination (item vs rest of attempt), flags and the fit from 30 answers", async () => {
    const ids = synthetic.map((q) => q.id);
    expect(await refreshQuestionStats(t.db, { questionIds: ids })).toEqual({ refreshed: 12 });
    const stats = new Map((await t.db.questionStat.findMany({ where: { questionId: { in: ids } } })).map((s) => [s.questionId, s]));
    const stat = (q: number) => stats.get(synthetic[q]!.id)!;

    // q0: right for students 20–39; the quiz and the open attempt add nothing.
    expect(stat(0)).toMatchObject({ answerCount: 40, rightCount: 20, facility: 0.5, answeredByCount: 40, fitAnswerCount: 40 });
    expect(stat(0).choiceCounts).toEqual(
      Object.fromEntries(
        (await t.db.choice.findMany({ where: { questionId: synthetic[0]!.id }, select: { key: true } })).map((c) => [
          c.key,
          c.key === synthetic[0]!.right ? 20 : c.key === synthetic[0]!.wrong ? 20 : 0,
        ]),
      ),
    );
    // Discrimination as the item against the share right of the rest of its attempt, computed here in JS.
    for (const q of [0, 1, 3]) {
      const scores = Array.from({ length: STUDENTS }, (_, s) => (outcome(s, q) === true ? 1 : 0));
      const rest = Array.from({ length: STUDENTS }, (_, s) => (synthetic.filter((_, k) => outcome(s, k) === true).length - scores[s]!) / 11);
      expect(stat(q).discrimination).toBeCloseTo(correlation(scores, rest)!, 10);
    }
    expect(stat(0).discrimination!).toBeGreaterThan(0.5);
    expect(stat(1).discrimination!).toBeLessThan(0);
    expect(stat(1).flags).toEqual(["NEGATIVE_DISCRIMINATION", "UNUSED_DISTRACTOR"]);
    expect(stat(0).flags).toEqual(["UNUSED_DISTRACTOR"]);

    // The fit: the easy question comes out easier than the hard one, both finite.
    expect(stat(2).facility).toBeCloseTo(0.9, 10);
    expect(stat(3).facility).toBeCloseTo(0.3, 10);
    expect(stat(2).fittedDifficulty!).toBeLessThan(stat(0).fittedDifficulty!);
    expect(stat(0).fittedDifficulty!).toBeLessThan(stat(3).fittedDifficulty!);
    expect(stat(3).fittedDifficultySe!).toBeGreaterThan(0);
    expect(stat(3).fittedDifficultySe!).toBeLessThan(1);
    // q11: 20 answers (the other 20 left it blank) is too few for a fit.
    expect(stat(11)).toMatchObject({ answerCount: 20, fitAnswerCount: 20, fittedDifficulty: null, fittedDifficultySe: null });

    // Idempotent: a second run writes the same figures.
    const before = [...stats.values()].map(({ updatedAt: _u, ...s }) => s);
    await refreshQuestionStats(t.db, { questionIds: ids });
    const after = (await t.db.questionStat.findMany({ where: { questionId: { in: ids } } })).map(({ updatedAt: _u, ...s }) => s);
    expect(after.sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual(before.sort((a, b) => a.questionId.localeCompare(b.questionId)));
  });

  test("a graded mock queues the statistics job after its learning; the real worker then refreshes the questions it asked", async () => {
    const student = await user();
    const { attemptId } = await startAttempt(t.db, { userId: student.id, input: { mode: "MOCK" }, now: at(0), settings });
    const saves = await responsesFor(t.db, attemptId, (i) => (i % 3 === 0 ? "wrong" : "right"));
    await saveAnswers(t.db, { userId: student.id, sessionId: await createTestSession(t.db, student.id), attemptId, saves, now: at(5), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(10), settings });
    const items = await t.db.attemptItem.findMany({ where: { attemptId }, select: { questionId: true, correct: true } });
    const fresh = items.filter((i) => !synthetic.some((q) => q.id === i.questionId));
    expect(await t.db.questionStat.count({ where: { questionId: { in: fresh.map((i) => i.questionId) } } })).toBe(0);

    await runJobs(t); // the learning job, which queues the statistics job (gathering for a minute)
    expect(await queuedJobs(t)).toContainEqual({ task: JOB.refreshQuestionStats, key: "question-stats", attempts: 0 });
    // The waiting job names the attempt, not its 65 questions (its array is rewritten on every append).
    const [waiting] = await t.db.$queryRaw<Array<{ payload: unknown }>>`SELECT payload FROM graphile_worker._private_jobs WHERE key = 'question-stats'`;
    expect(waiting?.payload).toEqual([`attempt:${attemptId}`]);
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = 'question-stats'`;
    await runJobs(t);

    expect(await queuedJobs(t)).toEqual([]);
    const stats = await t.db.questionStat.findMany({ where: { questionId: { in: fresh.map((i) => i.questionId) } } });
    expect(stats).toHaveLength(fresh.length);
    for (const s of stats) {
      const item = fresh.find((i) => i.questionId === s.questionId)!;
      expect(s).toMatchObject({ answerCount: 1, rightCount: item.correct ? 1 : 0, answeredByCount: 1 });
    }
  });
});

describe("the learning model's difficulty", () => {
  async function quizWithStats(fitAnswerCount: number) {
    const student = await user();
    const { attemptId } = await startAttempt(t.db, {
      userId: student.id,
      input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "3.1" }, count: 6 },
      now: at(100),
      settings,
    });
    const saves = await responsesFor(t.db, attemptId, ["right", "wrong", "right", "right", "wrong", "right"]);
    await saveAnswers(t.db, { userId: student.id, sessionId: await createTestSession(t.db, student.id), attemptId, saves, now: at(101), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(102), settings });
    const rows = await loadAttemptItems(t.db, attemptId);
    // A fitted difficulty far from every authored one (−1, 0, +1), resting on `fitAnswerCount` answers.
    for (const row of rows) {
      await t.db.questionStat.upsert({
        where: { questionId: row.questionId },
        create: { questionId: row.questionId, fittedDifficulty: 2.5, fittedDifficultySe: 0.3, fitAnswerCount, answerCount: fitAnswerCount },
        update: { fittedDifficulty: 2.5, fittedDifficultySe: 0.3, fitAnswerCount, answerCount: fitAnswerCount },
      });
    }
    expect(await recordAttemptLearning(t.db, { attemptId })).toBe("recorded");
    const mastery = await t.db.mastery.findUniqueOrThrow({
      where: { userId_scope_scopeId: { userId: student.id, scope: "TASK_STATEMENT", scopeId: "3.1" } },
      select: { rating: true },
    });
    const expected = (difficulty: (authored: number) => number) =>
      applyAnswers(
        NEW_MASTERY,
        rows.map((row) => ({ correct: row.correct === true, difficulty: difficulty(row.snapshot.difficulty), guess: guessChanceOf(presentRow(row).shape) })),
      ).rating;
    return { rating: mastery.rating, fitted: expected(() => 2.5), authored: expected(difficultyLogit) };
  }

  test("from 30 answers the fitted difficulty is used", async () => {
    const { rating, fitted, authored } = await quizWithStats(30);
    expect(Math.abs(fitted - authored)).toBeGreaterThan(0.05);
    expect(rating).toBeCloseTo(fitted, 9);
  });

  test("with 29 answers the authored difficulty is used", async () => {
    const { rating, fitted, authored } = await quizWithStats(29);
    expect(Math.abs(fitted - authored)).toBeGreaterThan(0.05);
    expect(rating).toBeCloseTo(authored, 9);
  });
});

describe("the statistics page and the exports", () => {
  test("the page's loader: staff only; sorted, filtered and paged from QuestionStat", async () => {
    const student = await user("STUDENT");
    await expectAppError(bankItemStatsForStaff(t.db, student, {}), "NOT_FOUND");
    const instructor = await user("INSTRUCTOR");
    const admin = await user("ADMIN");
    const page = await bankItemStatsForStaff(t.db, instructor, { sort: "facility", dir: "desc" });
    expect((await bankItemStatsForStaff(t.db, admin, { sort: "facility", dir: "desc" })).rows).toEqual(page.rows);
    expect(page.rows).toHaveLength(50);
    const active = await t.db.question.count({ where: { retiredAt: null } });
    expect(page.total).toBe(active);
    expect(page.pages).toBe(Math.ceil(active / 50));
    await refreshQuestionStats(t.db, { questionIds: synthetic.map((q) => q.id) });
    const facilities = page.rows.map((r) => r.facility).filter((f) => f !== null);
    expect(facilities).toEqual([...facilities].sort((a, b) => b - a));
    const highest = await t.db.questionStat.aggregate({ _max: { facility: true }, where: { question: { retiredAt: null } } });
    expect(page.rows[0]!.facility).toBe(highest._max.facility);

    const flagged = await loadBankItemStats(t.db, { flag: "NEGATIVE_DISCRIMINATION" });
    expect(flagged.rows.map((r) => r.questionId)).toContain(synthetic[1]!.id);
    expect(flagged.rows.every((r) => r.flags.includes("NEGATIVE_DISCRIMINATION"))).toBe(true);
    const domain2 = await loadBankItemStats(t.db, { domain: "2", page: "2" });
    expect(domain2.params.page).toBe(2);
    expect(domain2.rows.every((r) => r.domain === 2)).toBe(true);
    expect(domain2.total).toBe(await t.db.question.count({ where: { retiredAt: null, taskStatement: { domain: { number: 2 } } } }));
    // Nonsense in the URL falls back to the defaults.
    expect((await loadBankItemStats(t.db, { sort: "stem; DROP TABLE", dir: "sideways", page: "-3" })).params).toMatchObject({ sort: "discrimination", dir: "asc", page: 1 });
  });

  test("the item statistics CSV: every active question, one row each", async () => {
    const csv = await text(csvStream(ITEM_STATS_HEADER, itemStatBatches(t.db)));
    expect(csv.startsWith(`\uFEFF${ITEM_STATS_HEADER.join(",")}\r\n`)).toBe(true);
    const q0 = synthetic[0]!.id;
    expect(csv).toContain(`\r\n${q0},`);
    const active = await t.db.question.findMany({ where: { retiredAt: null }, select: { id: true } });
    for (const { id } of active.slice(0, 200)) expect(csv).toContain(`\r\n${id},`);
  });

  test("an assignment's responses: its instructor and admins; a student, even its own, and another instructor get NOT_FOUND; a formula in a name stays text", async () => {
    const instructor = await user("INSTRUCTOR", "Ines");
    const student = await user("STUDENT", '=HYPERLINK("http://evil.example","click")');
    const { classId } = await createClass(t.db, instructor, { name: "Stats cohort", description: "" });
    const found = await t.db.class.findUniqueOrThrow({ where: { id: classId } });
    await joinClass(t.db, student, found.joinCode, at(-60));
    const { assignmentId } = await createAssignment(t.db, instructor, classId, {
      title: "Set",
      scope: { kind: "scoped", domains: [], taskStatements: ["2.2"], topics: [] },
      questionCount: 8,
      opensAt: at(0),
      dueAt: at(600),
      timeLimitMinutes: null,
      attemptsAllowed: 1,
      reviewContent: "FULL",
      reviewTiming: "IMMEDIATELY",
    });
    const { attemptId } = await startAssignment(t.db, student, { assignmentId, now: at(5), settings });
    const saves = await responsesFor(t.db, attemptId, ["right", "wrong", "right", "right", "wrong", "right", "right", "right"]);
    await saveAnswers(t.db, { userId: student.id, sessionId: await createTestSession(t.db, student.id), attemptId, saves: saves.slice(0, 7), now: at(6), settings });
    await submitAttempt(t.db, { userId: student.id, attemptId, now: at(7), settings });

    await expectAppError(assignmentResponses(t.db, student, assignmentId), "NOT_FOUND");
    await expectAppError(assignmentResponses(t.db, await user("INSTRUCTOR"), assignmentId), "NOT_FOUND");
    const admin = await user("ADMIN");
    for (const caller of [instructor, admin]) {
      const responses = await assignmentResponses(t.db, caller, assignmentId);
      expect(responses.classId).toBe(classId);
      const csv = await text(csvStream(responses.header, responses.batches));
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe("\uFEFFStudent,Email,Attempt,Status,Question id,Position,Domain,Task statement,Question,Chosen keys,Correct keys,Correct,Time spent (ms),Answered at");
      // One row per question, the name neutralised (a leading apostrophe), quoted by csv-stringify.
      const rows = lines.filter((l) => l.startsWith(`"'=HYPERLINK(""http://evil.example"",""click"")",qs`));
      expect(rows).toHaveLength(8);
      expect(lines.some((l) => l.startsWith("=") || l.startsWith('"='))).toBe(false);
      const items = await t.db.attemptItem.findMany({
        where: { attemptId },
        orderBy: { position: "asc" },
        include: { question: { select: { choices: { where: { correct: true }, select: { key: true }, orderBy: { key: "asc" } } } } },
      });
      expect(items.filter((i) => i.correct).length).toBe(5);
      rows.forEach((row, i) => {
        const item = items[i]!;
        expect(row).toContain(`,1,SUBMITTED,${item.questionId},${i + 1},2,2.2,`);
        const correctKeys = item.question.choices.map((c) => c.key).join(" ");
        expect(row.endsWith(`,${item.chosenKeys.join(" ")},${correctKeys},${item.correct ? "yes" : "no"},${item.timeSpentMs},${item.answeredAt?.toISOString() ?? ""}`)).toBe(true);
      });
      expect(rows[7]).toContain(`,,${items[7]!.question.choices.map((c) => c.key).join(" ")},no,`);
    }
  });
});
