// Weak topics for a student, from the database.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MasteryState } from "./mastery";
import { catalogue } from "./dashboard";
import { type WeakTopic, rankWeakTopics } from "./weak-topics";

export async function loadWeakTopics(db: PrismaClient, userId: string, limit = 5): Promise<WeakTopic[]> {
  const [{ topics, domains }, mastery] = await Promise.all([
    catalogue(db, Date.now()),
    db.mastery.findMany({ where: { userId, scope: "TOPIC" }, select: { scopeId: true, rating: true, variance: true, evidence: true, correct: true } }),
  ]);
  return rankWeakTopics(
    topics,
    new Map<string, MasteryState>(
      mastery.map((m) => [m.scopeId, { rating: m.rating, variance: m.variance, evidence: m.evidence, correct: m.correct }]),
    ),
    new Map(domains.map((d) => [d.number, d.weight])),
    { limit },
  );
}
