import { describe, expect, test } from "vitest";
import {
  addDays,
  dayLabel,
  daysEndingOn,
  endOfLocalDay,
  endOfLocalWeek,
  isSupportedTimeZone,
  localDay,
  startOfLocalDay,
} from "@/lib/learning/study-day";

describe("localDay: the calendar day an instant falls on, in the student's zone", () => {
  test.each([
    { name: "UTC, mid-morning", at: "2026-06-01T10:00:00.000Z", zone: "UTC", day: "2026-06-01" },
    { name: "UTC, midnight exactly starts the new day", at: "2026-06-02T00:00:00.000Z", zone: "UTC", day: "2026-06-02" },
    { name: "UTC, the last millisecond is still the old day", at: "2026-06-01T23:59:59.999Z", zone: "UTC", day: "2026-06-01" },
    { name: "UTC+14 (Kiritimati) is already tomorrow", at: "2026-06-01T10:00:00.000Z", zone: "Pacific/Kiritimati", day: "2026-06-02" },
    { name: "UTC+14, a millisecond before its midnight", at: "2026-06-01T09:59:59.999Z", zone: "Pacific/Kiritimati", day: "2026-06-01" },
    { name: "UTC−12 is still yesterday", at: "2026-06-01T11:59:59.999Z", zone: "Etc/GMT+12", day: "2026-05-31" },
    { name: "UTC−12, midnight exactly", at: "2026-06-01T12:00:00.000Z", zone: "Etc/GMT+12", day: "2026-06-01" },
    { name: "New York evening is UTC's next morning", at: "2026-06-02T02:30:00.000Z", zone: "America/New_York", day: "2026-06-01" },
    { name: "New York, the hour after clocks spring forward", at: "2026-03-08T07:30:00.000Z", zone: "America/New_York", day: "2026-03-08" },
    { name: "New York, the repeated hour when clocks fall back", at: "2026-11-01T06:30:00.000Z", zone: "America/New_York", day: "2026-11-01" },
  ])("$name", ({ at, zone, day }) => {
    expect(localDay(new Date(at), zone)).toBe(day);
  });
});

describe("startOfLocalDay: when a day begins", () => {
  test.each([
    { name: "UTC", day: "2026-06-01", zone: "UTC", start: "2026-06-01T00:00:00.000Z" },
    { name: "UTC+14", day: "2026-06-02", zone: "Pacific/Kiritimati", start: "2026-06-01T10:00:00.000Z" },
    { name: "UTC−12", day: "2026-06-01", zone: "Etc/GMT+12", start: "2026-06-01T12:00:00.000Z" },
    { name: "New York, spring-forward day (EST midnight)", day: "2026-03-08", zone: "America/New_York", start: "2026-03-08T05:00:00.000Z" },
    { name: "New York, the day after spring forward (EDT midnight)", day: "2026-03-09", zone: "America/New_York", start: "2026-03-09T04:00:00.000Z" },
    { name: "New York, fall-back day", day: "2026-11-01", zone: "America/New_York", start: "2026-11-01T04:00:00.000Z" },
    { name: "London, spring-forward day", day: "2026-03-29", zone: "Europe/London", start: "2026-03-29T00:00:00.000Z" },
    { name: "London, the day after", day: "2026-03-30", zone: "Europe/London", start: "2026-03-29T23:00:00.000Z" },
    { name: "Santiago skips midnight: the day starts at 01:00, the change", day: "2026-09-06", zone: "America/Santiago", start: "2026-09-06T04:00:00.000Z" },
    { name: "Havana repeats midnight: the first one", day: "2026-11-01", zone: "America/Havana", start: "2026-11-01T04:00:00.000Z" },
  ])("$name", ({ day, zone, start }) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(start);
    // The instant before the start belongs to the day before.
    expect(localDay(new Date(Date.parse(start) - 1), zone)).toBe(addDays(day, -1));
    expect(localDay(new Date(start), zone)).toBe(day);
  });
});

