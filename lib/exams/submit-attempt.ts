// Submitting an attempt, with the answers the browser has not had acknowledged
// yet. The runner does not wait for its last saves' answers before it submits
// (under load that wait alone made on-time submits leave late): it sends them
// inside the submit, and they are applied with the grade, in the statement that
// writes it, judged by the submit's arrival time with the same rules as a save
// (sequence numbers, choice keys: carried-saves.ts). A submit that arrives
// after deadline + grace is graded EXPIRED from what was saved before, and its
// answers are not applied.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import { directQuery } from "@/lib/database/direct";
import { isOverdue } from "./deadline";
import { attemptNotFound } from "./errors";
import { loadSubmitState } from "./attempt-items";
import { judgeCarriedSaves } from "./carried-saves";
import { type AttemptStatus, type GradeOutcome, gradeLocked, learningDelayNow, scoreAttempt } from "./grade-attempt";
import { guardedGradeStatement, sessionLiveFor } from "./grade-statement";
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
 *
 * Two statements, no transaction held open between them: one reads the
 * attempt, the session and the items; the grade (with the carried saves) is
 * computed here; one writes it, guarded, if nothing changed in between
 * (grade-statement.ts). Under a storm, a transaction holding the attempt's lock
 * across several round trips spent most of its time waiting for this process's
 * busy event loop (docs/benchmarks.md). If something did change (a save landed
 * between the two), the submit falls back to grading under the lock.
 */
export async function submitAttempt(db: Db, options: Options): Promise<SubmitOutcome> {
  const { userId, attemptId, now, settings } = options;
  const sessionId = options.sessionId ?? null;
  const saves = options.saves ?? [];
  if (saves.length && !sessionId) throw new Error("submitAttempt: final saves need the caller's session id");
  const read = await loadSubmitState(db, { attemptId, userId, sessionId, now });
  if (!read) throw attemptNotFound();
  if (!read.sessionLive) throw new AppError("UNAUTHENTICATED", sessionEndedMessage);
  if (read.status !== "IN_PROGRESS") return { attemptId, alreadyGraded: true, status: read.status, saves: [] };

  const expired = isOverdue(now, read.deadline, settings.graceSeconds);
  const carried = expired ? { results: [], applied: new Map<number, AnswerSave>() } : judgeCarriedSaves(new Map(read.items.map((i) => [i.position, i])), saves);
  const rows = read.items.map((item) => {
    const save = carried.applied.get(item.position);
    return save ? { ...item, chosenKeys: save.chosenKeys, timeSpentMs: save.timeSpentMs } : item;
  });
  const { judged, grade } = scoreAttempt(rows);
  const status = expired ? "EXPIRED" : "SUBMITTED";
  const written = await directQuery(
    db,
    guardedGradeStatement(
      { attemptId, now, status, grade, judged, learningAfterSeconds: learningDelayNow() },
      { userId, sessionId, deadline: read.deadline, items: read.items, saves: [...carried.applied.values()] },
    ),
  );
  if (written.length === 1) return { attemptId, alreadyGraded: false, status, saves: carried.results };
  return submitLocked(db, options);
}

/** Submits and grades under the attempt's lock, in one transaction: the fallback when the attempt changed while a submit graded it. */
async function submitLocked(db: Db, options: Options): Promise<SubmitOutcome> {
  const { userId, attemptId, now, settings } = options;
  const sessionId = options.sessionId ?? null;
  const saves = options.saves ?? [];
  let saved: SaveResult[] = [];
  const outcome = await db.$transaction(
    async (tx) => {
      const [attempt] = await tx.$queryRaw<Array<{ status: AttemptStatus; deadline: Date | null; sessionLive: boolean }>>`
        SELECT a.status::text AS status, a.deadline, ${sessionLiveFor(sessionId, now)} AS "sessionLive"
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
