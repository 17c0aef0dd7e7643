import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ScoreBars } from "@/components/charts/domain-bars";
import { ReviewList } from "@/components/exam/review-list";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/classes/wall-time";
import { loadResultsForViewer } from "@/lib/exams/attempt-results";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";
import { orNotFound } from "@/lib/exams/page-errors";
import { examSettings } from "@/lib/exams/settings";
import { myReportNotes } from "@/lib/question-reports/my-reports";

export const metadata: Metadata = { title: "Results" };

async function isOwner(attemptId: string, userId: string): Promise<boolean> {
  return (await db.attempt.count({ where: { id: attemptId, userId } })) > 0;
}

export default async function ResultsPage({ params }: PageProps<"/attempts/[attemptId]/results">) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${attemptId}/results`);
  const results = await orNotFound(loadResultsForViewer(db, { viewer: user, attemptId, now: new Date(), settings: examSettings() }));
  if (!results) redirect(results === null && (await isOwner(attemptId, user.id)) ? `/attempts/${attemptId}` : "/classes");
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  // Full-length sets get the scaled score; quizzes, drills and scoped assignments a raw score.
  const mock = results.mode === "MOCK" || results.mode === "FINAL_MOCK" || results.mode === "REVIEW_EXAM" || (results.mode === "ASSIGNMENT" && results.questionCount === 65);
  const answered = results.answeredCount;
  const back = results.assignment
    ? results.viewer === "staff"
      ? { href: `/classes/${results.assignment.classId}/assignments/${results.assignment.id}`, label: "The assignment" }
      : { href: `/assignments/${results.assignment.id}`, label: "The assignment" }
    : mock
      ? { href: "/exams", label: "All exams" }
      : { href: "/practice", label: "Practice more" };
  const when = new Date(results.startedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  const header = (
    <PageHeader
      title={results.viewer === "staff" ? `${results.ownerName}: ${results.title}` : mock || results.assignment ? `${results.title} results` : "Practice results"}
      description={`${results.title} · ${when}${results.status === "EXPIRED" ? " · graded when time ran out" : ""}`}
      actions={
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      }
    />
  );
  const v = results.visibility;
  // The student who sat it may report a question whose answer is shown; staff see the queue instead.
  const reporting =
    results.viewer === "owner" && v.questions
      ? { attemptId, notes: await myReportNotes(db, { userId: user.id, questionIds: results.items.map((i) => i.questionId) }) }
      : undefined;
  if (!v.score) {
    return (
      <>
        {header}
        <Card className="max-w-2xl">
          <h2 className="text-lg font-semibold">Submitted</h2>
          <p className="mt-2">
            Your instructor shares results after the due time: they open {v.availableAt ? formatInZone(v.availableAt, timeZone) : "later"}. You answered{" "}
            {answered} of {results.questionCount} questions.
          </p>
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <h2 className="text-sm font-medium text-[var(--text-muted)]">{mock ? "Scaled score" : "Score"}</h2>
          <p className="mt-1 text-5xl font-bold tabular-nums">{mock ? results.scaledScore : `${results.rawScore}/${results.questionCount}`}</p>
          <p
            className={cn(
              "mt-3 inline-block rounded-full px-3 py-1 text-sm font-semibold",
              results.passed ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
            )}
          >
            {results.passed ? "✓ Pass" : "✗ Below the pass mark"} {mock && "(720 to pass)"}
          </p>
          <dl className="mt-5 grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-[var(--text-muted)]">Correct</dt>
              <dd className="font-semibold">
                {results.rawScore} of {results.questionCount}
              </dd>
            </div>
            <div>
              <dt className="text-[var(--text-muted)]">Answered</dt>
              <dd className="font-semibold">{answered}</dd>
            </div>
            <div>
              <dt className="text-[var(--text-muted)]">Average time</dt>
              <dd className="font-semibold">{results.totalSeconds > 0 ? `${results.averageSecondsPerQuestion} s per question` : "not measured"}</dd>
            </div>
            <div>
              <dt className="text-[var(--text-muted)]">Exam pace</dt>
              <dd className="font-semibold">120 s per question</dd>
            </div>
          </dl>
          <p className="mt-4 text-xs text-[var(--text-muted)]">
            The scaled score is Stratus&apos;s estimate (AWS does not publish its scale): 0% → 100, 72% → 720, 100% → 1000.
          </p>
        </Card>
        {v.domains ? (
        <Card className="lg:col-span-2">
          <h2 className="mb-4 text-lg font-semibold">By domain</h2>
          <ScoreBars
            caption="Percent correct in each domain. The real exam has no per-domain pass mark; weak domains show where to study."
            rows={results.domains.map((d) => ({ label: `${d.number}. ${d.title}`, percent: d.percent, detail: `${d.correct}/${d.total}` }))}
          />
          <details className="mt-5">
            <summary className="cursor-pointer text-sm font-medium">By task statement</summary>
            <table className="mt-3 w-full text-left text-sm">
              <thead>
                <tr className="text-[var(--text-muted)]">
                  <th className="py-1 font-medium">Task statement</th>
                  <th className="py-1 text-right font-medium">Correct</th>
                </tr>
              </thead>
              <tbody>
                {results.taskStatements.map((t) => (
                  <tr key={t.code} className="border-t border-[var(--border)]">
                    <td className="py-1.5">
                      {t.code} {t.title}
                    </td>
                    <td className="py-1.5 text-right tabular-nums">
                      {t.correct}/{t.total} ({t.percent}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
        ) : (
          <Card className="lg:col-span-2">
            <h2 className="text-lg font-semibold">Your score</h2>
            <p className="mt-2 text-sm text-[var(--text-muted)]">Your instructor shares the score only for this assignment, not the questions or the per-domain results.</p>
          </Card>
        )}
      </div>
      <div className="mt-10">
        {v.questions ? (
          <ReviewList items={results.items} reporting={reporting} />
        ) : (
          v.domains && <p className="text-sm text-[var(--text-muted)]">Your instructor shares the score and per-domain results for this assignment, not the questions.</p>
        )}
      </div>
    </>
  );
}
