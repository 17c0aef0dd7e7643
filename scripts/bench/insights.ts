// npm run bench -- --scenario=insights — the instructor's pages at scale, on the
// student dashboard's data set (10,000 students, 1.7 million answered items;
// `npm run bench:data`, generated when missing) plus 30 classes of 300 students,
// each with a full-mock assignment that all 300 have sat (their first generated
// mock, linked to it). Measures server time (the pages' loaders, in this process,
// through the app's Prisma client), 8 requests at a time, three runs each:
//   - the class dashboard of a 300-student class (target p95 ≤ 300 ms), cold
//     (no readiness snapshots: every prediction computed) and warm;
//   - an assignment report over 300 graded attempts (target p95 ≤ 500 ms);
//   - the bank-wide question statistics page over every sort and domain (target
//     p95 ≤ 300 ms), after one full refresh of QuestionStat when it is empty;
// and records EXPLAIN (ANALYZE, BUFFERS) of every query each sends.
// Writes docs/benchmarks/insights.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadClassDashboard } from "../../lib/classes/class-dashboard";
import { createPrismaClient } from "../../lib/database/client";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { forgetReportAnalyses, loadAssignmentReport } from "../../lib/insights/assignment-report";
import { BANK_STATS_SORTS, loadBankItemStats } from "../../lib/insights/bank-item-stats";
import { refreshQuestionStats } from "../../lib/insights/question-stat-refresh";
import { migrateDeploy } from "../../tests/support/migrations";
import { type Summary, closedLoop, summary } from "./closed-loop";
import { DASHBOARD_DB_URL, ensureDashboardData } from "./dashboard-data";

const root = path.resolve(import.meta.dirname, "../..");
const CLASSES = 30;
const CLASS_SIZE = 300;
const CONCURRENCY = 8;
const RUNS = 3;
const INSTRUCTOR = { id: "bench-instructor", role: "INSTRUCTOR" as const };


const classId = (k: number) => `bench-class-${String(k).padStart(2, "0")}`;
const assignmentId = (k: number) => `bench-assignment-${String(k).padStart(2, "0")}`;

/** 30 classes of 300 bench students (1–9,000), one instructor, one full-mock assignment each that every student has sat. */
async function generateClasses(client: pg.Client): Promise<void> {
  const present = await client.query(`SELECT count(*)::int AS n FROM "Enrollment" WHERE "classId" LIKE 'bench-class-%'`);
  if (present.rows[0].n === CLASSES * CLASS_SIZE) return;
  console.log(`Creating ${CLASSES} classes of ${CLASS_SIZE} students …`);
  await client.query(`UPDATE "Attempt" SET "assignmentId" = NULL WHERE "assignmentId" LIKE 'bench-assignment-%'`);
  await client.query(`DELETE FROM "Class" WHERE id LIKE 'bench-class-%'`);
  await client.query(`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
    VALUES ('bench-instructor', 'bench-instructor@example.com', 'Bench Instructor', 'x', 'INSTRUCTOR', now()) ON CONFLICT DO NOTHING`);
  await client.query(`
    INSERT INTO "Class" (id, "instructorId", name, "joinCode")
    SELECT 'bench-class-' || lpad(k::text, 2, '0'), 'bench-instructor', 'Bench class ' || k, 'BENCH' || lpad(k::text, 3, '0')
    FROM generate_series(1, $1::int) k`, [CLASSES]);
  await client.query(`
    INSERT INTO "Enrollment" ("classId", "userId", "joinedAt")
    SELECT 'bench-class-' || lpad((1 + (g - 1) / $2::int)::text, 2, '0'), 'bench-' || lpad(g::text, 5, '0'), now() - interval '60 days'
    FROM generate_series(1, $1::int * $2::int) g`, [CLASSES, CLASS_SIZE]);
  await client.query(`
    INSERT INTO "Assignment" (id, "classId", "examId", title, config, "questionCount", "timeLimitMinutes", "opensAt", "dueAt")
    SELECT 'bench-assignment-' || lpad(k::text, 2, '0'), 'bench-class-' || lpad(k::text, 2, '0'), 'dva-c02', 'Mock exam 1',
           '{"kind":"mock"}'::jsonb, 65, 130, now() - interval '60 days', now() - interval '1 day'
    FROM generate_series(1, $1::int) k`, [CLASSES]);
  await client.query(`
    UPDATE "Attempt" a SET "assignmentId" = 'bench-assignment-' || lpad((1 + (substr(a."userId", 7)::int - 1) / $2::int)::text, 2, '0'), mode = 'ASSIGNMENT'
    WHERE a.id = a."userId" || '-1' AND a."userId" LIKE 'bench-%' AND substr(a."userId", 7)::int <= $1::int * $2::int`, [CLASSES, CLASS_SIZE]);
  // An assignment's students all answer the same questions (its sample is drawn
  // once): the linked attempts get their class's 65, about 65% right, with a chosen key.
  await client.query(`DELETE FROM "AttemptItem" WHERE "attemptId" IN (SELECT id FROM "Attempt" WHERE "assignmentId" LIKE 'bench-assignment-%')`);
  await client.query(`
    WITH qs AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Question" WHERE type IN ('SINGLE', 'MULTIPLE') AND pool = 'MAIN')
    INSERT INTO "AttemptItem" ("attemptId", position, "questionId", "questionVersion", "choiceOrder", "chooseCount", "chosenKeys",
                               "timeSpentMs", "saveSeq", "answeredAt", correct)
    SELECT a.id, p, qs.ids[1 + ((abs(hashtext(a."assignmentId")) + p * 211) % qs.n)], 1, ARRAY['a','b','c','d'], 1,
           ARRAY[(ARRAY['a','b','c','d'])[1 + floor(random() * 4)::int]], (30000 + random() * 120000)::int, 1, a."startedAt", random() < 0.65
    FROM "Attempt" a CROSS JOIN qs CROSS JOIN generate_series(0, 64) p
    WHERE a."assignmentId" LIKE 'bench-assignment-%'`);
  await client.query(`
    UPDATE "Attempt" a SET "rawScore" = s.raw
    FROM (SELECT "attemptId", count(*) FILTER (WHERE correct)::int AS raw FROM "AttemptItem" GROUP BY "attemptId") s
    WHERE s."attemptId" = a.id AND a."assignmentId" LIKE 'bench-assignment-%'`);
  await client.query("ANALYZE");
}

