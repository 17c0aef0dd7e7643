// What an assignment means for one student: due time, time limit, attempts and
// what they see afterwards, once accommodations and overrides are applied; the
// deadline of an attempt; and the status a student sees. The one place these
// rules live (DESIGN §10). Pure.
//
// Precedence, as Moodle's overrides and Canvas's accommodations:
// - a student's own override on the assignment wins for each value it sets;
// - otherwise the most lenient applicable value: the class accommodation's time
//   multiplier (or "unlimited") on the assignment's limit, and its extra
//   attempts on top of the assignment's attempts.
// Deadline of an attempt = start + time limit × multiplier, never later than
// the student's own due time (answers already in flight get the usual grace
// after it). An untimed attempt runs until the due time. At the due time every
// open attempt is graded from what was saved.

export type ReviewContent = "SCORE" | "SCORE_AND_DOMAINS" | "FULL";
export type ReviewTiming = "IMMEDIATELY" | "AFTER_DUE";

export type AssignmentBase = {
  opensAt: Date;
  dueAt: Date;
  /** Null: untimed (runs until the due time). */
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
  reviewContent: ReviewContent;
  reviewTiming: ReviewTiming;
};

/** Per student and class; applies to every assignment of the class. */
export type ClassAccommodation = {
  /** 1.25, 1.5, 2…; null means unlimited time. */
  timeMultiplier: number | null;
  extraAttempts: number;
};

/** Per student and assignment; each value set here wins. */
export type AssignmentOverride = {
  dueAt?: Date | null;
  /** A number of minutes, or "untimed"; undefined/null: not overridden. */
  timeLimitMinutes?: number | "untimed" | null;
  attemptsAllowed?: number | null;
};

export type StudentTerms = {
  opensAt: Date;
  dueAt: Date;
  /** Minutes the student gets, accommodation applied; null: no limit (until due). */
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
  /** What made the terms differ from the assignment's, for the roster and the student. */
  adjustments: string[];
};

const formatMultiplier = (m: number) => `×${Number.isInteger(m) ? m : m.toFixed(2).replace(/0$/, "")}`;

export function studentTerms(
  base: AssignmentBase,
  accommodations: readonly ClassAccommodation[] = [],
  override: AssignmentOverride | null = null,
): StudentTerms {
  const adjustments: string[] = [];
  // Most lenient of several accommodations: unlimited beats any multiplier, then the largest.
  const unlimited = accommodations.some((a) => a.timeMultiplier === null);
  const multiplier = unlimited ? null : Math.max(1, ...accommodations.map((a) => a.timeMultiplier ?? 1));
  const extraAttempts = Math.max(0, ...accommodations.map((a) => a.extraAttempts));

  let timeLimitMinutes: number | null;
  if (override?.timeLimitMinutes !== undefined && override.timeLimitMinutes !== null) {
    timeLimitMinutes = override.timeLimitMinutes === "untimed" ? null : override.timeLimitMinutes;
    adjustments.push(override.timeLimitMinutes === "untimed" ? "override: untimed" : `override: ${override.timeLimitMinutes} min`);
  } else if (base.timeLimitMinutes === null) {
    timeLimitMinutes = null;
  } else if (multiplier === null) {
    timeLimitMinutes = null;
    adjustments.push("unlimited time");
  } else {
    timeLimitMinutes = Math.round(base.timeLimitMinutes * multiplier * 100) / 100;
    if (multiplier !== 1) adjustments.push(`${formatMultiplier(multiplier)} time`);
  }

  let attemptsAllowed = base.attemptsAllowed + extraAttempts;
  if (extraAttempts > 0) adjustments.push(`+${extraAttempts} attempt${extraAttempts === 1 ? "" : "s"}`);
  if (override?.attemptsAllowed !== undefined && override.attemptsAllowed !== null) {
    attemptsAllowed = override.attemptsAllowed;
    adjustments.push(`override: ${attemptsAllowed} attempt${attemptsAllowed === 1 ? "" : "s"}`);
  }

  let dueAt = base.dueAt;
  if (override?.dueAt) {
    dueAt = override.dueAt;
    adjustments.push("override: due time");
  }
  return { opensAt: base.opensAt, dueAt, timeLimitMinutes, attemptsAllowed, adjustments };
}

