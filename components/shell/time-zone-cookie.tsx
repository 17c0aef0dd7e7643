"use client";
// Tells the server the browser's time zone in the `tz` cookie, so "today" is
// the student's today (lib/learning/time-zone-sync.ts decides what is stored).
// When the cookie was missing or out of date, the page is refreshed once so
// this first view already counts in the right zone. Renders nothing.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/learning/time-zone-sync";

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export function TimeZoneCookie() {
  const router = useRouter();
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
    router.refresh();
  }, [router]);
  return null;
}
