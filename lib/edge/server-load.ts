// How many requests this server process holds, in progress or waiting for a
// place at its request gate (lib/edge/request-gate.ts): scripts/server.ts
// reports it, and grading reads it to put its follow-up work off during a
// storm of submits (lib/learning/learning-delay.ts). Outside that server
// (tests, scripts, the job worker) nothing reports, and the count is 0.
//
// Kept on globalThis: scripts/server.ts loads this module from source, and
// Next.js's server build holds a copy of its own; both must see one probe.
const KEY = Symbol.for("stratus.requestsInProcess");
type Holder = { [KEY]?: () => number };

export function reportRequestsInProcess(probe: () => number): void {
  (globalThis as Holder)[KEY] = probe;
}

export function requestsInProcess(): number {
  return (globalThis as Holder)[KEY]?.() ?? 0;
}
