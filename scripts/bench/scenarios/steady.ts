// Steady autosave: 1,000 students answering at exam pace — 65 questions in
// 130 minutes with changes, about 46 saves a second in all — as Poisson
// arrivals at a fixed mean rate, each a one-save batch from a random student to
// the real answers route with that student's session cookie.
import { type BenchContext, appRequest, jsonHeaders, measureQuietly, medianRunIndex, saveBody, withCpu } from "../context";
import type { CpuReport } from "../cpu";
import { openAttempts, vacuum } from "../database";
import { type LatencySummary, openLoop, poissonArrivals, seeded, summarise, tally } from "../load";

export type SaveOutcomes = { saved: number; stale: number; other: number };

export type SteadyRun = {
  rate: number;
  seconds: number;
  sent: number;
  achievedRate: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
  acks: SaveOutcomes;
  errors: number;
  reconnects: number;
  sendLagP99Ms: number;
  cpu: CpuReport;
  retries?: number;
  /** CPU calibration before the measurement (ms for fixed work; higher = slower machine at that moment). */
  calibrationMs?: number;
};

export type SteadyResult = {
  targets: { rate: number; p95Ms: number; p99Ms: number; errors: number };
  runs: SteadyRun[];
  medianRun: number;
  met: { p95: boolean; p99: boolean; errors: boolean };
};

export function countAcks(bodies: Array<{ status: number; body: string }>): SaveOutcomes {
  const out: SaveOutcomes = { saved: 0, stale: 0, other: 0 };
  for (const b of bodies) {
    if (b.status !== 200) continue;
    const parsed = JSON.parse(b.body) as { results?: Array<{ status: string }> };
    for (const r of parsed.results ?? []) {
      if (r.status === "saved") out.saved++;
      else if (r.status === "stale") out.stale++;
      else out.other++;
    }
  }
  return out;
}

export async function steadyRun(ctx: BenchContext, run: number, rate: number, seconds: number): Promise<SteadyRun> {
  const attempts = await openAttempts(ctx.sql);
  if (attempts.length < ctx.students.length) throw new Error(`steady autosave needs ${ctx.students.length} open attempts, found ${attempts.length}`);
  const cookieOf = new Map(ctx.students.map((s, i) => [s.id, ctx.cookies[i]!]));
  const random = seeded(11_000 + run);
  const offsets = poissonArrivals(rate, seconds, random);
  const { value: fired, cpu } = await withCpu(ctx, {}, () =>
    openLoop({
      offsetsMs: offsets,
      fire: (i) => {
        const attempt = attempts[Math.floor(random() * attempts.length)]!;
        const { body } = saveBody(attempt, random, ctx.seq.next());
        void i;
        return appRequest(ctx, {
          method: "POST",
          path: `/api/attempts/${attempt.attemptId}/answers`,
          headers: jsonHeaders(cookieOf.get(attempt.userId)),
          body,
        });
      },
    }),
  );
  const acks = countAcks(fired.map((f) => f.result));
  const statuses = tally(fired.map((f) => (f.result.status ? String(f.result.status) : (f.result.error ?? "error"))));
  const lags = fired.map((f) => f.sentAt - f.scheduledAt).sort((a, b) => a - b);
  const lastDone = Math.max(...fired.map((f) => f.doneAt));
  const firstScheduled = Math.min(...fired.map((f) => f.scheduledAt));
  const result: SteadyRun = {
    rate,
    seconds,
    sent: fired.length,
    achievedRate: Math.round((fired.length / ((lastDone - firstScheduled) / 1000)) * 10) / 10,
    latency: summarise(fired.map((f) => f.doneAt - f.scheduledAt)),
    statuses,
    acks,
    errors: fired.filter((f) => f.result.status !== 200).length + acks.other,
    reconnects: fired.filter((f) => f.result.retried).length,
    sendLagP99Ms: Math.round((lags[Math.floor(lags.length * 0.99)] ?? 0) * 100) / 100,
    cpu,
  };
  ctx.log(
    `steady autosave run ${run + 1}: ${fired.length} saves at ${rate}/s: p50 ${result.latency.p50} ms, p95 ${result.latency.p95} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; statuses ${JSON.stringify(statuses)}; acks ${JSON.stringify(acks)}`,
  );
  return result;
}

export async function steadyAutosave(ctx: BenchContext): Promise<SteadyResult> {
  const rate = 46;
  const seconds = ctx.options.quick ? 15 : 30;
  await vacuum(ctx.dbUrl);
  const runs: SteadyRun[] = [];
  for (let r = 0; r < ctx.options.runs; r++) runs.push(await measureQuietly(ctx, `steady autosave run ${r + 1}`, () => steadyRun(ctx, r, rate, seconds)));
  const medianRun = medianRunIndex(runs, (r) => r.latency.p99);
  const m = runs[medianRun]!;
  return {
    targets: { rate, p95Ms: 50, p99Ms: 150, errors: 0 },
    runs,
    medianRun,
    met: { p95: m.latency.p95 <= 50, p99: m.latency.p99 <= 150, errors: runs.every((r) => r.errors === 0) },
  };
}
