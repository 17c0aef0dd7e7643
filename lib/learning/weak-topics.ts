// Ranks weak topics by blueprint weight × lack of mastery, among topics with
// enough evidence to trust. Pure.
import { MIN_EVIDENCE, type MasteryState, masteryLevel } from "./mastery";

export type TopicInfo = { id: string; title: string; taskStatement: string; domain: number; lessonId: string | null };
export type WeakTopic = TopicInfo & { mastery: number; evidence: number; blueprintWeight: number; priority: number };

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
      return [{ ...t, mastery: level, evidence: state.evidence, blueprintWeight: weight, priority: weight * (1 - level) }];
    })
    .sort((a, b) => b.priority - a.priority || a.mastery - b.mastery || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 5);
}
