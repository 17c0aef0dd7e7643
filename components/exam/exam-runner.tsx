"use client";
// The exam runner: one question at a time, a navigator grid, flags, keyboard
// shortcuts, a countdown from the server's deadline, a visible save state, a
// review screen and a confirm-before-submit dialog. Practice modes check each
// answer as you go. Rendered only in the browser (it restores unsent answers
// from localStorage before its first paint).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Reveal, RunnerItem, RunnerView } from "@/lib/exams/attempts";
import { type PendingMap, dropAcknowledged } from "@/lib/exams/answer-queue";
import { Countdown } from "./countdown";
import { NavigatorGrid } from "./navigator-grid";
import { type ClosedReason, type SyncStatus, useAnswerSync } from "./use-answer-sync";

type ItemState = { chosenKeys: string[]; flagged: boolean; unsure: boolean; reveal: Reveal | null };

const LETTERS = ["A", "B", "C", "D", "E", "F"];
const positionKey = (attemptId: string) => `stratus:attempt:${attemptId}:current`;

function restoreQueue(view: RunnerView): PendingMap {
  try {
    const stored = JSON.parse(localStorage.getItem(`stratus:attempt:${view.attemptId}:pending`) ?? "{}") as PendingMap;
    return dropAcknowledged(stored, view.items.map((i) => ({ position: i.position, saveSeq: i.saveSeq })));
  } catch {
    return {};
  }
}

function SaveState({ status, unsent }: { status: SyncStatus; unsent: number }) {
  const text =
    status === "signed-out"
      ? `Signed out — ${unsent} answer${unsent === 1 ? "" : "s"} kept on this device`
      : status === "retrying"
        ? `Offline — will retry (${unsent} unsent)`
        : status === "saving" || unsent > 0
          ? "Saving…"
          : "All answers saved";
  const tone = status === "retrying" || status === "signed-out" ? "text-amber-700 dark:text-amber-300" : "text-[var(--text-muted)]";
  return (
    <p className={cn("text-sm", tone)} role="status" aria-live="polite" data-save-state={status}>
      <span aria-hidden className="mr-1">
        {status === "retrying" || status === "signed-out" ? "⚠" : unsent > 0 ? "⟳" : "✓"}
      </span>
      {text}
      {status === "signed-out" && (
        <>
          {" "}
          <a href="/sign-in" target="_blank" rel="noreferrer" className="underline">
            Sign in again
          </a>
        </>
      )}
    </p>
  );
}

