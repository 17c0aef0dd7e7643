// Classical test statistics for one assignment, as Moodle's quiz statistics
// report computes them (docs/item-analysis.md has the formulas and a worked
// example). Pure: arrays in, numbers out.
//
// Input: one row per attempt (by default each student's first), each with a
// 0/1 score per question and, for choice questions, the keys chosen.

export type ItemResponse = { score: 0 | 1; chosenKeys: readonly string[] };
export type AnalysedAttempt = { responses: ReadonlyArray<ItemResponse | undefined> };
export type ItemInfo = { questionId: string; kind: string; choiceKeys: readonly string[]; correctKeys: readonly string[] };

export type TestStatistics = {
  attempts: number;
  questions: number;
  /** Of the total raw score. */
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Cronbach's alpha; null with fewer than 2 attempts, fewer than 2 questions or no variance in totals. */
  alpha: number | null;
  /** Standard error of measurement = sd × √(1 − alpha). */
  sem: number | null;
};

export type ChoiceFrequency = { key: string; correct: boolean; all: number; top: number; bottom: number };

export type ItemStatistics = {
  questionId: string;
  /** Share of attempts that got it right (0–1). */
  facility: number;
  /** Corrected item-total point-biserial: this item against the rest of the test; null when either has no variance. */
  discrimination: number | null;
  /** Choice questions: how often each key was chosen, overall and by the top and bottom thirds (shares, 0–1). */
  choices: ChoiceFrequency[];
  flags: Array<"NEGATIVE_DISCRIMINATION" | "LOW_DISCRIMINATION" | "UNUSED_DISTRACTOR">;
};

/** Below this corrected discrimination an item does little to tell stronger from weaker students. */
export const LOW_DISCRIMINATION = 0.15;
/** Fewer attempts than this and no flag is raised (the figures are noise). */
export const MIN_ATTEMPTS_FOR_FLAGS = 5;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length ? sum(xs) / xs.length : 0);

/** Sample variance (n − 1). */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Pearson correlation; null when either side has no variance. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const scoreOf = (r: ItemResponse | undefined) => r?.score ?? 0;

export function testStatistics(attempts: readonly AnalysedAttempt[], questionCount: number): TestStatistics {
  const totals = attempts.map((a) => sum(a.responses.map(scoreOf)));
  const sd = Math.sqrt(variance(totals));
  let alpha: number | null = null;
  const k = questionCount;
  const totalVariance = variance(totals);
  if (attempts.length >= 2 && k >= 2 && totalVariance > 0) {
    const itemVariances = Array.from({ length: k }, (_, i) => variance(attempts.map((a) => scoreOf(a.responses[i]))));
    alpha = (k / (k - 1)) * (1 - sum(itemVariances) / totalVariance);
  }
  return {
    attempts: attempts.length,
    questions: k,
    mean: mean(totals),
    median: median(totals),
    sd,
    alpha,
    sem: alpha === null ? null : sd * Math.sqrt(Math.max(0, 1 - alpha)),
  };
}

/**
 * The top and bottom thirds by total score (Moodle's "top/bottom 33%"): the
 * indexes of attempts, ties broken by position so the split is deterministic.
 */
export function thirds(totals: readonly number[]): { top: Set<number>; bottom: Set<number> } {
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t || a.i - b.i);
  const size = Math.floor(totals.length / 3);
  return { top: new Set(order.slice(0, size).map((o) => o.i)), bottom: new Set(order.slice(order.length - size).map((o) => o.i)) };
}

export function itemStatistics(attempts: readonly AnalysedAttempt[], items: readonly ItemInfo[]): ItemStatistics[] {
  const totals = attempts.map((a) => sum(a.responses.map(scoreOf)));
  const { top, bottom } = thirds(totals);
  const share = (count: number, of: number) => (of ? count / of : 0);
  return items.map((item, q) => {
    const scores = attempts.map((a) => scoreOf(a.responses[q]));
    const rest = totals.map((t, i) => t - scores[i]!);
    const discrimination = correlation(scores, rest);
    const choices: ChoiceFrequency[] = item.choiceKeys.map((key) => {
      const picked = (i: number) => attempts[i]!.responses[q]?.chosenKeys.includes(key) ?? false;
      const indexes = attempts.map((_, i) => i);
      return {
        key,
        correct: item.correctKeys.includes(key),
        all: share(indexes.filter(picked).length, attempts.length),
        top: share([...top].filter(picked).length, top.size),
        bottom: share([...bottom].filter(picked).length, bottom.size),
      };
    });
    const flags: ItemStatistics["flags"] = [];
    if (attempts.length >= MIN_ATTEMPTS_FOR_FLAGS) {
      if (discrimination !== null && discrimination < 0) flags.push("NEGATIVE_DISCRIMINATION");
      else if (discrimination === null || discrimination < LOW_DISCRIMINATION) flags.push("LOW_DISCRIMINATION");
      if (choices.some((c) => !c.correct && c.all === 0)) flags.push("UNUSED_DISTRACTOR");
    }
    return { questionId: item.questionId, facility: mean(scores), discrimination, choices, flags };
  });
}
