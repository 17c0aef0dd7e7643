// Mastery and weak topics for a student, from the database.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type MasteryState, masteryLevel } from "./mastery";
import { type TopicInfo, type WeakTopic, rankWeakTopics } from "./weak-topics";

export async function loadWeakTopics(db: PrismaClient, userId: string, limit = 5): Promise<WeakTopic[]> {
  const [topics, mastery, domains] = await Promise.all([
    db.topic.findMany({
      select: {
        id: true,
        title: true,
        taskStatementId: true,
        taskStatement: { select: { domain: { select: { number: true } } } },
        lessons: { select: { lessonId: true }, orderBy: { position: "asc" }, take: 1 },
      },
    }),
    db.mastery.findMany({ where: { userId, scope: "TOPIC" }, select: { scopeId: true, rating: true, variance: true, evidence: true, correct: true } }),
    db.domain.findMany({ select: { number: true, weight: true } }),
  ]);
  const infos: TopicInfo[] = topics.map((t) => ({
    id: t.id,
    title: t.title,
    taskStatement: t.taskStatementId,
    domain: t.taskStatement.domain.number,
    lessonId: t.lessons[0]?.lessonId ?? null,
  }));
  return rankWeakTopics(
    infos,
    new Map<string, MasteryState>(
      mastery.map((m) => [m.scopeId, { rating: m.rating, variance: m.variance, evidence: m.evidence, correct: m.correct }]),
    ),
    new Map(domains.map((d) => [d.number, d.weight])),
    { limit },
  );
}

export type TaskStatementMastery = { code: string; title: string; domain: number; mastery: number | null; evidence: number };

export async function loadTaskStatementMastery(db: PrismaClient, userId: string): Promise<TaskStatementMastery[]> {
  const [statements, mastery] = await Promise.all([
    db.taskStatement.findMany({ select: { code: true, title: true, domain: { select: { number: true } } }, orderBy: [{ domainId: "asc" }, { position: "asc" }] }),
    db.mastery.findMany({ where: { userId, scope: "TASK_STATEMENT" }, select: { scopeId: true, rating: true, evidence: true, correct: true } }),
  ]);
  const byCode = new Map(mastery.map((m) => [m.scopeId, m]));
  return statements.map((s) => {
    const m = byCode.get(s.code);
    return { code: s.code, title: s.title, domain: s.domain.number, mastery: m ? masteryLevel(m) : null, evidence: m?.evidence ?? 0 };
  });
}
