// How a weak-topic drill spreads its questions over topics. Pure.
// Each topic's weight is how much the student still has to learn there: one
// minus the mastery the learning model shows (the chance of answering a medium
// question right, 0–1). A topic never answered counts as half known (0.5), so
// a drill explores it as much as a topic at 50% mastery. A floor keeps mastered
// topics in rotation now and then, so a drill never asks only one topic.
export const UNKNOWN_TOPIC_GAP = 0.5;
export const MINIMUM_WEIGHT = 0.05;

export function drillTopicWeights(
  topics: readonly string[],
  mastery: ReadonlyMap<string, number>,
): Map<string, number> {
  return new Map(
    topics.map((topic) => {
      const known = mastery.get(topic);
      const gap = known === undefined ? UNKNOWN_TOPIC_GAP : 1 - Math.min(1, Math.max(0, known));
      return [topic, Math.max(MINIMUM_WEIGHT, gap)];
    }),
  );
}
