// The new-cards-per-day limit (Anki's "new cards/day"): one quiz and one mock
// can make 40 cards at once, all due within minutes. No local day may receive
// more new cards than the student's limit; the rest start on the following
// days, filling each day up to the limit in turn. Reviews of cards the student
// has already studied are never held back. Pure: the clock, the zone and the
// day loads are passed in.
//
// A card is "new" until it is reviewed for the first time after the answer
// that made it (reps ≤ 1). A day's load is the new cards due on it that are
// still waiting (new cards overdue from earlier days wait today) plus, for
// today, the new cards made today that were already reviewed.
import { plural } from "@/lib/format/plural";
import { addDays, dayLabel, localDay, startOfLocalDay } from "./study-day";

export const DEFAULT_NEW_CARDS_PER_DAY = 20;
export const MIN_NEW_CARDS_PER_DAY = 1;
export const MAX_NEW_CARDS_PER_DAY = 200;

export type NewCardLoad = {
  now: Date;
  timeZone: string;
  /** Due dates of the student's new cards still waiting for their first review. */
  waitingNewDues: readonly Date[];
  /** New cards made today and already reviewed today. */
  reviewedNewToday: number;
};

/** New cards per local day from today on ("YYYY-MM-DD" → count). */
export function newCardsByDay(load: NewCardLoad): Map<string, number> {
  const today = localDay(load.now, load.timeZone);
  const byDay = new Map<string, number>();
  if (load.reviewedNewToday > 0) byDay.set(today, load.reviewedNewToday);
  for (const due of load.waitingNewDues) {
    const day = maxDay(localDay(due, load.timeZone), today);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return byDay;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * New cards (in the order they were answered) with their due dates kept, or
 * moved to the start of the first later day that still has room.
 */
export function spreadNewCards<T extends { due: Date }>(cards: readonly T[], options: NewCardLoad & { limit: number }): T[] {
  const limit = Math.max(MIN_NEW_CARDS_PER_DAY, Math.floor(options.limit));
  const today = localDay(options.now, options.timeZone);
  const byDay = newCardsByDay(options);
  return cards.map((card) => {
    const natural = maxDay(localDay(card.due, options.timeZone), today);
    let day = natural;
    while ((byDay.get(day) ?? 0) >= limit) day = addDays(day, 1);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    return day === natural ? card : { ...card, due: startOfLocalDay(day, options.timeZone) };
  });
}

/**
 * What the student is told when new cards wait on later days:
 * "12 more new cards are scheduled for tomorrow to keep today's new cards to 20."
 */
export function deferredNewCardsNotice(load: NewCardLoad & { limit: number }): string | null {
  const today = localDay(load.now, load.timeZone);
  const byDay = newCardsByDay(load);
  const later = [...byDay.entries()].filter(([day]) => day > today).sort(([a], [b]) => a.localeCompare(b));
  if (later.length === 0) return null;
  const tomorrow = addDays(today, 1);
  const when = (day: string) => (day === tomorrow ? "tomorrow" : `on ${dayLabel(day)}`);
  const total = later.reduce((n, [, count]) => n + count, 0);
  const spread =
    later.length === 1
      ? `${plural(total, "more new card")} ${plural(total, "is", "are", { bare: true })} scheduled for ${when(later[0]![0])}`
      : `${plural(total, "more new card")} are spread over the next days (${later.map(([day, count]) => `${count} ${when(day)}`).join(", ")})`;
  const todayCount = byDay.get(today) ?? 0;
  const reason =
    todayCount >= load.limit
      ? later.length === 1
        ? `to keep today's new cards to ${load.limit}`
        : `to keep each day's new cards to ${load.limit}`
      : `(your limit is ${plural(load.limit, "new card")} a day)`;
  return `${spread} ${reason}.`;
}
