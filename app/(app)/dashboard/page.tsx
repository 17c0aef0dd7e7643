import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ScoreTrend } from "@/components/charts/score-trend";
import { AssignedCard } from "@/components/classes/assigned-card";
import { ActivityBars } from "@/components/dashboard/activity-bars";
import { MasteryHeatmap } from "@/components/dashboard/mastery-heatmap";
import { PacingSummary } from "@/components/dashboard/pacing-summary";
import { ReadinessGauge } from "@/components/dashboard/readiness-gauge";
import { ReviewSummary } from "@/components/dashboard/review-summary";
import { WeakTopicExplanation, WeakTopicList } from "@/components/dashboard/weak-topic-list";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { assignedToStudent, needsAttention } from "@/lib/classes/student-assignments";
import { db } from "@/lib/db";
import { plural } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { PACING_DAYS, loadDashboard } from "@/lib/learning/dashboard";
import { loadStudySettings } from "@/lib/learning/study-settings";
import { describeLessonProgress } from "@/lib/lessons/lesson-progress";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser("/dashboard");
  const welcome = (await searchParams).welcome === "1";
  const settings = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const now = new Date();
  const [d, assigned] = await Promise.all([loadDashboard(db, { userId: user.id, now, settings }), assignedToStudent(db, { userId: user.id, now })]);
  const isNew = d.pacing.timedAnswers + d.pacing.untimedAnswers === 0 && d.scoreTrend.length === 0 && d.lessonProgress.every((p) => p.completed === 0);
  return (
    <>
      <PageHeader
        title={`Welcome${welcome ? "" : " back"}, ${user.name.split(" ")[0]}`}
        description={isNew ? "Here is how Stratus gets you ready." : "Where you stand, and what to do next."}
        actions={
          d.openMock ? (
            <ButtonLink href={`/attempts/${d.openMock.attemptId}`}>Resume your mock exam</ButtonLink>
          ) : d.due.now > 0 ? (
            <ButtonLink href="/practice/review">Review {plural(d.due.now, "card")} ready now</ButtonLink>
          ) : undefined
        }
      />
      {d.learningPending && (
        <Alert tone="info" className="mb-6">
          <p role="status">Updating your mastery and reviews from your latest attempt… Refresh in a moment to see it counted.</p>
        </Alert>
      )}
      {isNew && (
        <Alert tone="info" className="mb-6">
          <p className="font-semibold">Three steps to start</p>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            <li>
              <Link href="/learn" className="underline">Read a lesson</Link> in the domain you know least.
            </li>
            <li>
              <Link href="/practice" className="underline">Take a short quiz</Link> — every answer teaches Stratus what you know.
            </li>
            <li>
              After about 40 answers across the four domains, your readiness estimate appears here.
            </li>
          </ol>
        </Alert>
      )}
      <AssignedCard items={needsAttention(assigned, now)} now={now} timeZone={settings.timeZone} className="mb-6" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="readiness-heading">
          <h2 id="readiness-heading" className="mb-4 text-lg font-semibold">
            Readiness
          </h2>
          <ReadinessGauge readiness={d.readiness} domainTitles={d.domainTitles} />
        </Card>
        <Card aria-labelledby="reviews-heading">
          <h2 id="reviews-heading" className="text-lg font-semibold">
            Reviews
          </h2>
          <ReviewSummary due={d.due} newCardNotice={d.newCardNotice} />
        </Card>

        <Card className="lg:col-span-2" aria-labelledby="mastery-heading">
          <h2 id="mastery-heading" className="mb-1 text-lg font-semibold">
            Mastery by task statement
          </h2>
          <p className="mb-4 text-sm text-[var(--text-muted)]">The chance of answering a medium question right, and the answers it rests on.</p>
          <MasteryHeatmap domains={d.mastery} />
        </Card>
        <Card aria-labelledby="weak-heading">
          <h2 id="weak-heading" className="mb-1 text-lg font-semibold">
            Highest-impact topics
          </h2>
          <WeakTopicExplanation />
          <WeakTopicList topics={d.weakTopics} />
        </Card>

        <Card className="lg:col-span-2" aria-labelledby="trend-heading">
          <h2 id="trend-heading" className="text-lg font-semibold">
            Mock exam scores
          </h2>
          {d.scoreTrend.length === 0 ? (
            <div className="mt-2 text-sm text-[var(--text-muted)]">
              <p>Sit a full mock exam to see your scores over time.</p>
              <div className="mt-3">
                <ButtonLink href="/exams" variant="secondary">
                  Go to mock exams
                </ButtonLink>
              </div>
            </div>
          ) : (
            <ScoreTrend
              points={d.scoreTrend.map((s, i) => ({
                label: `#${i + 1} ${new Date(s.startedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`,
                score: s.scaledScore,
              }))}
            />
          )}
        </Card>
        <Card aria-labelledby="pacing-heading">
          <h2 id="pacing-heading" className="text-lg font-semibold">
            Pacing
          </h2>
          <PacingSummary pacing={d.pacing} days={PACING_DAYS} />
        </Card>

        <Card className="lg:col-span-2" aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="mb-3 text-lg font-semibold">
            Activity, last eight weeks
          </h2>
          <ActivityBars days={d.activity} />
        </Card>
        <Card aria-labelledby="lessons-heading">
          <h2 id="lessons-heading" className="mb-3 text-lg font-semibold">
            Lessons
          </h2>
          <ul className="space-y-3">
            {d.lessonProgress.map((p) => (
              <li key={p.id}>
                <div className="flex justify-between text-sm">
                  <span className="min-w-0 wrap-anywhere">
                    {p.number}. {p.title}
                  </span>
                  <span className="tabular-nums text-[var(--text-muted)]">
                    {p.completed}/{p.total}
                  </span>
                </div>
                <div
                  className="mt-1 h-2 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]"
                  role="img"
                  aria-label={`${p.title}: ${describeLessonProgress(p.completed, p.total)}`}
                >
                  <div className="h-2 rounded-full bg-brand-500" style={{ width: `${p.percent}%` }} />
                </div>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <ButtonLink href="/learn" variant="secondary">
              Continue learning
            </ButtonLink>
          </div>
        </Card>
      </div>
    </>
  );
}
