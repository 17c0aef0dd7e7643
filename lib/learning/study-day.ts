// A student's days, in their own time zone: which calendar day an instant falls
// on, and when a day starts and ends. "Due today", "this week" and the activity
// chart count in these days, not in UTC's. Pure: Intl only, no framework or
// database imports.
//
// A day is "YYYY-MM-DD". A day usually starts at local midnight; on a day whose
// midnight is skipped by a daylight-saving change (America/Santiago in
// September: 23:59 → 01:00) it starts at the change. Days are 23, 24 or 25
// hours long.

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were a UTC time (ms, whole seconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
export function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

function dayOfWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** The calendar day ("YYYY-MM-DD") in `timeZone` that `instant` falls on. */
export function localDay(instant: Date, timeZone: string): string {
  return dayOfWall(wallClock(instant.getTime(), timeZone));
}

/** `day` moved by `n` calendar days (no time zone involved). */
export function addDays(day: string, n: number): string {
  return dayOfWall(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** The first instant of `day` in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const midnight = Date.parse(`${day}T00:00:00Z`); // local midnight, read as if UTC
  // Every offset in force within a day of that midnight (at most one change a day).
  const offsets = new Set([offsetAt(midnight - DAY_MS, timeZone), offsetAt(midnight, timeZone), offsetAt(midnight + DAY_MS, timeZone)]);
  const candidates = [...offsets].map((offset) => midnight - offset);
  // Midnight exists: the earliest instant showing 00:00 (the first of two, when clocks went back over it).
  const exact = candidates.filter((t) => wallClock(t, timeZone) === midnight);
  if (exact.length) return new Date(Math.min(...exact));
  // Midnight was skipped: the day starts at the change, the earliest candidate already inside the day.
  const inside = candidates.filter((t) => localDay(new Date(t), timeZone) === day);
  return new Date(Math.min(...inside));
}

/** The last millisecond of the local day containing `now`. */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(localDay(now, timeZone), 1), timeZone).getTime() - 1);
}

/** The last millisecond of the sixth local day after today: "this week" is today and the next six days. */
export function endOfLocalWeek(now: Date, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(localDay(now, timeZone), 7), timeZone).getTime() - 1);
}

/** `count` consecutive days ending with `lastDay`, oldest first. */
export function daysEndingOn(lastDay: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDay, i - count + 1));
}

/** "Thu 14 May" for a day, as a student reads it. */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(new Date(`${day}T12:00:00Z`));
}

let supported: Set<string> | null = null;

/** The IANA zones this runtime knows (Intl.supportedValuesOf), with UTC, which some runtimes leave off the list. */
export function supportedTimeZones(): string[] {
  supported ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return [...supported].sort();
}

/**
 * Whether `zone` is an IANA zone this runtime supports. Browsers and servers
 * spell some zones differently (Asia/Kolkata, Asia/Calcutta): a zone is
 * accepted if it or its canonical form is on the supported list.
 */
export function isSupportedTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  supportedTimeZones();
  if (supported!.has(zone)) return true;
  try {
    return supported!.has(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}
