import { expect, test } from "vitest";
import { minutesText } from "@/lib/classes/form-values";

test.each([
  [null, "untimed"],
  [45, "45 min"],
  [60, "1 h"],
  [90, "1 h 30 min"],
  [195, "3 h 15 min"],
  [162.5, "2 h 43 min"],
])("%s minutes read %s", (minutes, text) => {
  expect(minutesText(minutes)).toBe(text);
});
