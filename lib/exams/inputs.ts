// What the browser may send to start an attempt or save answers, as zod
// schemas shared by the forms' actions and the route handlers. Server side
// only in practice: client components import modes.ts instead.
import { z } from "zod";

export const quizScopeSchema = z.union([
  z.object({ kind: z.literal("domain"), domain: z.coerce.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("taskStatement"), taskStatement: z.string().regex(/^[1-4]\.[1-9]$/) }),
  z.object({ kind: z.literal("topic"), topic: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
]);
export type QuizScope = z.infer<typeof quizScopeSchema>;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const startAttemptSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("MOCK") }),
  z.object({ mode: z.literal("FINAL_MOCK") }),
  z.object({ mode: z.literal("REVIEW_EXAM"), timed: checkbox.default(false) }),
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

/** One response token (answer-rules.ts): a choice key, a "prompt:answer" pair, or a number. */
const responseToken = z.string().regex(/^([a-j]|[a-j]:[a-j]|-?\d{1,12}(\.\d{1,6})?)$/, "not an answer this app sends");

/** A whole response to one item, in its tokens (empty clears a saved answer). Whether it fits the item is answer-rules.ts's call. */
export const responseSchema = z
  .array(responseToken)
  .max(10, "too many choices")
  .refine((keys) => new Set(keys).size === keys.length, "a choice was sent twice");

/** One answer change as the browser sends it. */
export const answerSaveSchema = z.object({
  position: z.int().min(0).max(200),
  chosenKeys: responseSchema,
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

/** A submit, with the answer changes the browser has not had acknowledged yet (applied before grading, same rules as a save). */
export const submitSchema = z.object({ saves: z.array(answerSaveSchema).max(200).default([]) });
