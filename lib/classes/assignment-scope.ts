// What an assignment asks: a full mock (65 questions balanced to the blueprint,
// as the real exam) or a scoped set (chosen domains, task statements or topics,
// and a question count). Stored in Assignment.config. Pure, client-safe.

export type AssignmentScope =
  | { kind: "mock" }
  | { kind: "scoped"; domains: number[]; taskStatements: string[]; topics: string[] };

export const MOCK_QUESTION_COUNT = 65;

/** Reads a stored config; an unknown shape is read as a full mock (the safe, complete set). */
export function scopeOf(config: unknown): AssignmentScope {
  const c = config as Partial<{ kind: string; domains: unknown; taskStatements: unknown; topics: unknown }> | null;
  if (c?.kind !== "scoped") return { kind: "mock" };
  const list = <T,>(v: unknown, ok: (x: unknown) => x is T): T[] => (Array.isArray(v) ? v.filter(ok) : []);
  return {
    kind: "scoped",
    domains: list(c.domains, (x): x is number => typeof x === "number"),
    taskStatements: list(c.taskStatements, (x): x is string => typeof x === "string"),
    topics: list(c.topics, (x): x is string => typeof x === "string"),
  };
}

/** True when a question belongs to the scope (a scoped set takes the union of what was chosen). */
export function inScope(scope: AssignmentScope, q: { domain: number; taskStatement: string; topic: string }): boolean {
  if (scope.kind === "mock") return true;
  return scope.domains.includes(q.domain) || scope.taskStatements.includes(q.taskStatement) || scope.topics.includes(q.topic);
}

/** "Full mock exam" or "Domain 2 · 1.3 · KMS keys…", for lists. */
export function describeScope(scope: AssignmentScope, titles: { topic: (id: string) => string } = { topic: (id) => id }): string {
  if (scope.kind === "mock") return "Full mock exam";
  const parts = [...scope.domains.map((d) => `Domain ${d}`), ...scope.taskStatements.map((t) => `Task ${t}`), ...scope.topics.map(titles.topic)];
  return parts.join(" · ") || "Scoped set";
}
