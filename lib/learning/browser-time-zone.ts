// The time zone cookies the browser sent with this request (set by
// components/shell/time-zone-cookie.tsx and the study settings action).
import "server-only";
import { cookies } from "next/headers";
import type { BrowserZone } from "./study-settings";
import { PINNED_TIME_ZONE_COOKIE, TIME_ZONE_COOKIE } from "./time-zone-sync";

export async function browserTimeZone(): Promise<BrowserZone> {
  const jar = await cookies();
  return { zone: jar.get(TIME_ZONE_COOKIE)?.value, pinnedFor: jar.get(PINNED_TIME_ZONE_COOKIE)?.value };
}
