// npm run bench:question-stats — the bank-wide question statistics on the
// 10,000-student bench database (npm run bench:data), read-only: QuestionStat
// is a TEMPORARY table of this session (it shadows any real one), so the
// shared bench database is not changed. Measures the nightly full refresh,
// a refresh of one mock's 65 questions, and loadBankItemStats (p50/p95 of
// sequential page loads over sorts and filters), and prints EXPLAIN ANALYZE
// of the page query and of one refresh batch's heaviest query.
//
//   BENCH_DASHBOARD_DATABASE_URL  default postgresql://postgres@127.0.0.1:5432/stratus_bench_dashboard
import { createPrismaClient } from "../../lib/database/client";
import { loadBankItemStats } from "../../lib/insights/bank-item-stats";
import { refreshQuestionStats } from "../../lib/insights/question-stat-refresh";
import { DASHBOARD_DB_URL } from "./dashboard-data";

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function main() {
  // One connection: the temporary table lives in its session.
  const db = createPrismaClient({ url: DASHBOARD_DB_URL, max: 1 });
  await db.$executeRawUnsafe(`
    CREATE TEMP TABLE "QuestionStat" (
      "questionId" TEXT PRIMARY KEY, "answerCount" INTEGER NOT NULL DEFAULT 0, "rightCount" INTEGER NOT NULL DEFAULT 0,
      facility DOUBLE PRECISION, "answeredByCount" INTEGER NOT NULL DEFAULT 0, discrimination DOUBLE PRECISION,
      "choiceCounts" JSONB NOT NULL DEFAULT '{}', "fittedDifficulty" DOUBLE PRECISION, "fittedDifficultySe" DOUBLE PRECISION,
      "fitAnswerCount" INTEGER NOT NULL DEFAULT 0, flags TEXT[] DEFAULT ARRAY[]::TEXT[], "updatedAt" TIMESTAMP(3) NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE INDEX ON "QuestionStat"(facility)`);
  await db.$executeRawUnsafe(`CREATE INDEX ON "QuestionStat"(discrimination)`);
  await db.$executeRawUnsafe(`CREATE INDEX ON "QuestionStat"("answerCount")`);

  let started = performance.now();
  const { refreshed } = await refreshQuestionStats(db);
  console.log(`full refresh (nightly): ${refreshed} questions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.$executeRawUnsafe(`ANALYZE "QuestionStat"`);

  const mock = await db.$queryRaw<Array<{ questionId: string }>>`
    SELECT "questionId" FROM "AttemptItem" WHERE "attemptId" = (SELECT id FROM "Attempt" WHERE mode = 'MOCK' LIMIT 1)`;
  started = performance.now();
  await refreshQuestionStats(db, { questionIds: mock.map((m) => m.questionId) });
  console.log(`refresh of one mock's ${mock.length} questions: ${((performance.now() - started) / 1000).toFixed(2)} s`);

  const summary = await db.$queryRaw<Array<{ fitted: number; answers: number; median: number }>>`
    SELECT count(*) FILTER (WHERE "fittedDifficulty" IS NOT NULL)::int AS fitted, sum("answerCount")::int AS answers,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "answerCount")::float8 AS median FROM "QuestionStat"`;
  console.log(`statistics: ${JSON.stringify(summary[0])}`);

  const variants = [
    {},
    { sort: "facility", dir: "desc" },
    { sort: "fitted", page: "3" },
    { domain: "2" },
    { flag: "LOW_DISCRIMINATION", sort: "answers", dir: "desc" },
    { sort: "question", page: "20" },
  ];
  for (let i = 0; i < 10; i++) await loadBankItemStats(db, variants[i % variants.length]!); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    await loadBankItemStats(db, variants[i % variants.length]!);
    times.push(performance.now() - t0);
  }
  console.log(`loadBankItemStats, 120 sequential loads: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);

  const plan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`
    EXPLAIN (ANALYZE, BUFFERS) SELECT q.id, left(q.stem, 600), s.facility, s.discrimination, s."fittedDifficulty", s.flags
    FROM "Question" q JOIN "TaskStatement" ts ON ts.id = q."taskStatementId" JOIN "Domain" d ON d.id = ts."domainId"
    LEFT JOIN "QuestionStat" s ON s."questionId" = q.id
    WHERE q."retiredAt" IS NULL AND 'LOW_DISCRIMINATION' = ANY(s.flags)
    ORDER BY s."answerCount" DESC NULLS LAST, q.id LIMIT 50`);
  console.log(`\nEXPLAIN ANALYZE, the page query (flag filter, sort by answers):\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
  const ids = mock.slice(0, 40).map((m) => m.questionId);
  const refreshPlan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT i."questionId", count(*), count(*) FILTER (WHERE i.correct), count(DISTINCT a."userId"),
       corr(CASE WHEN i.correct THEN 1 ELSE 0 END, (a."rawScore" - CASE WHEN i.correct THEN 1 ELSE 0 END)::float8 / (a."questionCount" - 1)) FILTER (WHERE a."questionCount" >= 10)
     FROM "AttemptItem" i JOIN "Attempt" a ON a.id = i."attemptId"
     WHERE i."questionId" = ANY($1::text[]) AND cardinality(i."chosenKeys") > 0 AND a."gradedAt" IS NOT NULL AND a.mode IN ('MOCK', 'FINAL_MOCK', 'ASSIGNMENT')
     GROUP BY i."questionId"`,
    ids,
  );
  console.log(`\nEXPLAIN ANALYZE, one refresh batch (40 questions), the totals query:\n${refreshPlan.map((r) => r["QUERY PLAN"]).join("\n")}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
