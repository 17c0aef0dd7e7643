// One question of a graded attempt: the verdict, the stem, your answer against
// the key, the explanation, the AWS pages behind it, the lesson, and reporting.
import { Link } from "@/components/ui/link";
import type { Ref } from "react";
import { QuestionText } from "@/components/question/question-text";
import { type ReportNote, ReportQuestion } from "@/components/question/report-question";
import { ResponseInput } from "@/components/question/response-input";
import { References } from "@/components/question/reveal-panel";
import { cn } from "@/components/ui/cn";
import type { ReviewItem } from "@/lib/exams/attempt-results";

function verdict(item: ReviewItem): { text: string; tone: string } {
  if (!item.reveal) return { text: "Answer hidden for now", tone: "bg-[var(--surface-muted)] text-[var(--text)]" };
  if (item.correct) return { text: "✓ Correct", tone: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100" };
  if (item.answered) return { text: "✗ Incorrect", tone: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" };
  return { text: "— Unanswered", tone: "bg-[var(--surface-muted)] text-[var(--text)]" };
}

export function ReviewCard({
  item,
  report,
  headingRef,
}: {
  item: ReviewItem;
  /** Present for the student who sat the attempt: where a report goes and their past reports on this question. */
  report?: { attemptId: string; notes: ReportNote[] };
  /** Focus lands here when the card is the first of a newly shown page. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const v = verdict(item);
  return (
    <li className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-4 sm:p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 ref={headingRef} tabIndex={-1} className="scroll-mt-24 font-semibold outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          Question {item.position + 1}
        </h3>
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
      {report && item.reveal && (
        <ReportQuestion target={{ source: "attempt", attemptId: report.attemptId, position: item.position }} notes={report.notes} className="mt-3" />
      )}
    </li>
  );
}
