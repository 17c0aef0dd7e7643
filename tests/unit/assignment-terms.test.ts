import { describe, expect, test } from "vitest";
import {
  type AssignmentBase,
  assignmentStatus,
  attemptDeadline,
  attemptsLeft,
  reviewVisibility,
  startCheck,
  studentTerms,
} from "@/lib/classes/assignment-terms";

const T = (iso: string) => new Date(`2026-12-10T${iso}:00Z`);
const base: AssignmentBase = {
  opensAt: T("09:00"),
  dueAt: T("17:00"),
  timeLimitMinutes: 60,
  attemptsAllowed: 1,
  reviewContent: "FULL",
  reviewTiming: "IMMEDIATELY",
};

describe("the deadline rule (DESIGN §10)", () => {
  test.each([
    { name: "no accommodation", accommodations: [], override: null, start: "10:00", deadline: "11:00", minutes: 60, cutShort: false },
    { name: "×1.5 time", accommodations: [{ timeMultiplier: 1.5, extraAttempts: 0 }], override: null, start: "10:00", deadline: "11:30", minutes: 90, cutShort: false },
    { name: "unlimited time runs to the due time", accommodations: [{ timeMultiplier: null, extraAttempts: 0 }], override: null, start: "10:00", deadline: "17:00", minutes: 420, cutShort: false },
    { name: "the student's override beats the class accommodation", accommodations: [{ timeMultiplier: 2, extraAttempts: 0 }], override: { timeLimitMinutes: 45 }, start: "10:00", deadline: "10:45", minutes: 45, cutShort: false },
    { name: "the due time cuts the limit short", accommodations: [{ timeMultiplier: 1.5, extraAttempts: 0 }], override: null, start: "16:30", deadline: "17:00", minutes: 30, cutShort: true },
    { name: "an override's later due time gives the full limit", accommodations: [], override: { dueAt: T("20:00") }, start: "16:30", deadline: "17:30", minutes: 60, cutShort: false },
    { name: "most lenient of several accommodations", accommodations: [{ timeMultiplier: 1.25, extraAttempts: 1 }, { timeMultiplier: 2, extraAttempts: 0 }], override: null, start: "10:00", deadline: "12:00", minutes: 120, cutShort: false },
    { name: "an untimed assignment runs until due", accommodations: [], override: { timeLimitMinutes: "untimed" as const }, start: "09:30", deadline: "17:00", minutes: 450, cutShort: false },
  ])("$name", ({ accommodations, override, start, deadline, minutes, cutShort }) => {
    const terms = studentTerms(base, accommodations, override);
    const check = startCheck(terms, 0, T(start));
    expect(check).toEqual({ ok: true, deadline: T(deadline), minutes, cutShort });
  });

  test.each([
    { name: "before it opens", now: "08:59", used: 0, reason: "NOT_OPEN" },
    { name: "at the due time exactly", now: "17:00", used: 0, reason: "PAST_DUE" },
    { name: "after the due time", now: "18:00", used: 0, reason: "PAST_DUE" },
    { name: "no attempts left", now: "10:00", used: 1, reason: "NO_ATTEMPTS_LEFT" },
  ])("start refused $name", ({ now, used, reason }) => {
    expect(startCheck(studentTerms(base), used, T(now))).toEqual({ ok: false, reason });
  });
});

describe("attempts left", () => {
  test.each([
    { name: "base", accommodations: [], override: null, used: 0, left: 1 },
    { name: "extra attempts from the class", accommodations: [{ timeMultiplier: 1, extraAttempts: 2 }], override: null, used: 1, left: 2 },
    { name: "override wins over extra attempts", accommodations: [{ timeMultiplier: 1, extraAttempts: 2 }], override: { attemptsAllowed: 1 }, used: 1, left: 0 },
    { name: "never negative", accommodations: [], override: null, used: 3, left: 0 },
  ])("$name", ({ accommodations, override, used, left }) => {
    expect(attemptsLeft(studentTerms(base, accommodations, override), used)).toBe(left);
  });
});

describe("assignment status", () => {
  const terms = studentTerms(base);
  test.each([
    { name: "not open yet", now: "08:00", attempts: [], status: "NOT_OPEN" },
    { name: "open", now: "10:00", attempts: [], status: "OPEN" },
    { name: "in progress", now: "10:00", attempts: [{ status: "IN_PROGRESS" as const }], status: "IN_PROGRESS" },
    { name: "submitted", now: "12:00", attempts: [{ status: "SUBMITTED" as const }], status: "SUBMITTED" },
    { name: "graded at the due time counts as submitted", now: "18:00", attempts: [{ status: "EXPIRED" as const }], status: "SUBMITTED" },
    { name: "missed", now: "17:00", attempts: [], status: "MISSED" },
  ])("$name", ({ now, attempts, status }) => {
    expect(assignmentStatus(terms, attempts, T(now))).toBe(status);
  });
});

describe("review policy", () => {
  test.each([
    { name: "score only, at once", content: "SCORE" as const, timing: "IMMEDIATELY" as const, now: "12:00", expected: { score: true, domains: false, questions: false, availableAt: null } },
    { name: "score and domains", content: "SCORE_AND_DOMAINS" as const, timing: "IMMEDIATELY" as const, now: "12:00", expected: { score: true, domains: true, questions: false, availableAt: null } },
    { name: "full review after due, before due", content: "FULL" as const, timing: "AFTER_DUE" as const, now: "12:00", expected: { score: false, domains: false, questions: false, availableAt: T("17:00") } },
    { name: "full review after due, after due", content: "FULL" as const, timing: "AFTER_DUE" as const, now: "17:00", expected: { score: true, domains: true, questions: true, availableAt: null } },
  ])("$name", ({ content, timing, now, expected }) => {
    expect(reviewVisibility({ reviewContent: content, reviewTiming: timing }, T("17:00"), T(now))).toEqual(expected);
  });
});

describe("what the roster shows", () => {
  test("adjustments name what changed", () => {
    expect(studentTerms(base, [{ timeMultiplier: 1.5, extraAttempts: 1 }], null).adjustments).toEqual(["×1.5 time", "+1 attempt"]);
    expect(studentTerms(base, [{ timeMultiplier: null, extraAttempts: 0 }], { dueAt: T("19:00") }).adjustments).toEqual(["unlimited time", "override: due time"]);
  });
});

describe("an attempt in progress when the terms change", () => {
  test.each([
    { name: "a later due time lifts a cut", dueAt: "20:00", start: "16:30", deadline: "17:30", cutShort: false },
    { name: "an earlier due time cuts it", dueAt: "16:45", start: "16:00", deadline: "16:45", cutShort: true },
    { name: "unchanged terms keep the deadline", dueAt: "17:00", start: "10:00", deadline: "11:00", cutShort: false },
  ])("$name", ({ dueAt, start, deadline, cutShort }) => {
    const terms = studentTerms(base, [], { dueAt: T(dueAt) });
    expect(attemptDeadline(terms, T(start))).toEqual({ deadline: T(deadline), cutShort });
  });
});
