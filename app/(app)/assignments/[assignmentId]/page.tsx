import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/classes/assigned-list";
import { InlineAction } from "@/components/classes/inline-action";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { startAssignmentAction } from "@/lib/classes/actions";
import { minutesText } from "@/lib/classes/form-values";
import { assignedToStudent } from "@/lib/classes/student-assignments";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { plural, relativeTime } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Assignment" };

export default async function StudentAssignmentPage({ params }: PageProps<"/assignments/[assignmentId]">) {
  const { assignmentId } = await params;
  const user = await requireUser(`/assignments/${assignmentId}`);
  const now = new Date();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const [a] = await assignedToStudent(db, { userId: user.id, now, assignmentId });
  if (!a) notFound();
  return (
    <>
      <PageHeader
        title={a.title}
        description={`${a.className} · ${a.what} · ${plural(a.questionCount, "question")}`}
        actions={
          <ButtonLink href={`/classes/${a.classId}`} variant="secondary">
            The class
          </ButtonLink>
        }
      />
      <Card className="max-w-2xl" aria-labelledby="terms-heading">
        <h2 id="terms-heading" className="flex items-center gap-2 text-lg font-semibold">
          Your terms <StatusBadge status={a.status} />
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-[var(--text-muted)]">Opens</dt>
          <dd>{formatInZone(a.opensAt, timeZone)}</dd>
          <dt className="text-[var(--text-muted)]">Due</dt>
          <dd>
            {formatInZone(a.dueAt, timeZone)} ({relativeTime(a.dueAt, now)})
          </dd>
          <dt className="text-[var(--text-muted)]">Time limit</dt>
          <dd>
            {minutesText(a.timeLimitMinutes)}
            {a.adjustments.length > 0 && ` (${a.adjustments.join(", ")})`}
          </dd>
          <dt className="text-[var(--text-muted)]">Attempts</dt>
          <dd>
            {a.attemptsLeft} of {a.attemptsAllowed} left
          </dd>
        </dl>
        <div className="mt-5 space-y-3">
          {a.status === "OPEN" && a.ifStartedNow && (
            <>
              {a.timeLimitMinutes === null ? (
                <p>It is untimed: once you start, your attempt stays open until the due time ({relativeTime(a.dueAt, now)}), and what you saved by then is graded.</p>
              ) : (
                <p>
                  If you start now you will have <strong>{minutesText(a.ifStartedNow.minutes)}</strong>. The clock keeps running if you close the page; at the end,
                  what you saved is graded.
                </p>
              )}
              {a.ifStartedNow.cutShort && (
                <Alert tone="warning">
                  The due time cuts your time short: your limit is {minutesText(a.timeLimitMinutes)}, but the assignment closes {relativeTime(a.dueAt, now)}.
                </Alert>
              )}
              <InlineAction action={startAssignmentAction} fields={{ assignmentId: a.id }} label="Start now" pendingLabel="Starting…" variant="primary" size="md" />
            </>
          )}
          {a.status === "IN_PROGRESS" && a.openAttemptId && <ButtonLink href={`/attempts/${a.openAttemptId}`}>Resume</ButtonLink>}
          {a.status === "NOT_OPEN" && <p>It opens {relativeTime(a.opensAt, now)}.</p>}
          {a.status === "MISSED" && <p>The due time has passed without an attempt. Talk to your instructor if you need another chance.</p>}
          {a.lastGradedAttemptId && (
            <ButtonLink href={`/attempts/${a.lastGradedAttemptId}/results`} variant="secondary">
              See your results
            </ButtonLink>
          )}
        </div>
      </Card>
    </>
  );
}
