// Mastery: an Elo-style ability estimate per topic and per task statement,
// updated answer by answer against each question's difficulty. Pure.
// See docs/learning-model.md for the model and its reasoning.
//
// P(correct) = c + (1 − c) · σ(θ − b)
//   θ: the student's ability on the scope (logits, starts at 0)
//   b: the question's difficulty (authored 1/2/3 → −1/0/+1)
//   c: the chance of guessing right (1 / number of possible answers)
// After an answer: θ ← θ + K · (y − P), with K = max(K_MIN, K0 / (1 + n / N_HALF)),
// large while evidence n is thin and never so small that recent answers stop counting.

export const K0 = 1.2;
export const K_MIN = 0.3;
export const N_HALF = 6;
export const MIN_EVIDENCE = 3;

export type MasteryState = { rating: number; evidence: number; correct: number };
export const NEW_MASTERY: MasteryState = { rating: 0, evidence: 0, correct: 0 };

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function difficultyLogit(authored: number): number {
  return authored - 2; // 1 → −1, 2 → 0, 3 → +1
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** Probability of answering right by guessing: one of C(choices, correct) answers. */
export function guessChance(question: { type: string; choiceCount: number; correctCount: number }): number {
  if (question.type === "SINGLE" || question.type === "single") return 1 / Math.max(1, question.choiceCount);
  if (question.type === "MULTIPLE" || question.type === "multiple") {
    return 1 / binomial(question.choiceCount, question.correctCount);
  }
  return 0;
}

export function probabilityCorrect(rating: number, difficulty: number, guess: number): number {
  return guess + (1 - guess) * sigmoid(rating - difficulty);
}

export function learningRate(evidence: number): number {
  return Math.max(K_MIN, K0 / (1 + evidence / N_HALF));
}

export type Answer = { correct: boolean; difficulty: number; guess: number };

export function updateMastery(state: MasteryState, answer: Answer): MasteryState {
  const expected = probabilityCorrect(state.rating, answer.difficulty, answer.guess);
  const rating = state.rating + learningRate(state.evidence) * ((answer.correct ? 1 : 0) - expected);
  return {
    rating: Math.max(-4, Math.min(4, rating)),
    evidence: state.evidence + 1,
    correct: state.correct + (answer.correct ? 1 : 0),
  };
}

export function applyAnswers(state: MasteryState, answers: readonly Answer[]): MasteryState {
  return answers.reduce(updateMastery, state);
}

/** The chance of answering a medium question (b = 0) right without guessing: what "mastery" shows. */
export function masteryLevel(state: MasteryState): number {
  return sigmoid(state.rating);
}
