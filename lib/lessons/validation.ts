// Input schemas of the Learn area, shared by its pages and server actions.
import { z } from "zod";

/** A lesson's stable content id, e.g. "sqs-queues". */
export const lessonIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson id.");

/** A question's stable content id, e.g. "q-sqs-001". */
export const questionIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a question id.");

/** A choice's stable key within its question. */
export const choiceKeySchema = z.string().regex(/^[a-f]$/, "Not a choice key.");

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

/** One "Check yourself" answer: which question, which keys. Whether the keys belong to it is checked against the question. */
export const lessonCheckAnswerSchema = z.object({
  lessonId: lessonIdSchema,
  questionId: questionIdSchema,
  chosenKeys: z
    .array(choiceKeySchema)
    .min(1, "Choose an answer first.")
    .max(6, "Too many answers.")
    .refine((keys) => new Set(keys).size === keys.length, "Choose each answer only once."),
});

export type LessonCheckAnswerInput = z.output<typeof lessonCheckAnswerSchema>;
