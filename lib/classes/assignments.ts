// An instructor's assignments: created for a class, edited (once students have
// started, only what is safe: title, due time, attempts and review policy),
// deleted while nobody has started, and a student's own override. Every
// operation checks the caller's right to the class first.
import "server-only";
import { isDeepStrictEqual } from "node:util";
import { AppError, type FieldErrors } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db } from "@/lib/db";
import type { ReviewContent, ReviewTiming } from "./assignment-terms";
import { type AssignmentScope, MOCK_QUESTION_COUNT, scopeOf } from "./assignment-scope";
import { managedAssignment, managedClass, rosterStudent } from "./class-access";
import { refreshRunningDeadlines } from "./start-assignment";

type Caller = Pick<SessionUser, "id" | "role">;

export type AssignmentFields = {
  title: string;
  scope: AssignmentScope;
  questionCount: number;
  opensAt: Date;
  dueAt: Date;
  /** Null: untimed. */
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
  reviewContent: ReviewContent;
  reviewTiming: ReviewTiming;
};

/** What may still change once a student has started (the rest would change the test under their feet). */
export const SAFE_AFTER_START = ["title", "dueAt", "attemptsAllowed", "reviewContent", "reviewTiming"] as const;

function checkTimes(fields: AssignmentFields): void {
  if (fields.dueAt.getTime() <= fields.opensAt.getTime()) {
    throw new AppError("INVALID", "The due time must be after the opening time.", { dueAt: ["Must be after the opening time."] });
  }
}

async function checkScopeHasQuestions(db: Db, scope: AssignmentScope): Promise<void> {
  if (scope.kind === "mock") return;
  if (scope.domains.length + scope.taskStatements.length + scope.topics.length === 0) {
    throw new AppError("INVALID", "Choose at least one domain, task statement or topic.", { scope: ["Choose at least one."] });
  }
  const [domains, taskStatements, topics] = await Promise.all([
    db.domain.count({ where: { number: { in: scope.domains } } }),
    db.taskStatement.count({ where: { id: { in: scope.taskStatements } } }),
    db.topic.count({ where: { id: { in: scope.topics } } }),
  ]);
  if (domains !== scope.domains.length || taskStatements !== scope.taskStatements.length || topics !== scope.topics.length) {
    throw new AppError("INVALID", "Something chosen is not part of the exam guide.", { scope: ["Unknown domain, task statement or topic."] });
  }
}

const rowOf = (f: AssignmentFields) => ({
  title: f.title,
  config: f.scope,
  questionCount: f.scope.kind === "mock" ? MOCK_QUESTION_COUNT : f.questionCount,
  opensAt: f.opensAt,
  dueAt: f.dueAt,
  timeLimitMinutes: f.timeLimitMinutes,
  attemptsAllowed: f.attemptsAllowed,
  reviewContent: f.reviewContent,
  reviewTiming: f.reviewTiming,
});

export async function createAssignment(db: Db, caller: Caller, classId: string, fields: AssignmentFields): Promise<{ assignmentId: string }> {
  const found = await managedClass(db, caller, classId);
  if (found.archivedAt) throw new AppError("CLOSED", "This class is archived: restore it to assign work.");
  checkTimes(fields);
  await checkScopeHasQuestions(db, fields.scope);
  const created = await db.assignment.create({ data: { classId, examId: "dva-c02", ...rowOf(fields) }, select: { id: true } });
  return { assignmentId: created.id };
}

/**
 * Saves the instructor's edit. Once anyone has started, only SAFE_AFTER_START
 * may change; anything else is refused with a field error naming it.
 */
export async function updateAssignment(db: Db, caller: Caller, assignmentId: string, fields: AssignmentFields): Promise<{ started: number }> {
  const current = await managedAssignment(db, caller, assignmentId);
  checkTimes(fields);
  const next = rowOf(fields);
  return db.$transaction(async (tx) => {
    // Serialises against a student starting (start-assignment.ts takes the same lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${assignmentId}`}, 0))`;
    const started = await tx.attempt.count({ where: { assignmentId } });
    if (started > 0) {
      const locked: FieldErrors = {};
      const was = { ...rowOf({ ...fields, ...current, scope: scopeOf(current.config) }) };
      for (const key of ["config", "questionCount", "opensAt", "timeLimitMinutes"] as const) {
        if (!isDeepStrictEqual(next[key], was[key])) locked[key === "config" ? "scope" : key] = ["Students have started: this can no longer change."];
      }
      if (Object.keys(locked).length) {
        throw new AppError("CONFLICT", `${started} student${started === 1 ? " has" : "s have"} started, so only the title, due time, attempts and review policy can change.`, locked);
      }
    } else {
      await checkScopeHasQuestions(db, fields.scope);
    }
    await tx.assignment.update({ where: { id: assignmentId }, data: next, select: { id: true } });
    if (started > 0) await refreshRunningDeadlines(tx, { classId: current.classId, assignmentId });
    return { started };
  });
}

export async function deleteAssignment(db: Db, caller: Caller, assignmentId: string): Promise<void> {
  await managedAssignment(db, caller, assignmentId);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${assignmentId}`}, 0))`;
    if ((await tx.attempt.count({ where: { assignmentId } })) > 0) {
      throw new AppError("CONFLICT", "Students have started this assignment, so it is kept with their work. Change its due time instead.");
    }
    await tx.assignment.delete({ where: { id: assignmentId } });
  });
}

export type OverrideFields = { dueAt: Date | null; timeLimitMinutes: number | null; untimed: boolean; attemptsAllowed: number | null };

/** Sets a student's own terms on one assignment; all empty clears it. */
export async function setOverride(db: Db, caller: Caller, assignmentId: string, userId: string, fields: OverrideFields): Promise<void> {
  const assignment = await managedAssignment(db, caller, assignmentId);
  await rosterStudent(db, assignment.classId, userId);
  if (fields.dueAt && fields.dueAt.getTime() <= assignment.opensAt.getTime()) {
    throw new AppError("INVALID", "The due time must be after the opening time.", { dueAt: ["Must be after the opening time."] });
  }
  const empty = !fields.dueAt && fields.timeLimitMinutes === null && !fields.untimed && fields.attemptsAllowed === null;
  if (empty) {
    await db.assignmentOverride.deleteMany({ where: { assignmentId, userId } });
  } else {
    await db.assignmentOverride.upsert({
      where: { assignmentId_userId: { assignmentId, userId } },
      create: { assignmentId, userId, ...fields },
      update: fields,
    });
  }
  await refreshRunningDeadlines(db, { classId: assignment.classId, assignmentId, userId });
}
