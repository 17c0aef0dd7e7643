"use client";
// The question being answered: its text, the answer control for its kind, how
// complete the answer is, "not sure", and in practice modes the check and the
// explanation.
import type { RefObject } from "react";
import { QuestionAsk, askFor } from "@/components/question/question-ask";
import { QuestionText } from "@/components/question/question-text";
import { ReportQuestion } from "@/components/question/report-question";
import { ResponseInput } from "@/components/question/response-input";
import { RevealPanel } from "@/components/question/reveal-panel";
import { Button } from "@/components/ui/button";
import type { Reveal } from "@/lib/exams/attempt-items";
import type { RunnerItem } from "@/lib/exams/runner-view";

export type ItemState = { chosenKeys: string[]; flagged: boolean; unsure: boolean; reveal: Reveal | null };

export function QuestionCard({
  attemptId,
  item,
  state,
  total,
  practice,
  closed,
  notice,
  headingRef,
  checking,
  checkError,
  onChange,
  onFull,
  onToggleFlag,
  onToggleUnsure,
  onCheck,
}: {
  attemptId: string;
  item: RunnerItem;
  state: ItemState;
  total: number;
  practice: boolean;
  closed: boolean;
  notice: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  checking: boolean;
  checkError: string | null;
  onChange: (response: string[]) => void;
  onFull: () => void;
  onToggleFlag: () => void;
  onToggleUnsure: () => void;
  onCheck: () => void;
}) {
  const ask = askFor(item.display);
  return (
    <section aria-labelledby="question-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          Question {item.position + 1} of {total}
        </h2>
        <Button variant="secondary" size="sm" aria-pressed={state.flagged} onClick={onToggleFlag} disabled={closed}>
          <span aria-hidden className={state.flagged ? "rounded bg-amber-300 px-1 text-black" : ""}>
            ⚑
          </span>
          {state.flagged ? "Flagged for review" : "Flag for review"}
        </Button>
      </div>
      <fieldset className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 sm:p-6">
        <legend className="sr-only">Question {item.position + 1}</legend>
        <QuestionText text={item.stem} id={`stem-${item.position}`} className="text-base" />
        <QuestionAsk id={`ask-${item.position}`} display={item.display} shape={item.shape} response={state.chosenKeys} />
        <div className="mt-5">
          <ResponseInput
            name={`question-${item.position}`}
            display={item.display}
            response={state.chosenKeys}
            onChange={closed || state.reveal ? undefined : onChange}
            onFull={onFull}
            reveal={state.reveal}
            describedBy={`stem-${item.position}${ask ? ` ask-${item.position}` : ""}`}
          />
        </div>
        <div aria-live="polite" className="mt-2 min-h-5 text-sm font-medium text-amber-800 dark:text-amber-200" data-notice>
          {notice}
        </div>
        <label className="mt-2 inline-flex items-center gap-2 text-sm text-[var(--text-muted)]">
          <input type="checkbox" checked={state.unsure} onChange={onToggleUnsure} disabled={closed} className="h-4 w-4 accent-brand-600" />
          I&apos;m not sure about this one (it will come back in your reviews)
        </label>
        {practice && !state.reveal && (
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button onClick={onCheck} disabled={checking || state.chosenKeys.length === 0}>
              {checking ? "Checking…" : "Check answer"}
            </Button>
            {checkError && (
              <span role="alert" className="text-sm text-red-800 dark:text-red-200">
                {checkError}
              </span>
            )}
          </div>
        )}
        {state.reveal && <RevealPanel reveal={state.reveal} />}
        {state.reveal && <ReportQuestion target={{ source: "attempt", attemptId, position: item.position }} className="mt-4" />}
      </fieldset>
    </section>
  );
}