export type StartCheck =
  | { ok: true; deadline: Date; minutes: number; cutShort: boolean }
  | { ok: false; reason: "NOT_OPEN" | "PAST_DUE" | "NO_ATTEMPTS_LEFT" };

/**
 * Whether a student may start now, and if so the deadline their attempt gets,
 * how many minutes that is and whether the due time cut the time limit short.
 */
export function startCheck(terms: StudentTerms, attemptsUsed: number, now: Date): StartCheck {
  if (now.getTime() < terms.opensAt.getTime()) return { ok: false, reason: "NOT_OPEN" };
  if (now.getTime() >= terms.dueAt.getTime()) return { ok: false, reason: "PAST_DUE" };
  if (attemptsUsed >= terms.attemptsAllowed) return { ok: false, reason: "NO_ATTEMPTS_LEFT" };
  const { deadline, cutShort } = attemptDeadline(terms, now);
  return { ok: true, deadline, minutes: Math.floor((deadline.getTime() - now.getTime()) / 60_000), cutShort };
}

/**
 * The deadline of an attempt started at `startedAt` on these terms: start + time
 * limit (accommodation applied), never later than the student's due time. The
 * one place it is computed: at start, and again for attempts in progress when
 * the instructor changes the terms (a later due time, more time).
 */
export function attemptDeadline(terms: StudentTerms, startedAt: Date): { deadline: Date; cutShort: boolean } {
  const byLimit = terms.timeLimitMinutes === null ? Number.POSITIVE_INFINITY : startedAt.getTime() + Math.round(terms.timeLimitMinutes * 60_000);
  return { deadline: new Date(Math.min(byLimit, terms.dueAt.getTime())), cutShort: terms.timeLimitMinutes !== null && byLimit > terms.dueAt.getTime() };
}

export const attemptsLeft = (terms: StudentTerms, attemptsUsed: number) => Math.max(0, terms.attemptsAllowed - attemptsUsed);

export type AssignmentStatus = "NOT_OPEN" | "OPEN" | "IN_PROGRESS" | "SUBMITTED" | "MISSED";

/** What the student sees beside an assignment. */
export function assignmentStatus(
  terms: StudentTerms,
  attempts: ReadonlyArray<{ status: "IN_PROGRESS" | "SUBMITTED" | "EXPIRED" }>,
  now: Date,
): AssignmentStatus {
  if (attempts.some((a) => a.status === "IN_PROGRESS") && now.getTime() < terms.dueAt.getTime()) return "IN_PROGRESS";
  if (attempts.some((a) => a.status !== "IN_PROGRESS")) return "SUBMITTED";
  if (now.getTime() < terms.opensAt.getTime()) return "NOT_OPEN";
  if (now.getTime() >= terms.dueAt.getTime()) return "MISSED";
  return attemptsLeft(terms, attempts.length) > 0 ? "OPEN" : "SUBMITTED";
}

export type ReviewVisibility = { score: boolean; domains: boolean; questions: boolean; availableAt: Date | null };

/** What a student may see of a graded attempt of this assignment, now. */
export function reviewVisibility(policy: Pick<AssignmentBase, "reviewContent" | "reviewTiming">, studentDueAt: Date, now: Date): ReviewVisibility {
  if (policy.reviewTiming === "AFTER_DUE" && now.getTime() < studentDueAt.getTime()) {
    return { score: false, domains: false, questions: false, availableAt: studentDueAt };
  }
  return {
    score: true,
    domains: policy.reviewContent !== "SCORE",
    questions: policy.reviewContent === "FULL",
    availableAt: null,
  };
}
