// Mastery: a student's ability on a topic or task statement, estimated answer
// by answer with its uncertainty. Pure. docs/learning-model.md explains it.
//
// Answer model (IRT with guessing):
//   P(correct) = c + (1 − c) · σ(θ − b)
//   θ: ability on the scope (logits)   b: question difficulty (authored 1/2/3 → −1/0/+1)
//   c: chance of guessing right (1 / number of possible answers)
//
// Update: a one-step Bayesian (Laplace) filter, like Glicko or a Kalman filter.
// Each scope keeps a normal belief N(θ, v). Before an answer the variance grows
// by a little process noise q (abilities change as people study, so recent
// answers weigh more); the answer then pulls θ by v' · g and shrinks the
// variance to v' = 1 / (1/v + I), where g and I are the gradient and the Fisher
// information of the answer's log-likelihood at θ.

export const PRIOR_MEAN = 0;
export const PRIOR_VARIANCE = 1;
export const PROCESS_NOISE = 0.005;
export const MIN_VARIANCE = 0.01;
export const MIN_EVIDENCE = 3;

export type MasteryState = { rating: number; variance: number; evidence: number; correct: number };
export const NEW_MASTERY: MasteryState = { rating: PRIOR_MEAN, variance: PRIOR_VARIANCE, evidence: 0, correct: 0 };

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function difficultyLogit(authored: number): number {
  return authored - 2; // 1 → −1, 2 → 0, 3 → +1
}

export function probabilityCorrect(rating: number, difficulty: number, guess: number): number {
  return guess + (1 - guess) * sigmoid(rating - difficulty);
}

export type Answer = { correct: boolean; difficulty: number; guess: number };

export function updateMastery(state: MasteryState, answer: Answer): MasteryState {
  const prior = state.variance + PROCESS_NOISE;
  const s = sigmoid(state.rating - answer.difficulty);
  const p = answer.guess + (1 - answer.guess) * s;
  const slope = (1 - answer.guess) * s * (1 - s); // dP/dθ
  const spread = Math.max(1e-9, p * (1 - p));
  const gradient = ((answer.correct ? 1 : 0) - p) * (slope / spread);
  const information = (slope * slope) / spread;
  const variance = Math.max(MIN_VARIANCE, 1 / (1 / prior + information));
  return {
    rating: Math.max(-4, Math.min(4, state.rating + variance * gradient)),
    variance,
    evidence: state.evidence + 1,
    correct: state.correct + (answer.correct ? 1 : 0),
  };
}

export function applyAnswers(state: MasteryState, answers: readonly Answer[]): MasteryState {
  return answers.reduce(updateMastery, state);
}

/** The chance of answering a medium question (b = 0) right without guessing: what "mastery" shows. */
export function masteryLevel(state: Pick<MasteryState, "rating">): number {
  return sigmoid(state.rating);
}
