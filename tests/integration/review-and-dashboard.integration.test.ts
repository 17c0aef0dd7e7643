// Review cards from graded attempts, due on the right day (clock injected),
// answered and rescheduled; the dashboard's data moving with them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadRunnerView } from "@/lib/exams/runner-view";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { submitAttempt } from "@/lib/exams/grade-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { loadDashboard } from "@/lib/learning/dashboard";
import { answerReviewCard, countDueCards, nextDueCard } from "@/lib/learning/review-queue";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { runJobs } from "../support/jobs";
import { responsesFor } from "../support/responses";
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
    expect(JSON.stringify(due)).not.toMatch(/"correct"|"explanation"/); // as keys: a stem may say "correct"

    const right = await t.db.choice.findMany({ where: { questionId: missed!, correct: true } });
    const answer = await answerReviewCard(t.db, {
      userId: user,
      questionId: missed!,
      chosenKeys: right.map((c) => c.key),
      unsure: false,
      timeSpentMs: 30_000,
      now: card.due,
    });
    expect(answer.status).toBe("answered");
    if (answer.status !== "answered") return;
    expect(answer.correct).toBe(true);
    expect(answer.explanations.length).toBeGreaterThanOrEqual(4);
    expect(new Date(answer.nextDue).getTime()).toBeGreaterThan(card.due.getTime());
    // Answering again before the new due time is refused.
    expect(await answerReviewCard(t.db, { userId: user, questionId: missed!, chosenKeys: ["a"], unsure: false, timeSpentMs: 0, now: card.due })).toEqual({
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
    expect(await answerReviewCard(t.db, { userId: other, questionId: q!, chosenKeys: ["a"], unsure: false, timeSpentMs: 0, now: far })).toEqual({
      status: "not-due",
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
  });
});
