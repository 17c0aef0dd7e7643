import { expect, test } from "vitest";
import { assessPacing } from "@/lib/learning/pacing";

const day = (answered: number, seconds: number) => ({ answered, timeSpentMs: answered * seconds * 1000 });

test.each([
  { name: "no answers at all", days: [], result: { timedAnswers: 0, untimedAnswers: 0, averageSeconds: null, verdict: "no-time" } },
  { name: "answers without any measured time are not '0 s, on pace'", days: [{ answered: 12, timeSpentMs: 0 }], result: { timedAnswers: 0, untimedAnswers: 12, averageSeconds: null, verdict: "no-time" } },
  { name: "too few timed answers to judge", days: [day(3, 60)], result: { timedAnswers: 3, untimedAnswers: 0, averageSeconds: 60, verdict: "too-few" } },
  { name: "implausibly fast (2 s a question) is never praised", days: [day(30, 2)], result: { timedAnswers: 30, untimedAnswers: 0, averageSeconds: 2, verdict: "implausible" } },
  { name: "just under the plausibility floor", days: [day(10, 14)], result: { timedAnswers: 10, untimedAnswers: 0, averageSeconds: 14, verdict: "implausible" } },
  { name: "at the floor counts as a real pace", days: [day(10, 15)], result: { timedAnswers: 10, untimedAnswers: 0, averageSeconds: 15, verdict: "on-pace" } },
  { name: "45 s a question is on pace", days: [day(20, 45)], result: { timedAnswers: 20, untimedAnswers: 0, averageSeconds: 45, verdict: "on-pace" } },
  { name: "exactly the exam's 120 s is on pace", days: [day(10, 120)], result: { timedAnswers: 10, untimedAnswers: 0, averageSeconds: 120, verdict: "on-pace" } },
  { name: "slower than the exam allows", days: [day(10, 150)], result: { timedAnswers: 10, untimedAnswers: 0, averageSeconds: 150, verdict: "slow" } },
  {
    name: "untimed days do not dilute the average",
    days: [day(10, 90), { answered: 40, timeSpentMs: 0 }],
    result: { timedAnswers: 10, untimedAnswers: 40, averageSeconds: 90, verdict: "on-pace" },
  },
])("$name", ({ days, result }) => {
  expect(assessPacing(days)).toEqual(result);
});
