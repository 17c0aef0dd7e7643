// Practice modes: checking one answer. The answer becomes final and, for this
// question only, the verdict, the right answer and the explanations come back.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import { responseProblem } from "./answer-rules";
import { type Reveal, loadAttemptItems, ownedAttempt, presentRow, revealOf } from "./attempt-items";
import { KEY_LOCKED_MESSAGE, lockedQuestionIds } from "./key-lock";
import { revealsAsYouGo } from "./modes";

export async function checkAnswer(
  db: Db,
  options: { userId: string; attemptId: string; position: number; chosenKeys: string[]; timeSpentMs?: number; now: Date },
): Promise<Reveal> {
  const { userId, attemptId, position, chosenKeys, now } = options;
  return db.$transaction(async (tx) => {
    // Hold the attempt against a concurrent grading (see save-answers.ts).
    await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${attemptId} FOR KEY SHARE`;
    const attempt = await ownedAttempt(tx, attemptId, userId);
    if (!revealsAsYouGo(attempt.mode)) throw new AppError("FORBIDDEN", "A mock exam shows answers only after you submit it.");
    if (attempt.status !== "IN_PROGRESS") throw new AppError("CLOSED", "This attempt has already been submitted.");
    const lockedRow = await tx.$queryRaw<Array<{ position: number }>>`
      SELECT position FROM "AttemptItem" WHERE "attemptId" = ${attemptId} AND position = ${position} FOR UPDATE`;
    if (lockedRow.length === 0) throw new AppError("INVALID", `Question ${position + 1} is not part of this attempt.`);
    const row = (await loadAttemptItems(tx, attemptId)).find((r) => r.position === position)!;
    if ((await lockedQuestionIds(tx, { userId, exceptAttemptId: attemptId })).has(row.questionId)) {
      throw new AppError("FORBIDDEN", KEY_LOCKED_MESSAGE);
    }
    const { key, shape } = presentRow(row);
    if (row.revealedAt) return revealOf(row.snapshot, key, row.chosenKeys, row.lessonId); // checked before: same answer, same result
    if (chosenKeys.length === 0) throw new AppError("INVALID", "Choose an answer before checking it.");
    const problem = responseProblem(shape, chosenKeys);
    if (problem) throw new AppError("INVALID", problem.message);
    const reveal = revealOf(row.snapshot, key, chosenKeys, row.lessonId);
    await tx.attemptItem.update({
      where: { attemptId_position: { attemptId, position } },
      data: {
        chosenKeys,
        revealedAt: now,
        answeredAt: now,
        correct: reveal.correct,
        timeSpentMs: Math.max(row.timeSpentMs, Math.round(options.timeSpentMs ?? 0)),
      },
    });
    return reveal;
  });
}
