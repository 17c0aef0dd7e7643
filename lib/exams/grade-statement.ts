// The statement that writes a grade: each item's correctness, the attempt's
// score and status, and its place in the learning queue
// (lib/learning/pending-learning.ts), together. Two forms, no I/O here:
//
// - gradeStatement, for a transaction that already holds the attempt FOR
//   UPDATE (the sweep, a late save, an expired runner view, a submit's
//   fallback: grade-attempt.ts);
// - guardedGradeStatement, one autocommitted statement for a submit's fast
//   path (submit-attempt.ts), which read the attempt without a lock and graded
//   it in between. It locks the attempt and then its items (FOR UPDATE returns
//   their latest committed versions, even those committed after the
//   statement's snapshot), and writes only if the attempt is still open and
//   the caller's, with the deadline and live session it was read with, and
//   every item's save sequence and checked state are as read. Then it also
//   applies the submit's carried saves the grade counted; otherwise it writes
//   nothing and returns no row. A save holds the attempt FOR KEY SHARE until it
//   commits (save-statement.ts), so once the lock is granted no save is in
//   flight, and one that comes later waits and finds the attempt closed.
import { Prisma } from "@/lib/generated/prisma/client";
import { pendingLearningInsert } from "@/lib/learning/pending-learning";
import type { AttemptGrade } from "./grading";
import type { AnswerSave } from "./inputs";

export type GradeWrite = {
  attemptId: string;
  now: Date;
  status: "SUBMITTED" | "EXPIRED";
  grade: AttemptGrade;
  judged: ReadonlyArray<{ position: number; correct: boolean }>;
  /** Seconds the learning of this grade waits (lib/learning/learning-delay.ts). */
  learningAfterSeconds: number;
};

/** What the grade was computed from. */
export type GradeGuard = {
  userId: string;
  /** The caller's session, which must still be live; null when the caller is not a browser. */
  sessionId: string | null;
  deadline: Date | null;
  items: ReadonlyArray<{ position: number; saveSeq: bigint; revealed: boolean }>;
  /** Carried saves to apply, one per position (carried-saves.ts). */
  saves: ReadonlyArray<AnswerSave>;
};

/** True when `sessionId` is null, or names a live session of the attempt `a`'s owner. */
export function sessionLiveFor(sessionId: string | null, now: Date): Prisma.Sql {
  return Prisma.sql`(${sessionId}::text IS NULL OR EXISTS (
    SELECT 1 FROM "AuthSession" s
    WHERE s.id = ${sessionId}::text AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}))`;
}

function attemptGradeSet({ status, now, grade }: GradeWrite): Prisma.Sql {
  return Prisma.sql`
    status = ${status}::"AttemptStatus", "submittedAt" = ${status === "EXPIRED" ? null : now}, "gradedAt" = ${now},
    "rawScore" = ${grade.raw}, "scaledScore" = ${grade.scaled}, passed = ${grade.passed},
    "domainResults" = ${JSON.stringify(grade.domains)}::jsonb, "taskStatementResults" = ${JSON.stringify(grade.taskStatements)}::jsonb,
    "pausedAt" = NULL`;
}

/** For a transaction holding the attempt FOR UPDATE. Returns the attempt's id. */
export function gradeStatement(write: GradeWrite): Prisma.Sql {
  const { attemptId, judged } = write;
  return Prisma.sql`
    WITH items AS (
      UPDATE "AttemptItem" ai SET correct = t.correct
      FROM unnest(${judged.map((j) => j.position)}::int[], ${judged.map((j) => j.correct)}::boolean[]) AS t(position, correct)
      WHERE ai."attemptId" = ${attemptId} AND ai.position = t.position
    ), graded AS (
      UPDATE "Attempt" SET ${attemptGradeSet(write)}
      WHERE id = ${attemptId}
      RETURNING id
    ), learning AS (
      ${pendingLearningInsert(write.learningAfterSeconds)}
    )
    SELECT id FROM graded`;
}

/** One autocommitted statement: returns the attempt's id if it wrote the grade, no row if the attempt changed since it was read. */
export function guardedGradeStatement(write: GradeWrite, guard: GradeGuard): Prisma.Sql {
  const { attemptId, now, judged } = write;
  const { items } = guard;
  const saves = guard.saves.map((s) => ({ ...s, seq: s.seq.toString() }));
  return Prisma.sql`
    WITH locked AS (
      SELECT a.id FROM "Attempt" a
      WHERE a.id = ${attemptId} AND a."userId" = ${guard.userId} AND a.status = 'IN_PROGRESS'
        AND a.deadline IS NOT DISTINCT FROM ${guard.deadline}::timestamp(3)
        AND ${sessionLiveFor(guard.sessionId, now)}
      FOR UPDATE OF a
    ), latest AS (
      SELECT ai.position, ai."saveSeq", ai."revealedAt" IS NOT NULL AS revealed
      FROM "AttemptItem" ai JOIN locked ON ai."attemptId" = locked.id
      FOR UPDATE OF ai
    ), fresh AS (
      SELECT count(*) = ${items.length} AND (SELECT count(*) FROM latest) = ${items.length} AS ok
      FROM latest
      JOIN unnest(${items.map((i) => i.position)}::int[], ${items.map((i) => i.saveSeq.toString())}::bigint[], ${items.map((i) => i.revealed)}::boolean[])
        AS e(position, seq, revealed)
        ON e.position = latest.position AND e.seq = latest."saveSeq" AND e.revealed = latest.revealed
    ), items AS (
      UPDATE "AttemptItem" ai
      SET correct = t.correct,
          "chosenKeys" = COALESCE(s."chosenKeys", ai."chosenKeys"), flagged = COALESCE(s.flagged, ai.flagged),
          unsure = COALESCE(s.unsure, ai.unsure), "timeSpentMs" = GREATEST(ai."timeSpentMs", s."timeSpentMs"),
          "saveSeq" = COALESCE(s.seq, ai."saveSeq"), "answeredAt" = CASE WHEN s.position IS NULL THEN ai."answeredAt" ELSE ${now} END
      FROM fresh, unnest(${judged.map((j) => j.position)}::int[], ${judged.map((j) => j.correct)}::boolean[]) AS t(position, correct)
        LEFT JOIN jsonb_to_recordset(${JSON.stringify(saves)}::jsonb)
          AS s(position int, "chosenKeys" text[], flagged boolean, unsure boolean, "timeSpentMs" int, seq bigint)
          ON s.position = t.position
      WHERE fresh.ok AND ai."attemptId" = ${attemptId} AND ai.position = t.position
    ), graded AS (
      UPDATE "Attempt" SET ${attemptGradeSet(write)}
      FROM fresh
      WHERE fresh.ok AND id = ${attemptId}
      RETURNING id
    ), learning AS (
      ${pendingLearningInsert(write.learningAfterSeconds)}
    )
    SELECT id FROM graded`;
}
