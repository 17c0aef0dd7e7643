// "Check yourself": grading one answer to one of a lesson's exam questions.
// Only here, after the student has answered, do the correct keys and the
// explanations leave the database.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHOSEN_KEYS_MESSAGES, type ChosenKeysProblem, gradeChosenKeys, reviewChosenKeys } from "./answer-check";
import { lessonCheckQuestionIds } from "./lesson-check-set";

export type LessonCheckResult =
  | {
      status: "checked";
      questionId: string;
      correct: boolean;
      correctKeys: string[];
      explanations: Array<{ key: string; explanation: string }>;
    }
  | { status: "refused"; reason: "NOT_FOUND" }
  | { status: "refused"; reason: ChosenKeysProblem; message: string };

/**
 * Grades `chosenKeys` for one of the questions the lesson's "Check yourself"
 * shows this student. Refused: any other question (not shown by this lesson,
 * held back, or in the student's timed attempt in progress), keys that are not
 * the question's, and more keys than the question has correct choices.
 */
export async function checkLessonAnswer(
  db: PrismaClient,
  { lessonId, userId, questionId, chosenKeys }: { lessonId: string; userId: string; questionId: string; chosenKeys: readonly string[] },
): Promise<LessonCheckResult> {
  const shown = await lessonCheckQuestionIds(db, { lessonId, userId });
  if (!shown.includes(questionId)) return { status: "refused", reason: "NOT_FOUND" };
  const question = await db.question.findFirst({
    where: { id: questionId, lessonId },
    select: {
      id: true,
      choices: { orderBy: { position: "asc" }, select: { key: true, correct: true, explanation: true } },
    },
  });
  if (!question) return { status: "refused", reason: "NOT_FOUND" };

  const problem = reviewChosenKeys(question.choices, chosenKeys);
  if (problem) return { status: "refused", reason: problem, message: CHOSEN_KEYS_MESSAGES[problem] };

  const { correct, correctKeys } = gradeChosenKeys(question.choices, chosenKeys);
  return {
    status: "checked",
    questionId: question.id,
    correct,
    correctKeys,
    explanations: question.choices.map(({ key, explanation }) => ({ key, explanation })),
  };
}
