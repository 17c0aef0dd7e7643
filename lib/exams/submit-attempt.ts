// Submitting an attempt, with the answers the browser has not had acknowledged
// yet. The runner does not wait for its last saves' answers before it submits
// (under load that wait alone made on-time submits leave late): it sends them
// inside the submit, and they are applied in the grading transaction, judged
// by the submit's arrival time with the same rules as a save (sequence
// numbers, choice keys, kind shapes: save-answers.ts). A submit that arrives
// after deadline + grace is graded EXPIRED from what was saved before, and its
// answers are not applied.
import "server-only";
import type { Db } from "@/lib/db";
import { ownedAttempt } from "./attempt-items";
import { isOverdue } from "./deadline";
import { type GradeOutcome, gradeAttemptNow } from "./grade-attempt";
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
  /** Final saves sent with the submit; `sessionId` is then the caller's session, checked by each save's statement. */
  saves?: AnswerSave[];
  sessionId?: string;
};

/**
 * Submits and grades an attempt, once, applying the final saves it carries
 * first. All or nothing: a save that can never be applied (a foreign choice
 * key, an ended session) fails the submit and nothing is graded. Past the
 * deadline (plus grace) the attempt is graded as expired from what was saved.
 */
export async function submitAttempt(db: Db, options: Options): Promise<SubmitOutcome> {
  const { userId, attemptId, now, settings } = options;
  const saves = options.saves ?? [];
  const attempt = await ownedAttempt(db, attemptId, userId);
  const expired = isOverdue(now, attempt.deadline, settings.graceSeconds);
  let saved: SaveResult[] = [];
  const beforeGrade =
    saves.length && !expired
      ? async (tx: Parameters<typeof applySaves>[0]) => {
          if (!options.sessionId) throw new Error("submitAttempt: final saves need the caller's session id");
          saved = await applySaves(tx, { userId, sessionId: options.sessionId, attemptId, saves, now, settings });
        }
      : undefined;
  const outcome = await gradeAttemptNow(db, { attemptId, now, expired, beforeGrade });
  return { ...outcome, saves: outcome.alreadyGraded ? [] : saved };
}
