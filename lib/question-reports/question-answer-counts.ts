// How often each question has been answered and answered right, across every
// graded answer of every student (AttemptItem.correct is set when graded or
// checked). One grouped query over the AttemptItem(questionId) index for the
// questions a page shows. Kept in this one function so a maintained
// statistics table can replace the scan later.
import "server-only";
import type { Db } from "@/lib/db";

/** `facility` is the share right (null before anyone answered). */
export type AnswerCounts = { graded: number; right: number; facility: number | null };

export async function questionAnswerCounts(db: Db, questionIds: readonly string[]): Promise<Map<string, AnswerCounts>> {
  const counts = new Map<string, AnswerCounts>(questionIds.map((id) => [id, { graded: 0, right: 0, facility: null }]));
  if (questionIds.length === 0) return counts;
  const rows = await db.$queryRaw<Array<{ questionId: string; graded: number; right: number }>>`
    SELECT "questionId", count(*)::int AS graded, (count(*) FILTER (WHERE correct))::int AS "right"
    FROM "AttemptItem"
    WHERE "questionId" = ANY(${[...questionIds]}::text[]) AND correct IS NOT NULL
    GROUP BY "questionId"`;
  for (const r of rows) counts.set(r.questionId, { graded: r.graded, right: r.right, facility: r.graded ? r.right / r.graded : null });
  return counts;
}
