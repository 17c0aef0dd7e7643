"use server";
// Learn actions. Each is built with defineAction (session → zod input →
// handler), so the caller is signed in and the input has its shape before the
// handler looks anything up; the handler then checks the lesson or question
// exists and is live.
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/app-error";
import { defineAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { checkLessonAnswer } from "./lesson-check";
import { setLessonCompletion } from "./lesson-completion";
import { lessonPath } from "./lesson-links";
import { lessonCheckAnswerSchema, lessonCompletionSchema } from "./validation";

/** Marks a lesson complete (or not complete again) for the signed-in student. */
export const setLessonCompletionAction = defineAction({ input: lessonCompletionSchema }, async ({ user, input }) => {
  const result = await setLessonCompletion(db, { userId: user.id, lessonId: input.lessonId, completed: input.completed });
  if (!result) throw new AppError("NOT_FOUND", "That lesson is no longer available.");
  revalidatePath(lessonPath(input.lessonId));
  revalidatePath("/learn");
  return result;
});

/** Checks one "Check yourself" answer and returns, for that question only, the verdict, the right answer and the explanations. */
export const checkLessonAnswerAction = defineAction({ input: lessonCheckAnswerSchema }, async ({ user, input }) => {
  const result = await checkLessonAnswer(db, { ...input, userId: user.id });
  if (result.status === "refused") {
    if (result.reason === "NOT_FOUND") throw new AppError("NOT_FOUND", "That question is not part of this lesson.");
    if (result.reason === "CHANGED") throw new AppError("CONFLICT", result.message);
    throw new AppError("INVALID", result.message, { response: [result.message] });
  }
  return { questionId: result.questionId, reveal: result.reveal };
});
