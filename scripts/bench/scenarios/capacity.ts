// Autosave capacity: a ladder of fixed rates for four targets sending the same
// statement (lib/exams/save-statement.ts) — the app's answers route (session,
// zod, Prisma), a bare Next.js route handler + pg, a bare node:http + pg server,
// and pgbench — so the report shows where the time goes. A rung is held when
// p99 ≤ 300 ms with no errors; each target climbs until a rung fails. Plus the
// hot path's price: the app route's CPU per save against the bare Next.js
// route's, at one fixed rate, interleaved.
import path from "node:path";
import { type BenchContext, appRequest, jsonHeaders, measureQuietly, medianRunIndex, saveBody, sleep, withCpu } from "../context";
import type { CpuReport } from "../cpu";
import { type OpenAttempt, maxSaveSeq, openAttempts, vacuum } from "../database";
import { type LatencySummary, httpRequest, openLoop, poissonArrivals, seeded, summarise, tally } from "../load";
import { pgbenchPath, runPgbench } from "../pgbench";
import { logFile, startBareServer } from "../servers";
import { benchSessionId } from "../sessions";
import { countAcks } from "./steady";

export const TARGETS = ["app", "next-raw", "node-bare", "pgbench"] as const;
export type Target = (typeof TARGETS)[number];

export const TARGET_LABELS: Record<Target, string> = {
  app: "app answers route (auth + zod + Prisma)",
  "next-raw": "bare Next.js route + pg (no auth)",
  "node-bare": "bare node:http + pg",
  pgbench: "pgbench (database only)",
};

export const LADDER = [50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12000];
export const P99_LIMIT_MS = 300;

export type Step = {
  rate: number;
  seconds: number;
  sent: number;
  achievedRate: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
  acks: { saved: number; stale: number; other: number };
  errors: number;
  /** Requests sent again on a fresh connection after the server closed an idle keep-alive socket under them. */
  reconnects: number;
  held: boolean;
  sendLagP99Ms: number;
  cpu: CpuReport;
  retries?: number;
  /** CPU calibration before the measurement (ms for fixed work; higher = slower machine at that moment). */
  calibrationMs?: number;
};

export type TargetRun = { target: Target; heldRate: number; steps: Step[]; skippedBelow: number | null };

export type CapacityResult = {
  ladder: number[];
  stepSeconds: number;
  p99LimitMs: number;
  clients: { httpMaxSockets: number; pgbenchClients: number; poolMax: number };
  runs: Array<Record<Target, TargetRun>>;
  summary: Record<Target, { heldRates: number[]; median: number; medianRun: number }>;
  met: { appAtLeast400: boolean };
};

/**
 * Climbs the ladder from `start`: with `doubling`, jumps to the first rung at twice the
 * last held rate until one fails, then tries the rungs between; otherwise one rung at a
 * time (stepping down first if the starting rung fails). Returns the index of the highest
 * rung held below the first failure, or -1.
 */
async function climb(rung: (index: number) => Promise<boolean>, start: number, doubling: boolean, refine = true): Promise<number> {
  let held = -1;
  let failed = LADDER.length;
  if (doubling) {
    for (let i = start; i < LADDER.length; ) {
      if (!(await rung(i))) {
        failed = i;
        break;
      }
      held = i;
      if (i === LADDER.length - 1) return held;
      let next = i + 1;
      while (next < LADDER.length - 1 && LADDER[next]! < 2 * LADDER[i]!) next++;
      i = next;
    }
    for (let i = held + 1; refine && i < failed; i++) {
      if (!(await rung(i))) return held;
      held = i;
    }
    return held;
  }
  if (!(await rung(start))) {
    for (let i = start - 1; i >= 0; i--) if (await rung(i)) return i;
    return -1;
  }
  held = start;
  for (let i = start + 1; i < LADDER.length; i++) {
    if (!(await rung(i))) return held;
    held = i;
  }
  return held;
}

const held = (s: { latency: LatencySummary; errors: number }) => s.latency.p99 <= P99_LIMIT_MS && s.errors === 0;

