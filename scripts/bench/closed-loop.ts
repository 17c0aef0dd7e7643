// Closed-loop load for the in-process page benchmarks (dashboard, insights):
// `concurrency` workers each run the next task as soon as their last one ends,
// and every task's latency is kept; nearest-rank percentiles of those.

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function summary(ms: number[]): Summary {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 0.5).toFixed(1), p95: +percentile(s, 0.95).toFixed(1), p99: +percentile(s, 0.99).toFixed(1), max: +s.at(-1)!.toFixed(1) };
}

export async function closedLoop(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const started = performance.now();
        await task(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}
