import { describe, expect, test } from "vitest";
import { seededRandom } from "@/lib/exams/random";
import { type AbilityGroup, MIN_ANSWERS_FOR_FIT, abilityFromRestScore, difficultyForLearning, fitDifficulty } from "@/lib/insights/rasch";

const FLAT = 1e6; // a prior this wide is no prior: the fit is the plain MLE

describe("fitted difficulty (hand-worked in docs/item-analysis.md)", () => {
  test("one ability group, plain Rasch, flat prior: b = θ − logit(right share), SE = 1/√(n·p·(1−p))", () => {
    const fit = fitDifficulty([{ theta: 0.5, answers: 10, right: 8 }], { prior: 0, guess: 0, priorSd: FLAT });
    expect(fit.difficulty).toBeCloseTo(0.5 - Math.log(4), 6); // −0.886294
    expect(fit.se).toBeCloseTo(1 / Math.sqrt(10 * 0.8 * 0.2), 4); // 0.7906
    expect(fit.answers).toBe(10);
  });

  test("a single student's single right answer under the N(0, 1) prior: b solves b = −σ(b)", () => {
    const fit = fitDifficulty([{ theta: 0, answers: 1, right: 1 }], { prior: 0, guess: 0 });
    expect(fit.difficulty).toBeCloseTo(-0.401058, 5);
    // Information σ(b)(1 − σ(b)) plus the prior's 1.
    const s = 1 / (1 + Math.exp(0.401058));
    expect(fit.se).toBeCloseTo(1 / Math.sqrt(1 + s * (1 - s)), 4);
  });

  test("symmetric abilities with half the answers right: b is the mean ability", () => {
    const groups: AbilityGroup[] = [
      { theta: -0.3, answers: 10, right: 3 },
      { theta: 1.7, answers: 10, right: 7 },
    ];
    expect(fitDifficulty(groups, { prior: 0.7, guess: 0, priorSd: FLAT }).difficulty).toBeCloseTo(0.7, 6);
    expect(fitDifficulty(groups, { prior: 0.7, guess: 0 }).difficulty).toBeCloseTo(0.7, 6);
  });

  test.each([
    { name: "all right", right: 40, below: true },
    { name: "all wrong", right: 0, below: false },
  ])("$name: finite, pulled from the prior the right way", ({ right, below }) => {
    const fit = fitDifficulty([{ theta: 0, answers: 40, right }], { prior: 0, guess: 0.25 });
    expect(Number.isFinite(fit.difficulty)).toBe(true);
    expect(Number.isFinite(fit.se)).toBe(true);
    expect(Math.abs(fit.difficulty)).toBeLessThan(6);
    if (below) expect(fit.difficulty).toBeLessThan(-1);
    else expect(fit.difficulty).toBeGreaterThan(1);
  });

  test("more right answers, lower difficulty (strictly)", () => {
    const fits = Array.from({ length: 31 }, (_, right) => fitDifficulty([{ theta: 0.2, answers: 30, right }], { prior: 0, guess: 0.25 }).difficulty);
    for (let i = 1; i < fits.length; i++) expect(fits[i]!).toBeLessThan(fits[i - 1]!);
  });

  test("the guessing floor: at chance level the item is much harder than plain Rasch says", () => {
    const groups = [{ theta: 0, answers: 100, right: 30 }];
    const withGuess = fitDifficulty(groups, { prior: 0, guess: 0.25, priorSd: FLAT }).difficulty;
    const plain = fitDifficulty(groups, { prior: 0, guess: 0, priorSd: FLAT }).difficulty;
    expect(plain).toBeCloseTo(-Math.log(0.3 / 0.7), 5); // 0.8473
    // 0.30 = 0.25 + 0.75·σ(−b) → σ(−b) = 1/15 → b = ln 14 = 2.639
    expect(withGuess).toBeCloseTo(Math.log(14), 4);
  });

  test.each([
    { b: -1.2, guess: 0.25 },
    { b: 0.8, guess: 0.25 },
    { b: 0.3, guess: 0.1 },
    { b: 1.5, guess: 0 },
  ])("recovers b = $b (c = $guess) from 3,000 simulated answers", ({ b, guess }) => {
    const random = seededRandom(`rasch-${b}-${guess}`);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const groups: AbilityGroup[] = [];
    for (let i = 0; i < 3000; i++) {
      const theta = normal() * 1.2;
      const p = guess + (1 - guess) / (1 + Math.exp(-(theta - b)));
      groups.push({ theta, answers: 1, right: random() < p ? 1 : 0 });
    }
    const fit = fitDifficulty(groups, { prior: 0, guess });
    expect(Math.abs(fit.difficulty - b)).toBeLessThan(Math.max(0.15, 3 * fit.se));
    expect(fit.se).toBeLessThan(0.15);
  });

  test("no answers: the prior", () => {
    expect(fitDifficulty([], { prior: 1, guess: 0.25 })).toMatchObject({ difficulty: 1, se: 1, answers: 0 });
  });
});

describe("ability from the rest of the attempt", () => {
  test.each([
    { right: 32, total: 64, theta: Math.log(0.5) }, // share 0.5 → (0.5 − 0.25)/0.75 = 1/3 → ln(1/2)
    { right: 0, total: 64, theta: Math.log(0.02 / 0.98) }, // below chance: clamped
    { right: 64, total: 64, theta: Math.log(0.98 / 0.02) }, // all right: clamped
    { right: 0, total: 0, theta: Math.log(0.5) }, // nothing else answered: the smoothed share is 0.5, as at 32 of 64
    { right: 48, total: 64, theta: Math.log((48.5 / 65 - 0.25) / 0.75 / (1 - (48.5 / 65 - 0.25) / 0.75)) },
  ])("$right of $total", ({ right, total, theta }) => {
    expect(abilityFromRestScore(right, total)).toBeCloseTo(theta, 6);
  });

  test("more right, higher ability", () => {
    const thetas = Array.from({ length: 21 }, (_, r) => abilityFromRestScore(r + 20, 64));
    for (let i = 1; i < thetas.length; i++) expect(thetas[i]!).toBeGreaterThan(thetas[i - 1]!);
  });
});

describe("the difficulty the learning model uses", () => {
  test.each([
    { name: "no statistics", stat: undefined, expected: 1 },
    { name: "fewer answers than the minimum", stat: { fittedDifficulty: -0.4, fitAnswerCount: MIN_ANSWERS_FOR_FIT - 1 }, expected: 1 },
    { name: "not fitted", stat: { fittedDifficulty: null, fitAnswerCount: 100 }, expected: 1 },
    { name: "enough answers", stat: { fittedDifficulty: -0.4, fitAnswerCount: MIN_ANSWERS_FOR_FIT }, expected: -0.4 },
  ])("$name", ({ stat, expected }) => {
    expect(difficultyForLearning(3, stat)).toBe(expected);
  });
});
