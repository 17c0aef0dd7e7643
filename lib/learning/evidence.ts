// What an answered question teaches us, written in the grading transaction:
// mastery per topic and task statement, the question's review card (FSRS) and
// the day's activity summary. Batched: a constant number of statements per
// call, whatever the number of answers; plain SQL, as this runs inside grading.
// Days are the student's own (User.timeZone), and new review cards respect
// their new-cards-per-day limit (new-card-limit.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { type MasteryState, NEW_MASTERY, applyAnswers } from "./mastery";
import { spreadNewCards } from "./new-card-limit";
import { loadNewCardLoad } from "./new-card-load";
import { type StoredCard, outcomeFor, scheduleReview } from "./review";
import { localDay } from "./study-day";

type Tx = Prisma.TransactionClient;

type StudySettings = { timeZone: string; newCardsPerDay: number };

export type Evidence = {
  questionId: string;
  topic: string;
  taskStatement: string;
  difficulty: number; // logit
  guess: number;
  correct: boolean;
  unsure: boolean;
  timeSpentMs: number;
};

async function updateMastery(tx: Tx, userId: string, answers: readonly Evidence[], now: Date) {
  const scopes = new Map<string, { scope: "TOPIC" | "TASK_STATEMENT"; id: string }>();
  const byScope = new Map<string, Array<{ correct: boolean; difficulty: number; guess: number }>>();
  for (const a of answers) {
    for (const [scope, id] of [
      ["TOPIC", a.topic],
      ["TASK_STATEMENT", a.taskStatement],
    ] as const) {
      const key = `${scope}:${id}`;
      scopes.set(key, { scope, id });
      (byScope.get(key) ?? byScope.set(key, []).get(key)!).push({ correct: a.correct, difficulty: a.difficulty, guess: a.guess });
    }
  }
  const existing = await tx.$queryRaw<Array<{ scope: string; scopeId: string; rating: number; variance: number; evidence: number; correct: number }>>`
    SELECT scope::text AS scope, "scopeId", rating, variance, evidence, correct FROM "Mastery"
    WHERE "userId" = ${userId} AND scope::text || ':' || "scopeId" = ANY(${[...scopes.keys()]}::text[])`;
  const states = new Map<string, MasteryState>(
    existing.map((m) => [`${m.scope}:${m.scopeId}`, { rating: m.rating, variance: m.variance, evidence: m.evidence, correct: m.correct }]),
  );
  const keys = [...byScope.keys()];
  const next = keys.map((key) => applyAnswers(states.get(key) ?? NEW_MASTERY, byScope.get(key)!));
  await tx.$executeRaw`
    INSERT INTO "Mastery" ("userId", scope, "scopeId", rating, variance, evidence, correct, "updatedAt")
    SELECT ${userId}, t.scope::"MasteryScope", t.id, t.rating, t.variance, t.evidence, t.correct, ${now}
    FROM unnest(${keys.map((k) => scopes.get(k)!.scope)}::text[], ${keys.map((k) => scopes.get(k)!.id)}::text[],
                ${next.map((s) => s.rating)}::float8[], ${next.map((s) => s.variance)}::float8[],
                ${next.map((s) => s.evidence)}::int[], ${next.map((s) => s.correct)}::int[])
         AS t(scope, id, rating, variance, evidence, correct)
    ON CONFLICT ("userId", scope, "scopeId") DO UPDATE
      SET rating = EXCLUDED.rating, variance = EXCLUDED.variance, evidence = EXCLUDED.evidence,
          correct = EXCLUDED.correct, "updatedAt" = EXCLUDED."updatedAt"`;
}

