import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { QuestionText } from "@/components/question/question-text";
import { ResolveForm } from "@/components/question-reports/resolve-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { plural } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";
import { REASON_SHORT, REPORT_REASONS, REPORT_STATUSES, STATUS_LABEL } from "@/lib/question-reports/reasons";
import { type QueueQuestion, loadReportQueue } from "@/lib/question-reports/report-queue";
import { type ReportQueueFilter, reportQueueFilterSchema } from "@/lib/question-reports/validation";

export const metadata: Metadata = { title: "Question reports" };

const LETTERS = "ABCDEFGHIJ";

function queueHref(filter: ReportQueueFilter, page: number) {
  const params = new URLSearchParams({ status: filter.status, ...(filter.reason ? { reason: filter.reason } : {}), ...(page > 1 ? { page: String(page) } : {}) });
  return `/questions/reports?${params}`;
}

/** The question as the content has it now: choices with the key marked and every explanation, or a practice item's answer. */
function QuestionContent({ q }: { q: QueueQuestion }) {
  const p = q.practice;
  return (
    <div className="mt-3 space-y-3">
      <QuestionText text={q.stem} className="text-sm" />
      {q.choices.length > 0 && (
        <ul className="space-y-2 text-sm" aria-label="Choices">
          {q.choices.map((c, i) => (
            <li key={c.key} className={cn("rounded-lg border p-2.5", c.correct ? "border-green-600 bg-green-50 dark:border-green-800 dark:bg-green-950" : "border-[var(--border)]")}>
              <p className="wrap-anywhere">
                <span className="font-semibold">{LETTERS[i]}.</span> {c.text}
                {c.correct && <span className="ml-2 rounded-full bg-green-700 px-2 py-0.5 text-xs font-semibold text-white">✓ Key</span>}
              </p>
              {c.explanation && <p className="mt-1 text-[var(--text-muted)] wrap-anywhere">{c.explanation}</p>}
            </li>
          ))}
        </ul>
      )}
      {p?.items && (
        <div className="text-sm">
          <p className="font-semibold">✓ Key: the right order</p>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5">{p.items.map((s) => <li key={s.key}>{s.text}</li>)}</ol>
        </div>
      )}
      {p?.pairs && (
        <div className="text-sm">
          <p className="font-semibold">✓ Key: the right matches</p>
          <ul className="mt-1 space-y-0.5">{p.pairs.map((m) => <li key={m.key} className="wrap-anywhere">{m.prompt} → {m.answer}</li>)}</ul>
        </div>
      )}
      {p?.answer !== undefined && (
        <p className="text-sm">
          <span className="font-semibold">✓ Key: the answer is</span> {p.answer}
          {p.tolerance ? ` ± ${p.tolerance}` : ""} {p.unit ?? ""}
        </p>
      )}
      {p?.explanation && <p className="text-sm text-[var(--text-muted)] wrap-anywhere">{p.explanation}</p>}
    </div>
  );
}

