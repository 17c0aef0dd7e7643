import { describe, expect, test } from "vitest";
import { inReadingOrder, lessonNeighbours, nextLessonToRead } from "@/lib/lessons/lesson-sequence";
import { describeLessonProgress, summariseDomainProgress } from "@/lib/lessons/lesson-progress";

const lesson = (id: string, domainNumber: number, order: number) => ({ id, domainNumber, order });
// Deliberately out of order: reading order is domain, then lesson order.
const lessons = [lesson("d2-first", 2, 1), lesson("d1-second", 1, 2), lesson("d3-only", 3, 1), lesson("d1-first", 1, 1), lesson("d2-second", 2, 2)];

describe("inReadingOrder", () => {
  test("sorts by domain number, then order", () => {
    expect(inReadingOrder(lessons).map((l) => l.id)).toEqual(["d1-first", "d1-second", "d2-first", "d2-second", "d3-only"]);
  });
  test("equal positions fall back to id so the order is stable", () => {
    expect(inReadingOrder([lesson("b", 1, 1), lesson("a", 1, 1)]).map((l) => l.id)).toEqual(["a", "b"]);
  });
  test("does not change its input", () => {
    const input = [...lessons];
    inReadingOrder(input);
    expect(input).toEqual(lessons);
  });
});

describe("lessonNeighbours", () => {
  test.each([
    { name: "first lesson has no previous", id: "d1-first", previous: null, next: "d1-second" },
    { name: "middle of a domain", id: "d1-second", previous: "d1-first", next: "d2-first" },
    { name: "crosses into the next domain", id: "d2-first", previous: "d1-second", next: "d2-second" },
    { name: "last lesson has no next", id: "d3-only", previous: "d2-second", next: null },
    { name: "unknown lesson has neither", id: "nope", previous: null, next: null },
  ])("$name", ({ id, previous, next }) => {
    const result = lessonNeighbours(lessons, id);
    expect(result.previous?.id ?? null).toBe(previous);
    expect(result.next?.id ?? null).toBe(next);
  });
  test("a single lesson has neither neighbour", () => {
    expect(lessonNeighbours([lesson("solo", 1, 1)], "solo")).toEqual({ previous: null, next: null });
  });
});

describe("nextLessonToRead", () => {
  test.each([
    { name: "nothing complete: the first lesson", completed: [], next: "d1-first" },
    { name: "skips completed lessons", completed: ["d1-first", "d1-second"], next: "d2-first" },
    { name: "a gap earlier on comes first", completed: ["d1-second", "d2-first"], next: "d1-first" },
    { name: "everything complete: none", completed: lessons.map((l) => l.id), next: null },
  ])("$name", ({ completed, next }) => {
    expect(nextLessonToRead(lessons, new Set(completed))?.id ?? null).toBe(next);
  });
});

const domains = [
  { id: "dom-2", number: 2, title: "Security", weight: 26 },
  { id: "dom-1", number: 1, title: "Development", weight: 32 },
  { id: "dom-4", number: 4, title: "Troubleshooting", weight: 18 },
];
const progressLessons = [
  { id: "a", domainId: "dom-1" },
  { id: "b", domainId: "dom-1" },
  { id: "c", domainId: "dom-1" },
  { id: "d", domainId: "dom-2" },
];

describe("summariseDomainProgress", () => {
  test.each([
    { name: "nothing complete", completed: [], counts: [[0, 3, 0], [0, 1, 0], [0, 0, 0]] },
    { name: "one of three rounds down to 33%", completed: ["a"], counts: [[1, 3, 33], [0, 1, 0], [0, 0, 0]] },
    { name: "two of three rounds down to 66%, never up", completed: ["a", "b"], counts: [[2, 3, 66], [0, 1, 0], [0, 0, 0]] },
    { name: "every lesson of a domain is 100%", completed: ["d"], counts: [[0, 3, 0], [1, 1, 100], [0, 0, 0]] },
    { name: "completions of retired or unknown lessons do not count", completed: ["zzz", "retired"], counts: [[0, 3, 0], [0, 1, 0], [0, 0, 0]] },
    { name: "a completion listed twice counts once", completed: ["a", "a"], counts: [[1, 3, 33], [0, 1, 0], [0, 0, 0]] },
  ])("$name", ({ completed, counts }) => {
    const summary = summariseDomainProgress(domains, progressLessons, completed);
    expect(summary.map((d) => d.number)).toEqual([1, 2, 4]);
    expect(summary.map((d) => [d.completed, d.total, d.percent])).toEqual(counts);
  });
  test("a domain without lessons is 0%, not NaN, and keeps its weight", () => {
    const empty = summariseDomainProgress(domains, [], ["a"]).find((d) => d.number === 4)!;
    expect(empty).toMatchObject({ total: 0, completed: 0, percent: 0, weight: 18 });
  });
});

describe("describeLessonProgress", () => {
  test.each([
    { completed: 3, total: 27, text: "3 of 27 lessons complete" },
    { completed: 0, total: 1, text: "0 of 1 lesson complete" },
    { completed: 27, total: 27, text: "27 of 27 lessons complete" },
    { completed: 0, total: 0, text: "No lessons yet" },
  ])("$completed of $total → $text", ({ completed, total, text }) => {
    expect(describeLessonProgress(completed, total)).toBe(text);
  });
});
