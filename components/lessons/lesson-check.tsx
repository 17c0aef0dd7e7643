"use client";
// "Check yourself": the lesson's exam questions, each checked on its own by a
// server action. The page only has each choice's key and text and how many to
// pick; the verdict, correct keys and explanations arrive when the student
// checks that question.
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { checkLessonAnswerAction } from "@/lib/lessons/actions";
import type { LessonCheckQuestion } from "@/lib/lessons/lesson-page";

type CheckOutcome = {
  questionId: string;
  correct: boolean;
  correctKeys: string[];
  explanations: Array<{ key: string; explanation: string }>;
};

const letter = (key: string) => key.toUpperCase();

function joinKeys(keys: string[]): string {
  const letters = keys.map(letter);
  return letters.length <= 1 ? (letters[0] ?? "") : `${letters.slice(0, -1).join(", ")} and ${letters.at(-1)}`;
}

function verdictText(outcome: CheckOutcome): string {
  if (outcome.correct) return "Correct.";
  return outcome.correctKeys.length === 1
    ? `Incorrect. The correct answer is ${joinKeys(outcome.correctKeys)}.`
    : `Incorrect. The correct answers are ${joinKeys(outcome.correctKeys)}.`;
}

function CheckMark() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3" className="shrink-0">
      <path d="M5 12l5 5L20 7" />
    </svg>
  );
}
function CrossMark() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3" className="shrink-0">
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

