// Time per question against the exam's pace. It says what was measured (timed
// answers over the last 30 days) and praises a pace only when the time is real:
// no measured time, too few answers or an implausibly fast average are said as such.
import { plural } from "@/lib/format/plural";
import { EXAM_PACE_SECONDS, IMPLAUSIBLE_SECONDS, MIN_TIMED_ANSWERS, type Pacing } from "@/lib/learning/pacing";

export function PacingSummary({ pacing, days }: { pacing: Pacing; days: number }) {
  const { averageSeconds, timedAnswers, untimedAnswers, verdict } = pacing;
  const measured = `Average time per answer, over ${plural(timedAnswers, "timed answer")} in quizzes, mocks and reviews in the last ${days} days`;
  const untimed = untimedAnswers > 0 ? ` (${plural(untimedAnswers, "answer")} without a recorded time ${plural(untimedAnswers, "is", "are", { bare: true })} left out)` : "";
  if (verdict === "no-time" || averageSeconds === null) {
    return (
      <p className="mt-2 text-sm text-[var(--text-muted)]">
        {untimedAnswers > 0
          ? `None of your ${plural(untimedAnswers, "answer")} in the last ${days} days has a recorded time yet, so there is no pace to show.`
          : "Your time per question appears once you have answered some."}{" "}
        The real exam allows {EXAM_PACE_SECONDS} s a question (130 minutes for 65).
      </p>
    );
  }
  const verdictText = {
    "too-few": `Too few timed answers to judge a pace yet: answer at least ${MIN_TIMED_ANSWERS}.`,
    implausible: `Under ${IMPLAUSIBLE_SECONDS} s is faster than a DVA-C02 question can be read: the timing may be incomplete, or answers were guesses. Try a timed mock and read each question through.`,
    "on-pace": "Within the exam's pace.",
    slow: "Slower than the exam allows: practise timed mocks.",
  }[verdict];
  const judged = verdict === "on-pace" || verdict === "slow";
  return (
    <>
      <p className="mt-2 text-3xl font-bold tabular-nums">{averageSeconds} s</p>
      <p className="text-sm text-[var(--text-muted)]">
        {measured}
        {untimed}. The real exam allows {EXAM_PACE_SECONDS} s a question (130 minutes for 65).
      </p>
      {judged && (
        <div className="relative mt-3 h-3 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]" aria-hidden>
          <div
            className={verdict === "on-pace" ? "h-3 rounded-full bg-green-600" : "h-3 rounded-full bg-amber-500"}
            style={{ width: `${Math.min(100, (averageSeconds / (EXAM_PACE_SECONDS * 1.5)) * 100)}%` }}
          />
          <div className="absolute inset-y-[-3px] w-0.5 bg-[var(--text)]" style={{ left: `${100 / 1.5}%` }} />
        </div>
      )}
      <p className="mt-2 text-sm">{verdictText}</p>
    </>
  );
}
