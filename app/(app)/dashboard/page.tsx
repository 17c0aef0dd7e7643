import type { Metadata } from "next";
import Link from "next/link";
import { ScoreTrend } from "@/components/charts/score-trend";
import { ActivityBars } from "@/components/dashboard/activity-bars";
import { MasteryHeatmap } from "@/components/dashboard/mastery-heatmap";
import { ReadinessGauge } from "@/components/dashboard/readiness-gauge";
import { WeakTopicList } from "@/components/dashboard/weak-topic-list";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { EXAM_PACE_SECONDS, loadDashboard } from "@/lib/learning/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser("/dashboard");
  const welcome = (await searchParams).welcome === "1";
  const d = await loadDashboard(db, { userId: user.id, now: new Date() });
  const isNew = d.pacing.answered === 0 && d.scoreTrend.length === 0 && d.lessonProgress.every((p) => p.completed === 0);
  return (
    <>
      <PageHeader
        title={`Welcome${welcome ? "" : " back"}, ${user.name.split(" ")[0]}`}
        description={isNew ? "Here is how Stratus gets you ready." : "Where you stand, and what to do next."}
        actions={
          d.openMock ? (
            <ButtonLink href={`/attempts/${d.openMock.attemptId}`}>Resume your mock exam</ButtonLink>
          ) : d.due.now > 0 ? (
            <ButtonLink href="/practice/review">
              Review {d.due.now} card{d.due.now === 1 ? "" : "s"} ready now
            </ButtonLink>
          ) : undefined
        }
      />
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
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <div>
              <dt className="text-sm text-[var(--text-muted)]">Due today</dt>
              <dd className="text-3xl font-bold tabular-nums">{d.due.today}</dd>
            </div>
            <div>
              <dt className="text-sm text-[var(--text-muted)]">This week</dt>
              <dd className="text-3xl font-bold tabular-nums">{d.due.week}</dd>
            </div>
          </dl>
          <p className="mt-2 text-sm text-[var(--text-muted)]">
            {d.due.total === 0
              ? "Questions you miss become review cards."
              : `${d.due.now} ready now${d.due.today > d.due.now ? `, ${d.due.today - d.due.now} more later today` : ""}; ${d.due.total} card${d.due.total === 1 ? "" : "s"} in your deck.`}
          </p>
          <div className="mt-4">
            <ButtonLink href="/practice/review" variant={d.due.now > 0 ? "primary" : "secondary"}>
              {d.due.now > 0 ? "Start reviewing" : "Open reviews"}
            </ButtonLink>
          </div>
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
            Weakest topics
          </h2>
          <p className="mb-4 text-sm text-[var(--text-muted)]">Exam weight × how much is left to master.</p>
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
          {d.pacing.averageSeconds === null ? (
            <p className="mt-2 text-sm text-[var(--text-muted)]">Your time per question appears once you have answered some.</p>
          ) : (
            <>
              <p className="mt-2 text-3xl font-bold tabular-nums">{d.pacing.averageSeconds} s</p>
              <p className="text-sm text-[var(--text-muted)]">
                average per question over the last 30 days ({d.pacing.answered} answers); the real exam allows {EXAM_PACE_SECONDS} s.
              </p>
              <div className="relative mt-3 h-3 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]" aria-hidden>
                <div
                  className={d.pacing.averageSeconds <= EXAM_PACE_SECONDS ? "h-3 rounded-full bg-green-600" : "h-3 rounded-full bg-amber-500"}
                  style={{ width: `${Math.min(100, (d.pacing.averageSeconds / (EXAM_PACE_SECONDS * 1.5)) * 100)}%` }}
                />
                <div className="absolute inset-y-[-3px] w-0.5 bg-[var(--text)]" style={{ left: `${100 / 1.5}%` }} />
              </div>
              <p className="mt-2 text-sm">
                {d.pacing.averageSeconds <= EXAM_PACE_SECONDS ? "On pace for the real exam." : "Slower than the exam allows: practise timed mocks."}
              </p>
            </>
          )}
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
                  <span>
                    {p.number}. {p.title}
                  </span>
                  <span className="tabular-nums text-[var(--text-muted)]">
                    {p.completed}/{p.total}
                  </span>
                </div>
                <div
                  className="mt-1 h-2 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]"
                  role="img"
                  aria-label={`${p.title}: ${p.completed} of ${p.total} lessons complete`}
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