async function httpStep(
  ctx: BenchContext,
  target: Exclude<Target, "pgbench">,
  options: { rate: number; seconds: number; attempts: OpenAttempt[]; cookieOf: Map<string, string>; barePort?: number; barePid?: number; seed: number },
): Promise<Step> {
  const { rate, seconds, attempts, cookieOf } = options;
  const random = seeded(options.seed);
  const offsets = poissonArrivals(rate, seconds, random);
  const { value: fired, cpu } = await withCpu(ctx, { bare: options.barePid }, () =>
    openLoop({
      offsetsMs: offsets,
      fire: () => {
        const attempt = attempts[Math.floor(random() * attempts.length)]!;
        const { body } = saveBody(attempt, random, ctx.seq.next());
        if (target === "app") {
          return appRequest(ctx, {
            method: "POST",
            path: `/api/attempts/${attempt.attemptId}/answers`,
            headers: jsonHeaders(cookieOf.get(attempt.userId)),
            body,
          });
        }
        const query = `attemptId=${attempt.attemptId}&userId=${attempt.userId}&sid=${benchSessionId(attempt.userId)}`;
        if (target === "next-raw") return appRequest(ctx, { method: "POST", path: `/api/bench/raw-save?${query}`, headers: { ...jsonHeaders(), "x-bench-secret": ctx.authSecret }, body });
        return httpRequest(ctx.agent, options.barePort!, { method: "POST", path: `/save?${query}`, headers: jsonHeaders(), body });
      },
    }),
  );
  const acks = countAcks(fired.map((f) => f.result));
  const lags = fired.map((f) => f.sentAt - f.scheduledAt).sort((a, b) => a - b);
  const lastDone = Math.max(...fired.map((f) => f.doneAt));
  const firstScheduled = Math.min(...fired.map((f) => f.scheduledAt));
  const step = {
    rate,
    seconds,
    sent: fired.length,
    achievedRate: Math.round((fired.length / ((lastDone - firstScheduled) / 1000)) * 10) / 10,
    latency: summarise(fired.map((f) => f.doneAt - f.scheduledAt)),
    statuses: tally(fired.map((f) => (f.result.status ? String(f.result.status) : (f.result.error ?? "error")))),
    acks,
    errors: fired.filter((f) => f.result.status !== 200).length + acks.other,
    reconnects: fired.filter((f) => f.result.retried).length,
    held: false,
    sendLagP99Ms: Math.round((lags[Math.floor(lags.length * 0.99)] ?? 0) * 100) / 100,
    cpu,
  };
  step.held = held(step);
  return step;
}

async function pgbenchStep(ctx: BenchContext, options: { rate: number; seconds: number; bin: string; run: number }): Promise<Step> {
  ctx.seq.raiseTo(await maxSaveSeq(ctx.sql));
  const seqBase = ctx.seq.peek() + 1n;
  let pid: number | undefined;
  const { value: r, cpu } = await withCpu(ctx, {}, () =>
    runPgbench({
      bin: options.bin,
      url: ctx.dbUrl,
      rate: options.rate,
      seconds: options.seconds,
      clients: ctx.options.poolMax,
      seqBase,
      workDir: path.join(path.dirname(logFile(ctx.root, "x")), `pgbench-${options.run}`),
      onStart: (p) => (pid = p),
    }),
  );
  void pid;
  ctx.seq.raiseTo(await maxSaveSeq(ctx.sql));
  const step: Step = {
    rate: options.rate,
    seconds: options.seconds,
    sent: r.transactions + r.failed,
    achievedRate: r.achievedRate,
    latency: r.latency,
    statuses: r.failed ? { ok: r.transactions, failed: r.failed } : { ok: r.transactions },
    acks: { saved: r.transactions, stale: 0, other: 0 },
    errors: r.failed,
    reconnects: 0,
    held: false,
    sendLagP99Ms: r.scheduleLagMaxMs,
    cpu,
  };
  if (r.aborted && r.stderr) ctx.log(`pgbench: ${r.stderr}`);
  step.held = held(step);
  return step;
}

/** Waits until the app answers its health check quickly again (after an overloaded rung). */
async function settle(ctx: BenchContext): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    const r = await appRequest(ctx, { method: "GET", path: "/api/health" });
    if (r.status === 200 && performance.now() - t < 50) return;
    await sleep(1_000);
  }
}

