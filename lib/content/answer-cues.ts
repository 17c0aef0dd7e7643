// Test-wiseness cues: answer-independent strategies a student could use to find
// the key without knowing AWS (pick the longest choice, the one echoing the
// stem, the one without absolute words, ...). For each strategy we compute the
// expected share of questions it answers right, with ties broken at random
// (a tie among k choices that holds the key earns 1/k), and compare it with
// chance. Pure: takes questions, returns figures.
//
// Multiple-response items: the strategy ranks the choices and picks the top N,
// where N is the number of correct choices (the stem says "Choose TWO/THREE").
// Ties at the cut are broken at random, so the expected score is the
// probability that the random completion equals the key.

export type CueChoice = { key: string; text: string; correct: boolean };
export type CueQuestion = { id: string; type: "single" | "multiple"; stem: string; choices: CueChoice[] };

export type CueStrategyId =
  | "longest"
  | "shortest"
  | "stem-overlap"
  | "no-absolute-words"
  | "convergence"
  | "odd-one-out"
  | "article-agreement"
  | "avoid-longest"
  | "avoid-shortest"
  | "position";

export type CueFigure = {
  strategy: CueStrategyId;
  type: "single" | "multiple";
  questions: number;
  /** Expected share of questions answered right by the strategy (0–1). */
  hitRate: number;
  /** Expected share answered right by guessing at random (0–1). */
  chance: number;
  /** Highest hit rate the content check accepts. */
  limit: number;
};

export const CUE_LIMITS = {
  // Issue 13's hard limits for the "pick the longest" strategy.
  longest: { single: 0.3, multiple: 0.15 },
  // Every other strategy may beat chance by at most this many points.
  otherMargin: { single: 0.1, multiple: 0.07 },
} as const;