type Plan = { sql: string; plan: string; readsItems: boolean; seqScanOnItems: boolean };

async function explain(load: (db: PrismaClient) => Promise<unknown>): Promise<Plan[]> {
  const captured: Array<{ query: string; params: string }> = [];
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: DASHBOARD_DB_URL, max: 2 }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  await load(db);
  await db.$disconnect();
  const client = new pg.Client({ connectionString: DASHBOARD_DB_URL });
  await client.connect();
  const plans: Plan[] = [];
  for (const { query, params } of captured) {
    // Writes (the readiness snapshots) are shown, not re-run.
    if (/^\s*(INSERT|UPDATE|DELETE)/i.test(query)) {
      plans.push({ sql: query, plan: "(a write: not explained)", readsItems: false, seqScanOnItems: false });
      continue;
    }
    const explained = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, values: JSON.parse(params) as unknown[] });
    const plan = explained.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
    plans.push({ sql: query, plan, readsItems: /"?AttemptItem"?/.test(plan), seqScanOnItems: /Seq Scan on "?AttemptItem"?/.test(plan) });
  }
  await client.end();
  return plans;
}

type Measure = { name: string; target: number | null; concurrency: number; runs: Summary[]; median: Summary; plans: Plan[] };

function render(r: { date: string; machine: Record<string, unknown>; data: Record<string, number>; measures: Measure[] }): string {
  const ok = (m: Measure) => (m.target === null ? "" : m.median.p95 <= m.target ? "met" : "**missed**");
  return [
    "# Instructor pages at scale",
    "",
    `Measured ${r.date.slice(0, 16).replace("T", " ")} UTC with \`npm run bench -- --scenario=insights\` (scripts/bench/insights.ts) on ${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, PostgreSQL 15 on the same machine, shared with other work.`,
    `Data: the student dashboard's set (${r.data.students?.toLocaleString("en")} students, ${r.data.items?.toLocaleString("en")} answered items) plus ${CLASSES} classes of ${CLASS_SIZE} students, each with a full mock that all ${CLASS_SIZE} have sat.`,
    `Server time of each page's loader (all its queries and computation, through the app's Prisma client with a pool of 10), ${CONCURRENCY} requests at a time, three runs; the median run by p95 is reported.`,
    "",
    "| page | at a time | p50 | p95 | p99 | target p95 | |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...r.measures.map((m) => `| ${m.name} | ${m.concurrency} | ${m.median.p50} ms | ${m.median.p95} ms | ${m.median.p99} ms | ${m.target === null ? "—" : `${m.target} ms`} | ${ok(m)} |`),
    "",
    "A first run can carry what the measure before it dropped (the cold class dashboard leaves most readiness snapshots to be written again; the first-view report forgets the kept analyses): its spread shows in the runs below, and the median run is the one reported.",
    "",
    "All runs (p50 / p95 / p99 / max, ms):",
    "",
    ...r.measures.map((m) => `- ${m.name}: ${m.runs.map((s) => `${s.p50} / ${s.p95} / ${s.p99} / ${s.max}`).join(" · ")}`),
    "",
    r.measures.some((m) => m.plans.some((p) => p.seqScanOnItems))
      ? "**A query scans the whole answers table (`AttemptItem`): see the plans.**"
      : "No query of these pages scans the answers table (`AttemptItem`): the plans that read it do so by index, for the attempts in question only.",
    "",
    ...r.measures.flatMap((m) => [
      `## ${m.name}: query plans (EXPLAIN ANALYZE)`,
      "",
      ...m.plans.flatMap((p, i) => [`${i + 1}. \`${p.sql.replace(/\s+/g, " ").slice(0, 160)}${p.sql.length > 160 ? "…" : ""}\``, "", "```text", p.plan, "```", ""]),
    ]),
  ].join("\n");
}

