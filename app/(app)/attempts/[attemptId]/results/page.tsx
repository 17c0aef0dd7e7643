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
import { loadResults } from "@/lib/exams/attempt-results";
import { orNotFound } from "@/lib/exams/page-errors";
import { examSettings } from "@/lib/exams/settings";

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({ params }: PageProps<"/attempts/[attemptId]/results">) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${attemptId}/results`);
  const results = await orNotFound(loadResults(db, { userId: user.id, attemptId, now: new Date(), settings: examSettings() }));
  if (!results) redirect(`/attempts/${attemptId}`);
  // Full-length sets get the scaled score; quizzes and drills a raw score.
  const mock = results.mode === "MOCK" || results.mode === "FINAL_MOCK" || results.mode === "REVIEW_EXAM";
  const answered = results.items.filter((i) => i.answered).length;
  return (
    <>
      <PageHeader
        title={mock ? `${results.title} results` : "Practice results"}
        description={`${results.title} · ${new Date(results.startedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}${results.status === "EXPIRED" ? " · graded when time ran out" : ""}`}
        actions={
          <>
            <ButtonLink href={mock ? "/exams" : "/practice"} variant="secondary">
              {mock ? "All exams" : "Practice more"}
            </ButtonLink>
          </>
        }
      />
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
      </div>
      <div className="mt-10">
        <ReviewList items={results.items} />
      </div>
    </>
  );
}
