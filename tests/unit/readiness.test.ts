import { describe, expect, test } from "vitest";
import { seededRandom } from "@/lib/exams/random";
import { type MasteryState, NEW_MASTERY, applyAnswers } from "@/lib/learning/mastery";
import { MIN_PASSING_RAW, examComposition, expectedCorrect, normalCdf, predictReadiness } from "@/lib/learning/readiness";

const TS = [
  ["1.1", 1], ["1.2", 1], ["1.3", 1], ["2.1", 2], ["2.2", 2], ["2.3", 2],
  ["3.1", 3], ["3.2", 3], ["3.3", 3], ["3.4", 3], ["4.1", 4], ["4.2", 4], ["4.3", 4],
].map(([code, domain]) => ({ code: code as string, domain: domain as number }));
const WEIGHTS = new Map([[1, 32], [2, 26], [3, 24], [4, 18]]);

const practised = (correct: number, total: number): MasteryState =>
  applyAnswers(NEW_MASTERY, Array.from({ length: total }, (_, i) => ({ correct: i < correct, difficulty: 0, guess: 0.25 })));

function predict(states: (code: string, domain: number) => MasteryState | null) {
  return predictReadiness({
    taskStatements: TS.map((t) => ({ ...t, state: states(t.code, t.domain) })),
    domainWeights: WEIGHTS,
    random: seededRandom("readiness"),
  });
}

describe("exam composition", () => {
  test("65 questions: 21/17/16/11 by domain, even within a domain", () => {
    const c = examComposition(TS, WEIGHTS);
    expect([...c.values()].reduce((a, b) => a + b, 0)).toBe(65);
    expect(["1.1", "1.2", "1.3"].map((k) => c.get(k))).toEqual([7, 7, 7]);
    expect(["3.1", "3.2", "3.3", "3.4"].map((k) => c.get(k))).toEqual([4, 4, 4, 4]);
    expect(["4.1", "4.2", "4.3"].map((k) => c.get(k))).toEqual([4, 4, 3]);
  });

  test("47 of 65 is the fewest correct answers that reach 720", () => {
    expect(MIN_PASSING_RAW).toBe(47);
  });

  test("helpers behave", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(expectedCorrect(-4)).toBeGreaterThan(0.2); // guessing floor
    expect(expectedCorrect(4)).toBeGreaterThan(0.9);
  });
});

describe("predictReadiness", () => {
  test("no evidence: not ready, says how many more answers and where", () => {
    const r = predict(() => null);
    expect(r).toEqual({
      ready: false,
      answered: 0,
      answersNeeded: 40,
      domainsShort: [1, 2, 3, 4].map((domain) => ({ domain, needed: 5 })),
    });
  });

  test("one domain only: not ready, names the other domains", () => {
    const r = predict((_c, d) => (d === 1 ? practised(20, 30) : null));
    expect(r.ready).toBe(false);
    if (!r.ready) {
      expect(r.answered).toBe(90);
      expect(r.domainsShort.map((d) => d.domain)).toEqual([2, 3, 4]);
      expect(r.answersNeeded).toBe(15);
    }
  });

  test("all mastered: a high score, near-certain pass, interval above 720", () => {
    const r = predict(() => practised(30, 30));
    expect(r.ready).toBe(true);
    if (r.ready) {
      expect(r.passProbability).toBeGreaterThan(0.97);
      expect(r.low).toBeGreaterThan(720);
      expect(r.predictedScore).toBeGreaterThan(850);
    }
  });

  test("mostly wrong: a low score and a small chance", () => {
    const r = predict(() => practised(3, 12));
    expect(r.ready).toBe(true);
    if (r.ready) {
      expect(r.passProbability).toBeLessThan(0.05);
      expect(r.high).toBeLessThan(720);
    }
  });

  test("the interval narrows with more evidence", () => {
    const few = predict(() => practised(3, 4));
    const many = predict(() => practised(30, 40));
    expect(few.ready && many.ready).toBe(true);
    if (few.ready && many.ready) expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  test("a weak task statement lowers the chance of passing", () => {
    const even = predict(() => practised(16, 20));
    const oneWeak = predict((c) => (c === "1.1" ? practised(2, 20) : practised(16, 20)));
    expect(even.ready && oneWeak.ready).toBe(true);
    if (even.ready && oneWeak.ready) expect(oneWeak.passProbability).toBeLessThan(even.passProbability);
  });
});

describe("a final mock weighs the prediction (questions never seen: transfer, not recall)", () => {
  const practice = TS.map((t) => ({ ...t, state: practised(16, 20) }));
  const run = (finalMocks?: Array<{ correct: number; questions: number }>) =>
    predictReadiness({ taskStatements: practice, domainWeights: WEIGHTS, random: seededRandom("final"), finalMocks });

  test("without one, nothing changes and it says so", () => {
    const r = run();
    expect(r.ready && r.finalMocks).toBe(0);
  });

  test("a weak final mock pulls the prediction and the chance down; a strong one up", () => {
    const base = run();
    const weak = run([{ correct: 35, questions: 65 }]);
    const strong = run([{ correct: 60, questions: 65 }]);
    if (!base.ready || !weak.ready || !strong.ready) throw new Error("expected predictions");
    expect(weak.finalMocks).toBe(1);
    expect(weak.predictedScore).toBeLessThan(base.predictedScore - 20);
    expect(weak.passProbability).toBeLessThan(base.passProbability - 0.2);
    expect(strong.predictedScore).toBeGreaterThan(base.predictedScore);
    expect(strong.passProbability).toBeGreaterThanOrEqual(base.passProbability);
    // The interval stays ordered around the prediction.
    expect(weak.low).toBeLessThanOrEqual(weak.predictedScore);
    expect(weak.predictedScore).toBeLessThanOrEqual(weak.high);
  });
});
