import { describe, expect, test } from "vitest";
import { MINIMUM_WEIGHT, UNKNOWN_TOPIC_GAP, drillTopicWeights } from "@/lib/exams/drill-weights";

describe("weak-topic drill weights", () => {
  const topics = ["sqs", "kms", "cdk", "cors"];
  const mastery = new Map([
    ["sqs", 0.9],
    ["kms", 0.2],
    ["cors", 1],
  ]);
  const weights = drillTopicWeights(topics, mastery);
  test.each([
    { topic: "kms", weight: 0.8, why: "20% mastered: 80% left to learn" },
    { topic: "sqs", weight: 0.1, why: "90% mastered" },
    { topic: "cdk", weight: UNKNOWN_TOPIC_GAP, why: "never answered: half known" },
    { topic: "cors", weight: MINIMUM_WEIGHT, why: "fully mastered: kept in rotation at the floor" },
  ])("$topic → $weight ($why)", ({ topic, weight }) => {
    expect(weights.get(topic)).toBeCloseTo(weight, 10);
  });
  test("the weakest topic outweighs the unknown, which outweighs the mastered", () => {
    expect(weights.get("kms")!).toBeGreaterThan(weights.get("cdk")!);
    expect(weights.get("cdk")!).toBeGreaterThan(weights.get("sqs")!);
  });
});
