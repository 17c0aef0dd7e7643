// The highest-impact topics: where study gains the most exam points. Pure.
// Ranked by blueprint weight × lack of mastery (what is left to learn), among
// topics with enough evidence to trust. So a topic worth 5% of the exam at 40%
// mastery (3.0% left on the table) comes before one worth 1% at 17% (0.8%):
// the page shows each row's weight and mastery so that order makes sense.
import { MIN_EVIDENCE, type MasteryState, masteryLevel } from "./mastery";
import { EXAM_QUESTIONS } from "./readiness";

export type TopicInfo = { id: string; title: string; taskStatement: string; domain: number; lessonId: string | null };
export type WeakTopic = TopicInfo & {
  mastery: number;
  evidence: number;
  /** Share of the exam (0–1). */
  blueprintWeight: number;
  /** blueprintWeight × (1 − mastery): the share of the exam's points this topic is likely to cost. */
  priority: number;
  /** The same, in questions of a 65-question exam. */
  questionsAtStake: number;
};

/**
 * A topic's share of the exam: its domain's weight, split evenly over the
 * domain's task statements and then over the task statement's topics.
 */
export function topicWeights(
  topics: readonly TopicInfo[],
  domainWeights: ReadonlyMap<number, number>,
): Map<string, number> {
  const tsPerDomain = new Map<number, Set<string>>();
  const topicsPerTs = new Map<string, number>();
  for (const t of topics) {
    (tsPerDomain.get(t.domain) ?? tsPerDomain.set(t.domain, new Set()).get(t.domain)!).add(t.taskStatement);
    topicsPerTs.set(t.taskStatement, (topicsPerTs.get(t.taskStatement) ?? 0) + 1);
  }
  return new Map(
    topics.map((t) => [
      t.id,
      (domainWeights.get(t.domain) ?? 0) / 100 / tsPerDomain.get(t.domain)!.size / topicsPerTs.get(t.taskStatement)!,
    ]),
  );
}

export function rankWeakTopics(
  topics: readonly TopicInfo[],
  mastery: ReadonlyMap<string, MasteryState>,
  domainWeights: ReadonlyMap<number, number>,
  options: { limit?: number; minEvidence?: number } = {},
): WeakTopic[] {
  const weights = topicWeights(topics, domainWeights);
  const minEvidence = options.minEvidence ?? MIN_EVIDENCE;
  return topics
    .flatMap((t) => {
      const state = mastery.get(t.id);
      if (!state || state.evidence < minEvidence) return [];
      const level = masteryLevel(state);
      const weight = weights.get(t.id) ?? 0;
      const priority = weight * (1 - level);
      return [{ ...t, mastery: level, evidence: state.evidence, blueprintWeight: weight, priority, questionsAtStake: priority * EXAM_QUESTIONS }];
    })
    .sort((a, b) => b.priority - a.priority || a.mastery - b.mastery || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 5);
}
