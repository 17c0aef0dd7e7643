// Scores a graded attempt the way the real exam does: unanswered is wrong, no
// penalty for guessing, no per-domain pass mark (whether each answer is right
// is answer-rules.ts's job). Pure.
import { isPassing, scaledScore } from "./scaled-score";

export type GradableItem = {
  position: number;
  correct: boolean;
  answered: boolean;
  domain: number;
  taskStatement: string;
  timeSpentMs: number;
};

export type BreakdownRow = { key: string; correct: number; total: number; percent: number };

export type AttemptGrade = {
  raw: number;
  total: number;
  percent: number;
  scaled: number;
  passed: boolean;
  domains: BreakdownRow[];
  taskStatements: BreakdownRow[];
  answered: number;
  averageSecondsPerQuestion: number;
};

/** "1.10" after "1.9". One collator for every grade: `localeCompare` with options builds a new one per call, 3% of the server's CPU in a submit storm. */
const byKey = new Intl.Collator("en", { numeric: true });

function breakdown(items: Array<{ key: string; correct: boolean }>): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const { key, correct } of items) {
    const row = rows.get(key) ?? { key, correct: 0, total: 0, percent: 0 };
    row.total++;
    if (correct) row.correct++;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, percent: Math.round((100 * r.correct) / r.total) }))
    .sort((a, b) => byKey.compare(a.key, b.key));
}

export function gradeAttempt(items: readonly GradableItem[]): AttemptGrade {
  const raw = items.filter((i) => i.correct).length;
  const total = items.length;
  const scaled = scaledScore(raw, total);
  const totalMs = items.reduce((sum, i) => sum + Math.max(0, i.timeSpentMs), 0);
  return {
    raw,
    total,
    percent: total ? Math.round((1000 * raw) / total) / 10 : 0,
    scaled,
    passed: isPassing(scaled),
    domains: breakdown(items.map((i) => ({ key: String(i.domain), correct: i.correct }))),
    taskStatements: breakdown(items.map((i) => ({ key: i.taskStatement, correct: i.correct }))),
    answered: items.filter((i) => i.answered).length,
    averageSecondsPerQuestion: total ? Math.round(totalMs / total / 100) / 10 : 0,
  };
}
