// Which time zone Stratus keeps for a student, from what their browser says.
// Pure: no framework or database imports (the browser component and the server
// both use the cookie names).
//
// The browser reports its zone in the `tz` cookie (components/shell/
// time-zone-cookie.tsx). A zone the student picks on the profile page wins
// while that browser stays in the zone it was in when they picked: the pick
// pins it (`tz-pinned` holds the browser's zone at that moment). When the
// browser's zone changes (the student travels), the browser's zone is taken.
import { isSupportedTimeZone } from "./study-day";

export const TIME_ZONE_COOKIE = "tz";
export const PINNED_TIME_ZONE_COOKIE = "tz-pinned";

/** The zone to store for the student, or null to keep the stored one. */
export function timeZoneFromBrowser(options: { stored: string; browserZone: string | undefined; pinnedFor: string | undefined }): string | null {
  const { stored, browserZone, pinnedFor } = options;
  if (!browserZone || !isSupportedTimeZone(browserZone)) return null;
  if (browserZone === stored) return null;
  if (pinnedFor !== undefined && pinnedFor === browserZone) return null;
  return browserZone;
}

/**
 * The pin to keep after the student picks `chosen` on the profile page: the
 * browser's zone when the pick differs from it (so the pick holds while the
 * browser stays there), or null (no pin: follow the browser).
 */
export function pinAfterChoice(options: { chosen: string; browserZone: string | undefined }): string | null {
  const { chosen, browserZone } = options;
  if (!browserZone || !isSupportedTimeZone(browserZone) || browserZone === chosen) return null;
  return browserZone;
}
