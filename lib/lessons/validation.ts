// Input schemas of the Learn area, shared by its pages and server actions.
// Server side only: zod never goes to the browser (the CSP blocks its eval probe).
import "server-only";
import { z } from "zod";
import { questionIdSchema, questionVersionSchema } from "@/lib/exams/ids";
import { responseSchema } from "@/lib/exams/inputs";

/** A lesson's stable content id, e.g. "sqs-queues". */
export const lessonIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson id.");

export const LESSON_SEARCH_MAX_LENGTH = 100;

/** What a student typed into the lesson search box. */
export const lessonSearchQuerySchema = z
  .string({ error: "Type a word or phrase to search for." })
  .trim()
  .min(1, "Type a word or phrase to search for.")
  .max(LESSON_SEARCH_MAX_LENGTH, `Use ${LESSON_SEARCH_MAX_LENGTH} characters or fewer.`);

/** Marking a lesson complete, or not complete again. */
export const lessonCompletionSchema = z.object({
  lessonId: lessonIdSchema,
  completed: z.boolean(),
});

/**
 * One "Check yourself" answer: which question, which version of it the page
 * showed, and the response in the page's tokens (any item kind). Whether the
 * response fits the question is checked against it (answer-rules.ts).
 */
export const lessonCheckAnswerSchema = z.object({
  lessonId: lessonIdSchema,
  questionId: questionIdSchema,
  version: questionVersionSchema,
  response: responseSchema.min(1, "Answer the question before checking it."),
});

export type LessonCheckAnswerInput = z.output<typeof lessonCheckAnswerSchema>;
