// The results of a graded attempt: scores, breakdowns, pacing and every
// question with the student's answer, the right answer and every explanation;
// for a class assignment, only what its review policy allows the student to
// see yet (the withheld parts never leave the server), and everything for the
// instructor of the class.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import { type ReviewVisibility, reviewVisibility } from "@/lib/classes/assignment-terms";
import { manages } from "@/lib/classes/class-access";
import { termsFor } from "@/lib/classes/student-terms";
import type { Db } from "@/lib/db";
import { loadAttemptItems, ownedAttempt, presentRow, revealOf } from "./attempt-items";
import { attemptNotFound } from "./errors";
import type { Reveal } from "./attempt-items";
import { type AttemptConfig, attemptTitle } from "./attempt-title";
import { isOverdue } from "./deadline";
import { gradeAttemptNow } from "./grade-attempt";
import type { ItemDisplay } from "./item-model";
import { lockedQuestionIds } from "./key-lock";
import type { AttemptMode } from "./modes";
import type { ExamSettings } from "./settings";

export type ReviewItem = {
  position: number;
  questionId: string;
  stem: string;
  display: ItemDisplay;
  chosenKeys: string[];
  /** Null while the question is also in an open timed attempt: no key, explanation or verdict yet. */
  reveal: Reveal | null;
  correct: boolean;
  answered: boolean;
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  lessonId: string;
  topic: string;
  taskStatement: string;
};

export type ResultsBreakdown = { key: string; correct: number; total: number; percent: number };

export type AttemptResults = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  status: "SUBMITTED" | "EXPIRED";
  startedAt: string;
  gradedAt: string;
  rawScore: number;
  questionCount: number;
  scaledScore: number;
  passed: boolean;
  domains: Array<ResultsBreakdown & { number: number; title: string }>;
  taskStatements: Array<ResultsBreakdown & { code: string; title: string }>;
  averageSecondsPerQuestion: number;
  /** Seconds of measured time in all (0 when the runner measured nothing). */
  totalSeconds: number;
  answeredCount: number;
  /** What the viewer may see now: everything, except a student's class assignment under its review policy. */
  visibility: ReviewVisibility;
  /** Empty when `visibility.questions` is false. */
  items: ReviewItem[];
  /** The class assignment the attempt belongs to. */
  assignment: { id: string; classId: string; title: string } | null;
};

const EVERYTHING: ReviewVisibility = { score: true, domains: true, questions: true, availableAt: null };

/** Removes what the visibility does not allow, so it never reaches a page or a response. */
export function withholding(results: AttemptResults): AttemptResults {
  const v = results.visibility;
  return {
    ...results,
    rawScore: v.score ? results.rawScore : 0,
    scaledScore: v.score ? results.scaledScore : 0,
    passed: v.score ? results.passed : false,
    domains: v.domains ? results.domains : [],
    taskStatements: v.domains ? results.taskStatements : [],
    items: v.questions ? results.items : [],
  };
}

/**
 * The student's own results; null while the attempt is still running. Grades
 * it first if its time ran out. A class assignment's review policy applies.
 */
export async function loadResults(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<AttemptResults | null> {
  await ownedAttempt(db, options.attemptId, options.userId);
  return buildResults(db, { ...options, viewer: "owner" });
}

/**
 * Results for whoever asks: the student who sat it (under the review policy),
 * or the instructor of its class and admins (everything). Anyone else: NOT_FOUND.
 */
export async function loadResultsForViewer(
  db: Db,
  options: { viewer: Pick<SessionUser, "id" | "role">; attemptId: string; now: Date; settings: ExamSettings },
): Promise<(AttemptResults & { viewer: "owner" | "staff"; ownerName: string }) | null> {
  const { viewer, attemptId } = options;
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, user: { select: { name: true } }, assignment: { select: { class: { select: { instructorId: true } } } } },
  });
  if (!attempt) throw attemptNotFound();
  const role = attempt.userId === viewer.id ? "owner" : attempt.assignment && manages(viewer, attempt.assignment.class.instructorId) ? "staff" : null;
  if (!role) throw attemptNotFound();
  const results = await buildResults(db, { ...options, userId: attempt.userId, viewer: role });
  return results && { ...results, viewer: role, ownerName: attempt.user.name };
}

