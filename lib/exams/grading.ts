// Grades answers the way the real exam does: multiple response is all-or-nothing,
// unanswered is wrong, no penalty for guessing, no per-domain pass mark. Pure.
import { isPassing, scaledScore } from "./scaled-score";

export function isAnswerCorrect(correctKeys: readonly string[], chosenKeys: readonly string[]): boolean {
  if (chosenKeys.length === 0 || chosenKeys.length !== correctKeys.length) return false;
  const correct = new Set(correctKeys);
  return new Set(chosenKeys).size === chosenKeys.length && chosenKeys.every((k) => correct.has(k));
}

export type GradableItem = {
  position: number;
  correctKeys: string[];
  chosenKeys: string[];
  domain: number;
  taskStatement: string;
  timeSpentMs: number;
};

export type BreakdownRow = { key: string; correct: number; total: number; percent: number };

export type AttemptGrade = {
  items: Array<{ position: number; correct: boolean; answered: boolean }>;
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
    .sort((a, b) => a.key.localeCompare(b.key, "en", { numeric: true }));
}

export function gradeAttempt(items: readonly GradableItem[]): AttemptGrade {
  const graded = items.map((item) => ({
    item,
    correct: isAnswerCorrect(item.correctKeys, item.chosenKeys),
    answered: item.chosenKeys.length > 0,
  }));
  const raw = graded.filter((g) => g.correct).length;
  const total = items.length;
  const scaled = scaledScore(raw, total);
  const answered = graded.filter((g) => g.answered).length;
  const totalMs = items.reduce((sum, i) => sum + Math.max(0, i.timeSpentMs), 0);
  return {
    items: graded.map((g) => ({ position: g.item.position, correct: g.correct, answered: g.answered })),
    raw,
    total,
    percent: total ? Math.round((1000 * raw) / total) / 10 : 0,
    scaled,
    passed: isPassing(scaled),
    domains: breakdown(graded.map((g) => ({ key: String(g.item.domain), correct: g.correct }))),
    taskStatements: breakdown(graded.map((g) => ({ key: g.item.taskStatement, correct: g.correct }))),
    answered,
    averageSecondsPerQuestion: total ? Math.round(totalMs / total / 100) / 10 : 0,
  };
}
