// How many requests one app process works on at once; the rest wait, in
// arrival order, already stamped (scripts/server.ts stamps each request as
// Node reads it, before the gate). Pure: no framework imports.
//
// Why: at a class's due time hundreds of submits arrive within seconds. Let
// all of them in and every event-loop turn advances hundreds of handlers, so
// a turn takes long, the next request's bytes wait in the kernel, and its
// arrival stamp is late: an on-time submit can be stamped past the deadline.
// With a bounded number in progress each turn stays short, the stamp stays
// close to the moment the bytes arrived, and the waiting requests cost only a
// closure each. The database pool (DATABASE_POOL_MAX) already bounds how many
// can make progress at once; with the gate the storms' submit latency fell too
// (docs/benchmarks/request-gate.md).

export type RequestGate = {
  /** Runs `start` now if a place is free, else when one frees up (first come, first served). */
  enter(start: () => void): void;
  /** A request that entered has ended (its response finished or its connection closed). */
  leave(): void;
  readonly inProgress: number;
  readonly waiting: number;
};

export function requestGate(limit: number): RequestGate {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`requestGate: limit must be a positive integer, not ${limit}`);
  let inProgress = 0;
  const queue: Array<() => void> = [];
  return {
    enter(start) {
      if (inProgress < limit) {
        inProgress++;
        start();
      } else queue.push(start);
    },
    leave() {
      const next = queue.shift();
      if (next) next();
      else inProgress = Math.max(0, inProgress - 1);
    },
    get inProgress() {
      return inProgress;
    },
    get waiting() {
      return queue.length;
    },
  };
}
