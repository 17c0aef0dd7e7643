import { describe, expect, test } from "vitest";
import { formatInZone, instantToWallTime, isWallTime, wallTimeToInstant } from "@/lib/classes/wall-time";

describe("an instructor's wall-clock times", () => {
  test.each([
    { wall: "2026-12-10T17:00", zone: "UTC", utc: "2026-12-10T17:00:00.000Z" },
    { wall: "2026-12-10T17:00", zone: "Europe/Paris", utc: "2026-12-10T16:00:00.000Z" },
    { wall: "2026-07-10T17:00", zone: "Europe/Paris", utc: "2026-07-10T15:00:00.000Z" },
    { wall: "2026-12-10T09:30", zone: "America/New_York", utc: "2026-12-10T14:30:00.000Z" },
    { wall: "2026-12-10T09:30", zone: "Asia/Kolkata", utc: "2026-12-10T04:00:00.000Z" },
    // 02:30 does not exist in Paris on 29 March 2026 (02:00 → 03:00): it moves forward to 03:30 local.
    { wall: "2026-03-29T02:30", zone: "Europe/Paris", utc: "2026-03-29T01:30:00.000Z" },
    // 02:30 happens twice in Paris on 25 October 2026: the first one.
    { wall: "2026-10-25T02:30", zone: "Europe/Paris", utc: "2026-10-25T00:30:00.000Z" },
  ])("$wall in $zone is $utc", ({ wall, zone, utc }) => {
    expect(wallTimeToInstant(wall, zone).toISOString()).toBe(utc);
  });

  test.each([
    { utc: "2026-12-10T16:00:00Z", zone: "Europe/Paris", wall: "2026-12-10T17:00" },
    { utc: "2026-12-10T04:00:59Z", zone: "Asia/Kolkata", wall: "2026-12-10T09:30" },
    { utc: "2026-12-10T23:30:00Z", zone: "Pacific/Auckland", wall: "2026-12-11T12:30" },
  ])("$utc reads $wall in $zone", ({ utc, zone, wall }) => {
    expect(instantToWallTime(new Date(utc), zone)).toBe(wall);
    expect(wallTimeToInstant(wall, zone).getTime()).toBe(Math.floor(Date.parse(utc) / 60_000) * 60_000);
  });

  test("only well-formed wall times are accepted", () => {
    expect(isWallTime("2026-12-10T17:00")).toBe(true);
    expect(isWallTime("2026-12-10 17:00")).toBe(false);
    expect(isWallTime("2026-13-10T17:00")).toBe(false);
    expect(() => wallTimeToInstant("tomorrow", "UTC")).toThrow(RangeError);
  });

  test("formats with the zone's name", () => {
    expect(formatInZone(new Date("2026-12-10T16:00:00Z"), "Europe/Paris")).toBe("Thu 10 Dec, 17:00 (Europe/Paris)");
  });
});
