// "Check yourself": judging one answer to one of a lesson's questions, of any
// item kind, with the exam's answer rules (study-item.ts). Only here, after
// the student has answered, do the key and the explanations leave the database.
import "server-only";
import type { Reveal } from "@/lib/exams/attempt-items";
import { checkStudyResponse, loadStudyQuestions } from "@/lib/exams/study-item";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lessonCheckQuestionIds } from "./lesson-check-set";

export type LessonCheckResult =
  | { status: "checked"; questionId: string; reveal: Reveal }
  | { status: "refused"; reason: "NOT_FOUND" }
  | { status: "refused"; reason: "CHANGED" | "INVALID"; message: string };

/** The seed of a "Check yourself" item's layout: the same for this student on every visit. */
export const lessonCheckSeed = (userId: string, lessonId: string, questionId: string) => `${userId}:${questionId}:lesson:${lessonId}`;

/**
 * Judges `response` (in the tokens of the layout the page showed) for one of
 * the questions the lesson's "Check yourself" shows this student. Refused: any
 * other question (not shown by this lesson, held back, or in the student's
 * timed attempt in progress), another version than the page showed, and a
 * response that is not a whole, acceptable answer to it.
 */
export async function checkLessonAnswer(
  db: PrismaClient,
  { lessonId, userId, questionId, version, response }: { lessonId: string; userId: string; questionId: string; version: number; response: readonly string[] },
): Promise<LessonCheckResult> {
  const shown = await lessonCheckQuestionIds(db, { lessonId, userId });
  if (!shown.includes(questionId)) return { status: "refused", reason: "NOT_FOUND" };
  const question = (await loadStudyQuestions(db, [questionId])).get(questionId);
  if (!question || question.lessonId !== lessonId) return { status: "refused", reason: "NOT_FOUND" };
  const check = checkStudyResponse(question, { seed: lessonCheckSeed(userId, lessonId, questionId), version, response });
  if (!check.ok) return { status: "refused", reason: check.reason, message: check.message };
  return { status: "checked", questionId, reveal: check.reveal };
}
