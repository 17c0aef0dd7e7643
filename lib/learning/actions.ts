"use server";
// Answering a due review card.
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { answerReviewCard } from "./review-queue";

const reviewAnswerSchema = z.object({
  questionId: z.string().regex(/^q-[a-z0-9-]+-\d{3}$/),
  chosenKeys: z
    .array(z.string().regex(/^[a-f]$/))
    .min(1, "Choose an answer first.")
    .max(6)
    .refine((k) => new Set(k).size === k.length, "A choice was sent twice."),
  unsure: z.boolean().default(false),
  timeSpentMs: z.int().min(0).max(3_600_000).default(0),
});

export const answerReviewAction = defineAction({ input: reviewAnswerSchema }, async ({ user, input }) => {
  const result = await answerReviewCard(db, { userId: user.id, ...input, now: new Date() });
  if (result.status === "not-due") throw new ActionError("NOT_FOUND", "That card is not due any more. Load the next one.");
  if (result.status === "invalid") throw new ActionError("INVALID", result.message);
  return result;
});
