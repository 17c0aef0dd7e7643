// What each attempt mode means. Pure.
import { z } from "zod";

export const ATTEMPT_MODES = ["MOCK", "QUIZ", "DRILL"] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

export const MOCK_QUESTION_COUNT = 65;
export const PRACTICE_SIZES = [5, 10, 15, 20, 30] as const;

/** Timed with no feedback until the end (mock) vs untimed with an explanation after each answer. */
export const isTimed = (mode: AttemptMode) => mode === "MOCK";
export const revealsAsYouGo = (mode: AttemptMode) => mode !== "MOCK";

export const quizScopeSchema = z.union([
  z.object({ kind: z.literal("domain"), domain: z.coerce.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("taskStatement"), taskStatement: z.string().regex(/^[1-4]\.[1-9]$/) }),
  z.object({ kind: z.literal("topic"), topic: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
]);
export type QuizScope = z.infer<typeof quizScopeSchema>;

export const startAttemptSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("MOCK") }),
  z.object({
    mode: z.literal("QUIZ"),
    scope: quizScopeSchema,
    count: z.coerce.number().int().min(1).max(30).default(10),
  }),
  z.object({ mode: z.literal("DRILL"), count: z.coerce.number().int().min(1).max(30).default(10) }),
]);
export type StartAttemptInput = z.infer<typeof startAttemptSchema>;

/** Sequence numbers are stored as PostgreSQL bigint. */
const MAX_SEQ = 9_223_372_036_854_775_807n;

/** One answer change as the browser sends it. */
export const answerSaveSchema = z.object({
  position: z.int().min(0).max(200),
  chosenKeys: z
    .array(z.string().regex(/^[a-j]$/, "choice keys are single letters"))
    .max(6, "too many choices")
    .refine((keys) => new Set(keys).size === keys.length, "a choice was sent twice"),
  flagged: z.boolean(),
  unsure: z.boolean().default(false),
  timeSpentMs: z.int().min(0).max(24 * 3_600_000),
  /** Client sequence number; strictly increasing per browser (a millisecond clock). */
  seq: z
    .union([z.int().positive(), z.string().regex(/^\d{1,19}$/)])
    .transform((v) => BigInt(v))
    .refine((v) => v > 0n && v <= MAX_SEQ, "seq must be a positive 64-bit integer"),
});
export type AnswerSave = z.infer<typeof answerSaveSchema>;

export const saveBatchSchema = z.object({ saves: z.array(answerSaveSchema).min(1).max(200) });
