import { describe, expect, test } from "vitest";
import { AT_RISK, arrangeStandings, domainMastery, riskOf, weakestTaskStatements } from "@/lib/classes/class-standing";
import { type MasteryState, masteryLevel } from "@/lib/learning/mastery";
import type { Readiness } from "@/lib/learning/readiness";
import { readinessStamp } from "@/lib/learning/student-readiness";

const NOW = new Date("2026-03-20T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const predicted = (passProbability: number, predictedScore = 700): Readiness => ({ ready: true, answered: 80, predictedScore, low: predictedScore - 60, high: predictedScore + 60, passProbability, finalMocks: 0 });
const notReady: Readiness = { ready: false, answered: 10, answersNeeded: 30, domainsShort: [] };
const state = (rating: number, evidence = 5): MasteryState => ({ rating, variance: 0.3, evidence, correct: Math.round(evidence / 2) });

const DOMAINS = [
  { number: 1, title: "Development", weight: 32, taskStatements: [{ code: "1.1", title: "A" }, { code: "1.2", title: "B" }] },
  { number: 2, title: "Security", weight: 26, taskStatements: [{ code: "2.1", title: "C" }] },
];

describe("who is at risk", () => {
  test.each([
    ["a prediction under the threshold", predicted(0.3), daysAgo(1), ["30% chance of passing"]],
    ["exactly at the threshold is not at risk", predicted(AT_RISK.passProbability), daysAgo(1), []],
    ["inactive for a week", predicted(0.9), daysAgo(7), ["inactive for 7 days"]],
    ["six days is not a week", predicted(0.9), daysAgo(6.9), []],
    ["both", predicted(0.1), daysAgo(10), ["10% chance of passing", "inactive for 10 days"]],
    ["no prediction yet and active: not at risk", notReady, daysAgo(2), []],
  ])("%s", (_, readiness, lastActivity, reasons) => {
    const risk = riskOf({ readiness, lastActivity, joinedAt: daysAgo(30) }, NOW);
    expect(risk).toEqual({ atRisk: reasons.length > 0, reasons });
  });

  test("never active: counted from joining", () => {
    expect(riskOf({ readiness: notReady, lastActivity: null, joinedAt: daysAgo(3) }, NOW).atRisk).toBe(false);
    expect(riskOf({ readiness: notReady, lastActivity: null, joinedAt: daysAgo(8) }, NOW)).toEqual({ atRisk: true, reasons: ["no activity in 8 days since joining"] });
  });
});

describe("mastery per domain", () => {
  test("the mean of the task statements with answers; null without any", () => {
    const m = new Map([["1.1", state(1)], ["1.2", state(-1)]]);
    const [d1, d2] = domainMastery(DOMAINS, m);
    expect(d1).toEqual({ domain: 1, mastery: expect.closeTo((masteryLevel({ rating: 1 }) + masteryLevel({ rating: -1 })) / 2, 9) });
    expect(d1!.mastery).toBeCloseTo(0.5, 9); // σ(1) + σ(−1) = 1
    expect(d2).toEqual({ domain: 2, mastery: null });
  });
  test("a task statement with no evidence does not count", () => {
    const [d1] = domainMastery(DOMAINS, new Map([["1.1", state(2)], ["1.2", state(-3, 0)]]));
    expect(d1!.mastery).toBeCloseTo(masteryLevel({ rating: 2 }), 9);
  });
});

describe("the class's weakest task statements", () => {
  // 1.1 carries 16% of the exam (32% over two task statements), 2.1 carries 26%.
  test("ranked by blueprint weight × (1 − class mastery): a heavier task statement can outrank a weaker one", () => {
    const students = [new Map([["1.1", state(-1)], ["2.1", state(0)]]), new Map([["1.1", state(-1)], ["2.1", state(0)]])];
    const ranked = weakestTaskStatements(DOMAINS, students);
    // 2.1: 0.26 × (1 − 0.5) = 0.130; 1.1: 0.16 × (1 − σ(−1)) = 0.117.
    expect(ranked.map((r) => r.code)).toEqual(["2.1", "1.1"]);
    expect(ranked[0]).toMatchObject({ blueprintWeight: 0.26, students: 2 });
    expect(ranked[0]!.priority).toBeCloseTo(0.13, 9);
    expect(ranked[1]!.classMastery).toBeCloseTo(masteryLevel({ rating: -1 }), 9);
    expect(ranked[1]!.priority).toBeCloseTo(0.16 * (1 - masteryLevel({ rating: -1 })), 9);
  });
  test("much weaker wins over heavier; students with too few answers do not count; no answers at all: not ranked", () => {
    const students = [new Map([["1.1", state(-2)], ["2.1", state(0)], ["1.2", state(-4, 2)]]), new Map([["1.1", state(-2)], ["2.1", state(0)]])];
    const ranked = weakestTaskStatements(DOMAINS, students);
    expect(ranked.map((r) => r.code)).toEqual(["1.1", "2.1"]); // 0.141 > 0.130; 1.2 has no student with 3 answers
    expect(weakestTaskStatements(DOMAINS, [new Map(), new Map()])).toEqual([]);
    expect(weakestTaskStatements(DOMAINS, students, 1)).toHaveLength(1);
  });
  test("class mastery is the mean over the students who count", () => {
    const [only] = weakestTaskStatements(DOMAINS, [new Map([["2.1", state(2)]]), new Map([["2.1", state(-2)]]), new Map()]);
    expect(only).toMatchObject({ code: "2.1", students: 2 });
    expect(only!.classMastery).toBeCloseTo(0.5, 9);
  });
});

describe("sorting and filtering the students", () => {
  const row = (name: string, readiness: Readiness, lastActivity: Date | null, done: number, atRisk: boolean) => ({
    name,
    email: `${name.toLowerCase()}@example.com`,
    readiness,
    lastActivity,
    assignments: { done, total: 3, meanScaled: done ? 600 + done * 50 : null },
    risk: { atRisk, reasons: atRisk ? ["x"] : [] },
  });
  const rows = [
    row("Cleo", predicted(0.8, 780), daysAgo(1), 3, false),
    row("Abel", notReady, null, 0, true),
    row("Bea", predicted(0.2, 640), daysAgo(9), 1, true),
  ];
  const names = (r: typeof rows) => r.map((x) => x.name);
  const view = { sort: "name" as const, dir: "asc" as const, atRiskOnly: false, query: "" };

  test.each([
    ["name", "asc", ["Abel", "Bea", "Cleo"]],
    ["name", "desc", ["Cleo", "Bea", "Abel"]],
    ["score", "asc", ["Bea", "Cleo", "Abel"]], // no prediction sorts last either way
    ["score", "desc", ["Cleo", "Bea", "Abel"]],
    ["pass", "asc", ["Bea", "Cleo", "Abel"]],
    ["activity", "asc", ["Bea", "Cleo", "Abel"]], // never active last
    ["assignments", "desc", ["Cleo", "Bea", "Abel"]],
    ["risk", "desc", ["Abel", "Bea", "Cleo"]], // at risk first, then by name
  ] as const)("by %s %s", (sort, dir, expected) => {
    expect(names(arrangeStandings(rows, { ...view, sort, dir }))).toEqual(expected);
  });

  test("at-risk only, and a search over name and email (case-insensitive); the input is not changed", () => {
    expect(names(arrangeStandings(rows, { ...view, atRiskOnly: true }))).toEqual(["Abel", "Bea"]);
    expect(names(arrangeStandings(rows, { ...view, query: "  CLEO " }))).toEqual(["Cleo"]);
    expect(names(arrangeStandings(rows, { ...view, query: "bea@" }))).toEqual(["Bea"]);
    expect(names(rows)).toEqual(["Cleo", "Abel", "Bea"]);
  });
});

describe("the readiness stamp", () => {
  test("changes with any new answer or final mock, not with the order final mocks come in", () => {
    const a = new Map([["1.1", state(0, 5)]]);
    const b = new Map([["1.1", state(0.4, 6)]]);
    expect(readinessStamp(a, [])).not.toBe(readinessStamp(b, []));
    expect(readinessStamp(a, [])).not.toBe(readinessStamp(a, [{ correct: 40, questions: 65 }]));
    const mocks = [{ correct: 40, questions: 65 }, { correct: 50, questions: 65 }];
    expect(readinessStamp(a, mocks)).toBe(readinessStamp(a, [...mocks].reverse()));
  });
});
