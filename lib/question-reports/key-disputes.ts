// "Key disputed": a question with at least one open report that its marked
// answer is wrong. Staff see the mark in the report queue and on assignment reports.
import "server-only";
import type { Db } from "@/lib/db";

/** Which of these questions have an open wrong-key report. */
export async function keyDisputedQuestionIds(db: Db, questionIds: readonly string[]): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.questionReport.findMany({
    where: { questionId: { in: [...questionIds] }, status: "OPEN", reason: "WRONG_KEY" },
    distinct: ["questionId"],
    select: { questionId: true },
  });
  return new Set(rows.map((r) => r.questionId));
}
