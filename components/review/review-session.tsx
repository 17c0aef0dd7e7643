"use client";
// One due card at a time: answer, see whether it was right with every choice's
// explanation, and the card is rescheduled; then the next one.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { plural, timeUntil } from "@/lib/format/plural";
import { answerReviewAction } from "@/lib/learning/actions";
import type { ReviewAnswer, ReviewQuestion } from "@/lib/learning/review-queue";

const LETTERS = ["A", "B", "C", "D", "E", "F"];
type Answered = Extract<ReviewAnswer, { status: "answered" }>;

export function ReviewSession({ question, remaining }: { question: ReviewQuestion; remaining: number }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [unsure, setUnsure] = useState(false);
  const [result, setResult] = useState<Answered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [started] = useState(() => Date.now());
  const nextButton = useRef<HTMLButtonElement>(null);

  const toggle = (key: string) => {
    if (result) return;
    if (question.type === "single") setChosen([key]);
    else setChosen((c) => (c.includes(key) ? c.filter((k) => k !== key) : c.length < question.chooseCount ? [...c, key] : c));
  };

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const response = await answerReviewAction({
        questionId: question.questionId,
        chosenKeys: chosen,
        unsure,
        timeSpentMs: Date.now() - started,
      });
      if (response.ok) {
        setResult(response.data as Answered);
        requestAnimationFrame(() => nextButton.current?.focus());
      } else setError(response.message);
    });

  const byKey = new Map(result?.explanations.map((e) => [e.key, e]));
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
        <legend className="whitespace-pre-line text-base leading-relaxed wrap-anywhere">{question.stem}</legend>
        {question.type === "multiple" && (
          <p className="mt-3 text-sm font-semibold text-brand-700 dark:text-brand-300">Choose {question.chooseCount}.</p>
        )}
        <ul className="mt-4 space-y-3">
          {question.choices.map((choice, index) => {
            const checked = chosen.includes(choice.key);
            const e = byKey.get(choice.key);
            return (
              <li key={choice.key}>
                <label
                  className={cn(
                    "flex gap-3 rounded-xl border p-3",
                    checked ? "border-brand-500 bg-brand-50 dark:bg-brand-950" : "border-[var(--border)]",
                    e?.correct && "border-green-500",
                  )}
                >
                  <input
                    type={question.type === "single" ? "radio" : "checkbox"}
                    name="review-choice"
                    checked={checked}
                    onChange={() => toggle(choice.key)}
                    disabled={Boolean(result) || (!checked && question.type === "multiple" && chosen.length >= question.chooseCount)}
                    className="mt-1 h-4 w-4 accent-brand-600"
                  />
                  <span className="font-semibold text-[var(--text-muted)]">{LETTERS[index]}.</span>
                  <span className="min-w-0 flex-1 wrap-anywhere">
                    {choice.text}
                    {e && (
                      <span className="mt-1 block text-sm text-[var(--text-muted)]">
                        <strong className={e.correct ? "text-green-800 dark:text-green-200" : ""}>{e.correct ? "✓ Correct answer. " : checked ? "✗ Your choice. " : ""}</strong>
                        {e.explanation}
                      </span>
                    )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {!result && (
        <label className="mt-4 inline-flex items-center gap-2 text-sm text-[var(--text-muted)]">
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
          <p className={cn("mt-5 font-semibold", result.correct ? "text-green-800 dark:text-green-200" : "text-red-800 dark:text-red-200")}>
            {result.correct ? "✓ Correct." : "✗ Not quite."} This card comes back {timeUntil(new Date(result.nextDue), new Date())}.{" "}
            <Link href={`/learn/${result.lessonId}`} className="font-medium text-brand-700 underline dark:text-brand-300">
              Study the lesson
            </Link>
          </p>
        )}
      </div>
      <div className="mt-5 flex gap-3">
        {result ? (
          <Button ref={nextButton} onClick={() => router.refresh()}>
            Next card
          </Button>
        ) : (
          <Button onClick={submit} disabled={pending || chosen.length === 0}>
            {pending ? "Checking…" : "Check answer"}
          </Button>
        )}
      </div>
    </section>
  );
}
