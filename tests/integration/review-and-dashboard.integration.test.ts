// Review cards from graded attempts, due on the right day (clock injected),
// answered and rescheduled; the dashboard's data moving with them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadRunnerView } from "@/lib/exams/runner-view";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { loadDashboard } from "@/lib/learning/dashboard";
import { answerReviewCard, countDueCards, nextDueCard } from "@/lib/learning/review-queue";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { responsesFor } from "@/lib/seed/scripted-responses";
import { runJobs } from "../support/jobs";
import { responseToShown } from "../support/responses";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-04-10T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const UTC = { timeZone: "UTC", newCardsPerDay: 20 };

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { demo: false });
  forgetQuestionPool(t.db);
});
afterAll(async () => t?.close());

async function newStudent(name: string) {
  return (await t.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } })).id;
}

/** A quiz where the student answers right, wrong, or right-but-unsure as told. */
async function quiz(userId: string, plan: Array<"right" | "wrong" | "unsure">, at: Date) {
  const { attemptId } = await startAttempt(t.db, {
    userId,
    input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "2.2" }, count: plan.length },
    now: at,
    settings,
  });
  const view = await loadRunnerView(t.db, { userId, attemptId, now: at, settings });
  if ("graded" in view) throw new Error("unexpected");
  const saves = await responsesFor(t.db, attemptId, plan);
  await saveAnswers(t.db, { userId, sessionId: await createTestSession(t.db, userId), attemptId, saves, now: at, settings });
  await submitAttempt(t.db, { userId, attemptId, now: at, settings });
  await runJobs(t);
  return (await t.db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } })).map((i) => i.questionId);
}

describe("review cards", () => {
  test("a graded attempt creates cards for misses and unsure answers only", async () => {
    const user = await newStudent("rita");
    const questions = await quiz(user, ["wrong", "unsure", "right", "wrong"], T0);
    const cards = await t.db.reviewCard.findMany({ where: { userId: user } });
    expect(new Set(cards.map((c) => c.questionId))).toEqual(new Set([questions[0], questions[1], questions[3]]));
    expect(await countDueCards(t.db, { userId: user, now: T0, timeZone: "UTC" })).toMatchObject({ now: 0, total: 3 });
  });

  test("due cards come back on the right day, are graded, explained and rescheduled", async () => {
    const user = await newStudent("sam");
    const [missed] = await quiz(user, ["wrong", "right"], T0);
    const card = await t.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: user, questionId: missed! } } });
    // Not due a minute before its due time; due at it.
    const before = new Date(card.due.getTime() - 60_000);
    expect(await nextDueCard(t.db, { userId: user, now: before })).toBeNull();
    const due = await nextDueCard(t.db, { userId: user, now: card.due });
    expect(due?.questionId).toBe(missed);
    expect(due?.due).toBe(card.due.toISOString());
    expect(JSON.stringify(due)).not.toMatch(/"correct"|"explanation"/); // as keys: a stem may say "correct"

    const response = await responseToShown(t.db, due!, "right");
    const answer = await answerReviewCard(t.db, { userId: user, questionId: missed!, due: due!.due, version: due!.version, response, unsure: false, timeSpentMs: 30_000, now: card.due });
    expect(answer.status).toBe("answered");
    if (answer.status !== "answered") return;
    expect(answer.reveal.correct).toBe(true);
    expect(answer.reveal.lessonId).toBe((await t.db.question.findUniqueOrThrow({ where: { id: missed! } })).lessonId);
    expect(new Date(answer.nextDue).getTime()).toBeGreaterThan(card.due.getTime());
    // Answering again (the same showing, or at its new due time before it comes) is refused.
    expect(await answerReviewCard(t.db, { userId: user, questionId: missed!, due: due!.due, version: due!.version, response, unsure: false, timeSpentMs: 0, now: card.due })).toEqual({
      status: "not-due",
    });
    expect(await answerReviewCard(t.db, { userId: user, questionId: missed!, due: answer.nextDue, version: due!.version, response, unsure: false, timeSpentMs: 0, now: card.due })).toEqual({
      status: "not-due",
    });
    const after = await t.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: user, questionId: missed! } } });
    expect(after.reps).toBe(card.reps + 1);
  });

  test("a card due in three days counts for the week, not for today", async () => {
    const user = await newStudent("tess");
    const [q] = await quiz(user, ["wrong"], T0);
    await t.db.reviewCard.update({ where: { userId_questionId: { userId: user, questionId: q! } }, data: { due: minutes(3 * 24 * 60) } });
    expect(await countDueCards(t.db, { userId: user, now: minutes(10), timeZone: "UTC" })).toEqual({ now: 0, today: 0, week: 1, total: 1 });
  });

  test("another student's card is never served or answerable", async () => {
    const owner = await newStudent("una");
    const other = await newStudent("vic");
    const [q] = await quiz(owner, ["wrong"], T0);
    const far = minutes(60 * 24 * 30);
    expect(await nextDueCard(t.db, { userId: other, now: far })).toBeNull();
    const card = await t.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: owner, questionId: q! } } });
    const version = (await t.db.question.findUniqueOrThrow({ where: { id: q! } })).version;
    expect(await answerReviewCard(t.db, { userId: other, questionId: q!, due: card.due.toISOString(), version, response: ["a"], unsure: false, timeSpentMs: 0, now: far })).toEqual({
      status: "not-due",
    });
  });
});

