// Readiness: a predicted scaled score with an interval and the probability of
// passing (≥ 720), from the student's mastery per task statement. Pure.
// docs/learning-model.md explains the model; tests/unit/readiness-calibration
// shows it is calibrated on simulated students.
import { apportion } from "@/lib/exams/apportion";
import type { Random } from "@/lib/exams/random";
import { PASSING_SCALED, scaledScore } from "@/lib/exams/scaled-score";
import { type MasteryState, PRIOR_MEAN, PRIOR_VARIANCE, sigmoid } from "./mastery";

export const EXAM_QUESTIONS = 65;
export const MIN_TOTAL_ANSWERS = 40;
export const MIN_DOMAIN_ANSWERS = 5;
/** Population prior for a student's overall level (logits). */
export const LEVEL_PRIOR = { mean: 0, variance: 1 };
/** How far a task statement's ability typically sits from the student's level (sd, logits). */
export const TASK_STATEMENT_SPREAD = 0.5;

/** The question mix of the bank (difficulty and guessing chance), as the exam draws from it. */
export const QUESTION_MIX = [
  { difficulty: -1, share: 0.25 },
  { difficulty: 0, share: 0.5 },
  { difficulty: 1, share: 0.25 },
].flatMap((d) =>
  [
    { guess: 0.25, share: 0.7 }, // single: one of four
    { guess: 0.1, share: 0.3 }, // multiple: two of five
  ].map((g) => ({ difficulty: d.difficulty, guess: g.guess, share: d.share * g.share })),
);

function exactExpectedCorrect(theta: number): number {
  let p = 0;
  for (const q of QUESTION_MIX) p += q.share * (q.guess + (1 - q.guess) * sigmoid(theta - q.difficulty));
  return p;
}

// The Monte Carlo below evaluates this thousands of times per prediction: a
// table over θ ∈ [−8, 8] in steps of 1/64 with linear interpolation (error < 1e-5).
const TABLE_MIN = -8;
const TABLE_STEP = 1 / 64;
const TABLE = Float64Array.from({ length: 16 * 64 + 1 }, (_, i) => exactExpectedCorrect(TABLE_MIN + i * TABLE_STEP));

/** The chance of answering a question drawn from the bank right, at ability θ. */
export function expectedCorrect(theta: number): number {
  const x = (Math.min(8, Math.max(TABLE_MIN, theta)) - TABLE_MIN) / TABLE_STEP;
  const i = Math.min(TABLE.length - 2, Math.floor(x));
  const f = x - i;
  return TABLE[i]! * (1 - f) + TABLE[i + 1]! * f;
}

export type TaskStatementBelief = { code: string; domain: number; state: MasteryState | null };

/** Questions per task statement on a 65-question exam: domains by weight (D'Hondt), task statements evenly. */
export function examComposition(taskStatements: ReadonlyArray<{ code: string; domain: number }>, domainWeights: ReadonlyMap<number, number>): Map<string, number> {
  const domains = [...new Set(taskStatements.map((t) => t.domain))];
  const perDomain = apportion(
    EXAM_QUESTIONS,
    domains.map((d) => ({ key: String(d), weight: domainWeights.get(d) ?? 0, cap: Number.MAX_SAFE_INTEGER })),
  );
  const result = new Map<string, number>();
  for (const d of domains) {
    const codes = taskStatements.filter((t) => t.domain === d).map((t) => t.code);
    const split = apportion(perDomain.get(String(d)) ?? 0, codes.map((code) => ({ key: code, weight: 1, cap: Number.MAX_SAFE_INTEGER })));
    for (const code of codes) result.set(code, split.get(code) ?? 0);
  }
  return result;
}

/** Fewest correct answers out of 65 that reach 720. */
export const MIN_PASSING_RAW = (() => {
  for (let raw = 0; raw <= EXAM_QUESTIONS; raw++) if (scaledScore(raw, EXAM_QUESTIONS) >= PASSING_SCALED) return raw;
  return EXAM_QUESTIONS;
})();

/** Standard normal draws (Box–Muller, both values of each pair used). */
function normalSampler(random: Random): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(Math.max(1e-12, random())));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

export type Readiness =
  | {
      ready: false;
      answered: number;
      answersNeeded: number;
      /** Domains that still need answers, with how many more each. */
      domainsShort: Array<{ domain: number; needed: number }>;
    }
  | {
      ready: true;
      answered: number;
      predictedScore: number;
      /** 80% interval of the scaled score. */
      low: number;
      high: number;
      passProbability: number;
      /** Final mocks the prediction was weighed against (0: practice evidence only). */
      finalMocks: number;
    };

