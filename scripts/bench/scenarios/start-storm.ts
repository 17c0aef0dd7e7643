// Start storm: every student starts a mock exam within 10 s. Time to first
// question = POST /api/bench/start (startAttempt + the runner's view, as the
// Exams page's action and the runner page do), measured from each scheduled
// arrival. Then SQL says whether there is exactly one attempt per student.
import { type BenchContext, appRequest, jsonHeaders, measureQuietly, medianRunIndex, shuffledIndices, withCpu } from "../context";
import type { CpuReport } from "../cpu";
import { resetBenchAttempts, STUDENT_PREFIX, vacuum } from "../database";
import { type LatencySummary, openLoop, seeded, summarise, tally, uniformArrivals } from "../load";

export type StartStormRun = {
  students: number;
  windowSeconds: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
  withFirstQuestion: number;
  serverErrors: number;
  wallSeconds: number;
  database: { attempts: number; distinctStudents: number; minItems: number; maxItems: number; inProgress: number };
  cpu: CpuReport;
  retries?: number;
  /** CPU calibration before the measurement (ms for fixed work; higher = slower machine at that moment). */
  calibrationMs?: number;
};

export type StartStormResult = {
  targets: { p95Ms: number; attempts: number };
  runs: StartStormRun[];
  medianRun: number;
  met: { p95: boolean; exactAttempts: boolean; firstQuestion: boolean; no5xx: boolean };
};

export async function startStormRun(ctx: BenchContext, run: number): Promise<StartStormRun> {
  await resetBenchAttempts(ctx.sql);
  await vacuum(ctx.dbUrl);
  const n = ctx.students.length;
  const windowSeconds = 10;
  const random = seeded(7_000 + run);
  const offsets = uniformArrivals(n, 0, windowSeconds * 1000, random);
  const who = shuffledIndices(n, random);
  const started = Date.now();
  const { value: fired, cpu } = await withCpu(ctx, {}, () =>
    openLoop({
      offsetsMs: offsets,
      fire: (i) => appRequest(ctx, { method: "POST", path: "/api/bench/start", headers: jsonHeaders(ctx.cookies[who[i]!]), body: '{"mode":"MOCK"}' }),
    }),
  );
  const wallSeconds = (Date.now() - started) / 1000;
  const statuses = tally(fired.map((f) => (f.result.status ? String(f.result.status) : (f.result.error ?? "error"))));
  const withFirstQuestion = fired.filter((f) => {
    if (f.result.status !== 200) return false;
    // A mock's question is single or multiple response: its stem and its choices (lib/exams/runner-view.ts).
    const body = JSON.parse(f.result.body) as { firstQuestion?: { stem?: string; display?: { choices?: unknown[] } } | null; questionCount?: number };
    return Boolean(body.firstQuestion?.stem && body.firstQuestion.display?.choices?.length) && body.questionCount === 65;
  }).length;
  const db = await ctx.sql.query<{ attempts: number; students: number; min: number; max: number; open: number }>(
    `SELECT count(*)::int AS attempts, count(DISTINCT a."userId")::int AS students,
            coalesce(min(c.n), 0)::int AS min, coalesce(max(c.n), 0)::int AS max,
            count(*) FILTER (WHERE a.status = 'IN_PROGRESS')::int AS open
     FROM "Attempt" a
     JOIN LATERAL (SELECT count(*) AS n FROM "AttemptItem" ai WHERE ai."attemptId" = a.id) c ON true
     WHERE a."userId" LIKE '${STUDENT_PREFIX}%' AND a.mode = 'MOCK'`,
  );
  const row = db.rows[0]!;
  const result: StartStormRun = {
    students: n,
    windowSeconds,
    latency: summarise(fired.map((f) => f.doneAt - f.scheduledAt)),
    statuses,
    withFirstQuestion,
    serverErrors: fired.filter((f) => f.result.status >= 500).length,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    database: { attempts: row.attempts, distinctStudents: row.students, minItems: row.min, maxItems: row.max, inProgress: row.open },
    cpu,
  };
  ctx.log(
    `start storm run ${run + 1}: p50 ${result.latency.p50} ms, p95 ${result.latency.p95} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `statuses ${JSON.stringify(statuses)}; attempts ${row.attempts} (${row.students} students, ${row.min}–${row.max} items)`,
  );
  return result;
}

export async function startStorm(ctx: BenchContext): Promise<StartStormResult> {
  const runs: StartStormRun[] = [];
  for (let r = 0; r < ctx.options.runs; r++) runs.push(await measureQuietly(ctx, `start storm run ${r + 1}`, () => startStormRun(ctx, r)));
  const medianRun = medianRunIndex(runs, (r) => r.latency.p95);
  const m = runs[medianRun]!;
  const n = ctx.students.length;
  return {
    targets: { p95Ms: 1000, attempts: n },
    runs,
    medianRun,
    met: {
      p95: m.latency.p95 <= 1000,
      exactAttempts: runs.every((r) => r.database.attempts === n && r.database.distinctStudents === n && r.database.minItems === 65),
      firstQuestion: runs.every((r) => r.withFirstQuestion === n),
      no5xx: runs.every((r) => r.serverErrors === 0 && Object.keys(r.statuses).every((s) => s === "200")),
    },
  };
}
