// The server owns the clock. Pure.
// deadline = start + minutes × accommodation multiplier; saves are accepted up
// to `grace` seconds past it (answers in flight); after that the attempt is
// graded from what was saved.

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

export function secondsLeft(now: Date, deadline: Date | null): number | null {
  return deadline === null ? null : Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}
