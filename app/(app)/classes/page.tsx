import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ClassForm, JoinClassForm } from "@/components/classes/class-forms";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { isStaff } from "@/lib/auth/roles";
import { type ClassCard, managedClassCards, studentClassCards } from "@/lib/classes/class-pages";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { plural, relativeTime } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Classes" };

function ClassCards({ classes, now, timeZone, staff }: { classes: ClassCard[]; now: Date; timeZone: string; staff: boolean }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {classes.map((c) => (
        <li key={c.id} className="min-w-0">
          <Link
            href={`/classes/${c.id}`}
            className="block h-full rounded-xl border border-[var(--border)] bg-[var(--surface)] p-5 shadow-sm hover:border-brand-400 focus-visible:outline-2"
          >
            <p className="flex items-start justify-between gap-2">
              <span className="text-lg font-semibold wrap-anywhere">{c.name}</span>
              {c.archived && <span className="shrink-0 rounded-full bg-[var(--surface-muted)] px-2 py-0.5 text-xs font-semibold">Archived</span>}
            </p>
            <p className="mt-1 text-sm text-[var(--text-muted)]">
              {staff ? plural(c.students, "student") : `Taught by ${c.instructorName}`}
            </p>
            <p className="mt-3 text-sm wrap-anywhere">
              {c.nextDue ? (
                <>
                  Next due: <span className="font-medium">{c.nextDue.title}</span>, {relativeTime(c.nextDue.dueAt, now)} ({formatInZone(c.nextDue.dueAt, timeZone, { zoneName: false })})
                </>
              ) : (
                <span className="text-[var(--text-muted)]">Nothing due</span>
              )}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function ClassesPage() {
  const user = await requireUser("/classes");
  const now = new Date();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  if (isStaff(user.role)) {
    const classes = await managedClassCards(db, user, now);
    return (
      <>
        <PageHeader
          title="Classes"
          description={user.role === "ADMIN" ? "Every class on Stratus. Open one to see its roster and assignments." : "Your classes: rosters, assignments and accommodations."}
        />
        <div className="grid gap-8 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            {classes.length ? (
              <ClassCards classes={classes} now={now} timeZone={timeZone} staff />
            ) : (
              <EmptyState title="No classes yet">Create your first class: students join it with a code or a link, and you assign mock exams to it.</EmptyState>
            )}
          </div>
          <Card aria-labelledby="new-class-heading" className="h-fit">
            <h2 id="new-class-heading" className="mb-4 text-lg font-semibold">
              New class
            </h2>
            <ClassForm />
          </Card>
        </div>
      </>
    );
  }
  const classes = await studentClassCards(db, user.id, now);
  return (
    <>
      <PageHeader title="Classes" description="The classes you belong to and what your instructors assigned." />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {classes.length ? (
            <ClassCards classes={classes} now={now} timeZone={timeZone} staff={false} />
          ) : (
            <EmptyState title="You are not in a class yet">If your instructor runs a class on Stratus, ask them for its join code or link.</EmptyState>
          )}
        </div>
        <Card aria-labelledby="join-heading" className="h-fit">
          <h2 id="join-heading" className="mb-4 text-lg font-semibold">
            Join a class
          </h2>
          <JoinClassForm />
        </Card>
      </div>
    </>
  );
}
