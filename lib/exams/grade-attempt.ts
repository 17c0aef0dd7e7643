// Grading an attempt, once: a double click, a second tab, a retry or the sweep
// all get the same outcome. The attempt row is locked FOR UPDATE while the
// answers are read and the grade written, so no save lands in between.
// Grading commits the score and each item's correctness; what the attempt
// teaches (mastery, review cards, activity) follows in a background job queued
// in the same transaction (lib/learning/attempt-learning.ts), so a submit storm
// at a shared deadline waits only for the scores.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { queueAttemptLearning } from "@/lib/learning/attempt-learning";
import { isResponseCorrect } from "./answer-rules";
import { loadAttemptItems, presentRow } from "./attempt-items";
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
  const { attemptId, now, expired } = options;
  const locked = await tx.$queryRaw<Array<{ status: string; userId: string }>>`
    SELECT status, "userId" FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
  const attempt = locked[0];
  if (!attempt) throw attemptNotFound();
  if (attempt.status !== "IN_PROGRESS") {
    return { attemptId, alreadyGraded: true, status: attempt.status as "SUBMITTED" | "EXPIRED" };
  }
  await options.beforeGrade?.(tx);
  const rows = await loadAttemptItems(tx, attemptId);
  const judged = rows.map((row) => {
    const { key } = presentRow(row);
    return { row, correct: isResponseCorrect(key, row.chosenKeys) };
  });
  const grade = gradeAttempt(
    judged.map(({ row, correct }) => ({
      position: row.position,
      correct,
      answered: row.chosenKeys.length > 0,
      domain: domainOf(row.snapshot.taskStatement),
      taskStatement: row.snapshot.taskStatement,
      timeSpentMs: row.timeSpentMs,
    })),
  );
  if (rows.length) {
    await tx.$executeRaw`
      UPDATE "AttemptItem" ai SET correct = t.correct
      FROM unnest(${judged.map((j) => j.row.position)}::int[], ${judged.map((j) => j.correct)}::boolean[]) AS t(position, correct)
      WHERE ai."attemptId" = ${attemptId} AND ai.position = t.position`;
  }
  const status = expired ? "EXPIRED" : "SUBMITTED";
  await tx.$executeRaw`
    UPDATE "Attempt"
    SET status = ${status}::"AttemptStatus", "submittedAt" = ${expired ? null : now}, "gradedAt" = ${now},
        "rawScore" = ${grade.raw}, "scaledScore" = ${grade.scaled}, passed = ${grade.passed},
        "domainResults" = ${JSON.stringify(grade.domains)}::jsonb, "taskStatementResults" = ${JSON.stringify(grade.taskStatements)}::jsonb,
        "pausedAt" = NULL
    WHERE id = ${attemptId}`;
  await queueAttemptLearning(tx, attemptId);
  return { attemptId, alreadyGraded: false, status };
}

export async function gradeAttemptNow(db: Db, options: GradeOptions): Promise<GradeOutcome> {
  return db.$transaction((tx) => gradeWithin(tx, options), { timeout: 30_000, maxWait: 30_000 });
}
