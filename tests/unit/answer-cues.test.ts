import { describe, expect, test } from "vitest";
import {
  type CueQuestion,
  chanceScore,
  cuesGivingAwayKey,
  expectedTopPickScore,
  measureAnswerCues,
} from "@/lib/content/answer-cues";

const q = (id: string, stem: string, texts: string[], correct: number[]): CueQuestion => ({
  id,
  type: correct.length > 1 ? "multiple" : "single",
  stem,
  choices: texts.map((text, i) => ({ key: "abcdef"[i]!, text, correct: correct.includes(i) })),
});

describe("expected score of picking the top N", () => {
  test.each([
    { name: "unique top is the key", scores: [9, 1, 2, 3], correct: [true, false, false, false], n: 1, expected: 1 },
    { name: "unique top is wrong", scores: [1, 9, 2, 3], correct: [true, false, false, false], n: 1, expected: 0 },
    { name: "two-way tie holding the key", scores: [9, 9, 2, 3], correct: [true, false, false, false], n: 1, expected: 0.5 },
    { name: "all tied is chance", scores: [1, 1, 1, 1], correct: [false, false, true, false], n: 1, expected: 0.25 },
    { name: "top two are the key pair", scores: [5, 9, 8, 1, 2], correct: [false, true, true, false, false], n: 2, expected: 1 },
    { name: "second seat tied three ways", scores: [9, 5, 5, 5, 1], correct: [true, true, false, false, false], n: 2, expected: 1 / 3 },
    { name: "all five tied, choose two", scores: [0, 0, 0, 0, 0], correct: [true, true, false, false, false], n: 2, expected: 0.1 },
  ])("$name", ({ scores, correct, n, expected }) => {
    expect(expectedTopPickScore(scores, correct, n)).toBeCloseTo(expected, 10);
  });
});

describe("chance", () => {
  test.each([
    { choices: 4, correct: [0], expected: 1 / 4 },
    { choices: 5, correct: [0, 1], expected: 1 / 10 },
    { choices: 6, correct: [0, 1, 2], expected: 1 / 20 },
  ])("$correct.length of $choices", ({ choices, correct, expected }) => {
    const texts = Array.from({ length: choices }, (_, i) => `choice ${i}`);
    expect(chanceScore(q("x", "stem", texts, correct))).toBeCloseTo(expected, 10);
  });
});

describe("bank figures", () => {
  const longestIsKey = [
    q("1", "Which queue keeps order?", ["A FIFO queue with one message group per account", "SNS", "A shard", "Cache"], [0]),
    q("2", "Which store is serverless?", ["Table", "DynamoDB on demand with adaptive capacity", "EC2", "Disk"], [1]),
  ];
  const balanced = [
    q("1", "Which queue keeps order?", ["FIFO queue, group per account", "Standard queue, sorted client", "SNS topic with FIFO off", "Kinesis shard, one per app"], [0]),
    q("2", "Which store is serverless?", ["EC2 instance, self-run MySQL", "DynamoDB table, on-demand", "RDS cluster, provisioned", "EBS volume, attached disk"], [1]),
  ];
  const rate = (qs: CueQuestion[], strategy: string) =>
    measureAnswerCues(qs).find((f) => f.strategy === strategy && f.type === "single")!.hitRate;

  test("a bank whose keys are the longest choices is caught", () => {
    expect(rate(longestIsKey, "longest")).toBe(1);
    expect(cuesGivingAwayKey(longestIsKey[0]!)).toContain("longest");
  });
  test("a bank with choices of equal length gives the longest strategy only chance", () => {
    expect(rate(balanced, "longest")).toBeLessThanOrEqual(0.5);
    expect(cuesGivingAwayKey(balanced[1]!)).not.toContain("longest");
  });
  test("echoing the stem is caught", () => {
    const echo = [q("1", "Which serverless queue keeps message order per account?", ["A serverless queue keeping order per account", "A stream", "A table", "A cache"], [0])];
    expect(rate(echo, "stem-overlap")).toBe(1);
  });
  test("the odd one without absolute words is caught", () => {
    const absolutes = [q("1", "Pick one.", ["It always works", "It never fails", "It usually helps", "It must run"], [2])];
    expect(rate(absolutes, "no-absolute-words")).toBe(1);
  });
  test("a bank that never keys the longest choice is caught by elimination", () => {
    const neverLongest = [
      q("1", "Pick one.", ["Key answer here", "A much longer distractor text", "Short wrong", "Other wrong"], [0]),
      q("2", "Pick one.", ["Wrong one", "Right answer", "The longest wrong choice of all", "Also wrong"], [1]),
    ];
    // Ruling out the longest leaves three choices with the key among them.
    expect(rate(neverLongest, "avoid-longest")).toBeCloseTo(1 / 3, 10);
    expect(rate(neverLongest, "longest")).toBe(0);
  });

  test("multiple response: the top-N longest set is scored as a set", () => {
    const multi = [q("1", "Pick two. (Choose TWO.)", ["long right answer one here", "long right answer two here", "short", "tiny", "wee"], [0, 1])];
    const figure = measureAnswerCues(multi).find((f) => f.strategy === "longest" && f.type === "multiple")!;
    expect(figure.hitRate).toBe(1);
    expect(figure.chance).toBeCloseTo(0.1, 10);
  });
});