const ABSOLUTE_WORDS = /\b(always|never|all|every|only|none|must|cannot|no|any|entirely|completely|guarantees?)\b/i;
const STOP_WORDS = new Set(
  (
    "a an the and or of to in on for with by from as at is are be that this it its which what when how " +
    "their they them then than into use uses using used should would can could will does do not so if " +
    "each one two three most least more less developer company application team needs wants must requirements"
  ).split(" "),
);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = overlap(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Scores for each choice: a strategy picks the highest scores. */
type Scorer = (q: CueQuestion) => number[];

const SCORERS: Record<Exclude<CueStrategyId, "position">, Scorer> = {
  longest: (q) => q.choices.map((c) => c.text.trim().length),
  shortest: (q) => q.choices.map((c) => -c.text.trim().length),
  "stem-overlap": (q) => {
    const stem = new Set(words(q.stem));
    return q.choices.map((c) => overlap(new Set(words(c.text)), stem));
  },
  "no-absolute-words": (q) => q.choices.map((c) => (ABSOLUTE_WORDS.test(c.text) ? 0 : 1)),
  convergence: (q) => {
    const sets = q.choices.map((c) => new Set(words(c.text)));
    return sets.map((s, i) => sets.reduce((sum, other, j) => (i === j ? sum : sum + jaccard(s, other)), 0));
  },
  "odd-one-out": (q) => {
    const sets = q.choices.map((c) => new Set(words(c.text)));
    return sets.map((s, i) => -sets.reduce((sum, other, j) => (i === j ? sum : sum + jaccard(s, other)), 0));
  },
  // Elimination: a bank that rarely keys the longest (or shortest) choice
  // teaches students to rule it out, which is a cue too.
  "avoid-longest": (q) => {
    const lengths = q.choices.map((c) => c.text.trim().length);
    const max = Math.max(...lengths);
    return lengths.map((l) => (l === max ? 0 : 1));
  },
  "avoid-shortest": (q) => {
    const lengths = q.choices.map((c) => c.text.trim().length);
    const min = Math.min(...lengths);
    return lengths.map((l) => (l === min ? 0 : 1));
  },
  "article-agreement": (q) => {
    // A stem ending "... is an" / "... is a" agrees only with choices starting
    // with a vowel / consonant sound (approximated by the first letter).
    const ending = /\b(an|a)\s*$/i.exec(q.stem.trim().replace(/[:?_\s]+$/, ""));
    if (!ending) return q.choices.map(() => 0);
    const wantsVowel = ending[1]!.toLowerCase() === "an";
    return q.choices.map((c) => (/^[aeiou]/i.test(c.text.trim()) === wantsVowel ? 1 : 0));
  },
};

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * Expected score of picking the top `n` choices by `scores` with random tie
 * breaks, against the set of correct choices. Returns a probability (0–1).
 */
export function expectedTopPickScore(scores: number[], correct: boolean[], n: number): number {
  const order = [...new Set(scores)].sort((a, b) => b - a);
  let remaining = n;
  let probability = 1;
  for (const level of order) {
    if (remaining === 0) break;
    const atLevel = scores.map((s, i) => (s === level ? i : -1)).filter((i) => i >= 0);
    const correctAtLevel = atLevel.filter((i) => correct[i]).length;
    if (atLevel.length <= remaining) {
      // Every choice at this level is picked: all of them must be correct.
      if (correctAtLevel !== atLevel.length) return 0;
      remaining -= atLevel.length;
    } else {
      // Pick `remaining` of the tied choices at random; all picks must be
      // correct and together with earlier picks make up every correct choice.
      const correctTotal = correct.filter(Boolean).length;
      const needed = correctTotal - (n - remaining);
      if (needed !== remaining || correctAtLevel < remaining) return 0;
      probability *= binomial(correctAtLevel, remaining) / binomial(atLevel.length, remaining);
      remaining = 0;
    }
  }
  return probability;
}

export function chanceScore(q: CueQuestion): number {
  const n = q.choices.filter((c) => c.correct).length;
  return 1 / binomial(q.choices.length, n);
}

function limitFor(strategy: CueStrategyId, type: "single" | "multiple", chance: number): number {
  if (strategy === "longest") return CUE_LIMITS.longest[type];
  return chance + CUE_LIMITS.otherMargin[type];
}

/** Hit rate of every strategy, separately for single and multiple response. */
export function measureAnswerCues(questions: ReadonlyArray<CueQuestion>): CueFigure[] {
  const figures: CueFigure[] = [];
  for (const type of ["single", "multiple"] as const) {
    const list = questions.filter((q) => q.type === type);
    if (list.length === 0) continue;
    const chance = list.reduce((sum, q) => sum + chanceScore(q), 0) / list.length;
    for (const [strategy, scorer] of Object.entries(SCORERS) as [Exclude<CueStrategyId, "position">, Scorer][]) {
      const total = list.reduce((sum, q) => {
        const correct = q.choices.map((c) => c.correct);
        return sum + expectedTopPickScore(scorer(q), correct, correct.filter(Boolean).length);
      }, 0);
      figures.push({ strategy, type, questions: list.length, hitRate: total / list.length, chance, limit: limitFor(strategy, type, chance) });
    }
    // Position: always answer by a fixed preference of letters (say c, then a,
    // then ...), taking the top N. Measured as the best such order for the bank.
    const keys = [...new Set(list.flatMap((q) => q.choices.map((c) => c.key)))].sort();
    let best = 0;
    for (const order of permutations(keys)) {
      const total = list.reduce((sum, q) => {
        const correct = q.choices.map((c) => c.correct);
        const scores = q.choices.map((c) => keys.length - order.indexOf(c.key));
        return sum + expectedTopPickScore(scores, correct, correct.filter(Boolean).length);
      }, 0);
      best = Math.max(best, total / list.length);
    }
    figures.push({ strategy: "position", type, questions: list.length, hitRate: best, chance, limit: limitFor("position", type, chance) });
  }
  return figures;
}

function permutations<T>(list: T[]): T[][] {
  if (list.length <= 1) return [list];
  return list.flatMap((first, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]));
}

/** Share of correct keys at each position (a, b, c, ...), for the report. */
export function keyPositionShares(questions: ReadonlyArray<CueQuestion>): Record<string, number> {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const q of questions) {
    for (const c of q.choices) {
      if (!c.correct) continue;
      counts[c.key] = (counts[c.key] ?? 0) + 1;
      total++;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort().map(([k, v]) => [k, total ? v / total : 0]));
}

/**
 * For one question, the strategies that find its key outright (no tie). Writers
 * use it to see which questions to rebalance: `content:check --cues` lists them.
 */
export function cuesGivingAwayKey(q: CueQuestion): CueStrategyId[] {
  const correct = q.choices.map((c) => c.correct);
  const n = correct.filter(Boolean).length;
  return (Object.entries(SCORERS) as [Exclude<CueStrategyId, "position">, Scorer][])
    .filter(([, scorer]) => expectedTopPickScore(scorer(q), correct, n) === 1)
    .map(([strategy]) => strategy);
}
