// "Check yourself": grading one answer to one of a lesson's exam questions.
// Only here, after the student has answered, do the correct keys and the
// explanations leave the database.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHOSEN_KEYS_MESSAGES, type ChosenKeysProblem, gradeChosenKeys, reviewChosenKeys } from "./answer-check";

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
 * Grades `chosenKeys` for a question of `lessonId`. Refused: a question that is
 * not a live single/multiple question of that live lesson, keys that are not
 * the question's, and more keys than the question has correct choices.
 */
export async function checkLessonAnswer(
  db: PrismaClient,
  { lessonId, questionId, chosenKeys }: { lessonId: string; questionId: string; chosenKeys: readonly string[] },
): Promise<LessonCheckResult> {
  const question = await db.question.findFirst({
    where: {
      id: questionId,
      lessonId,
      retiredAt: null,
      type: { in: ["SINGLE", "MULTIPLE"] },
      lesson: { retiredAt: null },
    },
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