async function updateReviewCards(tx: Tx, userId: string, answers: readonly Evidence[], now: Date, settings: StudySettings) {
  const existing = await tx.$queryRaw<Array<StoredCard & { questionId: string }>>`
    SELECT "questionId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview"
    FROM "ReviewCard" WHERE "userId" = ${userId} AND "questionId" = ANY(${answers.map((a) => a.questionId)}::text[])`;
  const cards = new Map<string, StoredCard>(existing.map((c) => [c.questionId, c]));
  const cardsBefore = new Set(cards.keys());
  const rows: Array<StoredCard & { questionId: string }> = [];
  for (const a of answers) {
    const next = scheduleReview(cards.get(a.questionId) ?? null, outcomeFor(a.correct, a.unsure), now);
    if (!next) continue;
    cards.set(a.questionId, next); // a question answered twice in one batch builds on its first answer
    const at = rows.findIndex((r) => r.questionId === a.questionId);
    if (at >= 0) rows.splice(at, 1);
    rows.push({ questionId: a.questionId, ...next });
  }
  if (rows.length === 0) return;
  // Brand-new cards wait for a day with room under the student's limit.
  const made = rows.filter((r) => !cardsBefore.has(r.questionId));
  if (made.length > 0) {
    const spread = spreadNewCards(made, { now, timeZone: settings.timeZone, limit: settings.newCardsPerDay, ...(await loadNewCardLoad(tx, { userId, now, timeZone: settings.timeZone })) });
    const due = new Map(spread.map((c) => [c.questionId, c.due]));
    for (const r of rows) r.due = due.get(r.questionId) ?? r.due;
  }
  await tx.$executeRaw`
    INSERT INTO "ReviewCard" ("userId", "questionId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                              "learningSteps", reps, lapses, state, "lastReview", "createdAt")
    SELECT ${userId}, t.q, t.due, t.stability, t.difficulty, t.elapsed, t.scheduled, t.steps, t.reps, t.lapses, t.state, t.last, ${now}
    FROM unnest(${rows.map((r) => r.questionId)}::text[], ${rows.map((r) => r.due)}::timestamp[],
                ${rows.map((r) => r.stability)}::float8[], ${rows.map((r) => r.difficulty)}::float8[],
                ${rows.map((r) => r.elapsedDays)}::int[], ${rows.map((r) => r.scheduledDays)}::int[],
                ${rows.map((r) => r.learningSteps)}::int[], ${rows.map((r) => r.reps)}::int[],
                ${rows.map((r) => r.lapses)}::int[], ${rows.map((r) => r.state)}::int[],
                ${rows.map((r) => r.lastReview)}::timestamp[])
         AS t(q, due, stability, difficulty, elapsed, scheduled, steps, reps, lapses, state, last)
    ON CONFLICT ("userId", "questionId") DO UPDATE
      SET due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
          "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
          "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
          state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview"`;
}

async function addActivity(tx: Tx, userId: string, answers: readonly Evidence[], now: Date, settings: StudySettings) {
  const day = localDay(now, settings.timeZone);
  const correct = answers.filter((a) => a.correct).length;
  const time = answers.reduce((n, a) => n + Math.max(0, Math.round(a.timeSpentMs)), 0);
  await tx.$executeRaw`
    INSERT INTO "DailyActivity" ("userId", day, answered, correct, "timeSpentMs")
    VALUES (${userId}, ${day}::date, ${answers.length}, ${correct}, ${time})
    ON CONFLICT ("userId", day) DO UPDATE
      SET answered = "DailyActivity".answered + EXCLUDED.answered,
          correct = "DailyActivity".correct + EXCLUDED.correct,
          "timeSpentMs" = "DailyActivity"."timeSpentMs" + EXCLUDED."timeSpentMs"`;
}

/** Records answered questions. Serialised per student so two gradings never overwrite each other's mastery. */
export async function recordEvidence(tx: Tx, options: { userId: string; answers: readonly Evidence[]; now: Date }): Promise<void> {
  const { userId, answers, now } = options;
  if (answers.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`evidence:${userId}`}, 0))`;
  const settings = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true, newCardsPerDay: true } });
  await updateMastery(tx, userId, answers, now);
  await updateReviewCards(tx, userId, answers, now, settings);
  await addActivity(tx, userId, answers, now, settings);
}
