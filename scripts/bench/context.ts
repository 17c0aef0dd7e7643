// What every scenario gets from the runner: the servers, the database, the
// simulated students with their session cookies, and a few shared helpers.
import type http from "node:http";
import type pg from "pg";
import { type CpuReport, CpuSampler, calibrate, foreignCpu } from "./cpu";
import type { OpenAttempt } from "./database";
import { type HttpRequest, type HttpResponse, httpRequest } from "./load";
import type { Server } from "./servers";
import type { BenchUser } from "./sessions";

export type BenchOptions = {
  quick: boolean;
  runs: number;
  students: number;
  poolMax: number;
  scenarios: string[];
  /** Capacity targets to climb (default all four). */
  targets?: string[];
  /** Server processes to measure, in order (default 1 and one per core). */
  processes: number[];
  /** Length of a capacity rung. */
  stepSeconds: number;
  /** Longest wait for other work on the machine to quieten before a measurement. */
  patienceSeconds: number;
  /** "direct": the generator talks to scripts/server.ts; "nginx": the storms again behind nginx. */
  edges: Array<"direct" | "nginx">;
};

export type BenchContext = {
  root: string;
  options: BenchOptions;
  dbName: string;
  dbUrl: string;
  authSecret: string;
  graceSeconds: number;
  sql: pg.Pool;
  agent: http.Agent;
  app: Server;
  /** The job worker beside the app (learning after each grade), as `npm start` runs it. */
  worker?: Server;
  /** nginx in front of the app (the storms' load-balancer variant): requests go to it, and it stamps X-Request-Start. */
  proxy?: Server;
  students: BenchUser[];
  cookies: string[];
  warmCookies: string[];
  seq: SaveSeqClock;
  log: (message: string) => void;
};

/** Save sequence numbers as the browser makes them (a millisecond clock that never goes back), shared by every target. */
export class SaveSeqClock {
  private last = 0n;
  next(): string {
    const now = BigInt(Date.now());
    this.last = now > this.last ? now : this.last + 1n;
    return this.last.toString();
  }
  raiseTo(value: bigint): void {
    if (value > this.last) this.last = value;
  }
  peek(): bigint {
    return this.last;
  }
}

export function appRequest(ctx: BenchContext, request: HttpRequest): Promise<HttpResponse> {
  return httpRequest(ctx.agent, ctx.proxy?.port ?? ctx.app.port, request);
}

export function jsonHeaders(cookie?: string): Record<string, string> {
  return { "content-type": "application/json", ...(cookie ? { cookie } : {}) };
}

/** A body for the answers route: one save, as the runner sends it. */
export function saveBody(attempt: OpenAttempt, random: () => number, seq: string): { position: number; chosenKeys: string[]; body: string } {
  const item = attempt.items[Math.floor(random() * attempt.items.length)]!;
  const chosenKeys = [item.choiceOrder[Math.floor(random() * item.choiceOrder.length)]!];
  const save = { position: item.position, chosenKeys, flagged: random() < 0.1, unsure: random() < 0.1, timeSpentMs: Math.floor(random() * 120_000), seq };
  return { position: item.position, chosenKeys, body: JSON.stringify({ saves: [save] }) };
}

/**
 * Runs `work` while sampling where the CPU goes. `work` may call `cut()` when
 * the part worth reading is over (a storm's burst, before its stragglers): the
 * report then covers only up to that moment, so a quiet tail cannot water the
 * busy part down.
 */
export async function withCpu<T>(ctx: BenchContext, roots: { bare?: number }, work: (cut: () => void) => Promise<T>): Promise<{ value: T; cpu: CpuReport }> {
  const sampler = new CpuSampler({
    server: ctx.app.pid,
    bare: roots.bare,
    worker: ctx.worker?.pid,
    proxy: ctx.proxy?.pid,
    database: ctx.dbName,
    eventLoopLog: ctx.app.eventLoopLog,
    handoffLog: ctx.app.handoffLog,
  });
  sampler.start();
  let report: CpuReport | undefined;
  const cut = () => {
    report ??= sampler.stop();
  };
  try {
    const value = await work(cut);
    cut();
    return { value, cpu: report! };
  } catch (error) {
    cut();
    throw error;
  }
}

/** Runs `task` over `items` with at most `limit` in flight (for setup work, not measurement). */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]!, i);
      }
    }),
  );
  return out;
}

export function shuffledIndices(n: number, random: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run whose `key` is the median of the runs (for 3 runs: the middle one). */
export function medianRunIndex<T>(runs: T[], key: (run: T) => number): number {
  const order = runs.map((r, i) => ({ i, v: key(r) })).sort((a, b) => a.v - b.v);
  return order[Math.floor((order.length - 1) / 2)]!.i;
}

/** Foreign CPU (other work on this shared machine) above which a measurement is repeated, in % of one core. */
export const DISTURBANCE_LIMIT = 20;

/** Waits (up to `maxSeconds`, --patience) until processes outside the bench use less than DISTURBANCE_LIMIT/2 of a core for 2 s. */
export async function waitForQuiet(ctx: BenchContext, maxSeconds = ctx.options.patienceSeconds): Promise<number> {
  const until = Date.now() + maxSeconds * 1000;
  let waited = 0;
  for (;;) {
    const sampler = new CpuSampler({ server: ctx.app.pid, worker: ctx.worker?.pid, proxy: ctx.proxy?.pid, database: ctx.dbName });
    sampler.start();
    await sleep(1_500);
    const foreign = foreignCpu(sampler.stop());
    if (foreign <= DISTURBANCE_LIMIT / 2 || Date.now() > until) {
      if (waited) ctx.log(`machine quiet again after ${waited} s (foreign CPU ${foreign}% of a core)`);
      return waited;
    }
    if (waited === 0) ctx.log(`other work on the machine uses ${foreign}% of a core; waiting for quiet …`);
    await sleep(3_000);
    waited += 5;
  }
}

/**
 * Runs a measurement on a quiet machine; when other processes took more than
 * DISTURBANCE_LIMIT of a core during it, waits for quiet and measures again (once),
 * keeping the least disturbed attempt. Returns it with the number of retries.
 */
export async function measureQuietly<T extends { cpu: CpuReport }>(
  ctx: BenchContext,
  label: string,
  measure: () => Promise<T>,
): Promise<T & { retries: number; calibrationMs: number }> {
  let best: (T & { calibrationMs: number }) | undefined;
  const tries = ctx.options.patienceSeconds > 0 ? 2 : 1;
  for (let attempt = 0; attempt < tries; attempt++) {
    await waitForQuiet(ctx);
    const calibrationMs = calibrate();
    const result = { ...(await measure()), calibrationMs };
    const foreign = foreignCpu(result.cpu);
    if (!best || foreign < foreignCpu(best.cpu)) best = result;
    if (foreign <= DISTURBANCE_LIMIT) return { ...result, retries: attempt };
    if (attempt < tries - 1) ctx.log(`${label}: other processes used ${foreign}% of a core during the measurement; measuring again`);
  }
  return { ...best!, retries: tries - 1 };
}
