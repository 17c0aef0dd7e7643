// Submitting an attempt, with the answers the browser has not had acknowledged
// yet. The runner does not wait for its last saves' answers before it submits
// (under load that wait alone made on-time submits leave late): it sends them
// inside the submit, and they are applied in the grading transaction, judged
// by the submit's arrival time with the same rules as a save (sequence
// numbers, choice keys, kind shapes: save-answers.ts). A submit that arrives
// after deadline + grace is graded EXPIRED from what was saved before, and its
// answers are not applied.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import { isOverdue } from "./deadline";
import { attemptNotFound } from "./errors";
import { type AttemptStatus, type GradeOutcome, gradeLocked } from "./grade-attempt";
import type { AnswerSave } from "./inputs";
import { type SaveResult, applySaves } from "./save-answers";
import type { ExamSettings } from "./settings";

export type SubmitOutcome = GradeOutcome & {
  /** What became of each final save sent with the submit (empty when none were sent, or none applied: graded already or expired). */
  saves: SaveResult[];
};

type Options = {
  userId: string;
  attemptId: string;
  /** When the submit arrived. */
  now: Date;
  settings: ExamSettings;
  /** Final saves sent with the submit; they need `sessionId`. */
  saves?: AnswerSave[];
  /**
   * The caller's session (the route passes its cookie's): the submit is
   * refused unless it is live, checked in the statement that locks the attempt.
   */
  sessionId?: string;
};

export const sessionEndedMessage = "Your session has ended. Sign in again to submit; your unsent answers are kept.";

/**
 * Submits and grades an attempt, once, applying the final saves it carries
 * first. All or nothing: a save that can never be applied (a foreign choice
 * key, an ended session) fails the submit and nothing is graded. Past the
 * deadline (plus grace) the attempt is graded as expired from what was saved.
 * One statement locks the attempt and checks the owner, the session and the
 * deadline together; one more reads the items and one writes the grade.
 */
export async function submitAttempt(db: Db, options: Options): Promise<SubmitOutcome> {
  const { userId, attemptId, now, settings, sessionId } = options;
  const saves = options.saves ?? [];
  if (saves.length && !sessionId) throw new Error("submitAttempt: final saves need the caller's session id");
  let saved: SaveResult[] = [];
  const outcome = await db.$transaction(
    async (tx) => {
      const [attempt] = await tx.$queryRaw<Array<{ status: AttemptStatus; deadline: Date | null; sessionLive: boolean }>>`
        SELECT a.status::text AS status, a.deadline,
               (${sessionId ?? null}::text IS NULL OR EXISTS (
                  SELECT 1 FROM "AuthSession" s
                  WHERE s.id = ${sessionId ?? null}::text AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > ${now})) AS "sessionLive"
        FROM "Attempt" a WHERE a.id = ${attemptId} AND a."userId" = ${userId}
        FOR UPDATE OF a`;
      if (!attempt) throw attemptNotFound();
      if (!attempt.sessionLive) throw new AppError("UNAUTHENTICATED", sessionEndedMessage);
      const expired = isOverdue(now, attempt.deadline, settings.graceSeconds);
      const beforeGrade =
        saves.length && !expired
          ? async (inner: typeof tx) => {
              saved = await applySaves(inner, { userId, sessionId: sessionId!, attemptId, saves, now, settings });
            }
          : undefined;
      return gradeLocked(tx, { attemptId, now, expired, status: attempt.status, beforeGrade });
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  return { ...outcome, saves: outcome.alreadyGraded ? [] : saved };
}