export function predictReadiness(options: {
  taskStatements: readonly TaskStatementBelief[];
  domainWeights: ReadonlyMap<number, number>;
  random: Random;
  draws?: number;
  /**
   * Graded final mocks (questions the student had never seen): each draw of the
   * model is weighed by how likely it makes this result, so a final mock pulls
   * the prediction toward what the student does on unseen questions (transfer),
   * which practice on repeated questions can overstate.
   */
  finalMocks?: ReadonlyArray<{ correct: number; questions: number }>;
}): Readiness {
  const { taskStatements, domainWeights, random } = options;
  const finalMocks = options.finalMocks ?? [];
  const draws = options.draws ?? 2000;
  const answered = taskStatements.reduce((n, t) => n + (t.state?.evidence ?? 0), 0);
  const domainAnswers = new Map<number, number>();
  for (const t of taskStatements) domainAnswers.set(t.domain, (domainAnswers.get(t.domain) ?? 0) + (t.state?.evidence ?? 0));
  const domainsShort = [...domainAnswers.entries()]
    .filter(([, n]) => n < MIN_DOMAIN_ANSWERS)
    .map(([domain, n]) => ({ domain, needed: MIN_DOMAIN_ANSWERS - n }))
    .sort((a, b) => a.domain - b.domain);
  if (answered < MIN_TOTAL_ANSWERS || domainsShort.length > 0) {
    const shortfall = domainsShort.reduce((n, d) => n + d.needed, 0);
    return { ready: false, answered, answersNeeded: Math.max(MIN_TOTAL_ANSWERS - answered, shortfall), domainsShort };
  }

  // Pooling: each task statement's mastery belief N(m, v) was formed from the
  // prior N(PRIOR_MEAN, PRIOR_VARIANCE); dividing that prior out leaves what the
  // answers said (a normal likelihood with mean μ and precision λ). The student's
  // level L pools all task statements, and each θ is drawn around L:
  //   L ~ N(LEVEL_PRIOR)    θ_ts | L ~ N(L, spread²)    answers_ts | θ_ts ~ N(μ_ts, 1/λ_ts)
  const spread2 = TASK_STATEMENT_SPREAD ** 2;
  const evidence = taskStatements.map((t) => {
    const s = t.state;
    if (!s || s.evidence === 0) return { precision: 0, mean: 0 };
    const precision = Math.max(0, 1 / s.variance - 1 / PRIOR_VARIANCE);
    if (precision < 1e-6) return { precision: 0, mean: 0 };
    return { precision, mean: (s.rating / s.variance - PRIOR_MEAN / PRIOR_VARIANCE) / precision };
  });
  let levelPrecision = 1 / LEVEL_PRIOR.variance;
  let levelWeighted = LEVEL_PRIOR.mean / LEVEL_PRIOR.variance;
  for (const e of evidence) {
    if (e.precision === 0) continue;
    const w = 1 / (1 / e.precision + spread2);
    levelPrecision += w;
    levelWeighted += w * e.mean;
  }
  const level = { mean: levelWeighted / levelPrecision, sd: Math.sqrt(1 / levelPrecision) };
  const conditional = evidence.map((e) => {
    const precision = 1 / spread2 + e.precision;
    return { fromLevel: 1 / spread2 / precision, fromAnswers: (e.precision * e.mean) / precision, sd: Math.sqrt(1 / precision) };
  });
  const questions = examComposition(taskStatements, domainWeights);
  const counts = taskStatements.map((t) => questions.get(t.code) ?? 0);

  const normalSample = normalSampler(random);
  const passes: number[] = [];
  const scores: number[] = [];
  const logWeights: number[] = [];
  for (let d = 0; d < draws; d++) {
    const L = level.mean + level.sd * normalSample();
    let mean = 0;
    let variance = 0;
    for (let i = 0; i < conditional.length; i++) {
      const c = conditional[i]!;
      const p = expectedCorrect(c.fromLevel * L + c.fromAnswers + c.sd * normalSample());
      mean += counts[i]! * p;
      variance += counts[i]! * p * (1 - p);
    }
    const sd = Math.sqrt(Math.max(variance, 1e-9));
    passes.push(1 - normalCdf((MIN_PASSING_RAW - 0.5 - mean) / sd));
    const raw = Math.min(EXAM_QUESTIONS, Math.max(0, Math.round(mean + sd * normalSample())));
    scores.push(scaledScore(raw, EXAM_QUESTIONS));
    // Binomial log-likelihood of each final mock's result at this draw's share correct.
    const share = Math.min(1 - 1e-6, Math.max(1e-6, mean / EXAM_QUESTIONS));
    logWeights.push(finalMocks.reduce((sum, f) => sum + f.correct * Math.log(share) + (f.questions - f.correct) * Math.log(1 - share), 0));
  }
  const top = Math.max(...logWeights);
  const weights = logWeights.map((w) => Math.exp(w - top));
  const total = weights.reduce((a, b) => a + b, 0);
  const passProbability = passes.reduce((sum, p, i) => sum + p * weights[i]!, 0) / total;
  const order = scores.map((score, i) => ({ score, weight: weights[i]! / total })).sort((a, b) => a.score - b.score);
  /** The weighted q-quantile of the sampled scaled scores. */
  const at = (q: number) => {
    let cumulative = 0;
    for (const o of order) {
      cumulative += o.weight;
      if (cumulative > q) return o.score;
    }
    return order.at(-1)!.score;
  };
  return { ready: true, answered, predictedScore: at(0.5), low: at(0.1), high: at(0.9), passProbability, finalMocks: finalMocks.length };
}
