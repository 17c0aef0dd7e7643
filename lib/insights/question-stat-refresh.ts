// Recomputes the bank-wide statistics (QuestionStat) of some questions, or of
// every question, from the graded answers. Run by the refresh-question-stats
// job (lib/jobs/tasks.ts): after graded attempts, for the questions they asked,
// and nightly for the whole bank; never by a page. Each question's row is
// computed from scratch and upserted, so a retry or a twin run is harmless.
import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MIN_QUESTIONS_FOR_TOTAL, type QuestionAggregates, type QuestionFacts, STAT_MODES, questionStatOf } from "./question-stat";

/** Questions per round of queries: each round reads their answers through the AttemptItem(questionId) index. */
const BATCH = 40;

const statModes = Prisma.join(STAT_MODES.map((m) => Prisma.sql`${m}::"AttemptMode"`));

const ATTEMPT_REF = "attempt:";

/** How the statistics job's payload names a graded attempt whose answered questions need refreshing. */
export const attemptStatsRef = (attemptId: string) => `${ATTEMPT_REF}${attemptId}`;

/**
 * The job's payload as what to refresh: attempt references become the
 * questions answered in those attempts; other strings are question ids.
 */
export async function questionsToRefresh(db: Db, refs: readonly string[]): Promise<string[]> {
  const attemptIds = refs.filter((r) => r.startsWith(ATTEMPT_REF)).map((r) => r.slice(ATTEMPT_REF.length));
  const questionIds = refs.filter((r) => !r.startsWith(ATTEMPT_REF));
  if (attemptIds.length === 0) return [...new Set(questionIds)];
  const answered = await db.$queryRaw<Array<{ questionId: string }>>`
    SELECT DISTINCT "questionId" FROM "AttemptItem" WHERE "attemptId" = ANY(${attemptIds}::text[]) AND cardinality("chosenKeys") > 0`;
  return [...new Set([...questionIds, ...answered.map((a) => a.questionId)])];
}

export async function refreshQuestionStats(db: Db, options: { questionIds?: readonly string[] } = {}): Promise<{ refreshed: number }> {
  const ids = options.questionIds
    ? [...new Set(options.questionIds)]
    : (await db.question.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((q) => q.id);
  let refreshed = 0;
  for (let start = 0; start < ids.length; start += BATCH) refreshed += await refreshBatch(db, ids.slice(start, start + BATCH));
  return { refreshed };
}

async function refreshBatch(db: Db, ids: string[]): Promise<number> {
  const questions = await db.question.findMany({
    where: { id: { in: ids } },
    select: { id: true, type: true, difficulty: true, choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } } },
  });
  if (questions.length === 0) return 0;
  const found = questions.map((q) => q.id);
  // Answered items of graded mock-like attempts. The rest-of-attempt score is the
  // attempt's raw score without this item, over its other questions (unanswered
  // ones count wrong, as in the score).
  const from = Prisma.sql`"AttemptItem" i JOIN "Attempt" a ON a.id = i."attemptId"`;
  const answered = Prisma.sql`i."questionId" = ANY(${found}::text[]) AND cardinality(i."chosenKeys") > 0
      AND a."gradedAt" IS NOT NULL AND a.mode IN (${statModes})`;
  const [totals, choices, groups] = await Promise.all([
    db.$queryRaw<Array<{ q: string; answers: number; right: number; students: number; discrimination: number | null }>>`
      SELECT i."questionId" AS q, count(*)::int AS answers, count(*) FILTER (WHERE i.correct)::int AS "right",
             count(DISTINCT a."userId")::int AS students,
             corr(CASE WHEN i.correct THEN 1 ELSE 0 END,
                  (a."rawScore" - CASE WHEN i.correct THEN 1 ELSE 0 END)::float8 / (a."questionCount" - 1))
               FILTER (WHERE a."questionCount" >= ${MIN_QUESTIONS_FOR_TOTAL}) AS discrimination
      FROM ${from} WHERE ${answered}
      GROUP BY i."questionId"`,
    db.$queryRaw<Array<{ q: string; key: string; n: number }>>`
      SELECT i."questionId" AS q, k.key, count(*)::int AS n
      FROM ${from} CROSS JOIN LATERAL unnest(i."chosenKeys") AS k(key)
      WHERE ${answered} AND i.kind = 'CHOICE'
      GROUP BY 1, 2`,
    db.$queryRaw<Array<{ q: string; restRight: number; restTotal: number; answers: number; right: number }>>`
      SELECT i."questionId" AS q, (a."rawScore" - CASE WHEN i.correct THEN 1 ELSE 0 END)::int AS "restRight",
             (a."questionCount" - 1)::int AS "restTotal", count(*)::int AS answers, count(*) FILTER (WHERE i.correct)::int AS "right"
      FROM ${from} WHERE ${answered} AND a."questionCount" >= ${MIN_QUESTIONS_FOR_TOTAL}
      GROUP BY 1, 2, 3`,
  ]);
  const byQuestion = new Map<string, QuestionAggregates>(
    found.map((id) => [id, { answers: 0, right: 0, students: 0, discrimination: null, choiceCounts: {}, restGroups: [] }]),
  );
  for (const t of totals) Object.assign(byQuestion.get(t.q)!, { answers: t.answers, right: t.right, students: t.students, discrimination: t.discrimination });
  for (const c of choices) byQuestion.get(c.q)!.choiceCounts[c.key] = c.n;
  for (const g of groups) byQuestion.get(g.q)!.restGroups.push(g);
  const rows = questions.map((q) => questionStatOf(q as QuestionFacts, byQuestion.get(q.id)!));
  await db.$executeRaw`
    INSERT INTO "QuestionStat" ("questionId", "answerCount", "rightCount", facility, "answeredByCount", discrimination, "choiceCounts",
                                "fittedDifficulty", "fittedDifficultySe", "fitAnswerCount", flags, "updatedAt")
    SELECT t.q, t.answers, t.nright, t.facility, t.students, t.discrimination, t.choices, t.fitted, t.se, t.fit_n,
           ARRAY(SELECT jsonb_array_elements_text(t.flags)), now()
    FROM unnest(${rows.map((r) => r.questionId)}::text[], ${rows.map((r) => r.answerCount)}::int[], ${rows.map((r) => r.rightCount)}::int[],
                ${rows.map((r) => r.facility)}::float8[], ${rows.map((r) => r.answeredByCount)}::int[], ${rows.map((r) => r.discrimination)}::float8[],
                ${rows.map((r) => JSON.stringify(r.choiceCounts))}::jsonb[], ${rows.map((r) => r.fittedDifficulty)}::float8[],
                ${rows.map((r) => r.fittedDifficultySe)}::float8[], ${rows.map((r) => r.fitAnswerCount)}::int[], ${rows.map((r) => JSON.stringify(r.flags))}::jsonb[])
      AS t(q, answers, nright, facility, students, discrimination, choices, fitted, se, fit_n, flags)
    ON CONFLICT ("questionId") DO UPDATE SET
      "answerCount" = EXCLUDED."answerCount", "rightCount" = EXCLUDED."rightCount", facility = EXCLUDED.facility,
      "answeredByCount" = EXCLUDED."answeredByCount", discrimination = EXCLUDED.discrimination, "choiceCounts" = EXCLUDED."choiceCounts",
      "fittedDifficulty" = EXCLUDED."fittedDifficulty", "fittedDifficultySe" = EXCLUDED."fittedDifficultySe",
      "fitAnswerCount" = EXCLUDED."fitAnswerCount", flags = EXCLUDED.flags, "updatedAt" = EXCLUDED."updatedAt"`;
  return rows.length;
}
