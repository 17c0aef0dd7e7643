import { describe, expect, test } from "vitest";
import { isResponseCorrect } from "@/lib/exams/answer-rules";
import { gradeAttempt } from "@/lib/exams/grading";
import { isPassing, scaledScore } from "@/lib/exams/scaled-score";

describe("scaledScore", () => {
  test.each([
    { name: "0% → 100", correct: 0, total: 65, scaled: 100 },
    { name: "72% → 720 exactly", correct: 72, total: 100, scaled: 720 },
    { name: "100% → 1000", correct: 65, total: 65, scaled: 1000 },
    { name: "36% → halfway up the lower segment", correct: 36, total: 100, scaled: 410 },
    { name: "86% → halfway up the upper segment", correct: 86, total: 100, scaled: 860 },
    { name: "47 of 65 (72.3%) passes", correct: 47, total: 65, scaled: 723 },
    { name: "46 of 65 (70.8%) fails", correct: 46, total: 65, scaled: 709 },
    { name: "empty attempt", correct: 0, total: 0, scaled: 100 },
  ])("$name", ({ correct, total, scaled }) => {
    expect(scaledScore(correct, total)).toBe(scaled);
  });

  test("is monotonic over every raw score of a 65-question exam", () => {
    const scores = Array.from({ length: 66 }, (_, raw) => scaledScore(raw, 65));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });

  test.each([
    [719, false],
    [720, true],
    [1000, true],
  ])("%i passes: %s", (scaled, passes) => expect(isPassing(scaled)).toBe(passes));
});

describe("single and multiple response, as the real exam scores them", () => {
  test.each([
    { name: "single right", correct: ["b"], chosen: ["b"], ok: true },
    { name: "single wrong", correct: ["b"], chosen: ["c"], ok: false },
    { name: "unanswered", correct: ["b"], chosen: [], ok: false },
    { name: "multiple all right, any order", correct: ["a", "d"], chosen: ["d", "a"], ok: true },
    { name: "multiple half right", correct: ["a", "d"], chosen: ["a", "c"], ok: false },
    { name: "multiple one of two", correct: ["a", "d"], chosen: ["a"], ok: false },
    { name: "multiple right plus an extra", correct: ["a", "d"], chosen: ["a", "d", "e"], ok: false },
    { name: "duplicate keys do not count twice", correct: ["a", "d"], chosen: ["a", "a"], ok: false },
  ])("$name", ({ correct, chosen, ok }) => {
    expect(isResponseCorrect({ kind: correct.length > 1 ? "multiple" : "single", correctKeys: correct }, chosen)).toBe(ok);
  });
});

describe("gradeAttempt", () => {
  const item = (position: number, domain: number, ts: string, correctKeys: string[], chosenKeys: string[], timeSpentMs = 60_000) => ({
    position,
    domain,
    taskStatement: ts,
    correct: isResponseCorrect({ kind: "multiple", correctKeys }, chosenKeys),
    answered: chosenKeys.length > 0,
    timeSpentMs,
  });

  test("all right", () => {
    const grade = gradeAttempt([item(0, 1, "1.1", ["a"], ["a"]), item(1, 2, "2.1", ["b", "c"], ["c", "b"])]);
    expect(grade).toMatchObject({ raw: 2, total: 2, percent: 100, scaled: 1000, passed: true, answered: 2 });
  });

  test("all unanswered", () => {
    const grade = gradeAttempt([item(0, 1, "1.1", ["a"], []), item(1, 1, "1.2", ["b"], [])]);
    expect(grade).toMatchObject({ raw: 0, scaled: 100, passed: false, answered: 0 });
  });

  test("multiple response half right scores nothing, and breakdowns add up", () => {
    const grade = gradeAttempt([
      item(0, 1, "1.1", ["a", "b"], ["a", "c"]),
      item(1, 1, "1.2", ["d"], ["d"]),
      item(2, 3, "3.4", ["a"], ["b"]),
      item(3, 3, "3.4", ["c"], ["c"]),
    ]);
    expect(grade.raw).toBe(2);
    expect(grade.domains).toEqual([
      { key: "1", correct: 1, total: 2, percent: 50 },
      { key: "3", correct: 1, total: 2, percent: 50 },
    ]);
    expect(grade.taskStatements.map((t) => [t.key, t.correct, t.total])).toEqual([
      ["1.1", 0, 1],
      ["1.2", 1, 1],
      ["3.4", 1, 2],
    ]);
  });

  test("breakdowns come in numeric order, whatever order the items came in", () => {
    const grade = gradeAttempt([item(0, 1, "1.10", ["a"], ["a"]), item(1, 1, "1.9", ["a"], []), item(2, 1, "1.2", ["a"], ["a"])]);
    expect(grade.taskStatements.map((t) => t.key)).toEqual(["1.2", "1.9", "1.10"]);
  });

  test("reports the average time per question", () => {
    const grade = gradeAttempt([item(0, 1, "1.1", ["a"], ["a"], 90_000), item(1, 1, "1.1", ["a"], ["a"], 30_000)]);
    expect(grade.averageSecondsPerQuestion).toBe(60);
  });

  test("an empty attempt grades to the floor without dividing by zero", () => {
    expect(gradeAttempt([])).toMatchObject({ raw: 0, total: 0, percent: 0, scaled: 100, passed: false });
  });
});