async function main() {
  const counts = await ensureDashboardData(process.argv.includes("--generate"));
  await migrateDeploy(DASHBOARD_DB_URL);
  const client = new pg.Client({ connectionString: DASHBOARD_DB_URL });
  await client.connect();
  await generateClasses(client);
  const db = createPrismaClient({ url: DASHBOARD_DB_URL, max: 10 });
  const requests = Number(process.env.BENCH_INSIGHTS_REQUESTS ?? 120);
  const measures: Measure[] = [];
  const measure = async (
    name: string,
    target: number | null,
    task: (i: number) => Promise<unknown>,
    explainOne: (db: PrismaClient) => Promise<unknown>,
    options: { before?: () => Promise<void>; concurrency?: number; requests?: number } = {},
  ) => {
    const concurrency = options.concurrency ?? CONCURRENCY;
    await closedLoop(16, concurrency, task); // warm-up: JIT, pools, PostgreSQL's cache
    const runs: Summary[] = [];
    for (let r = 0; r < RUNS; r++) {
      await options.before?.();
      runs.push(summary(await closedLoop(options.requests ?? requests, concurrency, (i) => task(i + r * 7))));
      console.log(`${name}, run ${r + 1}: p50 ${runs[r]!.p50} ms, p95 ${runs[r]!.p95} ms`);
    }
    const median = [...runs].sort((a, b) => a.p95 - b.p95)[1]!;
    measures.push({ name, target, concurrency, runs, median, plans: await explain(explainOne) });
  };
  const now = () => new Date();
  const forgetReadiness = async () => void (await client.query(`DELETE FROM "ReadinessSnapshot" WHERE "userId" LIKE 'bench-%'`));

  await measure(
    `class dashboard, ${CLASS_SIZE} students (readiness snapshots current)`,
    300,
    (i) => loadClassDashboard(db, INSTRUCTOR, classId(1 + (i % CLASSES)), now()),
    (x) => loadClassDashboard(x, INSTRUCTOR, classId(1), now()),
  );
  // The first view after all 300 students' evidence changed (or after a deploy
  // that dropped the snapshots): every prediction computed. One at a time, as
  // it happens once per change, not per view.
  await measure(
    `class dashboard, ${CLASS_SIZE} students, cold (all 300 predictions computed)`,
    null,
    (i) => forgetReadiness().then(() => loadClassDashboard(db, INSTRUCTOR, classId(1 + (i % CLASSES)), now())),
    (x) => loadClassDashboard(x, INSTRUCTOR, classId(1), now()),
    { concurrency: 1, requests: 10, before: forgetReadiness },
  );
  // A report's analysis is kept until another attempt is graded: the first view
  // after a grade computes it (one at a time here), later views reuse it.
  await measure(
    `assignment report, ${CLASS_SIZE} graded attempts, first view after a grade (analysis computed)`,
    null,
    (i) => {
      forgetReportAnalyses();
      return loadAssignmentReport(db, INSTRUCTOR, { assignmentId: assignmentId(1 + (i % CLASSES)), now: now(), which: "first" });
    },
    (x) => loadAssignmentReport(x, INSTRUCTOR, { assignmentId: assignmentId(1), now: now(), which: "first" }),
    { concurrency: 1, requests: 30 },
  );
  await measure(
    `assignment report, ${CLASS_SIZE} graded attempts (analysis kept since the last grade)`,
    500,
    (i) => loadAssignmentReport(db, INSTRUCTOR, { assignmentId: assignmentId(1 + (i % CLASSES)), now: now(), which: "first" }),
    (x) => loadAssignmentReport(x, INSTRUCTOR, { assignmentId: assignmentId(1), now: now(), which: "first" }),
  );
  const stats = await client.query(`SELECT count(*)::int AS n FROM "QuestionStat"`);
  if (stats.rows[0].n === 0) {
    console.log("Refreshing QuestionStat over every graded answer (the nightly job's work) …");
    const started = performance.now();
    await refreshQuestionStats(db);
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const statsParams = (i: number) => ({ sort: BANK_STATS_SORTS[i % BANK_STATS_SORTS.length], dir: i % 2 ? "asc" : "desc", domain: i % 3 ? undefined : 1 + (i % 4), page: 1 + (i % 3) });
  await measure(
    "question statistics page (the whole bank, sorted and filtered)",
    300,
    (i) => loadBankItemStats(db, statsParams(i)),
    (x) => loadBankItemStats(x, statsParams(0)),
  );
  await db.$disconnect();
  await client.end();

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load: os.loadavg().map((l) => +l.toFixed(2)) },
    data: counts,
    measures,
  };
  const dir = path.join(root, "docs", "benchmarks");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "insights.json"), JSON.stringify(result, null, 2));
  writeFileSync(path.join(dir, "insights.md"), render(result));
  console.log("Wrote docs/benchmarks/insights.{json,md}");
}

await main();
