// Grading an attempt, once: a double click, a second tab, a retry or the sweep
// all get the same outcome. Here the attempt row is locked FOR UPDATE while the
// answers are read and the grade written, so no save lands in between (a
// submit first tries grading without holding the lock, writing only if nothing
// changed meanwhile: submit-attempt.ts). Grading commits the score and each
// item's correctness; what the attempt teaches (mastery, review cards,
// activity) follows in a background job queued in the same statement
// (lib/learning/attempt-learning.ts), so a submit storm at a shared deadline
// waits only for the scores.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { serverLoad } from "@/lib/edge/server-load";
import { learningDelaySeconds } from "@/lib/learning/learning-delay";
import { isResponseCorrect } from "./answer-rules";
import { type GradingRow, loadGradingRows } from "./attempt-items";
import { answerKeyOf } from "./item-model";
import { attemptNotFound } from "./errors";
import { type AttemptGrade, gradeAttempt } from "./grading";
import { gradeStatement } from "./grade-statement";

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

/** Judges each item of an attempt and scores it: pure, shared by every way of grading. */
export function scoreAttempt(rows: readonly GradingRow[]): { judged: Array<{ position: number; correct: boolean }>; grade: AttemptGrade } {
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
  return { judged: judged.map(({ row, correct }) => ({ position: row.position, correct })), grade };
}

/** Seconds a grade's learning waits: none, or longer while the server is busy. */
export const learningDelayNow = () => learningDelaySeconds(serverLoad());

/**
 * Grades an attempt whose row the caller has locked FOR UPDATE in `tx` and
 * read as `status`. The grade is one statement: the items' correctness, the
 * attempt's score and its place in the learning queue together (grade-statement.ts).
 */
export async function gradeLocked(tx: Tx, options: GradeOptions & { status: AttemptStatus }): Promise<GradeOutcome> {
  const { attemptId, now, expired } = options;
  if (options.status !== "IN_PROGRESS") return { attemptId, alreadyGraded: true, status: options.status };
  await options.beforeGrade?.(tx);
  const { judged, grade } = scoreAttempt(await loadGradingRows(tx, attemptId));
  const status = expired ? "EXPIRED" : "SUBMITTED";
  await tx.$executeRaw(gradeStatement({ attemptId, now, status, grade, judged, learningAfterSeconds: learningDelayNow() }));
  return { attemptId, alreadyGraded: false, status };
}

export async function gradeAttemptNow(db: Db, options: GradeOptions): Promise<GradeOutcome> {
  return db.$transaction((tx) => gradeWithin(tx, options), { timeout: 30_000, maxWait: 30_000 });
}
