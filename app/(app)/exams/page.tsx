import type { Metadata } from "next";
import { AttemptHistory } from "@/components/exam/attempt-history";
import { StartMockForm } from "@/components/exam/start-forms";
import { ScoreTrend } from "@/components/charts/score-trend";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { listAttempts } from "@/lib/exams/attempts";
import { examSettings } from "@/lib/exams/settings";

export const metadata: Metadata = { title: "Mock exams" };

export default async function ExamsPage() {
  const user = await requireUser("/exams");
  const attempts = await listAttempts(db, { userId: user.id, modes: ["MOCK"] });
  const open = attempts.find((a) => a.status === "IN_PROGRESS" && a.deadline && new Date(a.deadline) > new Date());
  const graded = attempts.filter((a) => a.status !== "IN_PROGRESS" && a.scaledScore !== null).reverse();
  const minutes = examSettings().mockMinutes;
  return (
    <>
      <PageHeader title="Mock exams" description="65 questions balanced to the DVA-C02 blueprint, timed, graded like the real exam." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <h2 className="text-lg font-semibold">{open ? "You have an exam in progress" : "Sit a full mock exam"}</h2>
          <p className="mt-2 text-sm text-[var(--text-muted)]">
            {open
              ? "Your answers are saved. The clock kept running while you were away."
              : `65 questions, ${minutes} minutes (more if you have an accommodation). No feedback until you submit; unanswered questions count as wrong.`}
          </p>
          <div className="mt-4">
            {open ? <ButtonLink href={`/attempts/${open.attemptId}`}>Resume the exam</ButtonLink> : <StartMockForm label="Start a mock exam" />}
          </div>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">Your scores over time</h2>
          {graded.length === 0 ? (
            <p className="mt-2 text-sm text-[var(--text-muted)]">Your scores will appear here after your first mock exam.</p>
          ) : (
            <ScoreTrend
              points={graded.map((a, i) => ({
                label: `#${i + 1} ${new Date(a.startedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`,
                score: a.scaledScore!,
              }))}
            />
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">History</h2>
        <AttemptHistory attempts={attempts} emptyText="No mock exams yet." />
      </Card>
    </>
  );
}
