import { expect, test } from "vitest";
import { pinAfterChoice, timeZoneFromBrowser } from "@/lib/learning/time-zone-sync";

test.each([
  { name: "a new student (UTC by default) takes the browser's zone", stored: "UTC", browserZone: "Europe/Berlin", pinnedFor: undefined, result: "Europe/Berlin" },
  { name: "the same zone: nothing to store", stored: "Europe/Berlin", browserZone: "Europe/Berlin", pinnedFor: undefined, result: null },
  { name: "no cookie yet: keep the stored zone", stored: "Europe/Berlin", browserZone: undefined, pinnedFor: undefined, result: null },
  { name: "a forged or unknown zone is ignored", stored: "UTC", browserZone: "Mars/Olympus_Mons", pinnedFor: undefined, result: null },
  { name: "a zone picked on the profile holds while the browser stays where it was", stored: "Asia/Tokyo", browserZone: "Europe/Berlin", pinnedFor: "Europe/Berlin", result: null },
  { name: "the student travels: the browser's new zone is taken", stored: "Asia/Tokyo", browserZone: "America/New_York", pinnedFor: "Europe/Berlin", result: "America/New_York" },
])("timeZoneFromBrowser: $name", ({ stored, browserZone, pinnedFor, result }) => {
  expect(timeZoneFromBrowser({ stored, browserZone, pinnedFor })).toBe(result);
});

test.each([
  { name: "picking a zone other than the browser's pins it to the browser's zone", chosen: "Asia/Tokyo", browserZone: "Europe/Berlin", pin: "Europe/Berlin" },
  { name: "picking the browser's own zone: no pin, follow the browser", chosen: "Europe/Berlin", browserZone: "Europe/Berlin", pin: null },
  { name: "no browser zone known: nothing to pin", chosen: "Asia/Tokyo", browserZone: undefined, pin: null },
  { name: "a forged browser zone is not pinned", chosen: "Asia/Tokyo", browserZone: "Nowhere/Land", pin: null },
])("pinAfterChoice: $name", ({ chosen, browserZone, pin }) => {
  expect(pinAfterChoice({ chosen, browserZone })).toBe(pin);
});

test("a pick survives page loads while the browser stays put, and yields when it moves", () => {
  const pin = pinAfterChoice({ chosen: "Asia/Tokyo", browserZone: "Europe/Berlin" }) ?? undefined;
  expect(timeZoneFromBrowser({ stored: "Asia/Tokyo", browserZone: "Europe/Berlin", pinnedFor: pin })).toBeNull();
  expect(timeZoneFromBrowser({ stored: "Asia/Tokyo", browserZone: "America/Denver", pinnedFor: pin })).toBe("America/Denver");
});
