// npm run bench:data — fills a PostgreSQL database with 10,000 students and
// about 1.7 million answered attempt items (plus mastery, review cards, daily
// activity and lesson progress), so dashboard queries can be measured at scale.
// Generated in SQL with generate_series: deterministic (setseed), a few minutes.
//
//   BENCH_DASHBOARD_DATABASE_URL  target (default postgresql://postgres@127.0.0.1:5432/stratus_bench_dashboard)
//   --students N                  default 10000
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/database/client";
import { seed } from "../../lib/seed/seed";
import { migrateDeploy } from "../../tests/support/migrations";

export const DASHBOARD_DB_URL =
  process.env.BENCH_DASHBOARD_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stratus_bench_dashboard";
export const BENCH_PASSWORD = "bench-student-1";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function timed(label: string, client: pg.Client, sql: string, params: unknown[] = []) {
  const started = Date.now();
  const result = await client.query(sql, params);
  console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function generateDashboardData(options: { students: number; mocks: number; quizzes: number }) {
  const { students, mocks, quizzes } = options;
  const url = new URL(DASHBOARD_DB_URL);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: (() => { const u = new URL(DASHBOARD_DB_URL); u.pathname = "/postgres"; return u.toString(); })() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  console.log(`Database ${name}: migrating and seeding content…`);
  await migrateDeploy(DASHBOARD_DB_URL);
  const prisma = createPrismaClient({ url: DASHBOARD_DB_URL, max: 2 });
  await seed(prisma, { demo: false });
  await prisma.$disconnect();

  const client = new pg.Client({ connectionString: DASHBOARD_DB_URL });
  await client.connect();
  await client.query("SELECT setseed(0.42)");
  const hash = await hashPassword(BENCH_PASSWORD);
  const days = 56;
  console.log(`Generating ${students} students, ${mocks} mocks and ${quizzes} ten-question quizzes each…`);

  await timed("students", client, `
    INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
    SELECT 'bench-' || lpad(g::text, 5, '0'), 'bench' || g || '@example.com', 'Bench Student ' || g, $1, 'STUDENT', now()
    FROM generate_series(1, $2) g`, [hash, students]);

  // Attempts over the last eight weeks: mocks (65 questions) and quizzes (10).
  await timed("attempts", client, `
    INSERT INTO "Attempt" (id, "userId", "examId", mode, status, config, "questionCount", "startedAt", deadline, "submittedAt", "gradedAt",
                           "learningRecordedAt", "rawScore", "scaledScore", passed)
    SELECT u.id || '-' || k, u.id, 'dva-c02', (CASE WHEN k <= $1::int THEN 'MOCK' ELSE 'QUIZ' END)::"AttemptMode", 'SUBMITTED', '{}'::jsonb,
           CASE WHEN k <= $1::int THEN 65 ELSE 10 END,
           now() - random() * make_interval(days => $3::int), NULL, now(), now(), now(), NULL, NULL, NULL
    FROM "User" u, generate_series(1, $1::int + $2::int) k
    WHERE u.role = 'STUDENT' AND u.id LIKE 'bench-%'`, [mocks, quizzes, days]);

  // Items: distinct questions per attempt (an offset from the attempt id plus a
  // stride of 211, a prime that does not divide the bank size); about 65% right.
  await timed("attempt items", client, `
    WITH qs AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Question" WHERE type IN ('SINGLE', 'MULTIPLE'))
    INSERT INTO "AttemptItem" ("attemptId", position, "questionId", "questionVersion", "choiceOrder", "chooseCount", "chosenKeys",
                               "timeSpentMs", "saveSeq", "answeredAt", correct)
    SELECT a.id, p, qs.ids[1 + ((abs(hashtext(a.id)) + p * 211) % qs.n)], 1, ARRAY['a','b','c','d'], 1, ARRAY['a'],
           (30000 + random() * 120000)::int, 1, a."startedAt", random() < 0.65
    FROM "Attempt" a CROSS JOIN qs CROSS JOIN LATERAL generate_series(0, a."questionCount" - 1) p
    WHERE a."userId" LIKE 'bench-%'`);

  await timed("attempt scores", client, `
    UPDATE "Attempt" a SET "rawScore" = s.raw, "scaledScore" = CASE WHEN s.raw::float / a."questionCount" <= 0.72
          THEN round(100 + 620 * (s.raw::float / a."questionCount") / 0.72) ELSE round(720 + 1000 * (s.raw::float / a."questionCount" - 0.72)) END,
          passed = s.raw::float / a."questionCount" >= 0.72
    FROM (SELECT "attemptId", count(*) FILTER (WHERE correct)::int AS raw FROM "AttemptItem" GROUP BY "attemptId") s
    WHERE s."attemptId" = a.id AND a."userId" LIKE 'bench-%'`);

  await timed("mastery (topics and task statements)", client, `
    INSERT INTO "Mastery" ("userId", scope, "scopeId", rating, variance, evidence, correct, "updatedAt")
    SELECT u.id, s.scope::"MasteryScope", s.id, (random() * 3 - 1.2), (0.05 + random() * 0.3), (3 + random() * 40)::int, (random() * 30)::int, now()
    FROM "User" u
    CROSS JOIN (SELECT 'TOPIC' AS scope, id FROM "Topic" UNION ALL SELECT 'TASK_STATEMENT', id FROM "TaskStatement") s
    WHERE u.id LIKE 'bench-%'`);

  await timed("review cards", client, `
    INSERT INTO "ReviewCard" ("userId", "questionId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                              reps, lapses, state, "lastReview", "createdAt")
    SELECT a."userId", ai."questionId",
           now() + (random() * 20 - 5) * interval '1 day', 2 + random() * 10, 5, 1, 3, 0, 1 + (random() * 4)::int, (random() * 2)::int, 2, now(), now()
    FROM "AttemptItem" ai JOIN "Attempt" a ON a.id = ai."attemptId"
    WHERE NOT ai.correct AND a."userId" LIKE 'bench-%'
    ON CONFLICT DO NOTHING`);

  await timed("daily activity", client, `
    INSERT INTO "DailyActivity" ("userId", day, answered, correct, "timeSpentMs")
    SELECT a."userId", a."startedAt"::date, sum(a."questionCount")::int, sum(a."rawScore")::int, sum(a."questionCount")::bigint * 75000
    FROM "Attempt" a WHERE a."userId" LIKE 'bench-%'
    GROUP BY a."userId", a."startedAt"::date`);

  await timed("lesson progress", client, `
    INSERT INTO "LessonProgress" ("userId", "lessonId", "completedAt")
    SELECT u.id, l.id, now() - random() * interval '50 days'
    FROM "User" u CROSS JOIN "Lesson" l
    WHERE u.id LIKE 'bench-%' AND random() < 0.3`);

  await timed("analyze", client, "ANALYZE");
  const counts = await client.query(`
    SELECT (SELECT count(*) FROM "User" WHERE id LIKE 'bench-%') AS students,
           (SELECT count(*) FROM "Attempt") AS attempts,
           (SELECT count(*) FROM "AttemptItem") AS items,
           (SELECT count(*) FROM "ReviewCard") AS cards,
           (SELECT count(*) FROM "Mastery") AS mastery,
           (SELECT count(*) FROM "DailyActivity") AS activity`);
  await client.end();
  const row = counts.rows[0] as Record<string, string>;
  console.log(`Done: ${Object.entries(row).map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`).join(", ")}.`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** The data set's counts; generated first when missing (or when `generate`). */
export async function ensureDashboardData(generate: boolean): Promise<Record<string, number>> {
  const probe = new pg.Client({ connectionString: DASHBOARD_DB_URL });
  let counts: Record<string, number> | null = null;
  try {
    await probe.connect();
    const r = await probe.query(`SELECT (SELECT count(*) FROM "User" WHERE id LIKE 'bench-%' AND role = 'STUDENT')::int AS students, (SELECT count(*) FROM "AttemptItem")::int AS items`);
    counts = r.rows[0];
    await probe.end();
  } catch {
    counts = null;
  }
  if (generate || !counts || (counts.students ?? 0) < 10_000) counts = await generateDashboardData({ students: 10_000, mocks: 2, quizzes: 4 });
  return counts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await generateDashboardData({ students: arg("students", 10_000), mocks: 2, quizzes: 4 });
}
