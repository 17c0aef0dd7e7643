"use server";
// Learn actions. Each is built with defineAction (session → zod input →
// handler), so the caller is signed in and the input has its shape before the
// handler looks anything up; the handler then checks the lesson or question
// exists and is live.
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { checkLessonAnswer } from "./lesson-check";
import { setLessonCompletion } from "./lesson-completion";
import { lessonPath } from "./lesson-links";
import { lessonCheckAnswerSchema, lessonCompletionSchema } from "./validation";

/** Marks a lesson complete (or not complete again) for the signed-in student. */
export const setLessonCompletionAction = defineAction({ input: lessonCompletionSchema }, async ({ user, input }) => {
  const result = await setLessonCompletion(db, { userId: user.id, lessonId: input.lessonId, completed: input.completed });
  if (!result) throw new ActionError("NOT_FOUND", "That lesson is no longer available.");
  revalidatePath(lessonPath(input.lessonId));
  revalidatePath("/learn");
  return result;
});

/** Checks one "Check yourself" answer and returns, for that question only, the verdict, correct keys and explanations. */
export const checkLessonAnswerAction = defineAction({ input: lessonCheckAnswerSchema }, async ({ input }) => {
  const result = await checkLessonAnswer(db, input);
  if (result.status === "refused") {
    if (result.reason === "NOT_FOUND") throw new ActionError("NOT_FOUND", "That question is not part of this lesson.");
    throw new ActionError("INVALID", result.message, { chosenKeys: [result.message] });
  }
  return { questionId: result.questionId, correct: result.correct, correctKeys: result.correctKeys, explanations: result.explanations };
});
