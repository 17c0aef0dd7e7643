// Grading an attempt, once: a double click, a second tab, a retry or the sweep
// all get the same outcome. The attempt row is locked FOR UPDATE while the
// answers are read and the grade written, so no save lands in between.
// Grading commits the score and each item's correctness; what the attempt
// teaches (mastery, review cards, activity) follows in a background job queued
// in the same transaction (lib/learning/attempt-learning.ts), so a submit storm
// at a shared deadline waits only for the scores.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { serverLoad } from "@/lib/edge/server-load";
import { attemptLearningJob } from "@/lib/learning/attempt-learning";
import { learningDelaySeconds } from "@/lib/learning/learning-delay";
import { isResponseCorrect } from "./answer-rules";
import { loadGradingRows } from "./attempt-items";
import { answerKeyOf } from "./item-model";
import { attemptNotFound } from "./errors";
import { gradeAttempt } from "./grading";

type Tx = Prisma.TransactionClient;

export type GradeOutcome = { attemptId: string; alreadyGraded: boolean; status: "SUBMITTED" | "EXPIRED" };

const domainOf = (taskStatement: string) => Number(taskStatement.split(".")[0]);

type GradeOptions = {
  attemptId: string;
  now: Date;
  expired: boolean;
  /** Runs with the attempt locked and still open, before its answers are read (a submit's final saves). */
  beforeGrade?: (tx: Tx) => Promise<void>;
};

export async function gradeWithin(tx: Tx, options: GradeOptions): Promise<GradeOutcome> {
  const locked = await tx.$queryRaw<Array<{ status: AttemptStatus }>>`
    SELECT status::text AS status FROM "Attempt" WHERE id = ${options.attemptId} FOR UPDATE`;
  if (!locked[0]) throw attemptNotFound();
  return gradeLocked(tx, { ...options, status: locked[0].status });
}

export type AttemptStatus = "IN_PROGRESS" | "SUBMITTED" | "EXPIRED";

/**
 * Grades an attempt whose row the caller has locked FOR UPDATE in `tx` and
 * read as `status`. The grade is one statement: the items' correctness, the
 * attempt's score and the learning job together.
 */
export async function gradeLocked(tx: Tx, options: GradeOptions & { status: AttemptStatus }): Promise<GradeOutcome> {
  const { attemptId, now, expired } = options;
  if (options.status !== "IN_PROGRESS") return { attemptId, alreadyGraded: true, status: options.status };
  await options.beforeGrade?.(tx);
  const rows = await loadGradingRows(tx, attemptId);
  const judged = rows.map((row) => ({ row, correct: isResponseCorrect(answerKeyOf(row.snapshot, row.choiceOrder), row.chosenKeys) }));
  const grade = gradeAttempt(
    judged.map(({ row, correct }) => ({
      position: row.position,
      correct,
      answered: row.chosenKeys.length > 0,
      domain: domainOf(row.taskStatement),
      taskStatement: row.taskStatement,
      timeSpentMs: row.timeSpentMs,
    })),
  );
  const status = expired ? "EXPIRED" : "SUBMITTED";
  await tx.$executeRaw`
    WITH items AS (
      UPDATE "AttemptItem" ai SET correct = t.correct
      FROM unnest(${judged.map((j) => j.row.position)}::int[], ${judged.map((j) => j.correct)}::boolean[]) AS t(position, correct)
      WHERE ai."attemptId" = ${attemptId} AND ai.position = t.position
    ), graded AS (
      UPDATE "Attempt"
      SET status = ${status}::"AttemptStatus", "submittedAt" = ${expired ? null : now}, "gradedAt" = ${now},
          "rawScore" = ${grade.raw}, "scaledScore" = ${grade.scaled}, passed = ${grade.passed},
          "domainResults" = ${JSON.stringify(grade.domains)}::jsonb, "taskStatementResults" = ${JSON.stringify(grade.taskStatements)}::jsonb,
          "pausedAt" = NULL
      WHERE id = ${attemptId}
      RETURNING id
    )
    SELECT ${attemptLearningJob(attemptId, { runAfterSeconds: learningDelaySeconds(serverLoad()) })} FROM graded`;
  return { attemptId, alreadyGraded: false, status };
}

export async function gradeAttemptNow(db: Db, options: GradeOptions): Promise<GradeOutcome> {
  return db.$transaction((tx) => gradeWithin(tx, options), { timeout: 30_000, maxWait: 30_000 });
}
