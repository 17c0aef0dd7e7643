import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/classes/assigned-list";
import { ScoreDistribution } from "@/components/classes/score-distribution";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { minutesText } from "@/lib/classes/form-values";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { plainQuestionText } from "@/lib/exams/question-text";
import { loadAssignmentReport } from "@/lib/insights/assignment-report";
import { keyDisputedQuestionIds } from "@/lib/question-reports/key-disputes";

export const metadata: Metadata = { title: "Assignment report" };

const FLAG_TEXT = {
  NEGATIVE_DISCRIMINATION: "negative discrimination: check the key",
  LOW_DISCRIMINATION: "low discrimination",
  UNUSED_DISTRACTOR: "a distractor nobody picked",
} as const;

const plain = plainQuestionText;

const fixed = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export default async function AssignmentReportPage({ params, searchParams }: PageProps<"/classes/[classId]/assignments/[assignmentId]/report">) {
  const { classId, assignmentId } = await params;
  const which = (await searchParams).attempts === "all" ? "all" : "first";
  const user = await requireRole([...STAFF_ROLES], `/classes/${classId}/assignments/${assignmentId}/report`);
  const report = await orNotFound(loadAssignmentReport(db, user, { assignmentId, now: new Date(), which }));
  if (report.assignment.classId !== classId) notFound();
  const base = `/classes/${classId}/assignments/${assignmentId}`;
  const disputed = await keyDisputedQuestionIds(db, report.questions.map((q) => q.questionId));
  const t = report.test;
  return (
    <>
      <PageHeader
        title={`${report.assignment.title}: report`}
        description={`${report.assignment.class.name} · ${report.counted} graded ${report.counted === 1 ? "attempt" : "attempts"} counted (${which === "first" ? "each student's first" : "all attempts"})`}
        actions={
          <>
            <ButtonLink href={which === "first" ? `${base}/report?attempts=all` : `${base}/report`} variant="secondary">
              {which === "first" ? "Count all attempts" : "First attempts only"}
            </ButtonLink>
            <a href={`/api/classes/${classId}/assignments/${assignmentId}/responses`} download className={buttonClasses("secondary")}>
              Download responses (CSV)
            </a>
            <ButtonLink href={base} variant="secondary">
              The assignment
            </ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="stats-heading">
          <h2 id="stats-heading" className="text-lg font-semibold">
            Test statistics
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <dt className="text-[var(--text-muted)]">Mean</dt>
            <dd className="tabular-nums">{t.attempts ? `${fixed(t.mean, 1)} of ${t.questions}` : "—"}</dd>
            <dt className="text-[var(--text-muted)]">Median</dt>
            <dd className="tabular-nums">{t.attempts ? fixed(t.median, 1) : "—"}</dd>
            <dt className="text-[var(--text-muted)]">Standard deviation</dt>
            <dd className="tabular-nums">{fixed(t.sd)}</dd>
            <dt className="text-[var(--text-muted)]">Cronbach&apos;s alpha</dt>
            <dd className="tabular-nums">{fixed(t.alpha)}</dd>
            <dt className="text-[var(--text-muted)]">Standard error</dt>
            <dd className="tabular-nums">{fixed(t.sem)}</dd>
          </dl>
          <p className="mt-3 text-xs text-[var(--text-muted)]">
            Formulas and a worked example: docs/item-analysis.md. Alpha above 0.7 means the scores are consistent enough to rank students.
          </p>
        </Card>
        <Card className="lg:col-span-2" aria-labelledby="distribution-heading">
          <h2 id="distribution-heading" className="mb-3 text-lg font-semibold">
            Score distribution
          </h2>
          <ScoreDistribution percents={report.percents} />
        </Card>
      </div>

      <Card className="mt-6" aria-labelledby="students-heading">
        <h2 id="students-heading" className="text-lg font-semibold">
          Students
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead>
              <tr className="text-[var(--text-muted)]">
                <th className="py-1 font-medium">Student</th>
                <th className="py-1 font-medium">Status</th>
                <th className="py-1 text-right font-medium">Score</th>
                <th className="py-1 text-right font-medium">Scaled</th>
                <th className="py-1 text-right font-medium">Time used</th>
                <th className="py-1 pl-4 font-medium">Terms</th>
              </tr>
            </thead>
            <tbody>
              {report.students.map((s) => {
                const a = s.attempts.filter((x) => x.status !== "IN_PROGRESS").at(0);
                return (
                  <tr key={s.userId} className="border-t border-[var(--border)]">
                    <td className="py-1.5 wrap-anywhere">{s.name}</td>
                    <td className="py-1.5">
                      <StatusBadge status={s.status} />
                    </td>
                    <td className="py-1.5 text-right tabular-nums">
                      {a ? (
                        <Link href={`/attempts/${a.id}/results`} className="text-brand-700 underline dark:text-brand-300">
                          {a.rawScore}/{report.assignment.questionCount}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{a?.scaledScore ?? "—"}</td>
                    <td className="py-1.5 text-right tabular-nums">{a ? minutesText(report.timeUsedMinutes.get(a.id) ?? 0) : "—"}</td>
                    <td className="py-1.5 pl-4 text-[var(--text-muted)]">{s.adjustments.join(", ") || "standard"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>

      <Card className="mt-6" aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        <p className="mt-1 text-sm text-[var(--text-muted)]">
          Facility: share right. Discrimination: this question against the rest of the test (corrected point-biserial). Choices: picked by all / top third / bottom third.
        </p>
        {report.questions.length === 0 ? (
          <p className="mt-3 text-sm text-[var(--text-muted)]">No graded attempts yet.</p>
        ) : (
          <ol className="mt-3 divide-y divide-[var(--border)]">
            {report.questions.map((q) => (
              <li key={q.questionId} className="py-3">
                <p className="text-sm wrap-anywhere">
                  <span className="font-semibold">Q{q.position}.</span> {plain(q.stem).slice(0, 220)}
                  {plain(q.stem).length > 220 && "…"}
                </p>
                <p className="mt-1 flex flex-wrap gap-x-4 text-sm tabular-nums">
                  <span>Facility {pct(q.stats.facility)}</span>
                  <span>Discrimination {fixed(q.stats.discrimination)}</span>
                  {disputed.has(q.questionId) && (
                    <Link
                      href="/questions/reports?status=OPEN&reason=WRONG_KEY"
                      className="rounded-full bg-red-100 px-2 text-xs font-semibold text-red-900 underline dark:bg-red-950 dark:text-red-100"
                    >
                      ⚠ Key disputed
                    </Link>
                  )}
                  {q.stats.flags.map((f) => (
                    <span key={f} className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                      ⚑ {FLAG_TEXT[f]}
                    </span>
                  ))}
                </p>
                {q.stats.choices.length > 0 && (
                  <ul className="mt-1 grid gap-x-6 text-xs sm:grid-cols-2">
                    {q.stats.choices.map((c) => (
                      <li key={c.key} className={cn("wrap-anywhere", c.correct && "font-semibold")}>
                        {c.key.toUpperCase()}
                        {c.correct ? " ✓" : ""} {pct(c.all)} / {pct(c.top)} / {pct(c.bottom)} · {(q.choiceTexts[c.key] ?? "").slice(0, 60)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
