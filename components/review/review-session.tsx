"use client";
// One due card at a time, of any item kind: answer it with the same controls
// as the exam runner, see whether it was right with the explanations, and the
// card is rescheduled; then the next one.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { QuestionAsk, fullNotice } from "@/components/question/question-ask";
import { QuestionText } from "@/components/question/question-text";
import { ReportQuestion } from "@/components/question/report-question";
import { ResponseInput } from "@/components/question/response-input";
import { RevealPanel } from "@/components/question/reveal-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isResponseComplete, responseProgress } from "@/lib/exams/answer-rules";
import type { Reveal } from "@/lib/exams/attempt-items";
import { plural, timeUntil } from "@/lib/format/plural";
import { answerReviewAction } from "@/lib/learning/actions";
import type { ReviewQuestion } from "@/lib/learning/review-queue";

type Answered = { reveal: Reveal; nextDue: string };

export function ReviewSession({ question, remaining }: { question: ReviewQuestion; remaining: number }) {
  const router = useRouter();
  const [response, setResponse] = useState<string[]>([]);
  const [unsure, setUnsure] = useState(false);
  const [result, setResult] = useState<Answered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [pending, startTransition] = useTransition();
  const [started] = useState(() => Date.now());
  const nextButton = useRef<HTMLButtonElement>(null);

  const change = (next: string[]) => {
    setResponse(next);
    setNotice("");
    setError(null);
  };

  const submit = () => {
    if (!isResponseComplete(question.shape, response)) {
      setError(`Finish your answer first: ${responseProgress(question.shape, response).label.toLowerCase()}.`);
      return;
    }
    startTransition(async () => {
      setError(null);
      const answer = await answerReviewAction({
        questionId: question.questionId,
        due: question.due,
        version: question.version,
        response,
        unsure,
        timeSpentMs: Math.min(3_600_000, Date.now() - started),
      });
      if (answer.ok) {
        setResult(answer.data);
        requestAnimationFrame(() => nextButton.current?.focus());
      } else setError(answer.message);
    });
  };

  const stemId = `card-stem-${question.questionId}`;
  const askId = `card-ask-${question.questionId}`;
  return (
    <section aria-labelledby="card-heading" className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="card-heading" className="font-semibold">
          Review card · {remaining} due now
        </h2>
        {question.lapses > 0 && <span className="text-sm text-[var(--text-muted)]">missed {plural(question.lapses, "time")} before</span>}
      </div>
      {/* min-w-0: a fieldset is as wide as its longest word by default, and stems carry ARNs. */}
      <fieldset className="mt-4 min-w-0">
        <legend className="sr-only">The question on this card</legend>
        <QuestionText text={question.stem} id={stemId} className="text-base" />
        <QuestionAsk id={askId} display={question.display} shape={question.shape} response={response} />
        <div className="mt-4">
          <ResponseInput
            name="review-card"
            display={question.display}
            response={response}
            onChange={result ? undefined : change}
            onFull={() => setNotice(fullNotice(question.display, response))}
            reveal={result?.reveal}
            describedBy={`${stemId} ${askId}`}
          />
        </div>
        <div aria-live="polite" className="mt-2 min-h-5 text-sm font-medium text-amber-800 dark:text-amber-200">
          {notice}
        </div>
      </fieldset>
      {!result && (
        <label className="mt-2 inline-flex items-center gap-2 text-sm text-[var(--text-muted)]">
          <input type="checkbox" checked={unsure} onChange={() => setUnsure((u) => !u)} className="h-4 w-4 accent-brand-600" />
          I&apos;m not sure (bring it back sooner)
        </label>
      )}
      {error && (
        <Alert tone="error" className="mt-4">
          {error}
        </Alert>
      )}
      <div aria-live="polite">
        {result && (
          <p className={cn("mt-5 font-semibold", result.reveal.correct ? "text-green-800 dark:text-green-200" : "text-red-800 dark:text-red-200")}>
            {result.reveal.correct ? "✓ Correct." : "✗ Not quite."} This card comes back {timeUntil(new Date(result.nextDue), new Date())}.
          </p>
        )}
      </div>
      {result && <RevealPanel reveal={result.reveal} showVerdict={false} />}
      {result && <ReportQuestion target={{ source: "review", questionId: question.questionId }} className="mt-4" />}
      <div className="mt-5 flex gap-3">
        {result ? (
          <Button ref={nextButton} onClick={() => router.refresh()}>
            Next card
          </Button>
        ) : (
          <Button onClick={submit} disabled={pending || response.length === 0}>
            {pending ? "Checking…" : "Check answer"}
          </Button>
        )}
      </div>
    </section>
  );
}
