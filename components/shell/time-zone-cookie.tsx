"use client";
// Tells the server the browser's time zone in the `tz` cookie, so "today" is
// the student's today (lib/learning/time-zone-sync.ts decides what is stored).
// It runs on every page, the sign-in page included, so the first signed-in
// page already has it; a change (travel) reaches the server with the next
// request. No reload: a page is never re-rendered under the student's hands.
// Renders nothing.
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/learning/time-zone-sync";

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export function TimeZoneCookie() {
  useEffect(() => {
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    // IANA names are letters, digits, "_", "+", "-" and "/": all safe in a cookie as they are.
    if (!zone || !/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone) || readCookie(TIME_ZONE_COOKIE) === zone) return;
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${400 * 86_400}; samesite=lax${secure}`;
  }, []);
  return null;
}
