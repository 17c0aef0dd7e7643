import { describe, expect, test } from "vitest";
import { outcomeFor, scheduleReview } from "@/lib/learning/review";

const now = new Date("2026-06-01T10:00:00Z");
const days = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 86_400_000;

describe("outcomeFor (FSRS mapping)", () => {
  test.each([
    { correct: false, unsure: false, outcome: "again" },
    { correct: false, unsure: true, outcome: "again" },
    { correct: true, unsure: true, outcome: "hard" },
    { correct: true, unsure: false, outcome: "good" },
  ] as const)("correct $correct, unsure $unsure → $outcome", ({ correct, unsure, outcome }) => {
    expect(outcomeFor(correct, unsure)).toBe(outcome);
  });
});

describe("scheduleReview", () => {
  test("a confident right answer never creates a card", () => {
    expect(scheduleReview(null, "good", now)).toBeNull();
  });

  test("a miss creates a card due again within the day", () => {
    const card = scheduleReview(null, "again", now)!;
    expect(card.reps).toBe(1);
    expect(days(now, card.due)).toBeLessThan(1);
  });

  test("unsure (Hard) creates a card; later right answers push it further out each time", () => {
    let card = scheduleReview(null, "hard", now)!;
    expect(card).not.toBeNull();
    let at = card.due;
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = scheduleReview(card, "good", at)!;
      intervals.push(days(at, next.due));
      card = next;
      at = next.due;
    }
    expect(intervals[3]!).toBeGreaterThan(intervals[1]!);
    expect(intervals[3]!).toBeGreaterThan(3);
  });

  test("forgetting a well-known card counts a lapse and brings it back soon", () => {
    let card = scheduleReview(null, "again", now)!;
    for (let i = 0; i < 4; i++) card = scheduleReview(card, "good", card.due)!;
    const lapsed = scheduleReview(card, "again", card.due)!;
    expect(lapsed.lapses).toBe(card.lapses + 1);
    expect(days(card.due, lapsed.due)).toBeLessThan(1);
  });

  test("is deterministic (no fuzz)", () => {
    const a = scheduleReview(scheduleReview(null, "again", now), "good", new Date("2026-06-01T10:10:00Z"));
    const b = scheduleReview(scheduleReview(null, "again", now), "good", new Date("2026-06-01T10:10:00Z"));
    expect(a).toEqual(b);
  });
});
