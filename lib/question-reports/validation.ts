// Input schemas of question reports, shared by the pages and the server
// actions. Server side only: zod never goes to the browser (the CSP blocks its eval probe).
import "server-only";
import { z } from "zod";
import { attemptIdSchema, questionIdSchema } from "@/lib/exams/ids";
import { lessonIdSchema } from "@/lib/lessons/validation";
import { REPORT_COMMENT_MAX_LENGTH, REPORT_REASONS, REPORT_STATUSES, RESOLUTION_NOTE_MAX_LENGTH, RESOLUTIONS } from "./reasons";

const reason = z.enum(REPORT_REASONS, { error: "Choose what is wrong with the question." });
const comment = z
  .string()
  .trim()
  .max(REPORT_COMMENT_MAX_LENGTH, `Use ${REPORT_COMMENT_MAX_LENGTH} characters or fewer.`)
  .default("");

/**
 * A student's report, and where they saw the question answered: an item of one
 * of their attempts (by position: the runner never names question ids), a
 * review card, or a lesson's "Check yourself".
 */
export const reportQuestionSchema = z
  .discriminatedUnion(
    "source",
    [
      z.object({ source: z.literal("attempt"), attemptId: attemptIdSchema, position: z.coerce.number().int().min(0).max(500), reason, comment }),
      z.object({ source: z.literal("review"), questionId: questionIdSchema, reason, comment }),
      z.object({ source: z.literal("lesson"), lessonId: lessonIdSchema, questionId: questionIdSchema, reason, comment }),
    ],
    { error: "Where the question was shown is missing." },
  )
  .superRefine((input, ctx) => {
    if (input.reason === "OTHER" && input.comment === "") {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Say what is wrong: a comment is needed for “Something else”." });
    }
  });
export type ReportQuestionInput = z.output<typeof reportQuestionSchema>;

/** Staff closing one report of a question, or every open one (no reportId). */
export const resolveReportsSchema = z.object({
  questionId: questionIdSchema,
  reportId: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional()),
  resolution: z.enum(RESOLUTIONS, { error: "Choose how it was resolved." }),
  note: z
    .string({ error: "Write a note for the student." })
    .trim()
    .min(1, "Write a note for the student: they read it.")
    .max(RESOLUTION_NOTE_MAX_LENGTH, `Use ${RESOLUTION_NOTE_MAX_LENGTH} characters or fewer.`),
});
export type ResolveReportsInput = z.output<typeof resolveReportsSchema>;

/** The queue's filters, from the query string; anything unknown falls back to the default. */
export const reportQueueFilterSchema = z.object({
  status: z.enum(REPORT_STATUSES).catch("OPEN"),
  reason: z.enum(REPORT_REASONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ReportQueueFilter = z.output<typeof reportQueueFilterSchema>;
