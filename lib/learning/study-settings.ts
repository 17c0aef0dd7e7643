// A student's study settings: their time zone (kept in step with their
// browser, see time-zone-sync.ts) and their new-cards-per-day limit.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { timeZoneFromBrowser } from "./time-zone-sync";

export type StudySettings = { timeZone: string; newCardsPerDay: number };

/** What the browser said in its cookies: its zone now, and its zone when the student last picked one. */
export type BrowserZone = { zone: string | undefined; pinnedFor: string | undefined };

/**
 * The student's settings, after taking the browser's time zone when it has
 * changed (so "today" is the student's today from the first page they load).
 */
export async function loadStudySettings(db: PrismaClient, options: { userId: string; browser: BrowserZone }): Promise<StudySettings> {
  const { userId, browser } = options;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true, newCardsPerDay: true } });
  const zone = timeZoneFromBrowser({ stored: user.timeZone, browserZone: browser.zone, pinnedFor: browser.pinnedFor });
  if (!zone) return user;
  await db.user.update({ where: { id: userId }, data: { timeZone: zone }, select: { id: true } });
  return { ...user, timeZone: zone };
}

export async function updateStudySettings(db: PrismaClient, options: { userId: string; settings: StudySettings }): Promise<void> {
  await db.user.update({ where: { id: options.userId }, data: options.settings, select: { id: true } });
}
