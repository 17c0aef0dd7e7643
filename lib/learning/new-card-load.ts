// How many new review cards a student already has on each day (the input of
// the new-cards-per-day limit in new-card-limit.ts): those still waiting for
// their first review, and those made today and already reviewed. Used inside
// grading (evidence.ts) and by the pages that explain the limit.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { localDay, startOfLocalDay } from "./study-day";

export async function loadNewCardLoad(
  db: PrismaClient | Prisma.TransactionClient,
  options: { userId: string; now: Date; timeZone: string },
): Promise<{ waitingNewDues: Date[]; reviewedNewToday: number }> {
  const { userId, now, timeZone } = options;
  const startOfToday = startOfLocalDay(localDay(now, timeZone), timeZone);
  const live = { userId, question: { retiredAt: null } };
  const [waiting, reviewedNewToday] = await Promise.all([
    db.reviewCard.findMany({ where: { ...live, reps: { lte: 1 } }, select: { due: true } }),
    db.reviewCard.count({ where: { ...live, reps: { gt: 1 }, createdAt: { gte: startOfToday } } }),
  ]);
  return { waitingNewDues: waiting.map((c) => c.due), reviewedNewToday };
}
