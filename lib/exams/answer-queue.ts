// The browser's queue of answer changes not yet acknowledged by the server.
// Pure: the runner keeps it in localStorage (so it survives a reload or a
// crash) and sends it; these functions decide what is still owed.
//
// Sequence numbers come from a millisecond clock, never going backwards
// (max(now, last + 1)), so across reloads and tabs the most recent change wins
// and a late, stale save is recognisably older.

export type PendingSave = {
  position: number;
  chosenKeys: string[];
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  seq: string;
};
export type PendingMap = Record<number, PendingSave>;
export type SaveAck = { position: number; status: "saved" | "stale" | "locked"; seq: string };

export function nextSeq(lastSeq: string | null, nowMs: number): string {
  const last = lastSeq ? BigInt(lastSeq) : 0n;
  const now = BigInt(Math.floor(nowMs));
  return (now > last ? now : last + 1n).toString();
}

/** Drops queued changes the server already holds (its seq is at least theirs). */
export function dropAcknowledged(pending: PendingMap, server: ReadonlyArray<{ position: number; saveSeq: string }>): PendingMap {
  const serverSeq = new Map(server.map((s) => [s.position, BigInt(s.saveSeq)]));
  const kept: PendingMap = {};
  for (const save of Object.values(pending)) {
    const held = serverSeq.get(save.position);
    if (held === undefined) continue; // not part of this attempt
    if (BigInt(save.seq) > held) kept[save.position] = save;
  }
  return kept;
}

/**
 * Applies the server's answer to a batch: an entry leaves the queue when the
 * server holds that change or a newer one; a change made while the batch was
 * in flight (a higher seq) stays queued.
 */
export function applyAcks(pending: PendingMap, acks: readonly SaveAck[]): PendingMap {
  const next: PendingMap = { ...pending };
  for (const ack of acks) {
    const queued = next[ack.position];
    if (queued && BigInt(queued.seq) <= BigInt(ack.seq)) delete next[ack.position];
    else if (queued && ack.status === "locked") delete next[ack.position];
  }
  return next;
}

/** Exponential backoff with full jitter: a random wait up to base·2^attempt, capped. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.max(100, Math.round(random() * ceiling));
}

export const pendingCount = (pending: PendingMap) => Object.keys(pending).length;

/**
 * Remembers the answers the server has just acknowledged as saved (the batch's
 * own change, not a newer one from elsewhere), so a copy of the runner page
 * older than them (opened offline, public/sw.js) still shows them.
 */
export function recordSaved(saved: PendingMap, batch: readonly PendingSave[], acks: readonly SaveAck[]): PendingMap {
  const next: PendingMap = { ...saved };
  const sent = new Map(batch.map((s) => [s.position, s]));
  for (const ack of acks) {
    const save = sent.get(ack.position);
    if (ack.status !== "saved" || !save || save.seq !== ack.seq) continue;
    const known = next[ack.position];
    if (!known || BigInt(known.seq) < BigInt(save.seq)) next[ack.position] = save;
  }
  return next;
}

/**
 * What the runner shows on load for each position whose page is behind this
 * device: the unsent change, else an answer the server acknowledged after the
 * page was rendered. Positions the page is up to date on are left out.
 */
export function newerOnDevice(
  server: ReadonlyArray<{ position: number; saveSeq: string }>,
  stored: { pending: PendingMap; saved: PendingMap },
): { pending: PendingMap; shown: PendingMap } {
  const pending = dropAcknowledged(stored.pending, server);
  return { pending, shown: { ...dropAcknowledged(stored.saved, server), ...pending } };
}
