// The results of a graded attempt: scores, breakdowns, pacing and every
// question with the student's answer, the right answer and every explanation.
import "server-only";
import type { Db } from "@/lib/db";
import { loadAttemptItems, ownedAttempt, presentRow, revealOf } from "./attempt-items";
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
  items: ReviewItem[];
};

/** Results of a graded attempt; null while it is still running. Grades it first if its time ran out. */
export async function loadResults(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<AttemptResults | null> {
  const { userId, attemptId, now, settings } = options;
  const owned = await ownedAttempt(db, attemptId, userId);
  if (owned.status === "IN_PROGRESS") {
    if (!isOverdue(now, owned.deadline, settings.graceSeconds)) return null;
    await gradeAttemptNow(db, { attemptId, now, expired: true });
  }
  const [attempt, rows, domains, taskStatements, locked] = await Promise.all([
    db.attempt.findUniqueOrThrow({ where: { id: attemptId } }),
    loadAttemptItems(db, attemptId),
    db.domain.findMany({ select: { number: true, title: true } }),
    db.taskStatement.findMany({ select: { code: true, title: true } }),
    lockedQuestionIds(db, { userId, exceptAttemptId: attemptId }),
  ]);
  const domainTitle = new Map(domains.map((d) => [String(d.number), d.title]));
  const tsTitle = new Map(taskStatements.map((t) => [t.code, t.title]));
  const domainRows = (attempt.domainResults as ResultsBreakdown[] | null) ?? [];
  const tsRows = (attempt.taskStatementResults as ResultsBreakdown[] | null) ?? [];
  const totalMs = rows.reduce((n, r) => n + r.timeSpentMs, 0);
  return {
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
  };
}
