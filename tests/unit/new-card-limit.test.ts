import { describe, expect, test } from "vitest";
import { deferredNewCardsNotice, newCardsByDay, spreadNewCards } from "@/lib/learning/new-card-limit";

const now = new Date("2026-06-01T10:00:00Z"); // Monday
const minutesLater = (n: number) => new Date(now.getTime() + n * 60_000);
/** n new cards just made: FSRS brings a missed question back a minute later. */
const fresh = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `q${i}`, due: minutesLater(1) }));
const dueDays = (cards: Array<{ due: Date }>, zone = "UTC") =>
  cards.reduce<Record<string, number>>((acc, c) => {
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(c.due);
    acc[day] = (acc[day] ?? 0) + 1;
    return acc;
  }, {});

describe("spreadNewCards", () => {
  test.each([
    { name: "under the limit: nothing moves", cards: 5, limit: 20, waiting: [], reviewed: 0, days: { "2026-06-01": 5 } },
    { name: "exactly the limit: nothing moves", cards: 20, limit: 20, waiting: [], reviewed: 0, days: { "2026-06-01": 20 } },
    { name: "one over: the last one starts tomorrow", cards: 21, limit: 20, waiting: [], reviewed: 0, days: { "2026-06-01": 20, "2026-06-02": 1 } },
    { name: "a quiz and a mock (42 cards) spread over three days", cards: 42, limit: 20, waiting: [], reviewed: 0, days: { "2026-06-01": 20, "2026-06-02": 20, "2026-06-03": 2 } },
    { name: "cards already waiting today count", cards: 10, limit: 20, waiting: Array(15).fill(minutesLater(-30)), reviewed: 0, days: { "2026-06-01": 5, "2026-06-02": 5 } },
    { name: "overdue new cards from yesterday count for today", cards: 3, limit: 5, waiting: Array(5).fill(new Date("2026-05-31T09:00:00Z")), reviewed: 0, days: { "2026-06-02": 3 } },
    { name: "new cards reviewed today count for today", cards: 3, limit: 5, waiting: [], reviewed: 4, days: { "2026-06-01": 1, "2026-06-02": 2 } },
    { name: "a day already full from an earlier spread is skipped", cards: 3, limit: 2, waiting: [...Array(2).fill(minutesLater(5)), ...Array(2).fill(new Date("2026-06-02T00:00:00Z"))], reviewed: 0, days: { "2026-06-03": 2, "2026-06-04": 1 } },
    { name: "a limit of one", cards: 3, limit: 1, waiting: [], reviewed: 0, days: { "2026-06-01": 1, "2026-06-02": 1, "2026-06-03": 1 } },
  ])("$name", ({ cards, limit, waiting, reviewed, days }) => {
    const spread = spreadNewCards(fresh(cards), { now, timeZone: "UTC", limit, waitingNewDues: waiting, reviewedNewToday: reviewed });
    expect(dueDays(spread)).toEqual(days);
  });

  test("cards keep their order: the first answered stay today, and moved cards start at the student's local midnight", () => {
    const spread = spreadNewCards(fresh(3), { now, timeZone: "Asia/Tokyo", limit: 2, waitingNewDues: [], reviewedNewToday: 0 });
    expect(spread.map((c) => c.id)).toEqual(["q0", "q1", "q2"]);
    expect(spread[0]!.due).toEqual(minutesLater(1));
    expect(spread[1]!.due).toEqual(minutesLater(1));
    // 10:00 UTC is 19:00 in Tokyo on 1 June; the next Tokyo day starts at 15:00 UTC.
    expect(spread[2]!.due.toISOString()).toBe("2026-06-01T15:00:00.000Z");
  });

  test("the day boundary is the student's: late evening in New York is UTC's next day", () => {
    const evening = new Date("2026-06-02T02:00:00Z"); // 22:00 on 1 June in New York
    const cards = [{ id: "a", due: new Date(evening.getTime() + 60_000) }];
    const waiting = Array(2).fill(new Date("2026-06-01T23:00:00Z")); // 19:00 on 1 June in New York
    const spread = spreadNewCards(cards, { now: evening, timeZone: "America/New_York", limit: 2, waitingNewDues: waiting, reviewedNewToday: 0 });
    expect(spread[0]!.due.toISOString()).toBe("2026-06-02T04:00:00.000Z"); // midnight starting 2 June, New York
  });

  test("a nonsense limit is treated as one a day, never as a loop without end", () => {
    const spread = spreadNewCards(fresh(2), { now, timeZone: "UTC", limit: 0, waitingNewDues: [], reviewedNewToday: 0 });
    expect(dueDays(spread)).toEqual({ "2026-06-01": 1, "2026-06-02": 1 });
  });
});

describe("newCardsByDay", () => {
  test("counts waiting new cards per local day, overdue ones today", () => {
    const byDay = newCardsByDay({
      now,
      timeZone: "UTC",
      waitingNewDues: [new Date("2026-05-30T08:00:00Z"), minutesLater(10), new Date("2026-06-02T00:00:00Z")],
      reviewedNewToday: 3,
    });
    expect(Object.fromEntries(byDay)).toEqual({ "2026-06-01": 5, "2026-06-02": 1 });
  });
});

describe("deferredNewCardsNotice", () => {
  const waiting = (today: number, tomorrow: number, later = 0) => [
    ...Array(today).fill(minutesLater(1)),
    ...Array(tomorrow).fill(new Date("2026-06-02T00:00:00Z")),
    ...Array(later).fill(new Date("2026-06-04T00:00:00Z")),
  ];
  test.each([
    { name: "nothing waits on later days", today: 20, tomorrow: 0, later: 0, limit: 20, text: null },
    { name: "the issue's case", today: 20, tomorrow: 12, later: 0, limit: 20, text: "12 more new cards are scheduled for tomorrow to keep today's new cards to 20." },
    { name: "one card", today: 20, tomorrow: 1, later: 0, limit: 20, text: "1 more new card is scheduled for tomorrow to keep today's new cards to 20." },
    { name: "over several days", today: 20, tomorrow: 20, later: 2, limit: 20, text: "22 more new cards are spread over the next days (20 tomorrow, 2 on Thu 4 Jun) to keep each day's new cards to 20." },
    { name: "today has room again (the limit was raised)", today: 3, tomorrow: 12, later: 0, limit: 30, text: "12 more new cards are scheduled for tomorrow (your limit is 30 new cards a day)." },
  ])("$name", ({ today, tomorrow, later, limit, text }) => {
    expect(deferredNewCardsNotice({ now, timeZone: "UTC", limit, waitingNewDues: waiting(today, tomorrow, later), reviewedNewToday: 0 })).toBe(text);
  });
});
