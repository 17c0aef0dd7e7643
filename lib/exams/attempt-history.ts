// A student's attempts, newest first, for the Exams and Practice pages.
import "server-only";
import type { Db } from "@/lib/db";
import { type AttemptConfig, attemptTitle } from "./attempt-title";
import type { AttemptMode } from "./modes";

export type AttemptSummary = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  status: "IN_PROGRESS" | "SUBMITTED" | "EXPIRED";
  startedAt: string;
  deadline: string | null;
  scaledScore: number | null;
  rawScore: number | null;
  questionCount: number;
  passed: boolean | null;
};

export async function listAttempts(db: Db, options: { userId: string; modes?: AttemptMode[]; take?: number }): Promise<AttemptSummary[]> {
  const rows = await db.attempt.findMany({
    where: { userId: options.userId, ...(options.modes ? { mode: { in: options.modes } } : {}) },
    select: { id: true, mode: true, status: true, startedAt: true, deadline: true, scaledScore: true, rawScore: true, questionCount: true, passed: true, config: true },
    orderBy: { startedAt: "desc" },
    take: options.take ?? 50,
  });
  return rows.map((a) => ({
    attemptId: a.id,
    mode: a.mode,
    title: attemptTitle(a.mode, a.config as AttemptConfig, a.questionCount),
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    deadline: a.deadline?.toISOString() ?? null,
    scaledScore: a.scaledScore,
    rawScore: a.rawScore,
    questionCount: a.questionCount,
    passed: a.passed,
  }));
}