export async function capacity(ctx: BenchContext, only: readonly Target[] = TARGETS): Promise<CapacityResult> {
  const quick = ctx.options.quick;
  const stepSeconds = ctx.options.stepSeconds;
  const warmSeconds = Math.max(1, Math.round(stepSeconds / 3));
  const bin = pgbenchPath();
  const attempts = await openAttempts(ctx.sql);
  if (attempts.length < ctx.students.length) throw new Error(`capacity needs ${ctx.students.length} open attempts, found ${attempts.length}`);
  const cookieOf = new Map(ctx.students.map((s, i) => [s.id, ctx.cookies[i]!]));
  const runs: Array<Record<Target, TargetRun>> = [];
  const barePort = Number(process.env.BENCH_BARE_PORT ?? 3401);

  for (let run = 0; run < ctx.options.runs; run++) {
    const byTarget = {} as Record<Target, TargetRun>;
    for (const target of TARGETS.filter((t) => only.includes(t) && (!ctx.options.targets || ctx.options.targets.includes(t)))) {
      if (target === "pgbench" && !bin) {
        ctx.log("pgbench not found: skipping that rung");
        continue;
      }
      await vacuum(ctx.dbUrl);
      ctx.seq.raiseTo(await maxSaveSeq(ctx.sql));
      // The first run climbs from the bottom, doubling the rate until a rung fails, then tries
      // the rungs in between; later runs start one rung below the first run's result and climb.
      const first = runs[0]?.[target];
      const startIndex = first ? Math.max(0, LADDER.indexOf(first.heldRate) - 1) : 0;
      const bare = target === "node-bare" ? await startBareServer({ root: ctx.root, port: barePort, env: { ...process.env, DATABASE_URL: ctx.dbUrl, DATABASE_POOL_MAX: String(ctx.options.poolMax) } }) : undefined;
      try {
        const step = (rate: number, seconds: number, seed: number) =>
          target === "pgbench"
            ? pgbenchStep(ctx, { rate, seconds, bin: bin!, run })
            : httpStep(ctx, target, { rate, seconds, attempts, cookieOf, barePort, barePid: bare?.pid, seed });
        await step(LADDER[startIndex]!, warmSeconds, 90_000 + run); // warm-up, not recorded
        const steps: Step[] = [];
        const rung = async (i: number): Promise<boolean> => {
          const s = await measureQuietly(ctx, `capacity ${target} @ ${LADDER[i]}/s`, () => step(LADDER[i]!, stepSeconds, 20_000 + run * 100 + i));
          steps.push(s);
          ctx.log(
            `capacity run ${run + 1} ${target} @ ${s.rate}/s: p50 ${s.latency.p50} ms, p99 ${s.latency.p99} ms, max ${s.latency.max} ms, ` +
              `achieved ${s.achievedRate}/s, errors ${s.errors}, cpu ${JSON.stringify(s.cpu.groups)} → ${s.held ? "held" : "NOT held"}`,
          );
          return s.held;
        };
        const heldIndex = await climb(rung, startIndex, !first, !quick); // --quick: doubling only
        steps.sort((a, b) => a.rate - b.rate);
        const heldRate = heldIndex >= 0 ? LADDER[heldIndex]! : 0;
        byTarget[target] = { target, heldRate, steps, skippedBelow: startIndex > 0 ? LADDER[startIndex]! : null };
      } finally {
        await bare?.stop();
      }
      await settle(ctx);
    }
    runs.push(byTarget);
  }

  const summary = {} as CapacityResult["summary"];
  for (const target of TARGETS.filter((t) => runs.some((r) => r[t]))) {
    const rates = runs.map((r) => r[target]?.heldRate ?? 0);
    const medianRun = medianRunIndex(rates, (v) => v);
    summary[target] = { heldRates: rates, median: rates[medianRun] ?? 0, medianRun };
  }
  return {
    ladder: LADDER,
    stepSeconds,
    p99LimitMs: P99_LIMIT_MS,
    clients: { httpMaxSockets: ctx.students.length, pgbenchClients: ctx.options.poolMax, poolMax: ctx.options.poolMax },
    runs,
    summary,
    met: { appAtLeast400: (summary.app?.median ?? 0) >= 400 },
  };
}

export type HotPathResult = {
  rate: number;
  seconds: number;
  /** App-server CPU ms per save, per interleaved round. */
  app: number[];
  bareNext: number[];
  /** median(app) ÷ median(bareNext). */
  ratio: number;
  target: number;
  steps: Array<{ target: "app" | "next-raw"; step: Step }>;
};

/**
 * The answers route's CPU per save against the bare Next.js route sending the
 * same statement, at one fixed rate well below saturation, interleaved
 * (app, bare, app, bare, …) so a noisy neighbour hits both alike.
 */
export async function hotPath(ctx: BenchContext, rate = 100, rounds = 3): Promise<HotPathResult> {
  const attempts = await openAttempts(ctx.sql);
  const cookieOf = new Map(ctx.students.map((s, i) => [s.id, ctx.cookies[i]!]));
  const seconds = Math.max(5, ctx.options.stepSeconds);
  const steps: HotPathResult["steps"] = [];
  for (let round = 0; round < rounds; round++) {
    for (const target of ["app", "next-raw"] as const) {
      const step = await measureQuietly(ctx, `hot path ${target} @ ${rate}/s`, () => httpStep(ctx, target, { rate, seconds, attempts, cookieOf, seed: 70_000 + round }));
      ctx.log(`hot path round ${round + 1} ${target} @ ${rate}/s: app server CPU ${step.cpu.groups["app server"] ?? 0}% → ${((step.cpu.groups["app server"] ?? 0) * 10 / step.achievedRate).toFixed(2)} ms/save, p99 ${step.latency.p99} ms, errors ${step.errors}`);
      steps.push({ target, step });
    }
  }
  const perSave = (t: "app" | "next-raw") => steps.filter((s) => s.target === t).map(({ step }) => Math.round((((step.cpu.groups["app server"] ?? 0) * 10) / step.achievedRate) * 100) / 100);
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!;
  const app = perSave("app");
  const bareNext = perSave("next-raw");
  return { rate, seconds, app, bareNext, ratio: Math.round((median(app) / median(bareNext)) * 100) / 100, target: 1.5, steps };
}
