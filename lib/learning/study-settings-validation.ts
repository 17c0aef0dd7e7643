// The study settings form's input (server side: zod stays out of client
// bundles, see lib/auth/form-state.ts).
import { z } from "zod";
import { MAX_NEW_CARDS_PER_DAY, MIN_NEW_CARDS_PER_DAY } from "./new-card-limit";
import { isSupportedTimeZone } from "./study-day";

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isSupportedTimeZone, "Choose a time zone from the list.");

export const newCardsPerDaySchema = z
  .string({ error: "Enter how many new cards a day." })
  .trim()
  .regex(/^\d{1,4}$/, "Enter a whole number, like 20.")
  .transform(Number)
  .pipe(
    z
      .number()
      .min(MIN_NEW_CARDS_PER_DAY, `Allow at least ${MIN_NEW_CARDS_PER_DAY} new card a day.`)
      .max(MAX_NEW_CARDS_PER_DAY, `Use ${MAX_NEW_CARDS_PER_DAY} or fewer.`),
  );

export const studySettingsSchema = z.object({ timeZone: timeZoneSchema, newCardsPerDay: newCardsPerDaySchema });
