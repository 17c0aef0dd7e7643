import { expect, test } from "vitest";
import { studySettingsSchema } from "@/lib/learning/study-settings-validation";

test.each([
  { name: "the defaults", input: { timeZone: "UTC", newCardsPerDay: "20" }, ok: { timeZone: "UTC", newCardsPerDay: 20 } },
  { name: "a zone and a limit, with spaces", input: { timeZone: " Europe/Berlin ", newCardsPerDay: " 35 " }, ok: { timeZone: "Europe/Berlin", newCardsPerDay: 35 } },
  { name: "the smallest limit", input: { timeZone: "UTC", newCardsPerDay: "1" }, ok: { timeZone: "UTC", newCardsPerDay: 1 } },
  { name: "the largest limit", input: { timeZone: "UTC", newCardsPerDay: "200" }, ok: { timeZone: "UTC", newCardsPerDay: 200 } },
  { name: "zero new cards a day", input: { timeZone: "UTC", newCardsPerDay: "0" }, error: { newCardsPerDay: "Allow at least 1 new card a day." } },
  { name: "too many", input: { timeZone: "UTC", newCardsPerDay: "201" }, error: { newCardsPerDay: "Use 200 or fewer." } },
  { name: "not a whole number", input: { timeZone: "UTC", newCardsPerDay: "2.5" }, error: { newCardsPerDay: "Enter a whole number, like 20." } },
  { name: "empty", input: { timeZone: "UTC", newCardsPerDay: "" }, error: { newCardsPerDay: "Enter a whole number, like 20." } },
  { name: "an unknown zone", input: { timeZone: "Mars/Olympus_Mons", newCardsPerDay: "20" }, error: { timeZone: "Choose a time zone from the list." } },
  { name: "no zone", input: { newCardsPerDay: "20" }, error: { timeZone: "Choose a time zone." } },
])("$name", ({ input, ok, error }) => {
  const parsed = studySettingsSchema.safeParse(input);
  if (ok) {
    expect(parsed.success && parsed.data).toEqual(ok);
  } else {
    expect(parsed.success).toBe(false);
    const [field, message] = Object.entries(error!)[0]!;
    expect(parsed.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  }
});
