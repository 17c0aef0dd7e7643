// Counted nouns in English: "1 card", "2 cards", "0 cards". Pure.
// One rule for every "N thing(s)" the app prints, so none says "1 minutes".

/** "1 card", "12 cards"; irregular plurals are passed in ("1 is", "2 are" → plural(n, "is", "are", { bare: true })). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`, options: { bare?: boolean } = {}): string {
  const word = Math.abs(count) === 1 ? singular : pluralForm;
  return options.bare ? word : `${count.toLocaleString("en-GB")} ${word}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 1 minute", "in 3 hours", "in 2 days": how long until `target`, rounded to the unit a person would use. */
export function timeUntil(target: Date, now: Date): string {
  const ms = target.getTime() - now.getTime();
  if (ms < 30_000) return "in under a minute";
  if (ms < 59.5 * MINUTE) return `in ${plural(Math.max(1, Math.round(ms / MINUTE)), "minute")}`;
  if (ms < 36 * HOUR) return `in ${plural(Math.round(ms / HOUR), "hour")}`;
  return `in ${plural(Math.round(ms / DAY), "day")}`;
}

/** "in 3 hours" or "2 days ago". */
export function relativeTime(target: Date, now: Date): string {
  if (target.getTime() >= now.getTime()) return timeUntil(target, now);
  const ms = now.getTime() - target.getTime();
  if (ms < 59.5 * MINUTE) return `${plural(Math.max(1, Math.round(ms / MINUTE)), "minute")} ago`;
  if (ms < 36 * HOUR) return `${plural(Math.round(ms / HOUR), "hour")} ago`;
  return `${plural(Math.round(ms / DAY), "day")} ago`;
}
