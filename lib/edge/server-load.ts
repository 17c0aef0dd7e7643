// How loaded this server process is: the requests it holds (in progress or
// waiting for a place at its request gate, lib/edge/request-gate.ts) and the
// longest any request lately waited between its arrival and its turn.
// scripts/server.ts reports it, and grading reads it to put its follow-up work
// off during a storm of submits (lib/learning/learning-delay.ts). Outside that
// server (tests, scripts, the job worker) nothing reports, and it is idle.
//
// Both, because a storm's backlog is not all inside the process. In a
// 1,000-submit storm the gate held fewer than 12 requests for the last two
// thirds of the storm while submits still queued for 10-20 s, so most grades
// were not counted as busy. Those submits had been stamped by the primary
// (lib/edge/connection-handoff.ts) and waited between it and this process
// (then in the IPC channel, which passed one connection per turn of the busy
// process's loop; measured later, up to 4.6 s); their wait since that stamp
// shows the queue wherever it is.
//
// Kept on globalThis: scripts/server.ts loads this module from source, and
// Next.js's server build holds a copy of its own; both must see one probe.
const KEY = Symbol.for("stratus.serverLoad");

export type ServerLoad = {
  /** Requests in progress or waiting at the gate. */
  requests: number;
  /** The longest wait, arrival to turn, of the requests that got their turn over the last 1-2 s (ms). */
  recentWaitMs: number;
};

const IDLE: ServerLoad = { requests: 0, recentWaitMs: 0 };
type Holder = { [KEY]?: () => ServerLoad };

export function reportServerLoad(probe: () => ServerLoad): void {
  (globalThis as Holder)[KEY] = probe;
}

export function serverLoad(): ServerLoad {
  return (globalThis as Holder)[KEY]?.() ?? IDLE;
}

/**
 * The largest value noted in the current window of `windowMs` and the one
 * before it (so a value is remembered for at least one window, at most two).
 * Pure: the caller passes the time.
 */
export function recentMaximum(windowMs: number): { note(value: number, now: number): void; value(now: number): number } {
  let start = Number.NEGATIVE_INFINITY;
  let current = 0;
  let previous = 0;
  const roll = (now: number) => {
    if (now - start < windowMs) return;
    previous = now - start < 2 * windowMs ? current : 0;
    current = 0;
    start = now;
  };
  return {
    note(value, now) {
      roll(now);
      current = Math.max(current, value);
    },
    value(now) {
      roll(now);
      return Math.max(current, previous);
    },
  };
}
