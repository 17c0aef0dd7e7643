import { describe, expect, test } from "vitest";
import type { MasteryState } from "@/lib/learning/mastery";
import { type TopicInfo, rankWeakTopics, topicWeights } from "@/lib/learning/weak-topics";

// Domain 1 (32%): task statements 1.1 (lambda) and 1.2 (sqs, sns).
// Domain 4 (18%): task statements 4.1 (xray, logs, metrics) and 4.2 (tuning).
const topics: TopicInfo[] = [
  { id: "lambda", title: "Lambda", taskStatement: "1.1", domain: 1, lessonId: "l-lambda" },
  { id: "sqs", title: "SQS", taskStatement: "1.2", domain: 1, lessonId: null },
  { id: "sns", title: "SNS", taskStatement: "1.2", domain: 1, lessonId: null },
  { id: "xray", title: "X-Ray", taskStatement: "4.1", domain: 4, lessonId: null },
  { id: "logs", title: "Logs", taskStatement: "4.1", domain: 4, lessonId: null },
  { id: "metrics", title: "Metrics", taskStatement: "4.1", domain: 4, lessonId: null },
  { id: "tuning", title: "Tuning", taskStatement: "4.2", domain: 4, lessonId: null },
];
const weights = new Map([
  [1, 32],
  [4, 18],
]);
/** A belief whose mastery (chance of a medium question right) is `level`. */
const at = (level: number, evidence = 10): MasteryState => ({ rating: Math.log(level / (1 - level)), variance: 0.2, evidence, correct: 0 });

test("a topic's weight: its domain's weight split evenly over task statements, then topics", () => {
  const w = topicWeights(topics, weights);
  expect(w.get("lambda")).toBeCloseTo(0.16); // 32% / 2 task statements / 1 topic
  expect(w.get("sqs")).toBeCloseTo(0.08); // 32% / 2 / 2
  expect(w.get("xray")).toBeCloseTo(0.03); // 18% / 2 / 3
  expect(w.get("tuning")).toBeCloseTo(0.09); // 18% / 2 / 1
});

describe("rankWeakTopics: highest impact first (blueprint weight × what is left to learn)", () => {
  test.each([
    {
      name: "the issue's case: a heavy topic at 40% comes before a light one at 17%",
      mastery: { lambda: at(0.4), xray: at(0.17) },
      order: ["lambda", "xray"],
    },
    {
      name: "equal weight: the less mastered first",
      mastery: { sqs: at(0.6), sns: at(0.3) },
      order: ["sns", "sqs"],
    },
    {
      name: "a topic with fewer than three answers is not trusted yet",
      mastery: { lambda: at(0.1, 2), xray: at(0.5) },
      order: ["xray"],
    },
    {
      name: "a mastered heavy topic can fall below a weak light one",
      mastery: { lambda: at(0.95), tuning: at(0.3) },
      order: ["tuning", "lambda"],
    },
    {
      name: "a full tie goes by id, so the order never flickers",
      mastery: { sns: at(0.5), sqs: at(0.5) },
      order: ["sns", "sqs"],
    },
    { name: "no evidence at all: nothing to rank", mastery: {}, order: [] },
  ])("$name", ({ mastery, order }) => {
    const ranked = rankWeakTopics(topics, new Map(Object.entries(mastery)), weights);
    expect(ranked.map((t) => t.id)).toEqual(order);
  });

  test("each row carries the numbers the page explains the order with", () => {
    const [lambda, xray] = rankWeakTopics(topics, new Map(Object.entries({ lambda: at(0.4), xray: at(0.17) })), weights);
    expect(lambda).toMatchObject({ id: "lambda", evidence: 10, lessonId: "l-lambda" });
    expect(lambda!.mastery).toBeCloseTo(0.4);
    expect(lambda!.blueprintWeight).toBeCloseTo(0.16);
    expect(lambda!.priority).toBeCloseTo(0.096); // 0.16 × 0.6
    expect(lambda!.questionsAtStake).toBeCloseTo(6.24); // of 65 questions
    expect(xray!.priority).toBeCloseTo(0.0249); // 0.03 × 0.83
  });

  test("limit keeps the top few", () => {
    const everything = Object.fromEntries(topics.map((t) => [t.id, at(0.3)]));
    expect(rankWeakTopics(topics, new Map(Object.entries(everything)), weights, { limit: 2 }).map((t) => t.id)).toEqual(["lambda", "tuning"]);
  });
});