export default async function QuestionReportsPage({ searchParams }: PageProps<"/questions/reports">) {
  const user = await requireRole([...STAFF_ROLES], "/questions/reports");
  const filter = reportQueueFilterSchema.parse(await searchParams);
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const queue = await loadReportQueue(db, user, filter);
  const open = filter.status === "OPEN";
  return (
    <>
      <PageHeader
        title="Question reports"
        description="Problems students reported with questions after seeing their answers. Questions whose key is disputed come first."
      />
      <form method="get" action="/questions/reports" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filter reports">
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={filter.status} className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-2 py-2 text-sm">
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-reason" className="block text-sm font-medium">
            Reason
          </label>
          <select id="filter-reason" name="reason" defaultValue={filter.reason ?? ""} className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-2 py-2 text-sm">
            <option value="">Any reason</option>
            {REPORT_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_SHORT[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-lg border border-[var(--border)] px-4 py-2 text-sm font-medium">
          Show
        </button>
      </form>
      <p className="mb-3 text-sm text-[var(--text-muted)]" aria-live="polite">
        {plural(queue.totalQuestions, "question")} with {STATUS_LABEL[filter.status].toLowerCase()} reports{filter.reason ? ` (${REASON_SHORT[filter.reason].toLowerCase()})` : ""}.
      </p>
      {queue.questions.length === 0 ? (
        <EmptyState title={open ? "No open reports" : "Nothing here"}>
          {open ? "When a student reports a problem with a question, it appears here." : "No reports match these filters."}
        </EmptyState>
      ) : (
        <ol className="space-y-6">
          {queue.questions.map((q) => (
            <li key={q.questionId}>
              <Card aria-labelledby={`q-${q.questionId}`} className={cn(q.keyDisputed && "border-red-400 dark:border-red-800")}>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`q-${q.questionId}`} className="font-mono text-sm font-semibold wrap-anywhere">
                    {q.questionId}
                  </h2>
                  {q.keyDisputed && <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-100">⚠ Key disputed</span>}
                  <span className="text-xs text-[var(--text-muted)]">
                    {q.type} · version {q.version}
                    {q.retired && " · retired"} · {plural(q.openCount, "open report")}
                  </span>
                </div>
                <p className="mt-2 text-sm tabular-nums">
                  {q.counts.graded === 0
                    ? "No graded answers yet."
                    : `Facility ${Math.round((q.counts.facility ?? 0) * 100)}%: ${q.counts.right} of ${plural(q.counts.graded, "graded answer")} right.`}
                </p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">The question, its key and explanations</summary>
                  <QuestionContent q={q} />
                </details>
                <h3 className="mt-4 text-sm font-semibold">Reports</h3>
                <ul className="mt-2 divide-y divide-[var(--border)] text-sm">
                  {q.reports.map((r) => (
                    <li key={r.id} className="py-2.5">
                      <p className="flex flex-wrap items-center gap-x-2">
                        <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", r.reason === "WRONG_KEY" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" : "bg-[var(--surface-muted)]")}>
                          {REASON_SHORT[r.reason]}
                        </span>
                        <time dateTime={r.createdAt.toISOString()} className="text-xs text-[var(--text-muted)]">
                          {formatInZone(r.createdAt, timeZone, { zoneName: false })}
                        </time>
                        {r.questionVersion !== q.version && <span className="text-xs text-[var(--text-muted)]">on version {r.questionVersion}</span>}
                      </p>
                      <p className="mt-1 whitespace-pre-line wrap-anywhere">{r.comment || <span className="text-[var(--text-muted)]">No comment.</span>}</p>
                      {r.status !== "OPEN" && (
                        <p className="mt-1 text-[var(--text-muted)] wrap-anywhere">
                          {STATUS_LABEL[r.status]}
                          {r.resolvedByName && ` by ${r.resolvedByName}`}
                          {r.resolvedAt && `, ${formatInZone(r.resolvedAt, timeZone, { zoneName: false })}`}: “{r.resolutionNote}”
                        </p>
                      )}
                      {r.status === "OPEN" && q.openCount > 1 && (
                        <details className="mt-2">
                          <summary className="cursor-pointer text-sm text-brand-700 dark:text-brand-300">Resolve this report only</summary>
                          <div className="mt-2">
                            <ResolveForm questionId={q.questionId} reportId={r.id} label="Resolve this report" />
                          </div>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
                {open && q.openCount > 0 && (
                  <div className="mt-3 border-t border-[var(--border)] pt-3">
                    <h3 className="mb-2 text-sm font-semibold">{q.openCount === 1 ? "Resolve the open report" : `Resolve all ${q.openCount} open reports`}</h3>
                    <ResolveForm questionId={q.questionId} label={q.openCount === 1 ? "Resolve" : "Resolve all"} />
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
      {queue.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3 text-sm">
          {queue.page > 1 ? <ButtonLink href={queueHref(filter, queue.page - 1)} variant="secondary">← Previous</ButtonLink> : <span />}
          <span>
            Page {queue.page} of {queue.pageCount}
          </span>
          {queue.page < queue.pageCount ? <ButtonLink href={queueHref(filter, queue.page + 1)} variant="secondary">Next →</ButtonLink> : <span />}
        </nav>
      )}
      <p className="mt-6 text-xs text-[var(--text-muted)]">
        Facility counts every graded answer of every student. Reporters are not named. <Link href="/reports" className="underline">Your own reports</Link>
      </p>
    </>
  );
}
