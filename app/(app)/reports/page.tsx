import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";
import { myQuestionReports } from "@/lib/question-reports/my-reports";
import { REASON_SHORT, STATUS_LABEL } from "@/lib/question-reports/reasons";

export const metadata: Metadata = { title: "My question reports" };

const STATUS_TONE = {
  OPEN: "bg-[var(--surface-muted)] text-[var(--text)]",
  FIXED: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  REJECTED: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  DUPLICATE: "bg-brand-100 text-brand-900 dark:bg-brand-950 dark:text-brand-100",
} as const;

export default async function MyReportsPage() {
  const user = await requireUser("/reports");
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const reports = await myQuestionReports(db, { userId: user.id });
  return (
    <>
      <PageHeader
        title="My question reports"
        description="Problems you reported with questions, and what staff did about them."
        actions={<ButtonLink href="/profile" variant="secondary">Profile</ButtonLink>}
      />
      {reports.length === 0 ? (
        <EmptyState title="No reports yet" action={<ButtonLink href="/practice">Practise</ButtonLink>}>
          After you see a question&apos;s answer (in practice, your results, review cards or a lesson check), “Report a problem” tells staff what is wrong with it.
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {reports.map((r) => (
            <li key={r.id}>
              <Card aria-labelledby={`report-${r.id}`}>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <h2 id={`report-${r.id}`} className="font-semibold">
                    {REASON_SHORT[r.reason]}
                  </h2>
                  <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", STATUS_TONE[r.status])}>{STATUS_LABEL[r.status]}</span>
                  <span className="text-xs text-[var(--text-muted)]">
                    reported <time dateTime={r.createdAt.toISOString()}>{formatInZone(r.createdAt, timeZone, { zoneName: false })}</time>
                  </span>
                </div>
                <p className="mt-2 text-sm wrap-anywhere">{r.stemPreview}</p>
                {r.comment && <p className="mt-2 text-sm text-[var(--text-muted)] whitespace-pre-line wrap-anywhere">You wrote: “{r.comment}”</p>}
                {r.status === "OPEN" ? (
                  <p className="mt-2 text-sm text-[var(--text-muted)]">Waiting for staff.</p>
                ) : (
                  <div className="mt-3 rounded-lg border border-[var(--border)] bg-[var(--surface-muted)] p-3 text-sm">
                    <p className="font-semibold">
                      Staff note{r.resolvedAt && <span className="font-normal text-[var(--text-muted)]">, {formatInZone(r.resolvedAt, timeZone, { zoneName: false })}</span>}
                    </p>
                    <p className="mt-1 whitespace-pre-line wrap-anywhere">{r.resolutionNote}</p>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
