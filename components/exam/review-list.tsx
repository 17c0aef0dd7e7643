"use client";
// Every question of a graded attempt: your answer, the right answer, every
// explanation, the AWS pages behind the key and the lesson, filterable by outcome.
import Link from "next/link";
import { useState } from "react";
import { QuestionText } from "@/components/question/question-text";
import { type ReportNote, ReportQuestion } from "@/components/question/report-question";
import { ResponseInput } from "@/components/question/response-input";
import { References } from "@/components/question/reveal-panel";
import { cn } from "@/components/ui/cn";
import type { ReviewItem } from "@/lib/exams/attempt-results";
import { plural } from "@/lib/format/plural";

const FILTERS = [
  { id: "all", label: "All", keep: () => true },
  { id: "correct", label: "Correct", keep: (i: ReviewItem) => i.correct },
  { id: "incorrect", label: "Incorrect", keep: (i: ReviewItem) => i.answered && !i.correct && i.reveal !== null },
  { id: "unanswered", label: "Unanswered", keep: (i: ReviewItem) => !i.answered },
  { id: "flagged", label: "Flagged", keep: (i: ReviewItem) => i.flagged },
] as const;

function verdict(item: ReviewItem): { text: string; tone: string } {
  if (!item.reveal) return { text: "Answer hidden for now", tone: "bg-[var(--surface-muted)] text-[var(--text)]" };
  if (item.correct) return { text: "✓ Correct", tone: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100" };
  if (item.answered) return { text: "✗ Incorrect", tone: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" };
  return { text: "— Unanswered", tone: "bg-[var(--surface-muted)] text-[var(--text)]" };
}

/** For the student who sat the attempt: report a question, and their past reports by question id. */
export type ReviewReporting = { attemptId: string; notes: Record<string, ReportNote[]> };

export function ReviewList({ items, reporting }: { items: ReviewItem[]; reporting?: ReviewReporting }) {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]["id"]>("all");
  const active = FILTERS.find((f) => f.id === filter)!;
  const shown = items.filter(active.keep);
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading" className="text-xl font-bold">
        Review every question
      </h2>
      <div role="group" aria-label="Show" className="mt-3 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
            className={cn("rounded-full border px-3 py-1 text-sm", filter === f.id ? "border-brand-700 bg-brand-700 text-white" : "border-[var(--border)] bg-[var(--surface)]")}
          >
            {f.label} ({items.filter(f.keep).length})
          </button>
        ))}
      </div>
      <p className="sr-only" aria-live="polite">
        Showing {plural(shown.length, "question")}.
      </p>
      {shown.length === 0 ? (
        <p className="mt-6 text-[var(--text-muted)]">No questions match this filter.</p>
      ) : (
        <ol className="mt-6 space-y-5">
          {shown.map((item) => {
            const v = verdict(item);
            return (
              <li key={item.position} className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 sm:p-5">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold">Question {item.position + 1}</span>
                  <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", v.tone)}>{v.text}</span>
                  {item.flagged && <span className="rounded bg-amber-200 px-1.5 text-xs text-black">⚑ flagged</span>}
                  {item.unsure && <span className="text-xs text-[var(--text-muted)]">marked unsure</span>}
                  <span className="ml-auto text-xs text-[var(--text-muted)]">
                    Task statement {item.taskStatement} · {Math.round(item.timeSpentMs / 1000)} s
                  </span>
                </div>
                <QuestionText text={item.stem} className="mt-3" />
                {!item.reveal && (
                  <p className="mt-3 rounded-lg bg-[var(--surface-muted)] p-3 text-sm">
                    This question is also in an exam whose answers you cannot see yet (your timed exam in progress, or a class assignment whose review has not opened). Its answer and explanations appear here once they open.
                  </p>
                )}
                <div className="mt-4">
                  <ResponseInput name={`review-${item.position}`} display={item.display} response={item.chosenKeys} reveal={item.reveal} />
                </div>
                {item.reveal?.explanation && <p className="mt-3 text-sm [overflow-wrap:anywhere]">{item.reveal.explanation}</p>}
                {item.reveal && <References urls={item.reveal.references} />}
                <Link href={`/learn/${item.lessonId}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300">
                  Study the lesson
                </Link>
                {reporting && item.reveal && (
                  <ReportQuestion
                    target={{ source: "attempt", attemptId: reporting.attemptId, position: item.position }}
                    notes={reporting.notes[item.questionId] ?? []}
                    className="mt-3"
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