describe("endOfLocalDay and endOfLocalWeek: the windows for due today and this week", () => {
  const hours = (from: Date, to: Date) => (to.getTime() + 1 - from.getTime()) / 3_600_000;
  test.each([
    { name: "UTC", now: "2026-06-01T10:00:00.000Z", zone: "UTC", endOfDay: "2026-06-01T23:59:59.999Z", endOfWeek: "2026-06-07T23:59:59.999Z", length: 24 },
    { name: "UTC, at midnight exactly", now: "2026-06-01T00:00:00.000Z", zone: "UTC", endOfDay: "2026-06-01T23:59:59.999Z", endOfWeek: "2026-06-07T23:59:59.999Z", length: 24 },
    { name: "UTC+14", now: "2026-06-01T10:00:00.000Z", zone: "Pacific/Kiritimati", endOfDay: "2026-06-02T09:59:59.999Z", endOfWeek: "2026-06-08T09:59:59.999Z", length: 24 },
    { name: "UTC−12", now: "2026-06-01T10:00:00.000Z", zone: "Etc/GMT+12", endOfDay: "2026-06-01T11:59:59.999Z", endOfWeek: "2026-06-07T11:59:59.999Z", length: 24 },
    { name: "New York spring forward: a 23-hour day", now: "2026-03-08T12:00:00.000Z", zone: "America/New_York", endOfDay: "2026-03-09T03:59:59.999Z", endOfWeek: "2026-03-15T03:59:59.999Z", length: 23 },
    { name: "New York fall back: a 25-hour day", now: "2026-11-01T12:00:00.000Z", zone: "America/New_York", endOfDay: "2026-11-02T04:59:59.999Z", endOfWeek: "2026-11-08T04:59:59.999Z", length: 25 },
    { name: "a week that crosses spring forward", now: "2026-03-05T12:00:00.000Z", zone: "America/New_York", endOfDay: "2026-03-06T04:59:59.999Z", endOfWeek: "2026-03-12T03:59:59.999Z", length: 24 },
  ])("$name", ({ now, zone, endOfDay, endOfWeek, length }) => {
    const at = new Date(now);
    expect(endOfLocalDay(at, zone).toISOString()).toBe(endOfDay);
    expect(endOfLocalWeek(at, zone).toISOString()).toBe(endOfWeek);
    expect(hours(startOfLocalDay(localDay(at, zone), zone), endOfLocalDay(at, zone))).toBe(length);
  });
});

describe("calendar arithmetic on days", () => {
  test.each([
    { day: "2026-02-28", n: 1, result: "2026-03-01" },
    { day: "2028-02-28", n: 1, result: "2028-02-29" },
    { day: "2026-01-01", n: -1, result: "2025-12-31" },
    { day: "2026-03-08", n: 1, result: "2026-03-09" },
  ])("$day + $n = $result", ({ day, n, result }) => {
    expect(addDays(day, n)).toBe(result);
  });

  test("daysEndingOn lists the window oldest first", () => {
    expect(daysEndingOn("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  test("dayLabel reads as a person writes a date", () => {
    expect(dayLabel("2026-05-14")).toBe("Thu 14 May");
  });
});

describe("isSupportedTimeZone: only IANA zones the runtime knows", () => {
  test.each([
    { zone: "Europe/London", ok: true },
    { zone: "UTC", ok: true },
    { zone: "Etc/UTC", ok: true },
    { zone: "Asia/Kolkata", ok: true },
    { zone: "Asia/Calcutta", ok: true },
    { zone: "Pacific/Kiritimati", ok: true },
    { zone: "Mars/Olympus_Mons", ok: false },
    { zone: "", ok: false },
    { zone: "../../etc/passwd", ok: false },
    { zone: "Europe/London; drop table", ok: false },
    { zone: "x".repeat(65), ok: false },
  ])("$zone → $ok", ({ zone, ok }) => {
    expect(isSupportedTimeZone(zone)).toBe(ok);
  });
});
