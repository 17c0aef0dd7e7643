// Saving answer changes: the hot path of a mock (about 46 saves a second for
// 1,000 students at exam pace). One UPDATE per save (save-statement.ts) checks
// the session, the attempt, the deadline by arrival time, the sequence number
// and the keys together; only when a save changes nothing do we look closer to
// say why.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db, Prisma } from "@/lib/db";
import { directQuery } from "@/lib/database/direct";
import { type SaveResult, saveProblem } from "./carried-saves";
import { acceptsSaves, mayCloseAsExpired } from "./deadline";
import { attemptNotFound } from "./errors";
import { gradeAttemptNow } from "./grade-attempt";
import type { AnswerSave } from "./inputs";
import { saveAnswerStatement } from "./save-statement";
import type { ExamSettings } from "./settings";

/** A save that arrived after deadline + grace. */
class TimeUp extends AppError {
  constructor(readonly deadline: Date) {
    super("TIME_UP", "Time is up. Your attempt is graded from the answers saved before the deadline.");
  }
}

export type { SaveResult };

export type SaveOptions = { userId: string; sessionId: string; attemptId: string; saves: AnswerSave[]; now: Date; settings: ExamSettings };

export async function saveAnswers(db: Db, options: SaveOptions): Promise<SaveResult[]> {
  try {
    // A batch is all-or-nothing: one invalid save and none is applied. A single
    // save is one statement, atomic by itself, so it needs no transaction, and
    // it goes straight to the pool (lib/database/direct.ts).
    return options.saves.length === 1
      ? await applySaves(db, options, (statement) => directQuery(db, statement))
      : await db.$transaction((tx) => applySaves(tx, options));
  } catch (error) {
    // A late save closes the attempt only once on-time requests still queued behind it have been served.
    if (error instanceof TimeUp && mayCloseAsExpired(options.now, error.deadline, options.settings.graceSeconds)) {
      await gradeAttemptNow(db, { attemptId: options.attemptId, now: options.now, expired: true });
    }
    throw error;
  }
}

/**
 * Applies a batch inside the caller's transaction (or as one statement): the
 * answer route's saves, and the final saves a submit carries when it grades
 * under the lock (submit-attempt.ts). Throws INVALID / UNAUTHENTICATED /
 * CLOSED / TimeUp when a save can never be applied; stale and checked items
 * are reported, not thrown. `query` runs each save's statement: through `db`
 * unless told, so a transaction's saves run on its connection.
 */
export async function applySaves(
  db: Db | Prisma.TransactionClient,
  options: SaveOptions,
  query: (statement: Prisma.Sql) => Promise<Array<{ saveSeq: bigint }>> = (statement) => db.$queryRaw(statement),
): Promise<SaveResult[]> {
  const { userId, sessionId, attemptId, saves, now, settings } = options;
  const results: SaveResult[] = [];
  const missed: AnswerSave[] = [];
  for (const save of saves) {
    const updated = await query(saveAnswerStatement({ save, attemptId, userId, sessionId, now, graceSeconds: settings.graceSeconds }));
    if (updated.length === 1) results.push({ position: save.position, status: "saved", seq: updated[0]!.saveSeq.toString() });
    else missed.push(save);
  }
  if (missed.length === 0) return results;

  // Something was not applied: find out why, for a clear answer.
  const [attempt, session] = await Promise.all([
    db.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, status: true, deadline: true } }),
    db.authSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true } }),
  ]);
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) {
    throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; your unsent answers are kept.");
  }
  if (!attempt || attempt.userId !== userId) throw attemptNotFound();
  if (attempt.status !== "IN_PROGRESS") throw new AppError("CLOSED", "This attempt has already been submitted.");
  if (!acceptsSaves(now, attempt.deadline, settings.graceSeconds)) throw new TimeUp(attempt.deadline!);
  const items = await db.attemptItem.findMany({
    where: { attemptId, position: { in: missed.map((s) => s.position) } },
    select: { position: true, kind: true, choiceOrder: true, chooseCount: true, saveSeq: true, revealedAt: true },
  });
  const byPosition = new Map(items.map((i) => [i.position, i]));
  for (const save of missed) {
    const problem = saveProblem(save, byPosition.get(save.position));
    if (problem) throw problem;
    const item = byPosition.get(save.position)!;
    results.push({ position: save.position, status: item.revealedAt ? "locked" : "stale", seq: item.saveSeq.toString() });
  }
  return results.sort((a, b) => a.position - b.position);
}
