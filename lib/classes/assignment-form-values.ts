// The assignment form's starting values: sensible defaults for a new one (a
// full timed mock, open from now, due in a week at 17:00), or an assignment's own.
import "server-only";
import { addDays, localDay } from "@/lib/learning/study-day";
import { type AssignmentScope, scopeOf } from "./assignment-scope";
import type { AssignmentFormValues } from "./form-values";
import { instantToWallTime } from "./wall-time";

export function newAssignmentValues(now: Date, timeZone: string, existing: number): AssignmentFormValues {
  return {
    title: `Mock exam ${existing + 1}`,
    kind: "mock",
    domains: [],
    taskStatements: [],
    topics: [],
    questionCount: "20",
    opensAt: instantToWallTime(now, timeZone),
    dueAt: `${addDays(localDay(now, timeZone), 7)}T17:00`,
    timed: true,
    timeLimitMinutes: "130",
    attemptsAllowed: "1",
    reviewContent: "FULL",
    reviewTiming: "AFTER_DUE",
  };
}

export function assignmentValues(
  a: { title: string; config: unknown; questionCount: number; opensAt: Date; dueAt: Date; timeLimitMinutes: number | null; attemptsAllowed: number; reviewContent: AssignmentFormValues["reviewContent"]; reviewTiming: AssignmentFormValues["reviewTiming"] },
  timeZone: string,
): AssignmentFormValues {
  const scope: AssignmentScope = scopeOf(a.config);
  return {
    title: a.title,
    kind: scope.kind,
    domains: scope.kind === "scoped" ? scope.domains.map(String) : [],
    taskStatements: scope.kind === "scoped" ? scope.taskStatements : [],
    topics: scope.kind === "scoped" ? scope.topics : [],
    questionCount: String(a.questionCount),
    opensAt: instantToWallTime(a.opensAt, timeZone),
    dueAt: instantToWallTime(a.dueAt, timeZone),
    timed: a.timeLimitMinutes !== null,
    timeLimitMinutes: a.timeLimitMinutes === null ? "" : String(a.timeLimitMinutes),
    attemptsAllowed: String(a.attemptsAllowed),
    reviewContent: a.reviewContent,
    reviewTiming: a.reviewTiming,
  };
}

/**
 * A drill on one task statement, as the class dashboard's "assign a drill on
 * this" opens the form: 10 untimed questions from that task statement, due in
 * a week, two attempts, full review at once (it is practice, not a test).
 */
export function drillAssignmentValues(now: Date, timeZone: string, taskStatement: { code: string; title: string }): AssignmentFormValues {
  return {
    ...newAssignmentValues(now, timeZone, 0),
    title: `Drill: ${taskStatement.code} ${taskStatement.title}`.slice(0, 120),
    kind: "scoped",
    taskStatements: [taskStatement.code],
    questionCount: "10",
    timed: false,
    timeLimitMinutes: "",
    attemptsAllowed: "2",
    reviewContent: "FULL",
    reviewTiming: "IMMEDIATELY",
  };
}
