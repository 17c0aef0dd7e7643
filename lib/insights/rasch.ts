// A question's difficulty fitted from its answers (Rasch / 1PL with the app's
// fixed guessing chance), as docs/item-analysis.md explains. Pure.
//
// Model (the learning model's, lib/learning/mastery.ts):
//   P(right | θ) = c + (1 − c) · σ(θ − b)
// θ: the answering student's ability in logits, taken as known (from the rest of
// their attempt, see abilityFromRestScore); c: the question's guessing chance;
// b: the difficulty to fit. With θ known, b is a one-parameter maximum
// a posteriori estimate under a weak normal prior N(authored logit, PRIOR_SD²),
// found by Fisher scoring, so an item everyone got right (or wrong) still gets a
// finite value near the prior. SE = 1 / √(information + 1/PRIOR_SD²).

import { difficultyLogit, sigmoid } from "@/lib/learning/mastery";

/** A fitted difficulty replaces the authored one once this many answers went into it. */
export const MIN_ANSWERS_FOR_FIT = 30;
/** Standard deviation of the prior around the authored difficulty (logits): weak next to 30 answers. */
export const PRIOR_SD = 1;
/** Difficulties stay within ± this many logits. */
export const MAX_LOGIT = 6;
/** The typical guessing chance of a bank question (one of four), for reading an ability off a proportion right. */
export const TYPICAL_GUESS = 0.25;

/** Answers at one ability: `answers` given, `right` of them right. Grouping keeps the fit's input small. */
export type AbilityGroup = { theta: number; answers: number; right: number };

export type DifficultyFit = { difficulty: number; se: number; answers: number; iterations: number };

/**
 * A student's ability (logits) read off the rest of their attempt: right of the
 * other `total` questions, smoothed by half an answer each way (so all-right and
 * all-wrong stay finite), corrected for guessing (a student at chance is far
 * below the bank, not at its middle), and clamped. For an attempt whose
 * questions average b ≈ 0 (a blueprint mock), this is the θ with expected score
 * equal to the observed one under the model above.
 */
export function abilityFromRestScore(right: number, total: number, guess = TYPICAL_GUESS): number {
  const share = (right + 0.5) / (total + 1);
  const aboveChance = Math.min(0.98, Math.max(0.02, (share - guess) / (1 - guess)));
  return Math.log(aboveChance / (1 - aboveChance));
}

const clamp = (x: number, limit: number) => Math.max(-limit, Math.min(limit, x));

/**
 * The MAP difficulty of one question from answers grouped by ability.
 * `prior` is the centre of the prior (the authored logit); `guess` the question's c.
 */
export function fitDifficulty(
  groups: readonly AbilityGroup[],
  options: { prior: number; guess: number; priorSd?: number; tolerance?: number; maxIterations?: number },
): DifficultyFit {
  const priorPrecision = 1 / (options.priorSd ?? PRIOR_SD) ** 2;
  const c = Math.min(0.99, Math.max(0, options.guess));
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const answers = groups.reduce((n, g) => n + g.answers, 0);
  const probability = (theta: number, b: number) => c + (1 - c) * sigmoid(theta - b);
  const logPosterior = (b: number) => {
    let sum = -0.5 * (b - options.prior) ** 2 * priorPrecision;
    for (const g of groups) {
      if (g.answers <= 0) continue;
      const p = Math.min(1 - 1e-12, Math.max(1e-12, probability(g.theta, b)));
      sum += g.right * Math.log(p) + (g.answers - g.right) * Math.log(1 - p);
    }
    return sum;
  };
  const scoreAndInformation = (b: number) => {
    let gradient = -(b - options.prior) * priorPrecision;
    let information = 0;
    for (const g of groups) {
      if (g.answers <= 0) continue;
      const s = sigmoid(g.theta - b);
      const p = c + (1 - c) * s;
      const spread = Math.max(1e-12, p * (1 - p));
      const slope = -(1 - c) * s * (1 - s); // dP/db
      gradient += ((g.right - g.answers * p) / spread) * slope;
      information += (g.answers * slope * slope) / spread;
    }
    return { gradient, information };
  };
  let b = clamp(options.prior, MAX_LOGIT);
  let current = logPosterior(b);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const { gradient, information } = scoreAndInformation(b);
    // Fisher scoring, a step of at most one logit, halved until the posterior
    // rises (the guessing floor makes it non-concave for hard items).
    let step = clamp(gradient / (information + priorPrecision), 1);
    let next = clamp(b + step, MAX_LOGIT);
    let value = logPosterior(next);
    for (let halvings = 0; value < current && halvings < 40; halvings++) {
      step /= 2;
      next = clamp(b + step, MAX_LOGIT);
      value = logPosterior(next);
    }
    if (value < current) break;
    const moved = Math.abs(next - b);
    b = next;
    current = value;
    if (moved < tolerance) break;
  }
  const { information } = scoreAndInformation(b);
  return { difficulty: b, se: 1 / Math.sqrt(information + priorPrecision), answers, iterations };
}

/** The difficulty the learning model uses: the fitted one once it rests on enough answers, else the authored 1–3 rating's logit. */
export function difficultyForLearning(authored: number, stat: { fittedDifficulty: number | null; fitAnswerCount: number } | undefined): number {
  return stat && stat.fittedDifficulty !== null && stat.fitAnswerCount >= MIN_ANSWERS_FOR_FIT ? stat.fittedDifficulty : difficultyLogit(authored);
}
