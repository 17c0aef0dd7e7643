// The class dashboard's parts: the students' table (sortable by its headers),
// the students × task statements heat map, and the weakest task statements.
// Server components: sorting and filtering are links and a GET form, so they
// work without JavaScript and every view has its own URL.
import { Link } from "@/components/ui/link";
import { masteryTone } from "@/components/dashboard/mastery-heatmap";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { StudentStanding } from "@/lib/classes/class-dashboard";
import type { BlueprintDomain, StandingSort, WeakTaskStatement } from "@/lib/classes/class-standing";
import { plural, relativeTime } from "@/lib/format/plural";

export type View = { sort: StandingSort; dir: "asc" | "desc"; risk: boolean; q: string; page: number };

/** Students per page of the table and the heat map. */
export const STANDINGS_PAGE = 50;

export function viewHref(classId: string, view: View, change: Partial<View> = {}): string {
  // A new sort or filter starts at the first page.
  const v = { ...view, page: 1, ...change };
  const params = new URLSearchParams({ sort: v.sort, dir: v.dir });
  if (v.page > 1) params.set("page", String(v.page));
  if (v.risk) params.set("risk", "1");
  if (v.q) params.set("q", v.q);
  return `/classes/${classId}/progress?${params}`;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function SortHeader({ classId, view, sort, children, className }: { classId: string; view: View; sort: StandingSort; children: string; className?: string }) {
  const active = view.sort === sort;
  // First click sorts the way an instructor looks for trouble: names A–Z, everything else worst first.
  const firstDir = sort === "name" ? "asc" : sort === "risk" ? "desc" : "asc";
  const dir = active ? (view.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <th scope="col" aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined} className={cn("px-2 py-2 text-left font-semibold", className)}>
      <Link href={viewHref(classId, view, { sort, dir })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {children}
        <span aria-hidden className="text-xs text-[var(--text-muted)]">
          {active ? (view.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${view.dir === "asc" ? "ascending" : "descending"}; sort the other way` : ", sort by this column"}</span>
      </Link>
    </th>
  );
}

function MasteryChip({ mastery, label }: { mastery: number | null; label: string }) {
  return (
    <span className={cn("inline-block min-w-11 rounded px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums", masteryTone(mastery))}>
      {mastery === null ? "—" : percent(mastery)}
      <span className="sr-only"> {label}</span>
    </span>
  );
}

export function StandingsTable({ classId, view, students, domains, now }: { classId: string; view: View; students: StudentStanding[]; domains: BlueprintDomain[]; now: Date }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Students, scroll sideways for more columns">
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">
          Students of the class with their predicted score, chance of passing, mastery per domain, assignments and last activity. Column headers sort.
        </caption>
        <thead className="border-b border-[var(--border)]">
          <tr>
            <SortHeader classId={classId} view={view} sort="risk">At risk</SortHeader>
            <SortHeader classId={classId} view={view} sort="name">Student</SortHeader>
            <SortHeader classId={classId} view={view} sort="score">Predicted score</SortHeader>
            <SortHeader classId={classId} view={view} sort="pass">Chance of passing</SortHeader>
            {domains.map((d) => (
              <th key={d.number} scope="col" className="px-2 py-2 text-left font-semibold" title={d.title}>
                D{d.number}
                <span className="sr-only"> {d.title} mastery</span>
              </th>
            ))}
            <SortHeader classId={classId} view={view} sort="assignments">Assignments</SortHeader>
            <SortHeader classId={classId} view={view} sort="activity">Last active</SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--border)]">
          {students.map((s) => (
            <tr key={s.userId} className={s.risk.atRisk ? "bg-red-50 dark:bg-red-950/40" : undefined}>
              <td className="px-2 py-2 align-top">
                {s.risk.atRisk ? (
                  <span className="inline-flex flex-col">
                    <span className="w-fit rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">At risk</span>
                    <span className="mt-1 text-xs text-red-800 dark:text-red-200">{s.risk.reasons.join("; ")}</span>
                  </span>
                ) : (
                  <span className="text-xs text-[var(--text-muted)]">
                    On track<span className="sr-only"> (not at risk)</span>
                  </span>
                )}
              </td>
              <th scope="row" className="px-2 py-2 text-left align-top font-normal">
                <Link href={`/classes/${classId}/students/${s.userId}`} className="font-medium text-brand-700 underline dark:text-brand-300 wrap-anywhere">
                  {s.name}
                </Link>
                <span className="block text-xs text-[var(--text-muted)] wrap-anywhere">{s.email}</span>
              </th>
              <td className="px-2 py-2 align-top tabular-nums">
                {s.readiness.ready ? (
                  <>
                    <span className="font-semibold">{s.readiness.predictedScore}</span>
                    <span className="block text-xs text-[var(--text-muted)]">
                      80%: {s.readiness.low}–{s.readiness.high}
                    </span>
                  </>
                ) : (
                  <span className="text-xs text-[var(--text-muted)]">needs {plural(s.readiness.answersNeeded, "more answer")}</span>
                )}
              </td>
              <td className="px-2 py-2 align-top tabular-nums">{s.readiness.ready ? percent(s.readiness.passProbability) : "—"}</td>
              {s.domains.map((d) => (
                <td key={d.domain} className="px-2 py-2 align-top">
                  <MasteryChip mastery={d.mastery} label={`domain ${d.domain} mastery`} />
                </td>
              ))}
              <td className="px-2 py-2 align-top tabular-nums">
                {s.assignments.done}/{s.assignments.total}
                {s.assignments.meanScaled !== null && <span className="block text-xs text-[var(--text-muted)]">mean {s.assignments.meanScaled}</span>}
              </td>
              <td className="px-2 py-2 align-top">{s.lastActivity ? relativeTime(s.lastActivity, now) : "never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pages({ classId, view, total }: { classId: string; view: View; total: number }) {
  const pages = Math.ceil(total / STANDINGS_PAGE);
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of students" className="mt-3 flex flex-wrap items-center gap-1 text-sm">
      {Array.from({ length: pages }, (_, i) => i + 1).map((n) =>
        n === view.page ? (
          <span key={n} aria-current="page" className="rounded-md bg-brand-700 px-2.5 py-1 font-semibold text-white">
            {n}
          </span>
        ) : (
          <Link key={n} href={viewHref(classId, view, { page: n })} className="rounded-md px-2.5 py-1 text-brand-700 underline dark:text-brand-300">
            <span className="sr-only">Page </span>
            {n}
          </Link>
        ),
      )}
    </nav>
  );
}

export function ClassHeatmap({ classId, students, domains }: { classId: string; students: StudentStanding[]; domains: BlueprintDomain[] }) {
  const columns = domains.flatMap((d) => d.taskStatements.map((t) => ({ ...t, domain: d.number })));
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Mastery heat map, scroll sideways for more task statements">
      <table className="border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">Mastery of each student (rows) on each task statement (columns): the chance of answering a medium question right; a dash where the student has no answers.</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-[var(--surface)] px-2 text-left font-semibold">
              Student
            </th>
            {columns.map((t) => (
              <th key={t.code} scope="col" className="px-1 font-semibold tabular-nums" title={t.title}>
                {t.code}
                <span className="sr-only"> {t.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.userId}>
              <th scope="row" className="sticky left-0 z-10 max-w-40 truncate bg-[var(--surface)] px-2 text-left font-normal">
                <Link href={`/classes/${classId}/students/${s.userId}`} className="underline-offset-2 hover:underline">
                  {s.name}
                </Link>
              </th>
              {columns.map((t) => {
                const cell = s.taskStatements[t.code];
                return (
                  <td
                    key={t.code}
                    className={cn("min-w-10 rounded px-1 py-1 text-center font-semibold tabular-nums", masteryTone(cell?.mastery ?? null))}
                    title={cell ? `${s.name}, ${t.code}: ${percent(cell.mastery)} from ${plural(cell.evidence, "answer")}` : `${s.name}, ${t.code}: no answers`}
                  >
                    {cell ? Math.round(cell.mastery * 100) : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WeakestTaskStatements({ classId, weakest, archived }: { classId: string; weakest: WeakTaskStatement[]; archived: boolean }) {
  if (!weakest.length) {
    return <p className="text-sm text-[var(--text-muted)]">No task statement has enough answers from this class yet (3 per student).</p>;
  }
  return (
    <ol className="divide-y divide-[var(--border)]">
      {weakest.map((t, i) => (
        <li key={t.code} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="font-medium wrap-anywhere">
              {i + 1}. {t.code} {t.title}
            </p>
            <p className="text-sm text-[var(--text-muted)]">
              {percent(t.blueprintWeight)} of the exam · class mastery {percent(t.classMastery)} ({plural(t.students, "student")}) · about{" "}
              {(t.priority * 65).toFixed(1)} of 65 questions at stake
            </p>
          </div>
          {!archived && (
            <Link href={`/classes/${classId}/assignments/new?taskStatement=${encodeURIComponent(t.code)}`} className={buttonClasses("secondary", "sm", "shrink-0")}
              aria-label={`Assign a drill on this: ${t.code}`}
            >
              Assign a drill on this
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
