"use client";
// Every question of a graded attempt, filterable by outcome and shown a page at
// a time: a 65-question mock rendered whole was ~3,900 elements to hydrate.
import { useEffect, useRef, useState } from "react";
import type { ReportNote } from "@/components/question/report-question";
import { cn } from "@/components/ui/cn";
import type { ReviewItem } from "@/lib/exams/attempt-results";
import { plural } from "@/lib/format/plural";
import { ReviewCard } from "./review-card";

const FILTERS = [
  { id: "all", label: "All", keep: () => true },
  { id: "correct", label: "Correct", keep: (i: ReviewItem) => i.correct },
  { id: "incorrect", label: "Incorrect", keep: (i: ReviewItem) => i.answered && !i.correct && i.reveal !== null },
  { id: "unanswered", label: "Unanswered", keep: (i: ReviewItem) => !i.answered },
  { id: "flagged", label: "Flagged", keep: (i: ReviewItem) => i.flagged },
] as const;

/** Cards shown at first and added by each "show more". */
export const REVIEW_PAGE_SIZE = 10;

/** For the student who sat the attempt: report a question, and their past reports by question id. */
export type ReviewReporting = { attemptId: string; notes: Record<string, ReportNote[]> };

export function ReviewList({ items, reporting }: { items: ReviewItem[]; reporting?: ReviewReporting }) {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]["id"]>("all");
  const [limit, setLimit] = useState(REVIEW_PAGE_SIZE);
  // After "show more", focus moves to the first card added, so a keyboard user reads on from there.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const firstAdded = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusFrom === null || !firstAdded.current) return;
    // The first card added goes to the top of the screen (below the sticky header), not the bottom edge.
    firstAdded.current.focus({ preventScroll: true });
    firstAdded.current.scrollIntoView?.({ block: "start" });
  }, [focusFrom]);

  const active = FILTERS.find((f) => f.id === filter)!;
  const matching = items.filter(active.keep);
  const shown = matching.slice(0, limit);
  const hidden = matching.length - shown.length;
  const showMore = (count: number) => {
    setFocusFrom(shown.length);
    setLimit(shown.length + count);
  };
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
            onClick={() => {
              setFilter(f.id);
              setLimit(REVIEW_PAGE_SIZE);
              setFocusFrom(null);
            }}
            className={cn("rounded-full border px-3 py-1 text-sm", filter === f.id ? "border-brand-700 bg-brand-700 text-white" : "border-[var(--border)] bg-[var(--surface)]")}
          >
            {f.label} ({items.filter(f.keep).length})
          </button>
        ))}
      </div>
      <p className="sr-only" aria-live="polite">
        {matching.length === shown.length ? `Showing ${plural(shown.length, "question")}.` : `Showing ${shown.length} of ${plural(matching.length, "question")}.`}
      </p>
      {matching.length === 0 ? (
        <p className="mt-6 text-[var(--text-muted)]">No questions match this filter.</p>
      ) : (
        <ol className="mt-6 space-y-5">
          {shown.map((item, index) => (
            <ReviewCard
              key={item.position}
              item={item}
              report={reporting && { attemptId: reporting.attemptId, notes: reporting.notes[item.questionId] ?? [] }}
              headingRef={index === focusFrom ? firstAdded : undefined}
            />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <p className="text-sm text-[var(--text-muted)]">
            Showing {shown.length} of {matching.length}.
          </p>
          <button type="button" onClick={() => showMore(REVIEW_PAGE_SIZE)} className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium">
            Show {Math.min(REVIEW_PAGE_SIZE, hidden)} more
          </button>
          {hidden > REVIEW_PAGE_SIZE && (
            <button type="button" onClick={() => showMore(hidden)} className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-sm font-medium">
              Show all {matching.length}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
