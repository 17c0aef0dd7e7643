// While a student has a timed attempt in progress, the keys and explanations
// of its questions are locked for them everywhere: no lesson check, practice
// check, review card, result page or runner may reveal them until that attempt
// is graded. Every place that reveals a key asks this module first.
import "server-only";
import type { Db, Prisma } from "@/lib/db";

/** Question ids in the student's timed attempts in progress (other than `exceptAttemptId`). */
export async function lockedQuestionIds(
  db: Db | Prisma.TransactionClient,
  options: { userId: string; exceptAttemptId?: string },
): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ questionId: string }>>`
    SELECT DISTINCT ai."questionId"
    FROM "Attempt" a JOIN "AttemptItem" ai ON ai."attemptId" = a.id
    WHERE a."userId" = ${options.userId} AND a.status = 'IN_PROGRESS' AND a.deadline IS NOT NULL
      AND a.id <> ${options.exceptAttemptId ?? ""}`;
  return new Set(rows.map((r) => r.questionId));
}

export const KEY_LOCKED_MESSAGE =
  "This question is also in your timed exam in progress, so its answer stays hidden until you submit that exam.";
