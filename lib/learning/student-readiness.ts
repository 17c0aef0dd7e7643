// One student's readiness from their task-statement mastery and graded final
// mocks, computed the same way wherever it is shown (the student's dashboard,
// a class dashboard): same rows, same seed, same numbers. Pure.
import { seededRandom } from "@/lib/exams/random";
import type { MasteryState } from "./mastery";
import { type Readiness, predictReadiness } from "./readiness";

export type BlueprintDomain = { number: number; weight: number; taskStatements: ReadonlyArray<{ code: string }> };
export type FinalMockResult = { correct: number; questions: number };

const totalEvidence = (mastery: ReadonlyMap<string, MasteryState>) => [...mastery.values()].reduce((n, m) => n + m.evidence, 0);

/**
 * What the prediction depends on besides the blueprint: every answer adds
 * evidence, so the total only grows, and the final mocks' results. Two equal
 * stamps give the same prediction.
 */
export function readinessStamp(mastery: ReadonlyMap<string, MasteryState>, finalMocks: readonly FinalMockResult[]): string {
  return `${totalEvidence(mastery)}|${finalMocks.map((f) => `${f.correct}/${f.questions}`).sort().join(",")}`;
}

export function studentReadiness(options: {
  userId: string;
  domains: readonly BlueprintDomain[];
  /** Task-statement mastery by task statement code. */
  mastery: ReadonlyMap<string, MasteryState>;
  finalMocks: readonly FinalMockResult[];
}): Readiness {
  const { userId, domains, mastery, finalMocks } = options;
  return predictReadiness({
    taskStatements: domains.flatMap((d) => d.taskStatements.map((t) => ({ code: t.code, domain: d.number, state: mastery.get(t.code) ?? null }))),
    domainWeights: new Map(domains.map((d) => [d.number, d.weight])),
    // Same evidence, same numbers: the page does not flicker between refreshes.
    random: seededRandom(`${userId}:${totalEvidence(mastery)}`),
    // Final mocks (held-back questions) weigh the prediction toward transfer (docs/learning-model.md §4).
    finalMocks,
  });
}