function CheckQuestion({
  lessonId,
  question,
  position,
  total,
  onChecked,
}: {
  lessonId: string;
  question: LessonCheckQuestion;
  position: number;
  total: number;
  onChecked: (outcome: CheckOutcome) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const single = question.type === "SINGLE";
  const need = question.chooseCount;
  const idBase = `check-${question.id}`;
  const explanationOf = new Map(outcome?.explanations.map((e) => [e.key, e.explanation]));

  const toggle = (key: string) => {
    setError(null);
    if (single) setChosen([key]);
    else setChosen((current) => (current.includes(key) ? current.filter((k) => k !== key) : current.length >= need ? current : [...current, key]));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen.length !== need) {
      setError(need === 1 ? "Choose an answer first." : `Choose ${need} answers. You have chosen ${chosen.length}.`);
      return;
    }
    setError(null);
    startTransition(async () => {
      try {
        const result = await checkLessonAnswerAction({ lessonId, questionId: question.id, chosenKeys: chosen });
        if (result.ok) {
          setOutcome(result.data);
          onChecked(result.data);
        } else {
          setError(result.message);
        }
      } catch {
        setError("We could not check your answer. Check your connection and try again.");
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${idBase}-position`} className="rounded-xl border border-[var(--border)] bg-[var(--surface)] p-4 sm:p-5">
      <fieldset disabled={outcome !== null} aria-describedby={`${idBase}-hint`}>
        <legend className="w-full">
          <span id={`${idBase}-position`} className="block text-xs font-semibold uppercase tracking-wide text-[var(--text-muted)]">
            Question {position} of {total}
          </span>
          <span className="mt-1 block font-medium [overflow-wrap:anywhere]">{question.stem}</span>
        </legend>
        <p id={`${idBase}-hint`} className="mt-2 text-sm text-[var(--text-muted)]">
          {single ? "Choose 1 answer." : `Choose ${need} answers.`}
          {!single && outcome === null && (
            <span className="ml-1">
              ({chosen.length} of {need} chosen{chosen.length >= need ? "; clear one to change your answer" : ""})
            </span>
          )}
        </p>
        <ul className="mt-3 space-y-2">
          {question.choices.map((choice) => {
            const isChosen = chosen.includes(choice.key);
            const isCorrect = outcome?.correctKeys.includes(choice.key) ?? false;
            const explanation = explanationOf.get(choice.key);
            const inputId = `${idBase}-${choice.key}`;
            const tone =
              outcome === null
                ? isChosen
                  ? "border-brand-500 bg-brand-50 dark:bg-brand-950"
                  : "border-[var(--border)] hover:bg-[var(--surface-muted)]"
                : isCorrect
                  ? "border-green-600 bg-green-50 dark:border-green-500 dark:bg-green-950"
                  : isChosen
                    ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950"
                    : "border-[var(--border)]";
            return (
              <li key={choice.key} className={cn("rounded-lg border-2 transition-colors", tone)}>
                <label htmlFor={inputId} className={cn("flex gap-3 px-3 py-2.5", outcome === null && "cursor-pointer")}>
                  <input
                    id={inputId}
                    type={single ? "radio" : "checkbox"}
                    name={idBase}
                    value={choice.key}
                    checked={isChosen}
                    onChange={() => toggle(choice.key)}
                    disabled={!single && !isChosen && chosen.length >= need}
                    aria-describedby={explanation ? `${inputId}-explanation` : undefined}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="font-semibold">{letter(choice.key)}.</span>{" "}
                    <span className="[overflow-wrap:anywhere]">{choice.text}</span>
                    {outcome !== null && (isCorrect || isChosen) && (
                      <span className="mt-1.5 flex flex-wrap gap-1.5">
                        {isChosen && (
                          <span className="inline-flex items-center gap-1 rounded-full bg-[var(--surface)] px-2 py-0.5 text-xs font-semibold ring-1 ring-[var(--border)]">
                            Your answer
                          </span>
                        )}
                        {isCorrect ? (
                          <span className="inline-flex items-center gap-1 rounded-full bg-green-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-green-600">
                            <CheckMark /> Correct answer
                          </span>
                        ) : (
                          <span className="inline-flex items-center gap-1 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-red-600">
                            <CrossMark /> Incorrect
                          </span>
                        )}
                      </span>
                    )}
                  </span>
                </label>
                {explanation && (
                  <p id={`${inputId}-explanation`} className="border-t border-[var(--border)] px-3 py-2 pl-10 text-sm text-[var(--text-muted)]">
                    <span className="sr-only">Explanation for {letter(choice.key)}: </span>
                    {explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div role="status" aria-live="polite" className="mt-3 empty:hidden">
        {outcome && (
          <p
            className={cn(
              "flex items-center gap-2 font-semibold",
              outcome.correct ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300",
            )}
          >
            {outcome.correct ? <CheckMark /> : <CrossMark />}
            {verdictText(outcome)}
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {outcome === null && (
        <Button type="submit" className="mt-4" disabled={pending} aria-disabled={pending}>
          {pending && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
          {pending ? "Checking…" : "Check answer"}
        </Button>
      )}
    </form>
  );
}

export function LessonCheck({ lessonId, questions }: { lessonId: string; questions: LessonCheckQuestion[] }) {
  const [outcomes, setOutcomes] = useState<Record<string, boolean>>({});
  const checkedCount = Object.keys(outcomes).length;
  const rightCount = Object.values(outcomes).filter(Boolean).length;

  return (
    <section aria-labelledby="lesson-check-heading" className="mt-12">
      <h2 id="lesson-check-heading" className="text-xl font-bold">
        Check yourself
      </h2>
      {questions.length === 0 ? (
        <p className="mt-2 text-[var(--text-muted)]">There are no exam-style questions on this lesson yet.</p>
      ) : (
        <>
          <p className="mt-1 text-[var(--text-muted)]">
            {questions.length === 1 ? "An exam-style question" : `${questions.length} exam-style questions`} on this lesson. Check
            each answer to see why every choice is right or wrong.
          </p>
          <ol className="mt-4 space-y-4">
            {questions.map((question, index) => (
              <li key={question.id}>
                <CheckQuestion
                  lessonId={lessonId}
                  question={question}
                  position={index + 1}
                  total={questions.length}
                  onChecked={(outcome) => setOutcomes((current) => ({ ...current, [outcome.questionId]: outcome.correct }))}
                />
              </li>
            ))}
          </ol>
          <p role="status" aria-live="polite" className="mt-4 font-medium empty:hidden">
            {checkedCount === questions.length ? `You answered ${rightCount} of ${questions.length} correctly.` : ""}
          </p>
        </>
      )}
    </section>
  );
}
