// Pausing a timed review exam: the clock stops. The deadline is cleared while
// paused (so the sweep leaves it alone) and what was left is kept; resuming
// sets a new deadline that far from now.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import { ownedAttempt } from "./attempt-items";
import { type AttemptConfig } from "./attempt-title";
import { isOverdue } from "./deadline";
import type { ExamSettings } from "./settings";

export async function setAttemptPaused(
  db: Db,
  options: { userId: string; attemptId: string; paused: boolean; now: Date; settings: ExamSettings },
): Promise<{ paused: boolean; deadline: string | null; remainingMs: number | null }> {
  const { userId, attemptId, paused, now, settings } = options;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
    const attempt = await ownedAttempt(tx, attemptId, userId);
    if (attempt.mode !== "REVIEW_EXAM" || !(attempt.config as AttemptConfig | null)?.timed) {
      throw new AppError("INVALID", "Only a timed review exam can be paused.");
    }
    if (attempt.status !== "IN_PROGRESS") throw new AppError("CLOSED", "This attempt has already been submitted.");
    if (paused) {
      if (attempt.pausedAt) return { paused: true, deadline: null, remainingMs: attempt.remainingMs };
      if (isOverdue(now, attempt.deadline, settings.graceSeconds)) throw new AppError("TIME_UP", "Time is up.");
      const remainingMs = Math.max(0, (attempt.deadline?.getTime() ?? now.getTime()) - now.getTime());
      await tx.attempt.update({ where: { id: attemptId }, data: { pausedAt: now, remainingMs, deadline: null } });
      return { paused: true, deadline: null, remainingMs };
    }
    if (!attempt.pausedAt) return { paused: false, deadline: attempt.deadline?.toISOString() ?? null, remainingMs: null };
    const deadline = new Date(now.getTime() + (attempt.remainingMs ?? 0));
    await tx.attempt.update({ where: { id: attemptId }, data: { pausedAt: null, remainingMs: null, deadline } });
    return { paused: false, deadline: deadline.toISOString(), remainingMs: null };
  });
}
