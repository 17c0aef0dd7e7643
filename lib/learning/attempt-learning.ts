// What a graded attempt teaches: mastery, review cards and daily activity,
// recorded by the record-attempt-learning job after the grade has committed
// (submitting waits only for the score). Idempotent: the attempt row is locked
// and stamped learningRecordedAt in the same transaction, so a retry, a twin
// job or the sweep's catch-up records nothing twice.
import "server-only";
import type { Db } from "@/lib/db";
import { guessChanceOf } from "@/lib/exams/answer-rules";
import { loadAttemptItems, presentRow } from "@/lib/exams/attempt-items";
import { STAT_MODES } from "@/lib/insights/question-stat";
import { attemptStatsRef } from "@/lib/insights/question-stat-refresh";
import { difficultyForLearning } from "@/lib/insights/rasch";
import { enqueueJob, JOB } from "@/lib/jobs/queue";
import { recordEvidence } from "./evidence";
import { markLearningPending } from "./pending-learning";

/** Seconds the question-statistics job waits to gather the questions of attempts graded meanwhile. */
export const QUESTION_STATS_GATHER_SECONDS = 60;

export type LearningOutcome = "recorded" | "already-recorded" | "not-graded";

export async function recordAttemptLearning(db: Db, options: { attemptId: string }): Promise<LearningOutcome> {
  const { attemptId } = options;
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ userId: string; mode: string; gradedAt: Date | null; learningRecordedAt: Date | null }>>`
        SELECT "userId", mode::text, "gradedAt", "learningRecordedAt" FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
      const attempt = locked[0];
      // A deleted attempt (its student deleted) or one not graded yet has nothing to teach.
      if (!attempt || !attempt.gradedAt) return "not-graded";
      if (attempt.learningRecordedAt) return "already-recorded";
      const rows = await loadAttemptItems(tx, attemptId);
      // A difficulty fitted from enough answers replaces the authored one (docs/learning-model.md).
      const stats = await tx.questionStat.findMany({
        where: { questionId: { in: rows.map((r) => r.questionId) } },
        select: { questionId: true, fittedDifficulty: true, fitAnswerCount: true },
      });
      const statOf = new Map(stats.map((s) => [s.questionId, s]));
      // Evidence is dated when the attempt was graded, not when the job ran, so a
      // queue that lags does not move the student's days or review dates.
      await recordEvidence(tx, {
        userId: attempt.userId,
        now: attempt.gradedAt,
        // Unanswered questions count as wrong in the score but are not evidence of mastery.
        answers: rows
          .filter((row) => row.chosenKeys.length > 0)
          .map((row) => ({
            questionId: row.questionId,
            topic: row.snapshot.topic,
            taskStatement: row.snapshot.taskStatement,
            difficulty: difficultyForLearning(row.snapshot.difficulty, statOf.get(row.questionId)),
            guess: guessChanceOf(presentRow(row).shape),
            correct: row.correct === true,
            unsure: row.unsure,
            timeSpentMs: row.timeSpentMs,
          })),
      });
      await tx.$executeRaw`UPDATE "Attempt" SET "learningRecordedAt" = ${attempt.gradedAt} WHERE id = ${attemptId}`;
      // Last, so the shared job row is held only until this commits. Queued here
      // rather than in the grading transaction: at most the worker's concurrency
      // contends for the one gathering job, never a storm of submits.
      // The waiting job gathers attempt references, not question ids: graphile-worker
      // rewrites the whole array on each append, and 65 ids an attempt made a
      // 1,000-submit storm rewrite megabytes a job (see attemptStatsRef).
      if ((STAT_MODES as readonly string[]).includes(attempt.mode) && rows.some((row) => row.chosenKeys.length > 0)) {
        await enqueueJob(tx, JOB.refreshQuestionStats, [attemptStatsRef(attemptId)], { jobKey: "question-stats", delaySeconds: QUESTION_STATS_GATHER_SECONDS, maxAttempts: 5 });
      }
      return "recorded";
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/**
 * Queues again the learning of attempts graded more than `olderThanMs` ago
 * whose job has not run (one that used up its retries, or a queue restored
 * from a backup). Run by the overdue sweep.
 */
export async function requeueMissedLearning(db: Db, options: { now: Date; olderThanMs?: number; limit?: number }): Promise<number> {
  const before = new Date(options.now.getTime() - (options.olderThanMs ?? 10 * 60_000));
  const missed = await db.attempt.findMany({
    where: { learningRecordedAt: null, gradedAt: { lt: before } },
    select: { id: true },
    orderBy: { gradedAt: "asc" },
    take: options.limit ?? 200,
  });
  if (missed.length === 0) return 0;
  await markLearningPending(db, missed.map((m) => m.id));
  return missed.length;
}
