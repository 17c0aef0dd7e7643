// Times an instructor types and reads ("2026-12-10T17:00" in their own time
// zone) against the instants stored in UTC. Pure: Intl only.
import { offsetAt } from "@/lib/learning/study-day";

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export const isWallTime = (value: string) => WALL_TIME.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`));

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a
 * daylight-saving change moves forward by the change; a repeated one is its
 * first occurrence.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date {
  if (!isWallTime(wall)) throw new RangeError(`not a wall time: ${wall}`);
  const asUtc = Date.parse(`${wall}:00Z`);
  const offsets = new Set([offsetAt(asUtc - 86_400_000, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + 86_400_000, timeZone)]);
  const exact = [...offsets].map((o) => asUtc - o).filter((t) => t + offsetAt(t, timeZone) === asUtc);
  if (exact.length) return new Date(Math.min(...exact));
  // Skipped: read it with the offset in force before the change.
  return new Date(asUtc - offsetAt(asUtc - 86_400_000, timeZone));
}

/** `instant` as a wall-clock time in `timeZone`, for a datetime-local input. */
export function instantToWallTime(instant: Date, timeZone: string): string {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + offsetAt(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** "Thu 10 Dec, 17:00 (Europe/Paris)": an instant as a person in `timeZone` reads it. */
export function formatInZone(instant: Date, timeZone: string, options: { zoneName?: boolean } = {}): string {
  const text = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return options.zoneName === false ? text : `${text} (${timeZone})`;
}
