"use client";
// Sends answer changes the moment they happen and never loses one: each change
// is queued in localStorage before it is sent, retried with exponential backoff
// and jitter while the network or server fails, and removed only when the
// server acknowledges it (or holds something newer).
import { useCallback, useEffect, useRef, useState } from "react";
import {
  type PendingMap,
  type PendingSave,
  type SaveAck,
  applyAcks,
  backoffDelay,
  nextSeq,
  pendingCount,
  recordSaved,
} from "@/lib/exams/answer-queue";
import { savedAnswersKey } from "@/components/offline/offline-copies";

export type SyncStatus = "saved" | "saving" | "retrying" | "signed-out";

const SEQ_KEY = "stratus:seq";
const queueKey = (attemptId: string) => `stratus:attempt:${attemptId}:pending`;

function writeQueue(attemptId: string, pending: PendingMap) {
  try {
    if (pendingCount(pending) === 0) localStorage.removeItem(queueKey(attemptId));
    else localStorage.setItem(queueKey(attemptId), JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the queue still lives in memory for this page.
  }
}

/** Keeps what the server acknowledged, for a copy of the page opened offline (exam-runner.tsx). */
function rememberSaved(attemptId: string, batch: PendingSave[], acks: SaveAck[]) {
  try {
    const saved = JSON.parse(localStorage.getItem(savedAnswersKey(attemptId)) ?? "{}") as PendingMap;
    localStorage.setItem(savedAnswersKey(attemptId), JSON.stringify(recordSaved(saved, batch, acks)));
  } catch {
    // see writeQueue
  }
}

function takeSeq(): string {
  let last: string | null = null;
  try {
    last = localStorage.getItem(SEQ_KEY);
  } catch {
    last = null;
  }
  const seq = nextSeq(last, Date.now());
  try {
    localStorage.setItem(SEQ_KEY, seq);
  } catch {
    // see writeQueue
  }
  return seq;
}

export type ClosedReason = { code: string; message: string };

export function useAnswerSync(options: {
  attemptId: string;
  /** Unsent answers restored from this browser (already filtered against the server's state). */
  initialPending: PendingMap;
  onClosed: (reason: ClosedReason) => void;
}) {
  const { attemptId, onClosed, initialPending } = options;
  const pendingRef = useRef<PendingMap>(initialPending);
  const inFlight = useRef(false);
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const closedRef = useRef(false);
  /** While a submit carries the queue, nothing else sends it. */
  const heldRef = useRef(false);
  const onClosedRef = useRef(onClosed);
  const [status, setStatus] = useState<SyncStatus>("saved");
  const [unsent, setUnsent] = useState(() => pendingCount(initialPending));

  useEffect(() => {
    onClosedRef.current = onClosed;
  }, [onClosed]);

  const setPending = useCallback(
    (next: PendingMap) => {
      pendingRef.current = next;
      writeQueue(attemptId, next);
      setUnsent(pendingCount(next));
    },
    [attemptId],
  );

  const flushRef = useRef<() => Promise<void>>(async () => {});

  const scheduleRetry = useCallback(() => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    const delay = backoffDelay(failures.current++, Math.random);
    retryTimer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current || closedRef.current || heldRef.current) return;
    const batch = Object.values(pendingRef.current);
    if (batch.length === 0) {
      setStatus("saved");
      return;
    }
    inFlight.current = true;
    setStatus(failures.current > 0 ? "retrying" : "saving");
    try {
      const response = await fetch(`/api/attempts/${attemptId}/answers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ saves: batch }),
      });
      const body = (await response.json().catch(() => null)) as
        | { ok: true; results: SaveAck[] }
        | { ok: false; error: { code: string; message: string } }
        | null;
      if (response.ok && body?.ok) {
        failures.current = 0;
        rememberSaved(attemptId, batch, body.results);
        setPending(applyAcks(pendingRef.current, body.results));
      } else if (response.status === 401) {
        setStatus("signed-out");
        failures.current = Math.max(failures.current, 4);
        scheduleRetry();
        return;
      } else if (response.status === 409 || response.status === 404) {
        closedRef.current = true;
        // The submit carrying these answers has graded the attempt; it takes the student on.
        if (heldRef.current) return;
        onClosedRef.current(body && !body.ok ? body.error : { code: "CLOSED", message: "This attempt is closed." });
        return;
      } else if (response.status === 422 || response.status === 415) {
        // The server will never accept this batch as it is: drop it so the queue cannot jam.
        setPending(applyAcks(pendingRef.current, batch.map((s) => ({ position: s.position, status: "stale", seq: s.seq }))));
      } else {
        throw new Error(`server answered ${response.status}`);
      }
    } catch {
      setStatus("retrying");
      scheduleRetry();
      return;
    } finally {
      inFlight.current = false;
    }
    if (pendingCount(pendingRef.current) > 0) void flushRef.current();
    else setStatus("saved");
  }, [attemptId, scheduleRetry, setPending]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // On load: answers left unsent by an earlier page (reload, crash, closed tab) are resent.
  useEffect(() => {
    writeQueue(attemptId, pendingRef.current);
    if (pendingCount(pendingRef.current) > 0) void flushRef.current();
  }, [attemptId]);

  useEffect(() => {
    const online = () => {
      failures.current = 0;
      void flushRef.current();
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pendingCount(pendingRef.current) > 0) event.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, []);

  const enqueue = useCallback(
    (save: Omit<PendingSave, "seq">) => {
      setPending({ ...pendingRef.current, [save.position]: { ...save, seq: takeSeq() } });
      void flushRef.current();
    },
    [setPending],
  );

  /** Removes one position from the queue (its answer became final on the server). */
  const forget = useCallback(
    (position: number) => {
      const next = { ...pendingRef.current };
      delete next[position];
      setPending(next);
    },
    [setPending],
  );

  /**
   * For a submit: stops sending the queue on its own and returns what is still
   * unacknowledged, for the submit to carry (it does not wait for a save in
   * flight: the submit carries that save too, and sequence numbers make the
   * second copy harmless).
   */
  const holdForSubmit = useCallback((): PendingSave[] => {
    heldRef.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    return Object.values(pendingRef.current);
  }, []);

  /** The submit did not go through: the queue is sent on its own again. */
  const release = useCallback(() => {
    heldRef.current = false;
    if (closedRef.current) return;
    failures.current = 0;
    void flushRef.current();
  }, []);

  /** The attempt is graded: acknowledgements from the submit leave the queue, and nothing more is sent. */
  const finish = useCallback(
    (acks: readonly SaveAck[]) => {
      closedRef.current = true;
      setPending(applyAcks(pendingRef.current, acks));
    },
    [setPending],
  );

  /** Drops queued changes the server refused as invalid (a 422): they can never be applied. */
  const dropRefused = useCallback(
    (refused: readonly PendingSave[]) => {
      setPending(applyAcks(pendingRef.current, refused.map((s) => ({ position: s.position, status: "stale" as const, seq: s.seq }))));
    },
    [setPending],
  );

  return { status, unsent, enqueue, forget, holdForSubmit, release, finish, dropRefused };
}
