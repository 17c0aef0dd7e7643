// Keys and explanations a student may not see yet, wherever they would show:
// - every question of their timed attempt in progress, until it is graded;
// - every question of their graded class assignment whose review policy has
//   not released the full review to them (score-only or per-domain review, or
//   "after the due date" before their own due time).
// No lesson check, practice check, review card, result page or runner may
// reveal them: every place that reveals a key asks this module first.
import "server-only";
import type { Db, Prisma } from "@/lib/db";

/** Question ids whose keys are locked for the student (attempt `exceptAttemptId` aside). */
export async function lockedQuestionIds(
  db: Db | Prisma.TransactionClient,
  options: { userId: string; exceptAttemptId?: string; now?: Date },
): Promise<Set<string>> {
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<Array<{ questionId: string }>>`
    SELECT DISTINCT ai."questionId"
    FROM "Attempt" a
    JOIN "AttemptItem" ai ON ai."attemptId" = a.id
    LEFT JOIN "Assignment" s ON s.id = a."assignmentId"
    LEFT JOIN "AssignmentOverride" o ON o."assignmentId" = a."assignmentId" AND o."userId" = a."userId"
    WHERE a."userId" = ${options.userId} AND a.id <> ${options.exceptAttemptId ?? ""}
      AND ((a.status = 'IN_PROGRESS' AND a.deadline IS NOT NULL)
        OR (s.id IS NOT NULL AND a.status <> 'IN_PROGRESS'
          AND (s."reviewContent" <> 'FULL' OR (s."reviewTiming" = 'AFTER_DUE' AND ${now} < coalesce(o."dueAt", s."dueAt")))))`;
  return new Set(rows.map((r) => r.questionId));
}

export const KEY_LOCKED_MESSAGE =
  "This question is in an exam whose answers you cannot see yet (a timed exam in progress, or a class assignment whose review is not open), so its answer stays hidden for now.";
