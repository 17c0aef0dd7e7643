// A student starts (or resumes) an assignment: the same runner, autosave,
// server clock and grading as a mock, on the assignment's terms. Every student
// of an assignment gets the same questions (drawn once, seeded by the
// assignment, so the instructor compares like with like); the order of choices
// is the student's own.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db, Prisma } from "@/lib/db";
import type { AttemptConfig } from "@/lib/exams/attempt-title";
import { isOverdue } from "@/lib/exams/deadline";
import { EXAM_FORMAT } from "@/lib/exams/exam-format";
import { gradeWithin } from "@/lib/exams/grade-attempt";
import { drawsFrom } from "@/lib/exams/modes";
import { type QuestionPool, questionPool } from "@/lib/exams/question-pool";
import { seededRandom } from "@/lib/exams/random";
import { type Candidate, selectMockQuestions, selectScopedQuestions } from "@/lib/exams/sampling";
import type { ExamSettings } from "@/lib/exams/settings";
import { insertAttempt } from "@/lib/exams/insert-attempt";
import { attemptDeadline, startCheck } from "./assignment-terms";
import { inScope, scopeOf } from "./assignment-scope";
import { studentAssignment } from "./class-access";
import { type AssignmentRow, termsFor } from "./student-terms";

type Tx = Prisma.TransactionClient;

const REFUSALS = {
  NOT_OPEN: "This assignment is not open yet.",
  PAST_DUE: "This assignment is past its due time.",
  NO_ATTEMPTS_LEFT: "You have used every attempt this assignment allows.",
} as const;

/** The assignment's questions: the same for every student while the bank is unchanged. */
export function assignmentQuestionIds(pool: QuestionPool, assignment: { id: string; config: unknown; questionCount: number }): string[] {
  const scope = scopeOf(assignment.config);
  const candidates: Candidate[] = pool.questions
    .filter((q) => (scope.kind === "mock" ? drawsFrom("MOCK", q) : q.pool === "MAIN" && q.scored && inScope(scope, q)))
    .map((q) => ({ id: q.id, domain: q.domain, taskStatement: q.taskStatement, topic: q.topic, timesSeen: 0, lastSeenAt: 0 }));
  const random = seededRandom(`assignment:${assignment.id}`);
  const selection =
    scope.kind === "mock"
      ? selectMockQuestions(candidates, { total: EXAM_FORMAT.questionCount, domainWeights: pool.domainWeights, random })
      : selectScopedQuestions(candidates, { total: assignment.questionCount, random });
  return selection.ids;
}

export async function startAssignment(
  db: Db,
  caller: Pick<SessionUser, "id" | "role">,
  options: { assignmentId: string; now: Date; settings: ExamSettings },
): Promise<{ attemptId: string; resumed: boolean }> {
  const { assignmentId, now, settings } = options;
  const assignment = await studentAssignment(db, caller, assignmentId);
  const pool = await questionPool(db, now.getTime());
  const userId = caller.id;
  return db.$transaction(
    async (tx) => {
      // The assignment's lock puts its starts in a row with each other and with the
      // instructor's edits, so a double click makes one attempt (self-started exams
      // need no lock: their insert refuses a second open one, insert-attempt.ts).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${assignmentId}`}, 0))`;
      // The instructor may have edited it since it was read: read it again under the lock.
      const current = await tx.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
      const open = await tx.attempt.findFirst({
        where: { userId, assignmentId, status: "IN_PROGRESS" },
        select: { id: true, deadline: true },
      });
      if (open && !isOverdue(now, open.deadline, settings.graceSeconds)) return { attemptId: open.id, resumed: true };
      if (open) await gradeWithin(tx, { attemptId: open.id, now, expired: true });

      const terms = await termsFor(tx, current, userId);
      const used = await tx.attempt.count({ where: { userId, assignmentId } });
      const check = startCheck(terms, used, now);
      if (!check.ok) throw new AppError("CLOSED", REFUSALS[check.reason]);

      const ids = assignmentQuestionIds(pool, current);
      if (ids.length === 0) throw new AppError("INVALID", "This assignment has no questions in the bank any more. Tell your instructor.");
      const attemptId = randomUUID();
      const config: AttemptConfig = { assignmentTitle: current.title };
      await insertAttempt(
        tx,
        {
          id: attemptId,
          userId,
          examId: assignment.examId,
          mode: "ASSIGNMENT",
          assignmentId,
          config,
          startedAt: now,
          deadline: check.deadline,
          timeMultiplier: terms.timeLimitMinutes && current.timeLimitMinutes ? terms.timeLimitMinutes / current.timeLimitMinutes : 1,
        },
        ids.map((id) => pool.byId.get(id)!),
        seededRandom(attemptId),
      );
      return { attemptId, resumed: false };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

/**
 * After the instructor changes an assignment's terms (due time, an override,
 * an accommodation), attempts in progress get the deadline the new terms give
 * them from their own start, by the one rule (attemptDeadline).
 */
export async function refreshRunningDeadlines(
  db: Db | Tx,
  options: { classId: string; assignmentId?: string; userId?: string },
): Promise<number> {
  const running = await db.attempt.findMany({
    where: {
      status: "IN_PROGRESS",
      assignmentId: options.assignmentId ?? { not: null },
      assignment: { classId: options.classId },
      ...(options.userId ? { userId: options.userId } : {}),
    },
    select: { id: true, userId: true, startedAt: true, deadline: true, assignment: true },
  });
  let changed = 0;
  for (const attempt of running) {
    const assignment: AssignmentRow = attempt.assignment!;
    const { deadline } = attemptDeadline(await termsFor(db, assignment, attempt.userId), attempt.startedAt);
    if (deadline.getTime() === attempt.deadline?.getTime()) continue;
    await db.attempt.updateMany({ where: { id: attempt.id, status: "IN_PROGRESS" }, data: { deadline } });
    changed++;
  }
  return changed;
}
