"use client";
// The exam runner: one question at a time (question-card), a navigator, a
// review screen, a confirm-before-submit dialog, the server's countdown and the
// save state. Practice modes check each answer as they go. Rendered only in
// the browser: it restores unsent answers from localStorage before its first paint.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { fullNotice } from "@/components/question/question-ask";
import { Button } from "@/components/ui/button";
import { savedAnswersKey } from "@/components/offline/offline-copies";
import { type PendingMap, type SaveAck, newerOnDevice } from "@/lib/exams/answer-queue";
import { responseProgress } from "@/lib/exams/answer-rules";
import type { Reveal } from "@/lib/exams/attempt-items";
import { revealsAsYouGo } from "@/lib/exams/modes";
import type { RunnerView } from "@/lib/exams/runner-view";
import { Countdown } from "./countdown";
import { LeaveExam } from "./leave-exam";
import { Navigator } from "./navigator";
import { type ItemState, QuestionCard } from "./question-card";
import { ReviewScreen } from "./review-screen";
import { SaveStatus } from "./save-status";
import { SubmitDialog } from "./submit-dialog";
import { type ClosedReason, useAnswerSync } from "./use-answer-sync";
import { useExamShortcuts, useShortcutsSetting } from "./use-shortcuts";
import { useItemTimer } from "./use-item-timer";
import { useOfflineCopy } from "./use-offline-copy";
import { PauseControl } from "./pause-control";
import { plural } from "@/lib/format/plural";

const positionKey = (attemptId: string) => `stratus:attempt:${attemptId}:current`;

/**
 * Unsent answers from this browser, and what to show where this device knows
 * more than the page (unsent answers, and saved ones a copy of the page opened
 * offline predates).
 */
function restoreFromDevice(view: RunnerView): { pending: PendingMap; shown: PendingMap } {
  const read = (key: string) => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "{}") as PendingMap;
    } catch {
      return {};
    }
  };
  return newerOnDevice(
    view.items.map((i) => ({ position: i.position, saveSeq: i.saveSeq })),
    { pending: read(`stratus:attempt:${view.attemptId}:pending`), saved: read(savedAnswersKey(view.attemptId)) },
  );
}

const forgetSaved = (attemptId: string) => {
  try {
    localStorage.removeItem(savedAnswersKey(attemptId));
  } catch {
    // nothing kept
  }
};

