import { describe, expect, test } from "vitest";
import { plural, relativeTime, timeUntil } from "@/lib/format/plural";

describe("plural", () => {
  test.each([
    { count: 0, singular: "card", pluralForm: undefined, text: "0 cards" },
    { count: 1, singular: "card", pluralForm: undefined, text: "1 card" },
    { count: 2, singular: "card", pluralForm: undefined, text: "2 cards" },
    { count: 1, singular: "minute", pluralForm: undefined, text: "1 minute" },
    { count: 1, singular: "answer", pluralForm: undefined, text: "1 answer" },
    { count: 1234, singular: "question", pluralForm: undefined, text: "1,234 questions" },
    { count: 1, singular: "is", pluralForm: "are", text: "1 is" },
    { count: 3, singular: "is", pluralForm: "are", text: "3 are" },
    { count: -1, singular: "day", pluralForm: undefined, text: "-1 day" },
  ])("$count $singular → $text", ({ count, singular, pluralForm, text }) => {
    expect(plural(count, singular, pluralForm)).toBe(text);
  });

  test("bare gives the word alone, for sentences that print the number elsewhere", () => {
    expect(plural(1, "card", undefined, { bare: true })).toBe("card");
    expect(plural(2, "is", "are", { bare: true })).toBe("are");
  });
});

describe("timeUntil (when a review card comes back)", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);
  test.each([
    { name: "already due", ms: -5_000, text: "in under a minute" },
    { name: "20 seconds", ms: 20_000, text: "in under a minute" },
    { name: "exactly one minute (FSRS's first step)", ms: 60_000, text: "in 1 minute" },
    { name: "90 seconds rounds to 2 minutes", ms: 90_000, text: "in 2 minutes" },
    { name: "ten minutes", ms: 600_000, text: "in 10 minutes" },
    { name: "59 minutes", ms: 59 * 60_000, text: "in 59 minutes" },
    { name: "one hour", ms: 3_600_000, text: "in 1 hour" },
    { name: "a day and a half is still hours", ms: 35 * 3_600_000, text: "in 35 hours" },
    { name: "36 hours becomes days", ms: 36 * 3_600_000, text: "in 2 days" },
    { name: "four days", ms: 4 * 86_400_000, text: "in 4 days" },
  ])("$name → $text", ({ ms, text }) => {
    expect(timeUntil(later(ms), now)).toBe(text);
  });
});

describe("relativeTime (due times, last activity)", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);
  test.each([
    { ms: 3 * 3_600_000, text: "in 3 hours" },
    { ms: -60_000, text: "1 minute ago" },
    { ms: -5 * 3_600_000, text: "5 hours ago" },
    { ms: -3 * 86_400_000, text: "3 days ago" },
  ])("$ms ms → $text", ({ ms, text }) => {
    expect(relativeTime(later(ms), now)).toBe(text);
  });
});
