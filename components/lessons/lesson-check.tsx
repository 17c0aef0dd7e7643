"use client";
// "Check yourself": the lesson's questions, of any item kind, each checked on
// its own by a server action, with the exam's answer controls
// (components/question). The page has only display tokens and texts; the
// verdict, the right answer and the explanations arrive when the student
// checks that question.
import { type FormEvent, useState, useTransition } from "react";
import { QuestionAsk, fullNotice } from "@/components/question/question-ask";
import { CHOICE_LETTERS } from "@/components/question/choice-list";
import { QuestionText } from "@/components/question/question-text";
import { type ReportNote, ReportQuestion } from "@/components/question/report-question";
import { ResponseInput } from "@/components/question/response-input";
import { RevealPanel } from "@/components/question/reveal-panel";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isResponseComplete, responseProgress } from "@/lib/exams/answer-rules";
import type { Reveal } from "@/lib/exams/attempt-items";
import type { ItemDisplay } from "@/lib/exams/item-model";
import { plural } from "@/lib/format/plural";
import { checkLessonAnswerAction } from "@/lib/lessons/actions";
import type { LessonCheckQuestion } from "@/lib/lessons/lesson-page";

/** "Correct." or what was right: the letters of the right choices, or where to look for a step, a match or a number. */
function verdictText(display: ItemDisplay, reveal: Reveal): string {
  if (reveal.correct) return "Correct.";
  if (display.kind !== "single" && display.kind !== "multiple") return "Incorrect. The right answer is shown with your answer.";
  const letters = display.choices.flatMap((c, i) => (reveal.correctResponse.includes(c.key) ? [CHOICE_LETTERS[i]!] : []));
  const list = letters.length <= 1 ? (letters[0] ?? "") : `${letters.slice(0, -1).join(", ")} and ${letters.at(-1)}`;
  return letters.length === 1 ? `Incorrect. The correct answer is ${list}.` : `Incorrect. The correct answers are ${list}.`;
}

function CheckQuestion({
  lessonId,
  question,
  position,
  total,
  reportNotes,
  onChecked,
}: {
  lessonId: string;
  question: LessonCheckQuestion;
  position: number;
  total: number;
  reportNotes: ReportNote[];
  onChecked: (questionId: string, correct: boolean) => void;
}) {
  const [response, setResponse] = useState<string[]>([]);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [pending, startTransition] = useTransition();
  const idBase = `check-${question.questionId}`;

  const change = (next: string[]) => {
    setResponse(next);
    setError(null);
    setNotice("");
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isResponseComplete(question.shape, response)) {
      const { state, label } = responseProgress(question.shape, response);
      setError(state === "unanswered" ? "Answer the question first." : `Finish your answer first: ${label.toLowerCase()}.`);
      return;
    }
    setError(null);
    startTransition(async () => {
      try {
        const result = await checkLessonAnswerAction({ lessonId, questionId: question.questionId, version: question.version, response });
        if (result.ok) {
          setReveal(result.data.reveal);
          onChecked(question.questionId, result.data.reveal.correct);
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
      {/* min-w-0: a fieldset is as wide as its longest word by default, and stems carry ARNs. */}
      <fieldset className="min-w-0">
        <legend className="w-full">
          <span id={`${idBase}-position`} className="block text-xs font-semibold uppercase tracking-wide text-[var(--text-muted)]">
            Question {position} of {total}
          </span>
        </legend>
        <QuestionText text={question.stem} id={`${idBase}-stem`} className="mt-1 font-medium" />
        <QuestionAsk id={`${idBase}-ask`} display={question.display} shape={question.shape} response={response} />
        <div className="mt-3">
          <ResponseInput
            name={idBase}
            display={question.display}
            response={response}
            onChange={reveal ? undefined : change}
            onFull={() => setNotice(fullNotice(question.display, response))}
            reveal={reveal}
            describedBy={`${idBase}-stem ${idBase}-ask`}
          />
        </div>
        <div aria-live="polite" className="mt-2 text-sm font-medium text-amber-800 empty:hidden dark:text-amber-200">
          {notice}
        </div>
      </fieldset>
      <div role="status" aria-live="polite" className="mt-3 empty:hidden">
        {reveal && (
          <p className={cn("font-semibold", reveal.correct ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300")}>
            {verdictText(question.display, reveal)}
          </p>
        )}
      </div>
      {reveal && (reveal.explanation || reveal.references.length > 0) && <RevealPanel reveal={reveal} showVerdict={false} lessonLink={false} />}
      {/* Past reports too only once the answer is shown: a staff note may talk about the key. */}
      {reveal && <ReportQuestion target={{ source: "lesson", lessonId, questionId: question.questionId }} notes={reportNotes} className="mt-3" />}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {reveal === null && (
        <Button type="submit" className="mt-4" disabled={pending} aria-disabled={pending}>
          {pending && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
          {pending ? "Checking…" : "Check answer"}
        </Button>
      )}
    </form>
  );
}

export function LessonCheck({
  lessonId,
  questions,
  reportNotes = {},
}: {
  lessonId: string;
  questions: LessonCheckQuestion[];
  /** The student's own reports of these questions, by question id. */
  reportNotes?: Record<string, ReportNote[]>;
}) {
  const [outcomes, setOutcomes] = useState<Record<string, boolean>>({});
  const checkedCount = Object.keys(outcomes).length;
  const rightCount = Object.values(outcomes).filter(Boolean).length;

  return (
    <section aria-labelledby="lesson-check-heading" className="mt-12">
      <h2 id="lesson-check-heading" className="text-xl font-bold">
        Check yourself
      </h2>
      {questions.length === 0 ? (
        <p className="mt-2 text-[var(--text-muted)]">There are no questions on this lesson yet.</p>
      ) : (
        <>
          <p className="mt-1 text-[var(--text-muted)]">
            {questions.length === 1 ? "A question" : plural(questions.length, "question")} on this lesson. Check each answer to see
            why it is right or wrong.
          </p>
          <ol className="mt-4 space-y-4">
            {questions.map((question, index) => (
              <li key={question.questionId}>
                <CheckQuestion
                  lessonId={lessonId}
                  question={question}
                  position={index + 1}
                  total={questions.length}
                  reportNotes={reportNotes[question.questionId] ?? []}
                  onChecked={(questionId, correct) => setOutcomes((current) => ({ ...current, [questionId]: correct }))}
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
