import { describe, expect, test } from "vitest";
import { type AnalysedAttempt, correlation, itemStatistics, median, testStatistics, thirds, variance } from "@/lib/insights/item-analysis";

// The worked example of docs/item-analysis.md.
const M = [
  [1, 1, 1, 1],
  [1, 1, 1, 0],
  [1, 1, 0, 0],
  [1, 0, 1, 0],
  [0, 1, 0, 0],
  [1, 0, 0, 1],
] as const;
const attempts: AnalysedAttempt[] = M.map((row, s) => ({
  responses: row.map((score, q) => ({ score, chosenKeys: q === 0 ? [s === 4 ? "b" : "a"] : [] })),
}));
const items = [0, 1, 2, 3].map((q) => ({ questionId: `q${q + 1}`, kind: "single", choiceKeys: ["a", "b", "c", "d"], correctKeys: ["a"] }));

describe("test statistics (hand-worked in docs/item-analysis.md)", () => {
  test("mean, median, sd, alpha and SEM", () => {
    const s = testStatistics(attempts, 4);
    expect(s.attempts).toBe(6);
    expect(s.mean).toBeCloseTo(2.3333, 4);
    expect(s.median).toBe(2);
    expect(s.sd).toBeCloseTo(1.0328, 4);
    expect(s.alpha).toBeCloseTo(0.0833, 4);
    expect(s.sem).toBeCloseTo(0.9888, 4);
  });

  test("alpha needs two attempts and some spread", () => {
    expect(testStatistics(attempts.slice(0, 1), 4).alpha).toBeNull();
    const same: AnalysedAttempt[] = [0, 1].map(() => ({ responses: [{ score: 1, chosenKeys: [] }, { score: 0, chosenKeys: [] }] }));
    expect(testStatistics(same, 2)).toMatchObject({ alpha: null, sem: null, sd: 0 });
  });

  test.each([
    { xs: [1, 2, 3, 4], v: 1.6667, m: 2.5 },
    { xs: [5], v: 0, m: 5 },
    { xs: [3, 1, 2], v: 1, m: 2 },
  ])("variance and median of $xs", ({ xs, v, m }) => {
    expect(variance(xs)).toBeCloseTo(v, 4);
    expect(median(xs)).toBe(m);
  });
});

describe("per question", () => {
  const stats = itemStatistics(attempts, items);

  test("facility and corrected discrimination", () => {
    expect(stats.map((s) => s.facility)).toEqual([5 / 6, 4 / 6, 3 / 6, 2 / 6]);
    expect(stats[0]!.discrimination).toBeCloseTo(0.2928, 4);
    expect(stats[1]!.discrimination).toBeCloseTo(-0.25, 4);
    expect(stats[2]!.discrimination).toBeCloseTo(0.2425, 4);
    expect(stats[3]!.discrimination).toBeCloseTo(0, 6);
  });

  test("choice frequencies overall and by the top and bottom thirds", () => {
    expect(thirds([4, 3, 2, 2, 1, 2])).toEqual({ top: new Set([0, 1]), bottom: new Set([5, 4]) });
    const [a, b, c] = stats[0]!.choices;
    expect(a).toEqual({ key: "a", correct: true, all: 5 / 6, top: 1, bottom: 0.5 });
    expect(b).toEqual({ key: "b", correct: false, all: 1 / 6, top: 0, bottom: 0.5 });
    expect(c!.all).toBe(0);
  });

  test("flags: negative, low, an unused distractor; none below five attempts", () => {
    expect(stats[0]!.flags).toEqual(["UNUSED_DISTRACTOR"]);
    expect(stats[1]!.flags).toContain("NEGATIVE_DISCRIMINATION");
    expect(stats[3]!.flags).toContain("LOW_DISCRIMINATION");
    expect(itemStatistics(attempts.slice(0, 4), items).every((s) => s.flags.length === 0)).toBe(true);
  });

  test("correlation is undefined without spread", () => {
    expect(correlation([1, 1, 1], [0, 1, 2])).toBeNull();
    expect(correlation([0, 1, 2], [0, 2, 4])).toBeCloseTo(1, 10);
  });
});
