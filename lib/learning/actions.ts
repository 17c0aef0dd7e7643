"use server";
// Answering a due review card; saving the study settings (time zone, new cards a day).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { defineAction, defineFormAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { KEY_LOCKED_MESSAGE } from "@/lib/exams/key-lock";
import { answerReviewCard } from "./review-queue";
import { reviewAnswerSchema } from "./review-validation";
import { updateStudySettings } from "./study-settings";
import { studySettingsSchema } from "./study-settings-validation";
import { PINNED_TIME_ZONE_COOKIE, TIME_ZONE_COOKIE, pinAfterChoice } from "./time-zone-sync";

export const answerReviewAction = defineAction({ input: reviewAnswerSchema }, async ({ user, input }) => {
  const result = await answerReviewCard(db, { userId: user.id, ...input, now: new Date() });
  if (result.status === "not-due") throw new AppError("NOT_FOUND", "That card is not due any more. Load the next one.");
  if (result.status === "locked") throw new AppError("FORBIDDEN", KEY_LOCKED_MESSAGE);
  if (result.status === "changed") throw new AppError("CONFLICT", result.message);
  if (result.status === "invalid") throw new AppError("INVALID", result.message);
  return { reveal: result.reveal, nextDue: result.nextDue };
});

export const updateStudySettingsAction = defineFormAction(
  { input: studySettingsSchema, session: "user", keepValues: ["timeZone", "newCardsPerDay"] },
  async ({ user, input }) => {
    await updateStudySettings(db, { userId: user!.id, settings: input });
    // A zone picked here holds while this browser stays in its current zone (time-zone-sync.ts).
    const jar = await cookies();
    const pin = pinAfterChoice({ chosen: input.timeZone, browserZone: jar.get(TIME_ZONE_COOKIE)?.value });
    if (pin) jar.set(PINNED_TIME_ZONE_COOKIE, pin, { path: "/", maxAge: 400 * 86_400, sameSite: "lax", httpOnly: true });
    else jar.delete(PINNED_TIME_ZONE_COOKIE);
    redirect("/profile?updated=study");
  },
);
