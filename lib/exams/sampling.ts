// Chooses the questions of an attempt. Pure.
// - A full mock is balanced to the blueprint: domains by weight (D'Hondt), task
//   statements evenly within a domain, questions the student has not seen first,
//   then those seen least often and longest ago; ties broken at random.
// - A quiz or drill spreads its questions evenly over the topics in scope (or by
//   the weights given, for a weak-topic drill).
// When a part has too few questions its seats go to the others; when the pool
// is smaller than asked, every question is used and `short` says so.
import { apportion } from "./apportion";
import { type Random, shuffled } from "./random";

export type Candidate = {
  id: string;
  domain: number;
  taskStatement: string;
  topic: string;
  /** Times this student has been shown the question before. */
  timesSeen: number;
  /** When they last saw it (ms since epoch), 0 if never. */
  lastSeenAt: number;
};

export type Selection = { ids: string[]; short: boolean };

function freshestFirst(candidates: Candidate[], random: Random): Candidate[] {
  const tieBreak = new Map(candidates.map((c) => [c.id, random()]));
  return [...candidates].sort(
    (a, b) => a.timesSeen - b.timesSeen || a.lastSeenAt - b.lastSeenAt || tieBreak.get(a.id)! - tieBreak.get(b.id)!,
  );
}

function groupBy<K extends string | number>(items: Candidate[], key: (c: Candidate) => K): Map<K, Candidate[]> {
  const groups = new Map<K, Candidate[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Picks `count` from groups by weight, each group's best candidates first. */
function pickAcross(
  groups: Map<string, Candidate[]>,
  weights: Map<string, number>,
  count: number,
  random: Random,
  inner?: (group: Candidate[], n: number) => Candidate[],
): Candidate[] {
  const seats = apportion(
    count,
    [...groups.entries()].map(([key, list]) => ({ key, weight: weights.get(key) ?? 1, cap: list.length })),
  );
  const chosen: Candidate[] = [];
  for (const [key, list] of groups) {
    const n = seats.get(key) ?? 0;
    if (n === 0) continue;
    chosen.push(...(inner ? inner(list, n) : freshestFirst(list, random).slice(0, n)));
  }
  return chosen;
}

export function selectMockQuestions(
  pool: Candidate[],
  options: { total: number; domainWeights: Map<number, number>; random: Random },
): Selection {
  const byDomain = groupBy(pool, (c) => String(c.domain));
  const weights = new Map([...options.domainWeights].map(([d, w]) => [String(d), w]));
  const chosen = pickAcross(byDomain, weights, options.total, options.random, (domainPool, n) => {
    const byTaskStatement = groupBy(domainPool, (c) => c.taskStatement);
    return pickAcross(byTaskStatement, new Map(), n, options.random);
  });
  return { ids: shuffled(chosen, options.random).map((c) => c.id), short: chosen.length < options.total };
}

export function selectScopedQuestions(
  pool: Candidate[],
  options: { total: number; random: Random; topicWeights?: Map<string, number> },
): Selection {
  const byTopic = groupBy(pool, (c) => c.topic);
  const chosen = pickAcross(byTopic, options.topicWeights ?? new Map(), options.total, options.random);
  return { ids: shuffled(chosen, options.random).map((c) => c.id), short: chosen.length < options.total };
}
