// What the review page may send when it answers a card. Server side only: zod
// never goes to the browser (the CSP blocks its eval probe).
import "server-only";
import { z } from "zod";
import { questionIdSchema, questionVersionSchema } from "@/lib/exams/ids";
import { responseSchema } from "@/lib/exams/inputs";

/** One answer to a due card, of any item kind, in the tokens of the layout the page showed (at `due`, of `version`). */
export const reviewAnswerSchema = z.object({
  questionId: questionIdSchema,
  due: z.iso.datetime(),
  version: questionVersionSchema,
  response: responseSchema.min(1, "Answer the question before checking it."),
  unsure: z.boolean().default(false),
  timeSpentMs: z.int().min(0).max(3_600_000).default(0),
});