describe("review cards of every item kind", () => {
  const KINDS = ["SINGLE", "MULTIPLE", "ORDERING", "MATCHING", "NUMERIC"] as const;
  const stored = { stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, reps: 1, lapses: 1, state: 2 };
  /** What a display may carry per kind: texts and tokens, never a key. */
  const DISPLAY_FIELDS = {
    SINGLE: ["choices", "chooseCount", "kind"],
    MULTIPLE: ["choices", "chooseCount", "kind"],
    ORDERING: ["kind", "steps"],
    MATCHING: ["answers", "kind", "prompts"],
    NUMERIC: ["kind", "unit"],
  };

  let students = 0;
  async function studentWithCard(type: (typeof KINDS)[number], due: Date) {
    const userId = await newStudent(`deck-${type.toLowerCase()}-${++students}`);
    const question = await t.db.question.findFirstOrThrow({
      where: { type, retiredAt: null, pool: "MAIN" },
      orderBy: { id: "asc" },
      select: { id: true, version: true, practice: true, choices: { select: { explanation: true } } },
    });
    await t.db.reviewCard.create({ data: { userId, questionId: question.id, due, ...stored } });
    return { userId, question };
  }

  test.each(KINDS)("a due %s card is served without its key, laid out the same on a reload, and graded right and wrong", async (type) => {
    const { userId, question } = await studentWithCard(type, T0);
    const served = await nextDueCard(t.db, { userId, now: minutes(1) });
    expect(served).toMatchObject({ questionId: question.id, version: question.version, due: T0.toISOString(), lapses: 1 });
    expect(served!.display.kind).toBe(type.toLowerCase());
    expect(Object.keys(served!.display).sort()).toEqual(DISPLAY_FIELDS[type]);
    const text = JSON.stringify(served);
    expect(text).not.toMatch(/"correct"|"[A-Za-z]*[eE]xplanations?":/);
    const practice = question.practice as { explanation?: string; items?: Array<{ text: string }> } | null;
    for (const explanation of [...question.choices.map((c) => c.explanation), practice?.explanation ?? ""].filter(Boolean)) expect(text).not.toContain(explanation);
    if (served!.display.kind === "ordering") {
      // Position tokens a, b, c… and never the steps already in order.
      expect(served!.display.steps.map((s) => s.key)).toEqual([..."abcdefghij"].slice(0, served!.display.steps.length));
      expect(served!.display.steps.map((s) => s.text)).not.toEqual(practice!.items!.map((i) => i.text));
    }
    if (served!.display.kind === "matching") expect(served!.display.answers.map((a) => a.key)).toEqual([..."abcdefghij"].slice(0, served!.display.answers.length));
    // A reload shows the same card the same way.
    expect(await nextDueCard(t.db, { userId, now: minutes(2) })).toEqual(served);

    const right = await responseToShown(t.db, served!, "right");
    const answered = await answerReviewCard(t.db, { userId, questionId: question.id, due: served!.due, version: served!.version, response: right, unsure: false, timeSpentMs: 20_000, now: minutes(2) });
    expect(answered).toMatchObject({ status: "answered", reveal: { correct: true } });
    if (answered.status !== "answered") return;
    // The reveal: the right response in this layout's tokens, and why.
    if (type === "SINGLE" || type === "MULTIPLE") {
      expect(answered.reveal.correctResponse.sort()).toEqual([...right].sort());
      expect(answered.reveal.choiceExplanations.map((c) => c.explanation)).toEqual(question.choices.map((c) => c.explanation));
    } else {
      expect(answered.reveal.correctResponse).toEqual(type === "NUMERIC" ? [right[0]] : right);
      expect(answered.reveal.explanation).toBe(practice!.explanation);
    }
    const evidence = await t.db.mastery.findMany({ where: { userId } });
    expect(evidence.map((m) => m.evidence)).toEqual([1, 1]);

    // Due again later: answered wrong this time.
    await t.db.reviewCard.update({ where: { userId_questionId: { userId, questionId: question.id } }, data: { due: minutes(60) } });
    const again = await nextDueCard(t.db, { userId, now: minutes(61) });
    expect(again?.due).toBe(minutes(60).toISOString());
    const wrong = await responseToShown(t.db, again!, "wrong");
    expect(await answerReviewCard(t.db, { userId, questionId: question.id, due: again!.due, version: again!.version, response: wrong, unsure: false, timeSpentMs: 20_000, now: minutes(61) })).toMatchObject({
      status: "answered",
      reveal: { correct: false },
    });
  });

  test.each([
    { type: "MULTIPLE" as const, partOf: (r: string[]) => r.slice(0, 1) },
    { type: "ORDERING" as const, partOf: (r: string[]) => r.slice(0, 2) },
    { type: "MATCHING" as const, partOf: (r: string[]) => r.slice(0, 1) },
    { type: "ORDERING" as const, partOf: () => ["z"] },
    { type: "NUMERIC" as const, partOf: () => ["12", "13"] },
  ])("a $type card refuses a partial or foreign answer and reveals nothing", async ({ type, partOf }) => {
    const { userId, question } = await studentWithCard(type, T0);
    const served = (await nextDueCard(t.db, { userId, now: minutes(1) }))!;
    const response = partOf(await responseToShown(t.db, served, "right"));
    const result = await answerReviewCard(t.db, { userId, questionId: question.id, due: served.due, version: served.version, response, unsure: false, timeSpentMs: 0, now: minutes(1) });
    expect(result).toMatchObject({ status: "invalid" });
    expect(JSON.stringify(result)).not.toMatch(/reveal|correct/);
    // Nothing was recorded: the card is still due as it was.
    expect((await t.db.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: question.id } } })).due).toEqual(T0);
  });

  test("a card shown from an older version of its question is refused, not graded against the new one", async () => {
    const { userId, question } = await studentWithCard("ORDERING", T0);
    const served = (await nextDueCard(t.db, { userId, now: minutes(1) }))!;
    const right = await responseToShown(t.db, served, "right");
    expect(await answerReviewCard(t.db, { userId, questionId: question.id, due: served.due, version: served.version + 1, response: right, unsure: false, timeSpentMs: 0, now: minutes(1) })).toMatchObject({
      status: "changed",
    });
  });

  test("an ordering card in the student's timed attempt in progress is neither served nor answerable", async () => {
    const { userId, question } = await studentWithCard("ORDERING", T0);
    const served = (await nextDueCard(t.db, { userId, now: minutes(1) }))!;
    const attempt = await t.db.attempt.create({
      data: { userId, examId: "dva-c02", mode: "MOCK", config: {}, questionCount: 1, deadline: minutes(120) },
    });
    await t.db.attemptItem.create({ data: { attemptId: attempt.id, position: 0, questionId: question.id, questionVersion: question.version, choiceOrder: ["a", "b"], kind: "ORDERING" } });
    expect(await nextDueCard(t.db, { userId, now: minutes(1) })).toBeNull();
    const right = await responseToShown(t.db, served, "right");
    expect(await answerReviewCard(t.db, { userId, questionId: question.id, due: served.due, version: served.version, response: right, unsure: false, timeSpentMs: 0, now: minutes(1) })).toEqual({
      status: "locked",
    });
  });
});

