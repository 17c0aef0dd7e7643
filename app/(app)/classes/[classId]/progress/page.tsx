import type { Metadata } from "next";
import { ClassHeatmap, Pages, STANDINGS_PAGE, StandingsTable, WeakestTaskStatements, viewHref } from "@/components/classes/class-progress";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadClassDashboard } from "@/lib/classes/class-dashboard";
import { AT_RISK, arrangeStandings } from "@/lib/classes/class-standing";
import { standingViewSchema } from "@/lib/classes/inputs";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { plural } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Class progress" };

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

export default async function ClassProgressPage({ params, searchParams }: PageProps<"/classes/[classId]/progress">) {
  const { classId } = await params;
  const user = await requireRole([...STAFF_ROLES], `/classes/${classId}/progress`);
  const view = standingViewSchema.parse(await searchParams);
  const now = new Date();
  const d = await orNotFound(loadClassDashboard(db, user, classId, now));
  const matching = arrangeStandings(d.students, { sort: view.sort, dir: view.dir, atRiskOnly: view.risk, query: view.q });
  const page = Math.min(view.page, Math.max(1, Math.ceil(matching.length / STANDINGS_PAGE)));
  const shown = matching.slice((page - 1) * STANDINGS_PAGE, page * STANDINGS_PAGE);
  const atRisk = d.students.filter((s) => s.risk.atRisk).length;
  const predicted = d.students.flatMap((s) => (s.readiness.ready ? [s.readiness] : []));
  const likelyPass = predicted.filter((r) => r.passProbability >= 0.5).length;
  const medianScore = median(predicted.map((r) => r.predictedScore));

  return (
    <>
      <PageHeader
        title={`Progress: ${d.name}`}
        description="Who is on track, who needs you, and where the class is weak."
        actions={
          <ButtonLink href={`/classes/${classId}`} variant="secondary">
            Back to the class
          </ButtonLink>
        }
      />
      {d.students.length === 0 ? (
        <EmptyState title="No students yet">Share the class&apos;s join code; each student&apos;s progress appears here as they study.</EmptyState>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {[
              ["Students", String(d.students.length)],
              ["At risk", String(atRisk)],
              ["Median predicted score", medianScore === null ? "—" : String(medianScore)],
              ["Likely to pass", predicted.length ? `${likelyPass} of ${predicted.length} predicted` : "—"],
            ].map(([label, value]) => (
              <div key={label} className="rounded-xl border border-[var(--border)] bg-[var(--surface)] p-4">
                <dt className="text-sm text-[var(--text-muted)]">{label}</dt>
                <dd className="mt-1 text-2xl font-bold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>

          <Card aria-labelledby="weakest-heading">
            <h2 id="weakest-heading" className="text-lg font-semibold">
              Weakest task statements
            </h2>
            <p className="mb-2 text-sm text-[var(--text-muted)]">
              Ranked by the share of the exam a task statement carries × how much of it the class has yet to master (the students with at least 3 answers on it).
            </p>
            <WeakestTaskStatements classId={classId} weakest={d.weakest} archived={d.archived} />
          </Card>

          <Card aria-labelledby="students-heading">
            <h2 id="students-heading" className="text-lg font-semibold">
              Students
            </h2>
            <p className="mb-3 text-sm text-[var(--text-muted)]">
              At risk: under a {Math.round(AT_RISK.passProbability * 100)}% predicted chance of passing, or no activity for {AT_RISK.inactiveDays} days.
              Predictions need 40 answers across the four domains; the interval is 80% likely to hold the score.
            </p>
            <form method="get" action={`/classes/${classId}/progress`} className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter students">
              <input type="hidden" name="sort" value={view.sort} />
              <input type="hidden" name="dir" value={view.dir} />
              <label className="text-sm">
                <span className="block font-medium">Name or email</span>
                <input
                  type="search"
                  name="q"
                  defaultValue={view.q}
                  maxLength={100}
                  className="mt-1 w-56 rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-1.5 text-base"
                />
              </label>
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input type="checkbox" name="risk" value="1" defaultChecked={view.risk} className="h-4 w-4" />
                At risk only
              </label>
              <button type="submit" className={buttonClasses("secondary", "sm")}>
                Filter
              </button>
              {(view.q || view.risk) && (
                <a href={viewHref(classId, { ...view, q: "", risk: false })} className="pb-2 text-sm text-brand-700 underline dark:text-brand-300">
                  Show everyone
                </a>
              )}
            </form>
            <p className="mb-2 text-sm" role="status">
              {matching.length > shown.length
                ? `Showing ${(page - 1) * STANDINGS_PAGE + 1}–${(page - 1) * STANDINGS_PAGE + shown.length} of ${plural(matching.length, "student")}`
                : `Showing ${plural(shown.length, "student")}`}
              {matching.length !== d.students.length && ` (${d.students.length} in the class)`}.
            </p>
            {shown.length ? (
              <>
                <StandingsTable classId={classId} view={{ ...view, page }} students={shown} domains={d.domains} now={now} />
                <Pages classId={classId} view={{ ...view, page }} total={matching.length} />
              </>
            ) : (
              <p className="text-sm text-[var(--text-muted)]">No student matches. Clear the filter to see everyone.</p>
            )}
          </Card>

          <Card aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading" className="text-lg font-semibold">
              Mastery by student and task statement
            </h2>
            <p className="mb-3 text-sm text-[var(--text-muted)]">
              Each cell: the chance (%) that the student answers a medium question on that task statement right. Red under 45, amber to 60, green above.
              The same students, order and page as the table above.
            </p>
            <ClassHeatmap classId={classId} students={shown} domains={d.domains} />
          </Card>
        </div>
      )}
    </>
  );
}
