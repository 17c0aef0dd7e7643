// Calibration on simulated students: each has a true ability per task
// statement, practises through the real mastery update, gets a readiness
// prediction from the real readiness code, then sits a simulated 65-question
// exam. Predicted pass probabilities must match how often students pass.
import { describe, expect, test } from "vitest";
import { seededRandom } from "@/lib/exams/random";
import { scaledScore } from "@/lib/exams/scaled-score";
import { NEW_MASTERY, type MasteryState, probabilityCorrect, updateMastery } from "@/lib/learning/mastery";
import { EXAM_QUESTIONS, QUESTION_MIX, examComposition, predictReadiness } from "@/lib/learning/readiness";

const TASK_STATEMENTS = [
  ["1.1", 1], ["1.2", 1], ["1.3", 1], ["2.1", 2], ["2.2", 2], ["2.3", 2],
  ["3.1", 3], ["3.2", 3], ["3.3", 3], ["3.4", 3], ["4.1", 4], ["4.2", 4], ["4.3", 4],
].map(([code, domain]) => ({ code: code as string, domain: domain as number }));
const WEIGHTS = new Map([[1, 32], [2, 26], [3, 24], [4, 18]]);
const COMPOSITION = examComposition(TASK_STATEMENTS, WEIGHTS);
const STUDENTS = 2400;

export function simulate(seed: string) {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
  const drawQuestion = () => {
    let r = random();
    for (const q of QUESTION_MIX) {
      if ((r -= q.share) <= 0) return q;
    }
    return QUESTION_MIX[QUESTION_MIX.length - 1]!;
  };
  const outcomes: Array<{ predicted: number; passed: boolean }> = [];
  let notReady = 0;
  for (let s = 0; s < STUDENTS; s++) {
    // True abilities: a student level plus a per-task-statement deviation.
    const level = 0.4 + 0.9 * normal();
    const truth = new Map(TASK_STATEMENTS.map((t) => [t.code, level + 0.45 * normal()]));
    // Practice: 40–220 answers, spread unevenly over task statements.
    const taste = TASK_STATEMENTS.map(() => 0.2 + random());
    const tasteTotal = taste.reduce((a, b) => a + b, 0);
    const practice = 40 + Math.floor(random() * 180);
    const states = new Map<string, MasteryState>();
    for (let a = 0; a < practice; a++) {
      let pick = random() * tasteTotal;
      const index = taste.findIndex((w) => (pick -= w) <= 0);
      const ts = TASK_STATEMENTS[index === -1 ? 0 : index]!;
      const q = drawQuestion();
      const correct = random() < probabilityCorrect(truth.get(ts.code)!, q.difficulty, q.guess);
      states.set(ts.code, updateMastery(states.get(ts.code) ?? NEW_MASTERY, { correct, difficulty: q.difficulty, guess: q.guess }));
    }
    const readiness = predictReadiness({
      taskStatements: TASK_STATEMENTS.map((t) => ({ ...t, state: states.get(t.code) ?? null })),
      domainWeights: WEIGHTS,
      random,
      draws: 400,
    });
    if (!readiness.ready) {
      notReady++;
      continue;
    }
    // The exam itself, answered with the true abilities.
    let raw = 0;
    for (const t of TASK_STATEMENTS) {
      for (let i = 0; i < COMPOSITION.get(t.code)!; i++) {
        const q = drawQuestion();
        if (random() < probabilityCorrect(truth.get(t.code)!, q.difficulty, q.guess)) raw++;
      }
    }
    outcomes.push({ predicted: readiness.passProbability, passed: scaledScore(raw, EXAM_QUESTIONS) >= 720 });
  }
  return { outcomes, notReady };
}

export function calibration(outcomes: Array<{ predicted: number; passed: boolean }>) {
  const n = outcomes.length;
  const brier = outcomes.reduce((sum, o) => sum + (o.predicted - (o.passed ? 1 : 0)) ** 2, 0) / n;
  const baseRate = outcomes.filter((o) => o.passed).length / n;
  const baselineBrier = baseRate * (1 - baseRate);
  const bins = Array.from({ length: 10 }, () => ({ count: 0, predicted: 0, passed: 0 }));
  for (const o of outcomes) {
    const bin = bins[Math.min(9, Math.floor(o.predicted * 10))]!;
    bin.count++;
    bin.predicted += o.predicted;
    bin.passed += o.passed ? 1 : 0;
  }
  const ece = bins.reduce((sum, b) => (b.count ? sum + (b.count / n) * Math.abs(b.predicted / b.count - b.passed / b.count) : sum), 0);
  return { n, brier, baselineBrier, baseRate, ece, bins };
}

describe("readiness calibration on simulated students", () => {
  test(`over ${STUDENTS} students: ECE < 0.05 and Brier far better than guessing the base rate`, () => {
    const { outcomes, notReady } = simulate("calibration-2026");
    const result = calibration(outcomes);
    console.log(
      `readiness calibration: ${result.n} students with a prediction (${notReady} without enough evidence), ` +
        `pass rate ${(100 * result.baseRate).toFixed(1)}%, Brier ${result.brier.toFixed(4)} ` +
        `(base-rate forecast ${result.baselineBrier.toFixed(4)}), ECE ${result.ece.toFixed(4)}`,
    );
    expect(result.n).toBeGreaterThanOrEqual(2000);
    expect(result.baseRate).toBeGreaterThan(0.2); // a population with both passes and fails
    expect(result.baseRate).toBeLessThan(0.8);
    expect(result.ece).toBeLessThan(0.05);
    expect(result.brier).toBeLessThan(0.6 * result.baselineBrier);
  }, 120_000);
});
