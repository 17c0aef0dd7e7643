import type { Metadata } from "next";
import { AssignedCard } from "@/components/classes/assigned-card";
import { AttemptHistory } from "@/components/exam/attempt-history";
import { StartExamForm } from "@/components/exam/start-forms";
import { ScoreTrend } from "@/components/charts/score-trend";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { assignedToStudent, needsAttention } from "@/lib/classes/student-assignments";
import { db } from "@/lib/db";
import { listAttempts } from "@/lib/exams/attempt-history";
import { EXAM_FORMAT, FINAL_MOCKS_PER_STUDENT } from "@/lib/exams/exam-format";
import type { AttemptMode } from "@/lib/exams/modes";
import { examSettings } from "@/lib/exams/settings";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Exams" };

export default async function ExamsPage() {
  const user = await requireUser("/exams");
  const now = new Date();
  const [attempts, assigned, { timeZone }] = await Promise.all([
    listAttempts(db, { userId: user.id, modes: ["MOCK", "FINAL_MOCK", "REVIEW_EXAM"] }),
    assignedToStudent(db, { userId: user.id, now }),
    loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() }),
  ]);
  const openOf = (mode: AttemptMode) =>
    attempts.find((a) => a.mode === mode && a.status === "IN_PROGRESS" && (a.deadline === null || new Date(a.deadline) > now));
  const graded = attempts.filter((a) => a.mode !== "REVIEW_EXAM" && a.status !== "IN_PROGRESS" && a.scaledScore !== null).reverse();
  const finalsTaken = attempts.filter((a) => a.mode === "FINAL_MOCK").length;
  const minutes = examSettings().mockMinutes;
  const cards: Array<{ mode: "MOCK" | "REVIEW_EXAM" | "FINAL_MOCK"; title: string; text: string; start: string; timedOption?: boolean; closed?: string }> = [
    {
      mode: "MOCK",
      title: "Full mock exam",
      text: `${EXAM_FORMAT.questionCount} questions balanced to the blueprint, ${minutes} minutes (more with an accommodation). No feedback until you submit; unanswered questions count as wrong.`,
      start: "Start a mock exam",
    },
    {
      mode: "REVIEW_EXAM",
      title: "Review exam",
      text: `A full-length, blueprint-balanced set with the explanation after each answer. Untimed, or against the clock with pause.`,
      start: "Start a review exam",
      timedOption: true,
    },
    {
      mode: "FINAL_MOCK",
      title: "Final mock",
      text: `Timed like the real exam, from questions held back from all practice, so it measures what you can do on questions you have never seen. ${FINAL_MOCKS_PER_STUDENT - Math.min(finalsTaken, FINAL_MOCKS_PER_STUDENT)} of ${FINAL_MOCKS_PER_STUDENT} left.`,
      start: "Start the final mock",
      closed: finalsTaken >= FINAL_MOCKS_PER_STUDENT ? "You have taken both final mocks." : undefined,
    },
  ];
  return (
    <>
      <PageHeader title="Exams" description="Full-length sets balanced to the DVA-C02 blueprint, graded like the real exam." />
      <AssignedCard items={needsAttention(assigned, now)} now={now} timeZone={timeZone} className="mb-6" />
      <div className="grid gap-6 lg:grid-cols-3">
        {cards.map((card) => {
          const open = openOf(card.mode);
          return (
            <Card key={card.mode}>
              <h2 className="text-lg font-semibold">{open ? `${card.title}: in progress` : card.title}</h2>
              <p className="mt-2 text-sm text-[var(--text-muted)]">
                {open ? (open.deadline ? "Your answers are saved. The clock kept running while you were away." : "Your answers are saved.") : card.text}
              </p>
              <div className="mt-4">
                {open ? (
                  <ButtonLink href={`/attempts/${open.attemptId}`}>Resume</ButtonLink>
                ) : card.closed ? (
                  <p className="text-sm font-medium">{card.closed}</p>
                ) : (
                  <StartExamForm mode={card.mode} label={card.start} timedOption={card.timedOption} />
                )}
              </div>
            </Card>
          );
        })}
      </div>
      <Card className="mt-6">
        <h2 className="text-lg font-semibold">Your scores over time</h2>
        {graded.length === 0 ? (
          <p className="mt-2 text-sm text-[var(--text-muted)]">Your scores will appear here after your first mock exam.</p>
        ) : (
          <ScoreTrend
            points={graded.map((a, i) => ({
              label: `#${i + 1}${a.mode === "FINAL_MOCK" ? " final" : ""} ${new Date(a.startedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`,
              score: a.scaledScore!,
            }))}
          />
        )}
      </Card>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">History</h2>
        <AttemptHistory attempts={attempts} emptyText="No exams yet." />
      </Card>
    </>
  );
}
