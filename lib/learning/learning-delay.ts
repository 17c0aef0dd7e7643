// When the learning after a grade (mastery, evidence, review cards, activity:
// lib/learning/attempt-learning.ts) may run. Pure.
//
// At once, normally: a student who opens the dashboard after the results sees
// them counted. But at a class's due time the learning jobs pile up just as the
// submits do, and on a machine the worker shares with the app they take the
// CPU the waiting submits need: in a 1,000-submit storm on two cores the
// server graded 29 and 36 attempts/s with the worker running and 43 and 50/s
// with it paused (`npm run bench -- --scenario=submit-storm --processes=1
// --edge=direct`). So while the server process is busy, the learning of an
// attempt graded then waits LEARNING_DEFER_SECONDS, long enough for a storm to
// drain, and runs after it. Busy: its request gate is full (its default 12
// places taken: at 46 saves a second it holds one or two), or a request lately
// waited BUSY_WAIT_MS or more from its arrival to its turn (a backlog outside
// the gate: lib/edge/server-load.ts).
import type { ServerLoad } from "@/lib/edge/server-load";

/** Requests in the server process (in progress or waiting at its gate) from which grading counts it as busy. */
export const BUSY_REQUESTS = 12;
/** A recent wait, arrival to turn, from which grading counts the process as busy (steady autosave's p99 is ~20-60 ms). */
export const BUSY_WAIT_MS = 500;
export const LEARNING_DEFER_SECONDS = 30;

export function learningDelaySeconds(load: ServerLoad): number {
  return load.requests >= BUSY_REQUESTS || load.recentWaitMs >= BUSY_WAIT_MS ? LEARNING_DEFER_SECONDS : 0;
}
