// The server owns the clock. Pure.
// deadline = start + minutes × accommodation multiplier; saves are accepted up
// to `grace` seconds past it (answers in flight); after that the attempt is
// graded from what was saved.
//
// On time means on time: `now` in acceptsSaves/isOverdue is when the request
// ARRIVED (lib/edge/request-edge.ts), not when its handler finally ran, so an
// answer that reached us in time is accepted however long it then queued. For
// the same reason nothing closes an attempt as expired until a request that
// arrived in time has had QUEUE_ALLOWANCE_SECONDS more to be served: the sweep
// and a late save wait that long, so they never pre-empt an on-time submit or
// save that is still waiting for a process or a connection.

export function computeDeadline(startedAt: Date, minutes: number, multiplier = 1): Date {
  return new Date(startedAt.getTime() + Math.round(minutes * multiplier * 60_000));
}

/** True while a save may still be applied. */
export function acceptsSaves(now: Date, deadline: Date | null, graceSeconds: number): boolean {
  return deadline === null || now.getTime() <= deadline.getTime() + graceSeconds * 1000;
}

/** True once an attempt must be graded whatever the student does. */
export function isOverdue(now: Date, deadline: Date | null, graceSeconds: number): boolean {
  return !acceptsSaves(now, deadline, graceSeconds);
}

/** Longest an on-time request may still be queued behind a storm before expiry may overtake it. */
export const QUEUE_ALLOWANCE_SECONDS = 60;

/**
 * True once something other than the student's own submit may grade the attempt
 * as expired (the sweep, a late save): deadline + grace + the queue allowance
 * have passed.
 */
export function mayCloseAsExpired(now: Date, deadline: Date | null, graceSeconds: number): boolean {
  return isOverdue(now, deadline, graceSeconds + QUEUE_ALLOWANCE_SECONDS);
}

export function secondsLeft(now: Date, deadline: Date | null): number | null {
  return deadline === null ? null : Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}
