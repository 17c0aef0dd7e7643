import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ScoreTrend } from "@/components/charts/score-trend";
import { ActivityBars } from "@/components/dashboard/activity-bars";
import { MasteryHeatmap } from "@/components/dashboard/mastery-heatmap";
import { ReadinessGauge } from "@/components/dashboard/readiness-gauge";
import { WeakTopicExplanation, WeakTopicList } from "@/components/dashboard/weak-topic-list";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadClassStudent } from "@/lib/classes/class-student";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Student progress" };

const STATUS_TEXT = { IN_PROGRESS: "In progress", SUBMITTED: "Submitted", EXPIRED: "Graded at the deadline" } as const;

export default async function ClassStudentPage({ params }: PageProps<"/classes/[classId]/students/[userId]">) {
  const { classId, userId } = await params;
  const user = await requireRole([...STAFF_ROLES], `/classes/${classId}/students/${userId}`);
  const now = new Date();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const { className, student, dashboard: d, attempts } = await orNotFound(loadClassStudent(db, user, classId, userId, now));
  return (
    <>
      <PageHeader
        title={student.name}
        description={`${student.email} · ${className}`}
        actions={
          <ButtonLink href={`/classes/${classId}/progress`} variant="secondary">
            Back to class progress
          </ButtonLink>
        }
      />
      <Alert tone="info" className="mb-6">
        <p>This is {student.name}&apos;s own dashboard, read-only: what they see when they sign in. Their days are in {student.timeZone}.</p>
      </Alert>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="readiness-heading">
          <h2 id="readiness-heading" className="mb-4 text-lg font-semibold">
            Readiness
          </h2>
          <ReadinessGauge readiness={d.readiness} domainTitles={d.domainTitles} readOnly />
        </Card>
        <Card aria-labelledby="reviews-heading">
          <h2 id="reviews-heading" className="text-lg font-semibold">
            Reviews
          </h2>
          <p className="mt-2 text-sm">
            <span className="text-2xl font-bold tabular-nums">{d.due.today}</span> review cards due today, {d.due.total} in all.
          </p>
        </Card>

        <Card className="lg:col-span-3" aria-labelledby="class-attempts-heading">
          <h2 id="class-attempts-heading" className="mb-3 text-lg font-semibold">
            This class&apos;s assignments
          </h2>
          {attempts.length === 0 ? (
            <p className="text-sm text-[var(--text-muted)]">No attempts at this class&apos;s assignments yet.</p>
          ) : (
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Attempts at this class's assignments">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{student.name}&apos;s attempts at this class&apos;s assignments, newest first.</caption>
                <thead className="text-[var(--text-muted)]">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">Assignment</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Started</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Score</th>
                    <th scope="col" className="py-2 font-medium">Scaled</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.map((a) => (
                    <tr key={a.attemptId} className="border-t border-[var(--border)]">
                      <td className="py-2 pr-3">
                        <Link href={`/classes/${classId}/assignments/${a.assignmentId}`} className="font-medium text-brand-700 underline dark:text-brand-300 wrap-anywhere">
                          {a.assignmentTitle}
                        </Link>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{formatInZone(a.startedAt, timeZone, { zoneName: false })}</td>
                      <td className="py-2 pr-3">{STATUS_TEXT[a.status]}</td>
                      <td className="py-2 pr-3 tabular-nums">{a.rawScore === null ? "—" : `${a.rawScore}/${a.questionCount}`}</td>
                      <td className="py-2 tabular-nums">
                        {a.status === "IN_PROGRESS" ? (
                          "—"
                        ) : (
                          <Link href={`/attempts/${a.attemptId}/results`} className="text-brand-700 underline dark:text-brand-300">
                            {a.scaledScore ?? "results"}
                            <span className="sr-only">: results of this attempt</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
            <p className="mt-2 text-sm text-[var(--text-muted)]">No graded mock exams yet.</p>
          ) : (
            <ScoreTrend
              points={d.scoreTrend.map((s, i) => ({
                label: `#${i + 1} ${new Date(s.startedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`,
                score: s.scaledScore,
              }))}
            />
          )}
        </Card>
        <Card aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="mb-3 text-lg font-semibold">
            Activity, last eight weeks
          </h2>
          <ActivityBars days={d.activity} />
        </Card>
      </div>
    </>
  );
}