describe("dashboard data", () => {
  test("a new student: not ready, says what is missing, nothing due, no activity", async () => {
    const user = await newStudent("wren");
    const d = await loadDashboard(t.db, { userId: user, now: T0, settings: UTC });
    expect(d.readiness).toMatchObject({ ready: false, answered: 0, answersNeeded: 40 });
    expect(d.due).toEqual({ now: 0, today: 0, week: 0, total: 0 });
    expect(d.weakTopics).toEqual([]);
    expect(d.activity).toHaveLength(56);
    expect(d.activity.every((a) => a.answered === 0)).toBe(true);
    expect(d.pacing).toEqual({ timedAnswers: 0, untimedAnswers: 0, averageSeconds: null, verdict: "no-time" });
    expect(d.newCardNotice).toBeNull();
  });

  test("graded answers move mastery, activity, pacing, weak topics and then readiness", async () => {
    const user = await newStudent("xena");
    await quiz(user, ["wrong", "wrong", "right", "unsure", "wrong"], T0);
    const d = await loadDashboard(t.db, { userId: user, now: minutes(5), settings: UTC });
    const ts22 = d.mastery.find((m) => m.number === 2)!.taskStatements.find((t) => t.code === "2.2")!;
    expect(ts22.evidence).toBe(5);
    expect(ts22.mastery).toBeLessThan(0.5);
    expect(d.activity.at(-1)).toEqual({ day: "2026-04-10", answered: 5, correct: 2 });
    expect(d.pacing).toEqual({ timedAnswers: 5, untimedAnswers: 0, averageSeconds: 45, verdict: "on-pace" });
    expect(d.due.total).toBe(4);
    expect(d.readiness.ready).toBe(false);
    if (!d.readiness.ready) expect(d.readiness.domainsShort.map((s) => s.domain)).toEqual([1, 2, 3, 4].filter((n) => n !== 2));

    // Enough evidence in every domain: a prediction appears.
    for (const ts of ["1.1", "1.2", "3.4", "4.1", "2.1"]) {
      const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: ts }, count: 10 }, now: minutes(10), settings });
      await saveAnswers(t.db, {
        userId: user,
        sessionId: await createTestSession(t.db, user),
        attemptId,
        saves: await responsesFor(t.db, attemptId, () => "right", { timeSpentMs: 60_000, seq: 50 }),
        now: minutes(10),
        settings,
      });
      await submitAttempt(t.db, { userId: user, attemptId, now: minutes(11), settings });
      await runJobs(t);
    }
    const ready = await loadDashboard(t.db, { userId: user, now: minutes(12), settings: UTC });
    expect(ready.readiness.ready).toBe(true);
    if (ready.readiness.ready) {
      expect(ready.readiness.low).toBeLessThanOrEqual(ready.readiness.predictedScore);
      expect(ready.readiness.high).toBeGreaterThanOrEqual(ready.readiness.predictedScore);
      expect(ready.readiness.passProbability).toBeGreaterThan(0);
      expect(ready.readiness.passProbability).toBeLessThan(1);
    }
    // Same evidence, same numbers on every load.
    expect((await loadDashboard(t.db, { userId: user, now: minutes(13), settings: UTC })).readiness).toEqual(ready.readiness);

    // A graded final mock of 20/65 (held-back questions) weighs the prediction down, and the dashboard says so.
    await t.db.attempt.create({
      data: { userId: user, examId: "dva-c02", mode: "FINAL_MOCK", status: "SUBMITTED", config: {}, questionCount: 65, startedAt: minutes(14), gradedAt: minutes(15), learningRecordedAt: minutes(15), rawScore: 20, scaledScore: 308, passed: false },
    });
    const weighed = await loadDashboard(t.db, { userId: user, now: minutes(16), settings: UTC });
    if (!weighed.readiness.ready || !ready.readiness.ready) throw new Error("expected a prediction");
    expect(weighed.readiness.finalMocks).toBe(1);
    expect(ready.readiness.finalMocks).toBe(0);
    expect(weighed.readiness.predictedScore).toBeLessThan(ready.readiness.predictedScore);
    expect(weighed.readiness.passProbability).toBeLessThan(ready.readiness.passProbability);
  });
});
