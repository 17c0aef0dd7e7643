// Pacing: how long the student takes per question, against the exam's pace.
// Pure. Only time that was measured counts: a day with answers but no recorded
// time (older attempts, imports) is left out rather than read as "0 s", and an
// average faster than anyone can read a DVA-C02 question is reported as a
// measurement problem (or guessing), never as "on pace".

/** The real exam: 130 minutes for 65 questions. */
export const EXAM_PACE_SECONDS = 120;
/** Below this, the stem cannot have been read: the time is not a pace worth praising. */
export const IMPLAUSIBLE_SECONDS = 15;
/** Fewer timed answers than this say little about a pace. */
export const MIN_TIMED_ANSWERS = 5;

export type PacingDay = { answered: number; timeSpentMs: number };

export type Pacing = {
  /** Answers whose time was measured, and their average in seconds (null when none). */
  timedAnswers: number;
  untimedAnswers: number;
  averageSeconds: number | null;
  verdict: "no-time" | "too-few" | "implausible" | "on-pace" | "slow";
};

export function assessPacing(days: readonly PacingDay[]): Pacing {
  let timedAnswers = 0;
  let untimedAnswers = 0;
  let timeMs = 0;
  for (const d of days) {
    if (d.answered <= 0) continue;
    if (d.timeSpentMs > 0) {
      timedAnswers += d.answered;
      timeMs += d.timeSpentMs;
    } else untimedAnswers += d.answered;
  }
  const averageSeconds = timedAnswers > 0 ? Math.round(timeMs / timedAnswers / 1000) : null;
  const verdict: Pacing["verdict"] =
    averageSeconds === null
      ? "no-time"
      : timedAnswers < MIN_TIMED_ANSWERS
        ? "too-few"
        : averageSeconds < IMPLAUSIBLE_SECONDS
          ? "implausible"
          : averageSeconds <= EXAM_PACE_SECONDS
            ? "on-pace"
            : "slow";
  return { timedAnswers, untimedAnswers, averageSeconds, verdict };
}
