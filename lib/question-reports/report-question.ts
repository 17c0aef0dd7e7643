// A student reporting a problem with a question. Only a question they have
// seen answered may be reported, and only where the app shows its answer to
// them now (a practice item they checked, a graded attempt whose review is
// open to them, a review card, a lesson's "Check yourself"): never one of a
// timed attempt in progress or of a class assignment whose review is closed
// (key-lock.ts). A refusal says the same whatever the reason, so a report
// cannot be used to learn anything about an attempt or a question.
import "server-only";
import { AppError } from "@/lib/app-error";
import { reviewVisibility } from "@/lib/classes/assignment-terms";
import { termsFor } from "@/lib/classes/student-terms";
import type { Db } from "@/lib/db";
import { lockedQuestionIds } from "@/lib/exams/key-lock";
import { revealsAsYouGo } from "@/lib/exams/modes";
import { Prisma } from "@/lib/generated/prisma/client";
import { lessonCheckQuestionIds } from "@/lib/lessons/lesson-check-set";
import type { ReportQuestionInput } from "./validation";

export const NOT_REPORTABLE_MESSAGE = "You can report a question once its answer has been shown to you.";

/** Where the student saw the question answered, and which version of it. */
export type Sighting = { questionId: string; questionVersion: number; attemptId: string | null; position: number | null };

/** The sighting that lets this student report, or null when they may not (for any reason). */
export async function reportableSighting(db: Db, options: { userId: string; input: ReportQuestionInput; now: Date }): Promise<Sighting | null> {
  const { userId, input, now } = options;
  if (input.source === "attempt") {
    const attempt = await db.attempt.findUnique({
      where: { id: input.attemptId },
      select: { userId: true, mode: true, status: true, assignment: true },
    });
    if (!attempt || attempt.userId !== userId) return null;
    const item = await db.attemptItem.findUnique({
      where: { attemptId_position: { attemptId: input.attemptId, position: input.position } },
      select: { questionId: true, questionVersion: true, revealedAt: true },
    });
    if (!item) return null;
    // The runner's and the results page's own rules for showing this item's answer.
    const locked = await lockedQuestionIds(db, { userId, exceptAttemptId: input.attemptId, now });
    if (locked.has(item.questionId)) return null;
    if (attempt.status === "IN_PROGRESS") {
      if (!revealsAsYouGo(attempt.mode) || !item.revealedAt) return null;
    } else if (attempt.assignment) {
      const dueAt = (await termsFor(db, attempt.assignment, userId)).dueAt;
      if (!reviewVisibility(attempt.assignment, dueAt, now).questions) return null;
    }
    return { questionId: item.questionId, questionVersion: item.questionVersion, attemptId: input.attemptId, position: input.position };
  }

  const question = await db.question.findUnique({ where: { id: input.questionId }, select: { version: true } });
  if (!question) return null;
  const sighting = { questionId: input.questionId, questionVersion: question.version, attemptId: null, position: null };
  if (input.source === "lesson") {
    // The questions this lesson checks for this student (those in a locked exam left out), answerable at will.
    const shown = await lessonCheckQuestionIds(db, { lessonId: input.lessonId, userId });
    return shown.includes(input.questionId) ? sighting : null;
  }
  // A review card is made only from an answer the student has seen graded.
  const [card, locked] = await Promise.all([
    db.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId: input.questionId } }, select: { questionId: true } }),
    lockedQuestionIds(db, { userId, now }),
  ]);
  return card && !locked.has(input.questionId) ? sighting : null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Files the report, or, when this student already has an open report of this
 * question for this reason, updates its comment (a new, non-empty comment replaces the old).
 */
export async function reportQuestion(
  db: Db,
  options: { userId: string; input: ReportQuestionInput; now: Date },
): Promise<{ status: "created" | "updated"; reportId: string }> {
  const { userId, input, now } = options;
  const sighting = await reportableSighting(db, options);
  if (!sighting) throw new AppError("NOT_FOUND", NOT_REPORTABLE_MESSAGE);
  const key = { reporterId: userId, questionId: sighting.questionId, reason: input.reason, status: "OPEN" as const };
  const update = async () => {
    const open = await db.questionReport.findFirstOrThrow({ where: key, select: { id: true } });
    if (input.comment) await db.questionReport.update({ where: { id: open.id }, data: { comment: input.comment, updatedAt: now } });
    return { status: "updated" as const, reportId: open.id };
  };
  if (await db.questionReport.count({ where: key })) return update();
  try {
    const created = await db.questionReport.create({
      data: { ...key, questionVersion: sighting.questionVersion, attemptId: sighting.attemptId, position: sighting.position, comment: input.comment, createdAt: now },
      select: { id: true },
    });
    return { status: "created", reportId: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return update(); // a concurrent submit filed it first
    throw error;
  }
}
