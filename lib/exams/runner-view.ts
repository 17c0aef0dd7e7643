// What the exam runner page needs: every item as this attempt shows it (never
// a key or an explanation, except the reveal of a practice answer the student
// already checked), the saved answers and the server's clock.
import "server-only";
import type { Db } from "@/lib/db";
import type { ResponseShape } from "./answer-rules";
import { type Reveal, loadAttemptItems, ownedAttempt, presentRow, revealOf } from "./attempt-items";
import { type AttemptConfig, attemptTitle } from "./attempt-title";
import { isOverdue } from "./deadline";
import { gradeAttemptNow } from "./grade-attempt";
import type { ItemDisplay } from "./item-model";
import { lockedQuestionIds } from "./key-lock";
import { type AttemptMode, revealsAsYouGo } from "./modes";
import type { ExamSettings } from "./settings";

export type RunnerItem = {
  position: number;
  stem: string;
  display: ItemDisplay;
  shape: ResponseShape;
  chosenKeys: string[];
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  saveSeq: string;
  /** Practice modes only, once the student has checked this answer. */
  reveal: Reveal | null;
};

export type RunnerView = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  deadline: string | null;
  /** A paused review exam: the time it had left when paused. */
  pausedRemainingMs: number | null;
  /** Untimed modes that may run against the clock when the student chose so. */
  pausable: boolean;
  serverNow: string;
  graceSeconds: number;
  /** Fewer questions than asked for: the scope did not hold more. */
  shortBy: number;
  items: RunnerItem[];
};

/** The runner's data, or `{ graded: true }` when the attempt is finished (one whose time ran out is graded here). */
export async function loadRunnerView(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<RunnerView | { graded: true }> {
  const { userId, attemptId, now, settings } = options;
  const attempt = await ownedAttempt(db, attemptId, userId);
  if (attempt.status !== "IN_PROGRESS") return { graded: true };
  if (isOverdue(now, attempt.deadline, settings.graceSeconds)) {
    await gradeAttemptNow(db, { attemptId, now, expired: true });
    return { graded: true };
  }
  const reveals = revealsAsYouGo(attempt.mode);
  const [rows, locked] = await Promise.all([
    loadAttemptItems(db, attemptId),
    reveals ? lockedQuestionIds(db, { userId, exceptAttemptId: attemptId }) : Promise.resolve(new Set<string>()),
  ]);
  const config = (attempt.config ?? {}) as AttemptConfig;
  return {
    attemptId,
    mode: attempt.mode,
    title: attemptTitle(attempt.mode, config, attempt.questionCount),
    deadline: attempt.deadline?.toISOString() ?? null,
    pausedRemainingMs: attempt.pausedAt ? attempt.remainingMs : null,
    pausable: attempt.mode === "REVIEW_EXAM" && Boolean(config.timed),
    serverNow: now.toISOString(),
    graceSeconds: settings.graceSeconds,
    shortBy: Math.max(0, (config.requested ?? attempt.questionCount) - attempt.questionCount),
    items: rows.map((row) => {
      const { display, shape, key } = presentRow(row);
      return {
        position: row.position,
        stem: row.snapshot.stem,
        display,
        shape,
        chosenKeys: row.chosenKeys,
        flagged: row.flagged,
        unsure: row.unsure,
        timeSpentMs: row.timeSpentMs,
        saveSeq: row.saveSeq.toString(),
        reveal: reveals && row.revealedAt && !locked.has(row.questionId) ? revealOf(row.snapshot, key, row.chosenKeys, row.lessonId) : null,
      };
    }),
  };
}