async function buildResults(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings; viewer: "owner" | "staff" },
): Promise<AttemptResults | null> {
  const { userId, attemptId, now, settings } = options;
  const owned = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, deadline: true } });
  if (owned.status === "IN_PROGRESS") {
    if (!isOverdue(now, owned.deadline, settings.graceSeconds)) return null;
    await gradeAttemptNow(db, { attemptId, now, expired: true });
  }
  const [attempt, rows, domains, taskStatements, locked] = await Promise.all([
    db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { assignment: true } }),
    loadAttemptItems(db, attemptId),
    db.domain.findMany({ select: { number: true, title: true } }),
    db.taskStatement.findMany({ select: { code: true, title: true } }),
    // The instructor sees every key; the student not those still locked for them elsewhere.
    options.viewer === "owner" ? lockedQuestionIds(db, { userId, exceptAttemptId: attemptId, now }) : new Set<string>(),
  ]);
  const visibility =
    attempt.assignment && options.viewer === "owner"
      ? reviewVisibility(attempt.assignment, (await termsFor(db, attempt.assignment, userId)).dueAt, now)
      : EVERYTHING;
  const domainTitle = new Map(domains.map((d) => [String(d.number), d.title]));
  const tsTitle = new Map(taskStatements.map((t) => [t.code, t.title]));
  const domainRows = (attempt.domainResults as ResultsBreakdown[] | null) ?? [];
  const tsRows = (attempt.taskStatementResults as ResultsBreakdown[] | null) ?? [];
  const totalMs = rows.reduce((n, r) => n + r.timeSpentMs, 0);
  return withholding({
    attemptId,
    mode: attempt.mode,
    title: attemptTitle(attempt.mode, attempt.config as AttemptConfig, attempt.questionCount),
    status: attempt.status as "SUBMITTED" | "EXPIRED",
    startedAt: attempt.startedAt.toISOString(),
    gradedAt: (attempt.gradedAt ?? now).toISOString(),
    rawScore: attempt.rawScore ?? 0,
    questionCount: attempt.questionCount,
    scaledScore: attempt.scaledScore ?? 100,
    passed: attempt.passed ?? false,
    domains: domainRows.map((d) => ({ ...d, number: Number(d.key), title: domainTitle.get(d.key) ?? `Domain ${d.key}` })),
    taskStatements: tsRows.map((t) => ({ ...t, code: t.key, title: tsTitle.get(t.key) ?? t.key })),
    averageSecondsPerQuestion: rows.length ? Math.round(totalMs / rows.length / 1000) : 0,
    totalSeconds: Math.round(totalMs / 1000),
    answeredCount: rows.filter((r) => r.chosenKeys.length > 0).length,
    visibility,
    assignment: attempt.assignment && { id: attempt.assignment.id, classId: attempt.assignment.classId, title: attempt.assignment.title },
    items: rows.map((r) => {
      const { display, key } = presentRow(r);
      // A question also in an open timed attempt: its key, explanations and verdict wait.
      const withheld = locked.has(r.questionId);
      return {
        position: r.position,
        questionId: r.questionId,
        stem: r.snapshot.stem,
        display,
        chosenKeys: r.chosenKeys,
        reveal: withheld ? null : revealOf(r.snapshot, key, r.chosenKeys, r.lessonId),
        correct: withheld ? false : (r.correct ?? false),
        answered: r.chosenKeys.length > 0,
        flagged: r.flagged,
        unsure: r.unsure,
        timeSpentMs: r.timeSpentMs,
        lessonId: r.lessonId,
        topic: r.snapshot.topic,
        taskStatement: r.snapshot.taskStatement,
      };
    }),
  });
}