export default function ExamRunner({ view }: { view: RunnerView }) {
  const router = useRouter();
  const practice = revealsAsYouGo(view.mode);
  const timed = view.deadline !== null || view.pausedRemainingMs !== null;
  const [restored] = useState(() => restoreFromDevice(view));
  const initialPending = restored.pending;
  const [items, setItems] = useState<ItemState[]>(() =>
    view.items.map((i) => {
      const known = restored.shown[i.position];
      return { chosenKeys: known?.chosenKeys ?? i.chosenKeys, flagged: known?.flagged ?? i.flagged, unsure: known?.unsure ?? i.unsure, reveal: i.reveal };
    }),
  );
  const offlineCopy = useOfflineCopy(view.attemptId);
  const itemsRef = useRef(items);
  const [current, setCurrent] = useState(() => {
    const stored = Number(sessionStorage.getItem(positionKey(view.attemptId)));
    if (Number.isInteger(stored) && stored >= 0 && stored < view.items.length) return stored;
    const firstOpen = view.items.findIndex((i) => i.chosenKeys.length === 0);
    return firstOpen === -1 ? 0 : firstOpen;
  });
  const [screen, setScreen] = useState<"question" | "review">("question");
  const [notice, setNotice] = useState("");
  const [closed, setClosed] = useState<ClosedReason | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(view.deadline);
  const [shortcutsOn, setShortcutsOn] = useShortcutsSetting();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultsUrl = `/attempts/${view.attemptId}/results`;
  const timer = useItemTimer(view.items.map((i) => [i.position, i.timeSpentMs]));

  const onClosed = useCallback(
    (reason: ClosedReason) => {
      setClosed(reason);
      forgetSaved(view.attemptId);
      setTimeout(() => router.push(resultsUrl), 2500);
    },
    [resultsUrl, router, view.attemptId],
  );
  const sync = useAnswerSync({ attemptId: view.attemptId, initialPending, onClosed });

  const setItem = useCallback((position: number, patch: Partial<ItemState>) => {
    const next = itemsRef.current.map((s, i) => (i === position ? { ...s, ...patch } : s));
    itemsRef.current = next;
    setItems(next);
    return next[position]!;
  }, []);

  const goTo = useCallback(
    (position: number) => {
      if (position < 0 || position >= view.items.length) return;
      timer.stop(current);
      setCurrent(position);
      setScreen("question");
      setCheckError(null);
      setNotice("");
      sessionStorage.setItem(positionKey(view.attemptId), String(position));
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    [current, timer, view.attemptId, view.items.length],
  );

  const update = useCallback(
    (position: number, patch: Partial<ItemState>) => {
      const merged = setItem(position, patch);
      timer.stop(position);
      sync.enqueue({ position, chosenKeys: merged.chosenKeys, flagged: merged.flagged, unsure: merged.unsure, timeSpentMs: timer.spent(position) });
    },
    [setItem, sync, timer],
  );

  const item = view.items[current]!;
  const state = items[current]!;
  const full = () => setNotice(fullNotice(item.display, state.chosenKeys));
  const change = (response: string[]) => {
    setNotice("");
    update(current, { chosenKeys: response });
  };

  const submit = useCallback(
    async (auto: boolean) => {
      setSubmitting(true);
      setSubmitError(null);
      // Answers not acknowledged yet go with the submit (applied before grading, judged by when the submit arrived):
      // the submit never waits for a save's answer, which under load could make a submit pressed in time leave late.
      let saves = sync.holdForSubmit();
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const response = await fetch(`/api/attempts/${view.attemptId}/submit`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ saves }),
          });
          if (response.ok) {
            const body = (await response.json().catch(() => null)) as { saves?: SaveAck[] } | null;
            sync.finish(body?.saves ?? []);
            forgetSaved(view.attemptId);
            return router.push(resultsUrl);
          }
          if (response.status === 409 || response.status === 404) {
            sync.finish([]);
            forgetSaved(view.attemptId);
            return router.push(resultsUrl);
          }
          if (response.status === 422 && saves.length > 0) {
            // A change the server can never accept (the answer queue drops such batches too): submit without it.
            sync.dropRefused(saves);
            saves = [];
            continue;
          }
          if (response.status === 401) {
            setSubmitError("Your session has ended. Sign in again in another tab, then submit; your unsent answers are kept.");
            break;
          }
        } catch {
          // network: retry below
        }
        await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
      }
      sync.release();
      setSubmitting(false);
      if (auto) router.push(resultsUrl);
      else setSubmitError((e) => e ?? "We could not reach the server to submit. Your answers are kept in this browser; try again in a moment.");
    },
    [resultsUrl, router, sync, view.attemptId],
  );

  const check = useCallback(async () => {
    const itemState = itemsRef.current[current]!;
    setChecking(true);
    setCheckError(null);
    timer.stop(current);
    try {
      const response = await fetch(`/api/attempts/${view.attemptId}/items/${current}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chosenKeys: itemState.chosenKeys, timeSpentMs: timer.spent(current) }),
      });
      const body = (await response.json()) as { ok: true; reveal: Reveal } | { ok: false; error: { message: string } };
      if (body.ok) {
        setItem(current, { reveal: body.reveal });
        sync.forget(current);
      } else setCheckError(body.error.message);
    } catch {
      setCheckError("We could not reach the server. Your answer is kept; try again.");
    } finally {
      setChecking(false);
    }
  }, [current, setItem, sync, timer, view.attemptId]);

  const shortcuts = {
      choose: (index: number) => {
        const d = view.items[current]!.display;
        if (d.kind !== "single" && d.kind !== "multiple") return;
        const key = d.choices[index]?.key;
        if (!key || itemsRef.current[current]!.reveal || closed) return;
        const chosen = itemsRef.current[current]!.chosenKeys;
        if (d.kind === "single") return change([key]);
        if (chosen.includes(key)) return change(chosen.filter((k) => k !== key));
        if (chosen.length >= d.chooseCount) return full();
        change([...chosen, key]);
      },
      next: () => goTo(current + 1),
      previous: () => goTo(current - 1),
      flag: () => update(current, { flagged: !itemsRef.current[current]!.flagged }),
      review: () => setScreen("review"),
  };
  useExamShortcuts(shortcutsOn && screen === "question", shortcuts);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === "hidden") timer.stop(current);
    };
    document.addEventListener("visibilitychange", onHidden);
    return () => document.removeEventListener("visibilitychange", onHidden);
  }, [current, timer]);

  useEffect(() => {
    if (!timed || closed) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [closed, timed]);

  const progress = items.map((s, i) => responseProgress(view.items[i]!.shape, s.chosenKeys));
  const groups = {
    unanswered: progress.flatMap((p, i) => (p.state === "unanswered" ? [i] : [])),
    incomplete: progress.flatMap((p, i) => (p.state === "incomplete" ? [{ position: i, label: p.label }] : [])),
    flagged: items.flatMap((s, i) => (s.flagged ? [i] : [])),
  };
  const answered = progress.filter((p) => p.state === "complete").length;
  const navigator = (
    <Navigator items={items.map((s, position) => ({ position, state: progress[position]!.state, flagged: s.flagged }))} current={screen === "question" ? current : -1} onSelect={goTo} />
  );

  return (
    <div className="pb-24 lg:pb-16">
      <div className="sticky top-0 z-20 -mx-4 mb-4 border-b border-[var(--border)] bg-[var(--surface)]/95 px-4 py-2 backdrop-blur sm:mb-6 sm:py-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-base font-semibold sm:text-lg">{view.title}</h1>
          <span className="text-sm text-[var(--text-muted)]">
            {answered} of {view.items.length} answered
          </span>
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <SaveStatus status={sync.status} unsent={sync.unsent} />
            {view.pausable && <PauseControl attemptId={view.attemptId} paused={deadline === null} onChange={setDeadline} serverNow={view.serverNow} />}
            {deadline && <Countdown deadline={deadline} serverNow={view.serverNow} pageIsCopy={offlineCopy.fromCopy} onExpire={() => void submit(true)} />}
            <LeaveExam timed={timed && !closed} />
          </div>
        </div>
      </div>

      {offlineCopy.offline && (
        <Alert tone="warning" className="mb-4">
          {offlineCopy.fromCopy ? "You are offline: this exam opened from the copy kept on this device. " : "You are offline. "}
          Keep answering: your answers are safe on this device and are sent as soon as the connection returns.
        </Alert>
      )}
      {view.shortBy > 0 && (
        <Alert tone="info" className="mb-4">
          This set has {plural(view.items.length, "question")}, {view.shortBy} fewer than you asked for: that is every question we have in this scope that you can practise now.
        </Alert>
      )}
      {closed && (
        <Alert tone="warning" className="mb-6">
          {closed.message} Taking you to your results…
        </Alert>
      )}
      {view.pausable && deadline === null && (
        <Alert tone="info" className="mb-4">
          Paused: the clock is stopped. Resume when you are ready.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[1fr_16rem] lg:gap-8">
        <div>
          {screen === "question" ? (
            <>
              <QuestionCard
                // A fresh card per question: answer controls keep drafts in their own state.
                key={item.position}
                attemptId={view.attemptId}
                item={item}
                state={state}
                total={view.items.length}
                practice={practice}
                closed={Boolean(closed) || (view.pausable && deadline === null)}
                notice={notice}
                headingRef={headingRef}
                checking={checking}
                checkError={checkError}
                onChange={change}
                onFull={full}
                onToggleFlag={() => update(current, { flagged: !state.flagged })}
                onToggleUnsure={() => update(current, { unsure: !state.unsure })}
                onCheck={() => void check()}
              />
              <div className="fixed inset-x-0 bottom-0 z-20 flex items-center justify-between gap-3 border-t border-[var(--border)] bg-[var(--surface)] px-4 py-3 lg:static lg:mt-5 lg:border-0 lg:bg-transparent lg:p-0">
                <Button variant="secondary" onClick={() => goTo(current - 1)} disabled={current === 0}>
                  ← Previous
                </Button>
                {current < view.items.length - 1 ? (
                  <Button onClick={() => goTo(current + 1)}>Next →</Button>
                ) : (
                  <Button onClick={() => setScreen("review")}>Review answers</Button>
                )}
              </div>
            </>
          ) : (
            <ReviewScreen
              total={view.items.length}
              groups={groups}
              practice={practice}
              submitError={submitError}
              busy={submitting || Boolean(closed)}
              onGoTo={goTo}
              onBack={() => setScreen("question")}
              onSubmit={() => dialogRef.current?.showModal()}
            />
          )}
        </div>

        <aside className="space-y-4" aria-label="Questions and settings">
          <details className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 lg:hidden">
            <summary className="cursor-pointer font-medium">
              All questions ({answered} of {view.items.length} answered)
            </summary>
            <div className="mt-3">{navigator}</div>
          </details>
          <div className="hidden rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 lg:block">{navigator}</div>
          <Button variant="secondary" size="sm" className="w-full" onClick={() => setScreen("review")}>
            Review and submit
          </Button>
          <details className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 text-sm">
            <summary className="cursor-pointer font-medium">Keyboard shortcuts {shortcutsOn ? "(on)" : "(off)"}</summary>
            <label className="mt-3 flex items-center gap-2">
              <input type="checkbox" checked={shortcutsOn} onChange={(e) => setShortcutsOn(e.target.checked)} className="h-4 w-4 accent-brand-600" />
              Use single-key shortcuts
            </label>
            <p className="mt-2 text-[var(--text-muted)]">They work when no answer control has focus (press Esc or click the question text first).</p>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[var(--text-muted)]">
              <dt>1–6 or A–F</dt>
              <dd>choose an answer</dd>
              <dt>N or →</dt>
              <dd>next question</dd>
              <dt>P or ←</dt>
              <dd>previous question</dd>
              <dt>G</dt>
              <dd>flag or unflag</dd>
              <dt>R</dt>
              <dd>review screen</dd>
            </dl>
          </details>
        </aside>
      </div>

      <SubmitDialog
        dialogRef={dialogRef}
        practice={practice}
        unanswered={groups.unanswered.length}
        incomplete={groups.incomplete.length}
        busy={submitting}
        onConfirm={() => void submit(false)}
      />
      {submitting && (
        <div role="status" className="fixed inset-x-0 bottom-20 mx-auto w-fit rounded-lg bg-brand-700 px-4 py-2 text-sm text-white shadow-lg lg:bottom-4">
          Submitting and grading…
        </div>
      )}
    </div>
  );
}