function RevealPanel({ reveal, item }: { reveal: Reveal; item: RunnerItem }) {
  const byKey = new Map(reveal.explanations.map((e) => [e.key, e]));
  return (
    <div
      className={cn(
        "mt-5 rounded-xl border p-4",
        reveal.correct ? "border-green-400 bg-green-50 dark:border-green-800 dark:bg-green-950" : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950",
      )}
      aria-live="polite"
    >
      <p className="font-semibold">{reveal.correct ? "✓ Correct." : "✗ Not quite."}</p>
      <ul className="mt-3 space-y-2 text-sm">
        {item.choices.map((choice, index) => {
          const e = byKey.get(choice.key);
          return (
            <li key={choice.key} className="flex gap-2">
              <span aria-hidden className={e?.correct ? "text-green-700 dark:text-green-300" : "text-[var(--text-muted)]"}>
                {e?.correct ? "✓" : "•"}
              </span>
              <span>
                <strong>
                  {LETTERS[index]}
                  {e?.correct ? " (correct answer)" : ""}
                </strong>
                : {e?.explanation}
              </span>
            </li>
          );
        })}
      </ul>
      <Link href={`/learn/${reveal.lessonId}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300">
        Study the lesson
      </Link>
    </div>
  );
}

export default function ExamRunner({ view }: { view: RunnerView }) {
  const router = useRouter();
  const practice = view.mode !== "MOCK";
  const [initialPending] = useState(() => restoreQueue(view));
  const [items, setItems] = useState<ItemState[]>(() =>
    view.items.map((i) => {
      const queued = initialPending[i.position];
      return {
        chosenKeys: queued?.chosenKeys ?? i.chosenKeys,
        flagged: queued?.flagged ?? i.flagged,
        unsure: queued?.unsure ?? i.unsure,
        reveal: i.reveal,
      };
    }),
  );
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const [current, setCurrentState] = useState(() => {
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const resultsUrl = `/attempts/${view.attemptId}/results`;

  const timeSpent = useRef(new Map(view.items.map((i) => [i.position, i.timeSpentMs])));
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = Date.now();
  }, []);
  const takeElapsed = useCallback((position: number) => {
    const now = Date.now();
    if (document.visibilityState === "visible" && shownAt.current) {
      timeSpent.current.set(position, (timeSpent.current.get(position) ?? 0) + (now - shownAt.current));
    }
    shownAt.current = now;
  }, []);

  const onClosed = useCallback(
    (reason: ClosedReason) => {
      setClosed(reason);
      setTimeout(() => router.push(resultsUrl), 2500);
    },
    [resultsUrl, router],
  );
  const sync = useAnswerSync({ attemptId: view.attemptId, initialPending, onClosed });

  const goTo = useCallback(
    (position: number) => {
      if (position < 0 || position >= view.items.length) return;
      takeElapsed(current);
      setCurrentState(position);
      setScreen("question");
      setCheckError(null);
      sessionStorage.setItem(positionKey(view.attemptId), String(position));
      requestAnimationFrame(() => questionHeading.current?.focus());
    },
    [current, takeElapsed, view.attemptId, view.items.length],
  );

  const update = useCallback(
    (position: number, patch: Partial<ItemState>) => {
      const merged = { ...itemsRef.current[position]!, ...patch };
      const next = itemsRef.current.map((item, i) => (i === position ? merged : item));
      itemsRef.current = next;
      setItems(next);
      takeElapsed(position);
      sync.enqueue({
        position,
        chosenKeys: merged.chosenKeys,
        flagged: merged.flagged,
        unsure: merged.unsure,
        timeSpentMs: Math.round(timeSpent.current.get(position) ?? 0),
      });
    },
    [sync, takeElapsed],
  );

  const item = view.items[current]!;
  const state = items[current]!;

  const choose = useCallback(
    (index: number) => {
      const runnerItem = view.items[current]!;
      const itemState = itemsRef.current[current]!;
      const choice = runnerItem.choices[index];
      if (!choice || itemState.reveal || closed) return;
      if (runnerItem.type === "single") {
        update(current, { chosenKeys: [choice.key] });
        return;
      }
      const chosen = itemState.chosenKeys.includes(choice.key)
        ? itemState.chosenKeys.filter((k) => k !== choice.key)
        : [...itemState.chosenKeys, choice.key];
      if (chosen.length > runnerItem.chooseCount) {
        setNotice(`Choose ${runnerItem.chooseCount}. Clear one of your choices first.`);
        return;
      }
      setNotice("");
      update(current, { chosenKeys: chosen });
    },
    [closed, current, update, view.items],
  );

  const submit = useCallback(
    async (auto: boolean) => {
      setSubmitting(true);
      setSubmitError(null);
      const flushed = await sync.flushAll();
      if (!flushed && !auto) {
        setSubmitting(false);
        setSubmitError(
          "Some answers have not reached the server yet. Check your connection; we keep retrying, and you can submit once they are saved.",
        );
        return;
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const response = await fetch(`/api/attempts/${view.attemptId}/submit`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          });
          if (response.ok || response.status === 409) {
            router.push(resultsUrl);
            return;
          }
          if (response.status === 401) {
            setSubmitError("Your session has ended. Sign in again in another tab, then submit; your answers are saved.");
            break;
          }
        } catch {
          // network: retry below
        }
        await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
      }
      setSubmitting(false);
      if (auto) router.push(resultsUrl);
      else setSubmitError((e) => e ?? "We could not reach the server to submit. Your answers are saved; try again in a moment.");
    },
    [resultsUrl, router, sync, view.attemptId],
  );

  const check = useCallback(async () => {
    const itemState = itemsRef.current[current]!;
    if (itemState.chosenKeys.length === 0) {
      setCheckError("Choose an answer first.");
      return;
    }
    setChecking(true);
    setCheckError(null);
    takeElapsed(current);
    try {
      const response = await fetch(`/api/attempts/${view.attemptId}/items/${current}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chosenKeys: itemState.chosenKeys, timeSpentMs: Math.round(timeSpent.current.get(current) ?? 0) }),
      });
      const body = (await response.json()) as { ok: true; reveal: Reveal } | { ok: false; error: { message: string } };
      if (body.ok) {
        const next = itemsRef.current.map((s, i) => (i === current ? { ...s, reveal: body.reveal } : s));
        itemsRef.current = next;
        setItems(next);
        sync.forget(current);
      } else setCheckError(body.error.message);
    } catch {
      setCheckError("We could not reach the server. Your answer is kept; try again.");
    } finally {
      setChecking(false);
    }
  }, [current, sync, takeElapsed, view.attemptId]);

  // Keyboard shortcuts: 1–6 or A–F choose, N/→ next, P/← previous, F flag, R review.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || screen !== "question") return;
      if (dialogRef.current?.open) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("textarea, input[type=text], [contenteditable]")) return;
      const key = event.key.toLowerCase();
      const digit = Number(key);
      if (digit >= 1 && digit <= 6) choose(digit - 1);
      else if (key.length === 1 && key >= "a" && key <= "f" && !event.shiftKey) choose(key.charCodeAt(0) - 97);
      else if (key === "n" || key === "arrowright") goTo(current + 1);
      else if (key === "p" || key === "arrowleft") goTo(current - 1);
      else if (key === "g") update(current, { flagged: !itemsRef.current[current]!.flagged });
      else if (key === "r") setScreen("review");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choose, current, goTo, screen, update]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") takeElapsed(current);
      else shownAt.current = Date.now();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [current, takeElapsed]);

  const answeredCount = items.filter((i) => i.chosenKeys.length > 0).length;
  const unanswered = items.map((s, i) => ({ s, i })).filter(({ s }) => s.chosenKeys.length === 0).map(({ i }) => i);
  const flagged = items.map((s, i) => ({ s, i })).filter(({ s }) => s.flagged).map(({ i }) => i);
  const multipleFull = item.type === "multiple" && state.chosenKeys.length >= item.chooseCount;

  return (
    <div className="pb-16">
      <div className="sticky top-16 z-20 -mx-4 mb-6 border-b border-[var(--border)] bg-[var(--surface)]/95 px-4 py-3 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-base font-semibold sm:text-lg">{view.title}</h1>
          <span className="text-sm text-[var(--text-muted)]">
            {answeredCount} of {view.items.length} answered
          </span>
          <div className="ml-auto flex items-center gap-3">
            <SaveState status={sync.status} unsent={sync.unsent} />
            {view.deadline && <Countdown deadline={view.deadline} serverNow={view.serverNow} onExpire={() => void submit(true)} />}
          </div>
        </div>
      </div>

      {closed && (
        <Alert tone="warning" className="mb-6">
          {closed.message} Taking you to your results…
        </Alert>
      )}

      <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
        <div>
          {screen === "question" ? (
            <section aria-labelledby="question-heading">
              <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
                <h2 id="question-heading" ref={questionHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
                  Question {current + 1} of {view.items.length}
                </h2>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-pressed={state.flagged}
                  onClick={() => update(current, { flagged: !state.flagged })}
                  disabled={Boolean(closed)}
                >
                  <span aria-hidden className={state.flagged ? "text-amber-500" : ""}>
                    ⚑
                  </span>
                  {state.flagged ? "Flagged for review" : "Flag for review"}
                </Button>
              </div>
              <fieldset className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-5 sm:p-6">
                <legend className="sr-only">Question {current + 1}</legend>
                <p className="whitespace-pre-line text-base leading-relaxed" id={`stem-${current}`}>
                  {item.stem}
                </p>
                {item.type === "multiple" && (
                  <p className="mt-3 text-sm font-semibold text-brand-700 dark:text-brand-300">
                    Choose {item.chooseCount}. ({state.chosenKeys.length} chosen)
                  </p>
                )}
                <ul className="mt-5 space-y-3">
                  {item.choices.map((choice, index) => {
                    const checked = state.chosenKeys.includes(choice.key);
                    const revealed = state.reveal?.explanations.find((e) => e.key === choice.key);
                    return (
                      <li key={choice.key}>
                        <label
                          className={cn(
                            "flex cursor-pointer gap-3 rounded-xl border p-3 transition-colors has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500",
                            checked ? "border-brand-500 bg-brand-50 dark:bg-brand-950" : "border-[var(--border)] hover:bg-[var(--surface-muted)]",
                            revealed?.correct && "border-green-500",
                            (state.reveal || (multipleFull && !checked)) && "cursor-default",
                          )}
                        >
                          <input
                            type={item.type === "single" ? "radio" : "checkbox"}
                            name={`question-${current}`}
                            value={choice.key}
                            checked={checked}
                            onChange={() => choose(index)}
                            disabled={Boolean(state.reveal) || Boolean(closed) || (multipleFull && !checked)}
                            className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                            aria-describedby={`stem-${current}`}
                          />
                          <span className="font-semibold text-[var(--text-muted)]">{LETTERS[index]}.</span>
                          <span className="flex-1">{choice.text}</span>
                          {revealed && (
                            <span className={cn("text-sm font-semibold", revealed.correct ? "text-green-700 dark:text-green-300" : "text-[var(--text-muted)]")}>
                              {revealed.correct ? "✓ correct" : checked ? "✗ your choice" : ""}
                            </span>
                          )}
                        </label>
                      </li>
                    );
                  })}
                </ul>
                <div aria-live="polite" className="mt-2 min-h-5 text-sm text-amber-700 dark:text-amber-300">
                  {notice}
                </div>
                <label className="mt-2 inline-flex items-center gap-2 text-sm text-[var(--text-muted)]">
                  <input
                    type="checkbox"
                    checked={state.unsure}
                    onChange={() => update(current, { unsure: !state.unsure })}
                    disabled={Boolean(closed)}
                    className="h-4 w-4 accent-brand-600"
                  />
                  I&apos;m not sure about this one (it will come back in your reviews)
                </label>
                {practice && !state.reveal && (
                  <div className="mt-4 flex items-center gap-3">
                    <Button onClick={() => void check()} disabled={checking || state.chosenKeys.length === 0}>
                      {checking ? "Checking…" : "Check answer"}
                    </Button>
                    {checkError && (
                      <span role="alert" className="text-sm text-red-700 dark:text-red-300">
                        {checkError}
                      </span>
                    )}
                  </div>
                )}
                {state.reveal && <RevealPanel reveal={state.reveal} item={item} />}
              </fieldset>
              <div className="mt-5 flex items-center justify-between gap-3">
                <Button variant="secondary" onClick={() => goTo(current - 1)} disabled={current === 0}>
                  ← Previous
                </Button>
                {current < view.items.length - 1 ? (
                  <Button onClick={() => goTo(current + 1)}>Next →</Button>
                ) : (
                  <Button onClick={() => setScreen("review")}>Review answers</Button>
                )}
              </div>
            </section>
          ) : (
            <section aria-labelledby="review-heading" className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-6">
              <h2 id="review-heading" className="text-xl font-bold">
                Review before you submit
              </h2>
              <p className="mt-2 text-[var(--text-muted)]">
                {answeredCount} of {view.items.length} answered · {unanswered.length} unanswered · {flagged.length} flagged
              </p>
              {[
                { title: "Unanswered", list: unanswered, empty: "Every question has an answer." },
                { title: "Flagged for review", list: flagged, empty: "Nothing flagged." },
              ].map((group) => (
                <div key={group.title} className="mt-5">
                  <h3 className="font-semibold">{group.title}</h3>
                  {group.list.length === 0 ? (
                    <p className="mt-1 text-sm text-[var(--text-muted)]">{group.empty}</p>
                  ) : (
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {group.list.map((position) => (
                        <li key={position}>
                          <Button variant="secondary" size="sm" onClick={() => goTo(position)}>
                            Question {position + 1}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
              {submitError && (
                <Alert tone="error" className="mt-5">
                  {submitError}
                </Alert>
              )}
              <div className="mt-6 flex flex-wrap gap-3">
                <Button variant="secondary" onClick={() => setScreen("question")}>
                  Back to the questions
                </Button>
                <Button onClick={() => dialogRef.current?.showModal()} disabled={submitting || Boolean(closed)}>
                  {practice ? "Finish and see results" : "Submit exam"}
                </Button>
              </div>
            </section>
          )}
        </div>

        <aside className="space-y-4">
          <div className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4">
            <NavigatorGrid
              items={items.map((s, position) => ({ position, answered: s.chosenKeys.length > 0, flagged: s.flagged }))}
              current={screen === "question" ? current : -1}
              onSelect={goTo}
            />
            <Button variant="secondary" size="sm" className="mt-4 w-full" onClick={() => setScreen("review")}>
              Review and submit
            </Button>
          </div>
          <details className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 text-sm">
            <summary className="cursor-pointer font-medium">Keyboard shortcuts</summary>
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

      <dialog
        ref={dialogRef}
        aria-labelledby="confirm-heading"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-6 text-[var(--text)] backdrop:bg-black/50"
      >
        <h2 id="confirm-heading" className="text-lg font-bold">
          {practice ? "Finish this practice?" : "Submit your exam?"}
        </h2>
        <p className="mt-2 text-[var(--text-muted)]">
          {unanswered.length > 0
            ? `${unanswered.length} question${unanswered.length === 1 ? " is" : "s are"} unanswered and will count as wrong.`
            : "Every question has an answer."}{" "}
          You cannot change your answers afterwards.
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
            Keep working
          </Button>
          <Button
            onClick={() => {
              dialogRef.current?.close();
              void submit(false);
            }}
            disabled={submitting}
          >
            {submitting ? "Submitting…" : practice ? "Finish" : "Submit"}
          </Button>
        </div>
      </dialog>
      {submitting && (
        <div role="status" className="fixed inset-x-0 bottom-4 mx-auto w-fit rounded-lg bg-brand-700 px-4 py-2 text-sm text-white shadow-lg">
          Submitting and grading…
        </div>
      )}
    </div>
  );
}
