import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AssignedList } from "@/components/classes/assigned-list";
import { AccommodationForm, ClassForm } from "@/components/classes/class-forms";
import { CopyText } from "@/components/classes/copy-text";
import { InlineAction } from "@/components/classes/inline-action";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { archiveClassAction, leaveClassAction, removeStudentAction, rotateJoinCodeAction } from "@/lib/classes/actions";
import { type RosterRow, classForStaff } from "@/lib/classes/class-pages";
import { minutesText } from "@/lib/classes/form-values";
import { assignedToStudent } from "@/lib/classes/student-assignments";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { serverEnv } from "@/lib/env";
import { plural, relativeTime } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Class" };

function accommodationText(a: RosterRow["accommodation"]): string | null {
  if (!a) return null;
  const parts = [a.timeMultiplier === null ? "unlimited time" : a.timeMultiplier !== 1 ? `×${a.timeMultiplier} time` : null, a.extraAttempts ? `+${plural(a.extraAttempts, "attempt")}` : null].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

export default async function ClassPage({ params }: PageProps<"/classes/[classId]">) {
  const { classId } = await params;
  const user = await requireUser(`/classes/${classId}`);
  const now = new Date();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const found = await orNotFound(classForStaff(db, user, classId));
  const archived = found.archivedAt !== null;

  if (found.viewer === "student") {
    const assigned = (await assignedToStudent(db, { userId: user.id, now })).filter((a) => a.classId === classId);
    return (
      <>
        <PageHeader title={found.name} description={found.description || undefined} />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="min-w-0 lg:col-span-2" aria-labelledby="assigned-heading">
            <h2 id="assigned-heading" className="text-lg font-semibold">
              Assignments
            </h2>
            {archived && <p className="mt-2 text-sm text-[var(--text-muted)]">This class is archived: its assignments are closed.</p>}
            {assigned.length ? (
              <AssignedList items={assigned} now={now} timeZone={timeZone} showClass={false} />
            ) : (
              <p className="mt-2 text-sm text-[var(--text-muted)]">Nothing assigned yet. Assignments appear here and on your dashboard.</p>
            )}
          </Card>
          <Card aria-labelledby="leave-heading" className="h-fit">
            <h2 id="leave-heading" className="text-lg font-semibold">
              Leave this class
            </h2>
            <p className="mt-1 mb-3 text-sm text-[var(--text-muted)]">Your instructor keeps the results of what you have already submitted.</p>
            <InlineAction action={leaveClassAction} fields={{ classId }} label="Leave class" pendingLabel="Leaving…" variant="danger" confirm="Leave this class?" />
          </Card>
        </div>
      </>
    );
  }

  const joinLink = `${serverEnv().STRATUS_PUBLIC_URL.replace(/\/$/, "")}/classes/join/${found.joinCode}`;
  return (
    <>
      <PageHeader
        title={found.name}
        description={
          <>
            {archived && <span className="mr-2 rounded-full bg-[var(--surface-muted)] px-2 py-0.5 text-xs font-semibold text-[var(--text)]">Archived</span>}
            {found.description || `${plural(found.roster.length, "student")}`}
          </>
        }
        actions={
          <>
            <ButtonLink href={`/classes/${classId}/progress`} variant="secondary">
              Class progress
            </ButtonLink>
            {!archived && <ButtonLink href={`/classes/${classId}/assignments/new`}>New assignment</ButtonLink>}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="assignments-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="assignments-heading" className="text-lg font-semibold">
                Assignments
              </h2>
              {found.assignments.length > 0 && (
                <a href={`/api/classes/${classId}/gradebook`} download className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
                  Download the gradebook (CSV)
                </a>
              )}
            </div>
            {found.assignments.length === 0 ? (
              <p className="mt-2 text-sm text-[var(--text-muted)]">
                {archived ? "No assignments." : "Nothing assigned yet. Assign a full mock or a scoped set with a due time; students see it on their dashboard."}
              </p>
            ) : (
              <ul className="mt-2 divide-y divide-[var(--border)]">
                {found.assignments.map((a) => (
                  <li key={a.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/classes/${classId}/assignments/${a.id}`} className="font-medium wrap-anywhere underline-offset-2 hover:underline">
                        {a.title}
                      </Link>
                      <p className="text-sm text-[var(--text-muted)] wrap-anywhere">
                        {a.what} · {minutesText(a.timeLimitMinutes)} · due {relativeTime(a.dueAt, now)} ({formatInZone(a.dueAt, timeZone, { zoneName: false })})
                      </p>
                    </div>
                    <p className="shrink-0 text-sm tabular-nums">
                      {a.submitted}/{found.roster.length} submitted
                      {a.inProgress > 0 && ` · ${a.inProgress} in progress`}
                      {a.overrides > 0 && ` · ${plural(a.overrides, "override")}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="roster-heading">
            <h2 id="roster-heading" className="text-lg font-semibold">
              Roster <span className="text-sm font-normal text-[var(--text-muted)]">({plural(found.roster.length, "student")})</span>
            </h2>
            {found.roster.length === 0 ? (
              <p className="mt-2 text-sm text-[var(--text-muted)]">No students yet. Share the join code or link.</p>
            ) : (
              <ul className="mt-2 divide-y divide-[var(--border)]">
                {found.roster.map((s) => (
                  <li key={s.userId} className="min-w-0 py-3">
                    <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0">
                        <p className="font-medium wrap-anywhere">{s.name}</p>
                        <p className="text-sm text-[var(--text-muted)] wrap-anywhere">{s.email}</p>
                      </div>
                      <dl className="grid shrink-0 grid-cols-[auto_1fr] gap-x-2 text-sm sm:text-right">
                        <dt className="text-[var(--text-muted)]">Joined</dt>
                        <dd>{formatInZone(s.joinedAt, timeZone, { zoneName: false })}</dd>
                        <dt className="text-[var(--text-muted)]">Last active</dt>
                        <dd>{s.lastActivity ? relativeTime(s.lastActivity, now) : "never"}</dd>
                      </dl>
                    </div>
                    {accommodationText(s.accommodation) && (
                      <p className="mt-1 text-sm">
                        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900 dark:bg-brand-950 dark:text-brand-100">
                          {accommodationText(s.accommodation)}
                        </span>
                        {s.accommodation?.note && <span className="ml-2 text-[var(--text-muted)]">{s.accommodation.note}</span>}
                      </p>
                    )}
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">
                        Accommodation and removal<span className="sr-only"> for {s.name}</span>
                      </summary>
                      <div className="mt-3 space-y-4 rounded-lg border border-[var(--border)] p-4">
                        <AccommodationForm classId={classId} userId={s.userId} studentName={s.name} current={s.accommodation} />
                        <InlineAction
                          action={removeStudentAction}
                          fields={{ classId, userId: s.userId }}
                          label="Remove from class"
                          pendingLabel="Removing…"
                          variant="danger"
                          confirm={`Remove ${s.name}? Their submitted work is kept.`}
                        />
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="join-heading">
            <h2 id="join-heading" className="text-lg font-semibold">
              Join code
            </h2>
            {archived ? (
              <p className="mt-2 text-sm text-[var(--text-muted)]">An archived class takes no new students. Restore it to reopen joining.</p>
            ) : (
              <div className="mt-3 space-y-3">
                <p className="font-mono text-3xl font-bold tracking-widest" aria-label={`Join code ${found.joinCode.split("").join(" ")}`}>
                  {found.joinCode}
                </p>
                <CopyText label="Join link" value={joinLink} />
                <InlineAction
                  action={rotateJoinCodeAction}
                  fields={{ classId }}
                  label="New code"
                  pendingLabel="Rotating…"
                  confirm="Replace the code? The old code and link stop working."
                />
              </div>
            )}
          </Card>
          <Card aria-labelledby="settings-heading">
            <h2 id="settings-heading" className="mb-3 text-lg font-semibold">
              Class settings
            </h2>
            <ClassForm editing={{ classId, name: found.name, description: found.description }} />
            <div className="mt-6 border-t border-[var(--border)] pt-4">
              {archived ? (
                <InlineAction action={archiveClassAction} fields={{ classId, archived: "false" }} label="Restore class" pendingLabel="Restoring…" />
              ) : (
                <>
                  <p className="mb-2 text-sm text-[var(--text-muted)]">Archiving closes joining and new assignments; everything is kept.</p>
                  <InlineAction action={archiveClassAction} fields={{ classId, archived: "true" }} label="Archive class" pendingLabel="Archiving…" confirm="Archive this class?" />
                </>
              )}
            </div>
          </Card>
          {found.roster.length === 0 && found.assignments.length === 0 && (
            <EmptyState title="Getting started">Share the join code, then assign a mock exam with a due time.</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
