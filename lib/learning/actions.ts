"use server";
// Answering a due review card.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { defineAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { KEY_LOCKED_MESSAGE } from "@/lib/exams/key-lock";
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
  if (result.status === "not-due") throw new AppError("NOT_FOUND", "That card is not due any more. Load the next one.");
  if (result.status === "locked") throw new AppError("FORBIDDEN", KEY_LOCKED_MESSAGE);
  if (result.status === "invalid") throw new AppError("INVALID", result.message);
  return result;
});
