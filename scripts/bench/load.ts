// The open-loop load generator: requests are fired on a timeline fixed before
// the run (arrival times), whatever the responses do, and each latency is
// measured from the request's SCHEDULED time, so a slow server cannot hide its
// queueing by slowing the generator down (no coordinated omission).
import http from "node:http";
import { performance } from "node:perf_hooks";

export type HttpRequest = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type HttpResponse = { status: number; body: string; error?: string; retried?: boolean };

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, keepAliveMsecs: 1_000, scheduling: "lifo" });
}

/**
 * One HTTP request; network failures and timeouts come back as status 0 with an error, never thrown.
 * A request that fails with ECONNRESET/EPIPE on a reused keep-alive socket (the server closed the idle
 * connection as we picked it) is sent once more on a fresh one, as browsers do; `retried` says so.
 */
export function httpRequest(agent: http.Agent, port: number, request: HttpRequest, timeoutMs = 30_000): Promise<HttpResponse> {
  // The second try must not pick another idle socket from the same pool: a fresh connection, closed after.
  return once(agent, port, request, timeoutMs).then((r) =>
    r.staleSocket ? once(false, port, request, timeoutMs).then((again) => ({ ...again, retried: true })) : r,
  );
}

function once(agent: http.Agent | false, port: number, request: HttpRequest, timeoutMs: number): Promise<HttpResponse & { staleSocket?: boolean }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (response: HttpResponse & { staleSocket?: boolean }) => {
      if (!settled) {
        settled = true;
        resolve(response);
      }
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: request.method,
        path: request.path,
        agent,
        headers: { ...(request.headers ?? {}), ...(body ? { "content-length": String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => done({ status: 0, body: "", error: error.message }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.message === "timeout" ? "timeout" : (error.code ?? error.message);
      const reset = code === "ECONNRESET" || code === "EPIPE";
      // Keep apart resets of reused sockets (a keep-alive race) from resets of new ones (the server refused).
      done({ status: 0, body: "", error: reset && !req.reusedSocket ? `${code} (new connection)` : code, staleSocket: req.reusedSocket && reset });
    });
    req.end(body);
  });
}

// ───────────────────────────── arrivals ─────────────────────────────

/** A small seeded generator (mulberry32), so every run of a scenario sees the same kind of timeline. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson arrivals at `rate` per second for `seconds`: offsets in ms from the start. */
export function poissonArrivals(rate: number, seconds: number, random: () => number): number[] {
  const out: number[] = [];
  let t = 0;
  for (;;) {
    t += (-Math.log(1 - random()) / rate) * 1000;
    if (t >= seconds * 1000) return out;
    out.push(t);
  }
}

/** `count` arrivals spread uniformly at random over [from, to) ms, sorted. */
export function uniformArrivals(count: number, fromMs: number, toMs: number, random: () => number): number[] {
  return Array.from({ length: count }, () => fromMs + random() * (toMs - fromMs)).sort((a, b) => a - b);
}

// ───────────────────────────── the timeline ─────────────────────────────

export type Fired<T> = { index: number; scheduledAt: number; sentAt: number; doneAt: number; result: T };

/**
 * Fires `fire(i)` at `startAt + offsets[i]` (performance.now() clock) for every
 * offset, never waiting for earlier requests. Resolves when every fired promise
 * has settled, with the times of each.
 */
export async function openLoop<T>(options: {
  offsetsMs: number[];
  startAt?: number;
  fire: (index: number, scheduledAt: number) => Promise<T>;
}): Promise<Array<Fired<T>>> {
  const { offsetsMs, fire } = options;
  const startAt = options.startAt ?? performance.now() + 50;
  const pending: Array<Promise<Fired<T>>> = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < offsetsMs.length && startAt + offsetsMs[next]! <= now) {
        const index = next++;
        const scheduledAt = startAt + offsetsMs[index]!;
        const sentAt = performance.now();
        pending.push(fire(index, scheduledAt).then((result) => ({ index, scheduledAt, sentAt, doneAt: performance.now(), result })));
      }
      if (next >= offsetsMs.length) return resolve();
      const wait = startAt + offsetsMs[next]! - performance.now();
      // Timers are good to about a millisecond; spin only for the last fraction of one.
      if (wait > 0.3) setTimeout(tick, Math.max(0, wait - 0.3));
      else setImmediate(tick);
    };
    tick();
  });
  return Promise.all(pending);
}

// ───────────────────────────── figures ─────────────────────────────

export type LatencySummary = { count: number; p50: number; p90: number; p95: number; p99: number; max: number; mean: number };

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

/** Nearest-rank percentiles of latencies in ms. */
export function summarise(latenciesMs: number[]): LatencySummary {
  if (latenciesMs.length === 0) return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(latenciesMs).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    p50: round(at(50), 2),
    p90: round(at(90), 2),
    p95: round(at(95), 2),
    p99: round(at(99), 2),
    max: round(sorted[sorted.length - 1]!, 2),
    mean: round(mean, 2),
  };
}

/** Counts by key, e.g. HTTP status ("200", "409", "timeout"). */
export function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
