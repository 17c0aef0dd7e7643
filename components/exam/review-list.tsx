"use client";
// Every question of a graded attempt: your answer, the right answer, every
// choice's explanation and the lesson, filterable by outcome.
import Link from "next/link";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ReviewItem } from "@/lib/exams/attempts";

const FILTERS = [
  { id: "all", label: "All", keep: () => true },
  { id: "correct", label: "Correct", keep: (i: ReviewItem) => i.correct },
  { id: "incorrect", label: "Incorrect", keep: (i: ReviewItem) => i.answered && !i.correct },
  { id: "unanswered", label: "Unanswered", keep: (i: ReviewItem) => !i.answered },
  { id: "flagged", label: "Flagged", keep: (i: ReviewItem) => i.flagged },
] as const;

const LETTERS = ["A", "B", "C", "D", "E", "F"];

export function ReviewList({ items }: { items: ReviewItem[] }) {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]["id"]>("all");
  const active = FILTERS.find((f) => f.id === filter)!;
  const shown = items.filter(active.keep);
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading" className="text-xl font-bold">
        Review every question
      </h2>
      <div role="group" aria-label="Show" className="mt-3 flex flex-wrap gap-2">
        {FILTERS.map((f) => {
          const count = items.filter(f.keep).length;
          return (
            <button
              key={f.id}
              type="button"
              aria-pressed={filter === f.id}
              onClick={() => setFilter(f.id)}
              className={cn(
                "rounded-full border px-3 py-1 text-sm",
                filter === f.id ? "border-brand-600 bg-brand-600 text-white" : "border-[var(--border)] bg-[var(--surface)]",
              )}
            >
              {f.label} ({count})
            </button>
          );
        })}
      </div>
      <p className="sr-only" aria-live="polite">
        Showing {shown.length} questions.
      </p>
      {shown.length === 0 ? (
        <p className="mt-6 text-[var(--text-muted)]">No questions match this filter.</p>
      ) : (
        <ol className="mt-6 space-y-5">
          {shown.map((item) => (
            <li key={item.position} className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-5">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold">Question {item.position + 1}</span>
                <span
                  className={cn(
                    "rounded-full px-2 py-0.5 text-xs font-semibold",
                    item.correct
                      ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100"
                      : item.answered
                        ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100"
                        : "bg-[var(--surface-muted)] text-[var(--text-muted)]",
                  )}
                >
                  {item.withheld ? "Answer hidden for now" : item.correct ? "✓ Correct" : item.answered ? "✗ Incorrect" : "— Unanswered"}
                </span>
                {item.flagged && <span className="text-xs text-amber-700 dark:text-amber-300">⚑ flagged</span>}
                {item.unsure && <span className="text-xs text-[var(--text-muted)]">marked unsure</span>}
                <span className="ml-auto text-xs text-[var(--text-muted)]">
                  Task statement {item.taskStatement} · {Math.round(item.timeSpentMs / 1000)} s
                </span>
              </div>
              <p className="mt-3 whitespace-pre-line">{item.stem}</p>
              {item.withheld && (
                <p className="mt-3 rounded-lg bg-[var(--surface-muted)] p-3 text-sm">
                  This question is also in your timed exam in progress. Its answer and explanations appear here once you submit that exam.
                </p>
              )}
              <ul className="mt-4 space-y-2">
                {item.choices.map((c, index) => (
                  <li
                    key={c.key}
                    className={cn(
                      "rounded-xl border p-3 text-sm",
                      c.correct ? "border-green-500 bg-green-50 dark:bg-green-950" : c.chosen ? "border-red-400 bg-red-50 dark:bg-red-950" : "border-[var(--border)]",
                    )}
                  >
                    <p>
                      <strong>{LETTERS[index]}.</strong> {c.text}{" "}
                      {c.correct && <span className="font-semibold text-green-800 dark:text-green-200">(correct answer)</span>}{" "}
                      {c.chosen && <span className="font-semibold">(your choice)</span>}
                    </p>
                    {c.explanation && <p className="mt-1 text-[var(--text-muted)]">{c.explanation}</p>}
                  </li>
                ))}
              </ul>
              <Link href={`/learn/${item.lessonId}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300">
                Study the lesson
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
