import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/classes/assigned-list";
import { AssignmentForm } from "@/components/classes/assignment-form";
import { OverrideForm } from "@/components/classes/class-forms";
import { InlineAction } from "@/components/classes/inline-action";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { deleteAssignmentAction } from "@/lib/classes/actions";
import { describeScope } from "@/lib/classes/assignment-scope";
import { assignmentValues } from "@/lib/classes/assignment-form-values";
import { assignmentForStaff } from "@/lib/classes/class-pages";
import { REVIEW_CONTENT_LABELS, REVIEW_TIMING_LABELS, minutesText } from "@/lib/classes/form-values";
import { loadScopeCatalogue } from "@/lib/classes/scope-catalogue";
import { formatInZone, instantToWallTime } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { plural, relativeTime } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Assignment" };

export default async function AssignmentOverviewPage({ params }: PageProps<"/classes/[classId]/assignments/[assignmentId]">) {
  const { classId, assignmentId } = await params;
  const user = await requireRole([...STAFF_ROLES], `/classes/${classId}/assignments/${assignmentId}`);
  const now = new Date();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const { assignment, scope, students } = await orNotFound(assignmentForStaff(db, user, assignmentId, now));
  if (assignment.classId !== classId) notFound();
  const catalogue = await loadScopeCatalogue(db);
  const started = students.reduce((n, s) => n + s.attempts.length, 0);
  const count = (status: string) => students.filter((s) => s.enrolled && s.status === status).length;
  const mock = scope.kind === "mock";
  return (
    <>
      <PageHeader
        title={assignment.title}
        description={`${assignment.class.name} · ${describeScope(scope)} · ${plural(assignment.questionCount, "question")} · ${minutesText(assignment.timeLimitMinutes)} · due ${relativeTime(assignment.dueAt, now)}, ${formatInZone(assignment.dueAt, timeZone)}`}
        actions={
          <>
            <ButtonLink href={`/classes/${classId}/assignments/${assignmentId}/report`}>Report and item analysis</ButtonLink>
            <ButtonLink href={`/classes/${classId}`} variant="secondary">
              Back to the class
            </ButtonLink>
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {[
          ["Submitted", count("SUBMITTED")],
          ["In progress", count("IN_PROGRESS")],
          ["Not started", count("OPEN") + count("NOT_OPEN")],
          ["Missed", count("MISSED")],
          ["Attempts in all", started],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-[var(--border)] bg-[var(--surface)] p-3">
            <dt className="text-xs text-[var(--text-muted)]">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <Card aria-labelledby="students-heading">
        <h2 id="students-heading" className="text-lg font-semibold">
          Students
        </h2>
        <p className="mt-1 text-sm text-[var(--text-muted)]">
          Review policy: {REVIEW_CONTENT_LABELS[assignment.reviewContent].toLowerCase()}, {REVIEW_TIMING_LABELS[assignment.reviewTiming].toLowerCase()}. You always see everything.
        </p>
        {students.length === 0 ? (
          <p className="mt-3 text-sm text-[var(--text-muted)]">No students in the class yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-[var(--border)]">
            {students.map((s) => {
              const latest = s.attempts.at(-1);
              return (
                <li key={s.userId} className="py-3">
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="font-medium wrap-anywhere">{s.name}</span>
                        <StatusBadge status={s.status} />
                        {!s.enrolled && <span className="text-xs text-[var(--text-muted)]">(no longer in the class)</span>}
                      </p>
                      <p className="text-sm text-[var(--text-muted)] wrap-anywhere">
                        {minutesText(s.timeLimitMinutes)}
                        {s.adjustments.length > 0 && ` (${s.adjustments.join(", ")})`} · due {formatInZone(s.dueAt, timeZone, { zoneName: false })} ·{" "}
                        {s.attempts.length} of {plural(s.attemptsAllowed, "attempt")} used
                      </p>
                    </div>
                    <div className="shrink-0 text-sm sm:text-right">
                      {s.attempts.map((a, i) => (
                        <p key={a.id}>
                          {a.status === "IN_PROGRESS" ? (
                            <span>
                              Attempt {i + 1}: in progress{a.deadline && `, ends ${formatInZone(a.deadline, timeZone, { zoneName: false })}`}
                            </span>
                          ) : (
                            <Link href={`/attempts/${a.id}/results`} className="font-medium text-brand-700 underline dark:text-brand-300">
                              Attempt {i + 1}: {mock ? `${a.scaledScore} scaled` : `${a.rawScore}/${assignment.questionCount}`}
                              {a.status === "EXPIRED" && " (graded at time-up)"}
                              <span className="sr-only"> for {s.name}</span>
                            </Link>
                          )}
                        </p>
                      ))}
                      {!latest && <p className="text-[var(--text-muted)]">No attempt yet</p>}
                    </div>
                  </div>
                  {s.enrolled && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">
                        {s.override ? "Change this student's override" : "Override for this student"}
                        <span className="sr-only"> ({s.name})</span>
                      </summary>
                      <div className="mt-3 rounded-lg border border-[var(--border)] p-4">
                        <OverrideForm
                          assignmentId={assignment.id}
                          userId={s.userId}
                          studentName={s.name}
                          current={{
                            dueAt: s.override?.dueAt ? instantToWallTime(s.override.dueAt, timeZone) : "",
                            timeLimit: s.override?.untimed ? "untimed" : (s.override?.timeLimitMinutes?.toString() ?? ""),
                            attemptsAllowed: s.override?.attemptsAllowed?.toString() ?? "",
                          }}
                        />
                      </div>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card className="mt-6" aria-labelledby="edit-heading">
        <details>
          <summary className="cursor-pointer">
            <h2 id="edit-heading" className="inline text-lg font-semibold">
              Edit assignment
            </h2>
          </summary>
          <div className="mt-4 max-w-3xl">
            <AssignmentForm target={{ assignmentId }} values={assignmentValues(assignment, timeZone)} catalogue={catalogue} timeZone={timeZone} started={started} />
          </div>
        </details>
        {started === 0 && (
          <div className="mt-6 border-t border-[var(--border)] pt-4">
            <InlineAction
              action={deleteAssignmentAction}
              fields={{ assignmentId, classId }}
              label="Delete assignment"
              pendingLabel="Deleting…"
              variant="danger"
              confirm="Delete this assignment? Nobody has started it."
            />
          </div>
        )}
      </Card>
    </>
  );
}
