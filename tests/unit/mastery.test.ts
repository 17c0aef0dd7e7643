import { describe, expect, test } from "vitest";
import {
  NEW_MASTERY,
  PRIOR_VARIANCE,
  applyAnswers,
  masteryLevel,
  probabilityCorrect,
  updateMastery,
} from "@/lib/learning/mastery";
import { rankWeakTopics, topicWeights } from "@/lib/learning/weak-topics";

describe("updateMastery", () => {
  const medium = { difficulty: 0, guess: 0.25 };
  test("a right answer raises the rating, a wrong one lowers it", () => {
    expect(updateMastery(NEW_MASTERY, { ...medium, correct: true }).rating).toBeGreaterThan(0);
    expect(updateMastery(NEW_MASTERY, { ...medium, correct: false }).rating).toBeLessThan(0);
  });

  test("beating a hard question moves the rating more than beating an easy one", () => {
    const hard = updateMastery(NEW_MASTERY, { correct: true, difficulty: 1, guess: 0.25 }).rating;
    const easy = updateMastery(NEW_MASTERY, { correct: true, difficulty: -1, guess: 0.25 }).rating;
    expect(hard).toBeGreaterThan(easy);
  });

  test("a lucky guess counts for less than a right answer with no guessing", () => {
    const guessable = updateMastery(NEW_MASTERY, { correct: true, difficulty: 0, guess: 0.25 }).rating;
    const exact = updateMastery(NEW_MASTERY, { correct: true, difficulty: 0, guess: 0 }).rating;
    expect(exact).toBeGreaterThan(guessable);
  });

  test("evidence and correct answers are counted", () => {
    const state = applyAnswers(NEW_MASTERY, [
      { ...medium, correct: true },
      { ...medium, correct: false },
      { ...medium, correct: true },
    ]);
    expect(state).toMatchObject({ evidence: 3, correct: 2 });
  });

  test("uncertainty shrinks with evidence, and so does the step an answer makes", () => {
    const answers = (n: number) => Array(n).fill({ ...medium, correct: true });
    const after5 = applyAnswers(NEW_MASTERY, answers(5));
    const after50 = applyAnswers(NEW_MASTERY, answers(50));
    expect(after5.variance).toBeLessThan(PRIOR_VARIANCE);
    expect(after50.variance).toBeLessThan(after5.variance);
    const step = (s: typeof after5) => updateMastery(s, { ...medium, correct: false }).rating - s.rating;
    expect(Math.abs(step(after50))).toBeLessThan(Math.abs(step(NEW_MASTERY)));
  });

  test("process noise keeps recent answers counting: a change of form shows up", () => {
    const strong = applyAnswers(NEW_MASTERY, Array(200).fill({ ...medium, correct: true }));
    const slipping = applyAnswers(strong, Array(20).fill({ ...medium, correct: false }));
    expect(strong.rating - slipping.rating).toBeGreaterThan(0.5);
  });

  test("a long run of right answers converges high, of wrong answers low, and stays bounded", () => {
    const strong = applyAnswers(NEW_MASTERY, Array(60).fill({ ...medium, correct: true }));
    const weak = applyAnswers(NEW_MASTERY, Array(60).fill({ ...medium, correct: false }));
    expect(masteryLevel(strong)).toBeGreaterThan(0.9);
    expect(masteryLevel(weak)).toBeLessThan(0.1);
    expect(strong.rating).toBeLessThanOrEqual(4);
    expect(weak.rating).toBeGreaterThanOrEqual(-4);
  });

  test("a student answering at their level stays near it", () => {
    // True ability 0.5: answers medium questions right with the model's own probability.
    const p = probabilityCorrect(0.5, 0, 0.25);
    let state = NEW_MASTERY;
    let credit = 0;
    for (let i = 0; i < 400; i++) {
      credit += p;
      const correct = credit >= 1;
      if (correct) credit -= 1;
      state = updateMastery(state, { correct, difficulty: 0, guess: 0.25 });
    }
    expect(state.rating).toBeGreaterThan(0.1);
    expect(state.rating).toBeLessThan(0.9);
  });
});

describe("rankWeakTopics", () => {
  const topics = [
    { id: "sqs", title: "SQS", taskStatement: "1.1", domain: 1, lessonId: "sqs-queues" },
    { id: "kms", title: "KMS", taskStatement: "2.2", domain: 2, lessonId: "kms" },
    { id: "xray", title: "X-Ray", taskStatement: "4.2", domain: 4, lessonId: "xray" },
    { id: "logs", title: "Logs", taskStatement: "4.2", domain: 4, lessonId: "logs" },
  ];
  const weights = new Map([
    [1, 32],
    [2, 26],
    [4, 18],
  ]);

  test("topic weights split the domain over its task statements and topics", () => {
    const w = topicWeights(topics, weights);
    expect(w.get("sqs")).toBeCloseTo(0.32);
    expect(w.get("xray")).toBeCloseTo(0.09);
  });

  test("orders by weight × lack of mastery and skips topics without enough evidence", () => {
    const weak = { rating: -1, variance: 0.3, evidence: 5, correct: 1 };
    const ranked = rankWeakTopics(
      topics,
      new Map([
        ["sqs", { rating: 0.5, variance: 0.2, evidence: 8, correct: 6 }],
        ["kms", weak],
        ["xray", weak],
        ["logs", { rating: -3, variance: 0.5, evidence: 2, correct: 0 }], // too little evidence
      ]),
      weights,
    );
    // kms: 0.26 × (1 − σ(−1)) ≈ 0.190 > sqs: 0.32 × (1 − σ(0.5)) ≈ 0.121 > xray: 0.09 × (1 − σ(−1)) ≈ 0.066
    expect(ranked.map((t) => t.id)).toEqual(["kms", "sqs", "xray"]);
    expect(ranked.map((t) => Number(t.priority.toFixed(3)))).toEqual([0.19, 0.121, 0.066]);
  });

  test("no evidence → no weak topics", () => {
    expect(rankWeakTopics(topics, new Map(), weights)).toEqual([]);
  });
});
