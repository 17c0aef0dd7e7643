import { describe, expect, test } from "vitest";
import { acceptsSaves, computeDeadline, isOverdue, secondsLeft } from "@/lib/exams/deadline";

const start = new Date("2026-05-01T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("deadline", () => {
  test.each([
    { name: "130 minutes", minutes: 130, multiplier: 1, end: "2026-05-01T11:10:00.000Z" },
    { name: "time and a half", minutes: 130, multiplier: 1.5, end: "2026-05-01T12:15:00.000Z" },
    { name: "one-minute test exam", minutes: 1, multiplier: 1, end: "2026-05-01T09:01:00.000Z" },
    { name: "fractional minutes round to the millisecond", minutes: 0.5, multiplier: 1.25, end: "2026-05-01T09:00:37.500Z" },
  ])("$name", ({ minutes, multiplier, end }) => {
    expect(computeDeadline(start, minutes, multiplier).toISOString()).toBe(end);
  });

  const deadline = at(600);
  test.each([
    { name: "well before", now: at(10), accepts: true },
    { name: "deadline exactly now", now: at(600), accepts: true },
    { name: "inside the grace", now: at(609), accepts: true },
    { name: "grace ends exactly now", now: at(610), accepts: true },
    { name: "one millisecond past the grace", now: new Date(at(610).getTime() + 1), accepts: false },
    { name: "long after", now: at(5000), accepts: false },
  ])("$name → saves accepted: $accepts", ({ now, accepts }) => {
    expect(acceptsSaves(now, deadline, 10)).toBe(accepts);
    expect(isOverdue(now, deadline, 10)).toBe(!accepts);
  });

  test("an untimed attempt always accepts saves", () => {
    expect(acceptsSaves(at(10 ** 7), null, 0)).toBe(true);
    expect(secondsLeft(at(0), null)).toBeNull();
  });

  test.each([
    [at(0), 600],
    [at(599.2), 1],
    [at(600), 0],
    [at(700), 0],
  ])("seconds left at %s", (now, left) => expect(secondsLeft(now, deadline)).toBe(left));
});
