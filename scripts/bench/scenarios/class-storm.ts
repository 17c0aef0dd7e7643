// Class storm (issue 14, item 6): 300 students of one class start the same
// exam within 10 s, then all submit around its due time. Until classes and
// assignments exist, it runs on plain mocks with one shared deadline: the
// start storm's code with 300 students, then the submit storm's code on the
// attempts they just started (their deadline moved to a moment a few seconds
// ahead, as a due time would cut them).
import type { BenchContext } from "../context";
import { measureQuietly } from "../context";
import { type StartStormRun, startStormRun } from "./start-storm";
import { type SubmitStormRun, submitStormRun } from "./submit-storm";

export const CLASS_SIZE = 300;

export type ClassStormResult = {
  students: number;
  start: StartStormRun;
  submit: SubmitStormRun;
  targets: { startP95Ms: number; submitP99Ms: number };
  met: { startP95: boolean; submitP99: boolean; gradedOnce: boolean; onTime: boolean };
};

export async function classStorm(ctx: BenchContext): Promise<ClassStormResult> {
  const size = Math.min(CLASS_SIZE, ctx.students.length);
  const cls: BenchContext = { ...ctx, students: ctx.students.slice(0, size), cookies: ctx.cookies.slice(0, size) };
  const start = await measureQuietly(ctx, "class storm: starts", () => startStormRun(cls, 0));
  const submit = await submitStormRun(cls, 0, 1, true);
  const v = submit.verify;
  return {
    students: size,
    start,
    submit,
    targets: { startP95Ms: 1000, submitP99Ms: 2000 },
    met: {
      startP95: start.latency.p95 <= 1000,
      submitP99: submit.submit.latency.p99 <= 2000,
      gradedOnce: v.attempts === size && v.stillOpen === 0 && v.gradedAtSet === size && v.masteryOver === 0 && v.apiGradedTwice === 0 && v.ackedLost === 0,
      onTime: v.onTimeSavesRefused === 0 && v.onTimeSubmitsExpired === 0,
    },
  };
}
