// Everything the student dashboard shows, for one student. Every query reads
// that student's rows by an index (Mastery and DailyActivity by primary key,
// Attempt by (userId, startedAt), ReviewCard by (userId, due), LessonProgress by
// primary key): none scans the attempt items. docs/benchmarks.md has the plans.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seededRandom } from "@/lib/exams/random";
import { type DomainProgress, summariseDomainProgress } from "@/lib/lessons/lesson-progress";
import { masteryLevel } from "./mastery";
import { type Readiness, predictReadiness } from "./readiness";
import { type DueCounts, countDueCards } from "./review-queue";
import { type TopicInfo, type WeakTopic, rankWeakTopics } from "./weak-topics";

export const ACTIVITY_DAYS = 56;
export const EXAM_PACE_SECONDS = 120;

export type DomainMastery = {
  number: number;
  title: string;
  weight: number;
  taskStatements: Array<{ code: string; title: string; mastery: number | null; evidence: number }>;
};

export type Dashboard = {
  readiness: Readiness;
  domainTitles: Record<number, string>;
  scoreTrend: Array<{ attemptId: string; startedAt: string; scaledScore: number; passed: boolean }>;
  mastery: DomainMastery[];
  weakTopics: WeakTopic[];
  due: DueCounts;
  lessonProgress: DomainProgress[];
  activity: Array<{ day: string; answered: number; correct: number }>;
  pacing: { answered: number; averageSeconds: number | null };
  openMock: { attemptId: string; deadline: string } | null;
};

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function loadDashboard(db: PrismaClient, options: { userId: string; now: Date }): Promise<Dashboard> {
  const { userId, now } = options;
  const since = new Date(now.getTime() - (ACTIVITY_DAYS - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);

  const [domains, topics, mastery, mocks, due, lessons, completed, activity, openMock] = await Promise.all([
    db.domain.findMany({
      select: {
        id: true,
        number: true,
        title: true,
        weight: true,
        taskStatements: { select: { code: true, title: true }, orderBy: { position: "asc" } },
      },
      orderBy: { number: "asc" },
    }),
    db.topic.findMany({
      select: {
        id: true,
        title: true,
        taskStatementId: true,
        taskStatement: { select: { domain: { select: { number: true } } } },
        lessons: { select: { lessonId: true }, orderBy: { position: "asc" }, take: 1 },
      },
    }),
    db.mastery.findMany({ where: { userId }, select: { scope: true, scopeId: true, rating: true, variance: true, evidence: true, correct: true } }),
    db.attempt.findMany({
      where: { userId, mode: "MOCK", status: { in: ["SUBMITTED", "EXPIRED"] } },
      select: { id: true, startedAt: true, scaledScore: true, passed: true },
      orderBy: { startedAt: "desc" },
      take: 20,
    }),
    countDueCards(db, { userId, now }),
    db.lesson.findMany({ where: { retiredAt: null }, select: { id: true, domainId: true } }),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } }),
    db.dailyActivity.findMany({ where: { userId, day: { gte: since } }, select: { day: true, answered: true, correct: true, timeSpentMs: true } }),
    db.attempt.findFirst({
      where: { userId, mode: "MOCK", status: "IN_PROGRESS", deadline: { gt: now } },
      select: { id: true, deadline: true },
      orderBy: { startedAt: "desc" },
    }),
  ]);

  const domainWeights = new Map(domains.map((d) => [d.number, d.weight]));
  const tsMastery = new Map(mastery.filter((m) => m.scope === "TASK_STATEMENT").map((m) => [m.scopeId, m]));
  const topicMastery = new Map(mastery.filter((m) => m.scope === "TOPIC").map((m) => [m.scopeId, m]));
  const totalEvidence = [...tsMastery.values()].reduce((n, m) => n + m.evidence, 0);

  const readiness = predictReadiness({
    taskStatements: domains.flatMap((d) => d.taskStatements.map((t) => ({ code: t.code, domain: d.number, state: tsMastery.get(t.code) ?? null }))),
    domainWeights,
    // Same evidence, same numbers: the page does not flicker between refreshes.
    random: seededRandom(`${userId}:${totalEvidence}`),
  });

  const topicInfos: TopicInfo[] = topics.map((t) => ({
    id: t.id,
    title: t.title,
    taskStatement: t.taskStatementId,
    domain: t.taskStatement.domain.number,
    lessonId: t.lessons[0]?.lessonId ?? null,
  }));

  const byDay = new Map(activity.map((a) => [dayKey(a.day), a]));
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => {
    const day = dayKey(new Date(since.getTime() + i * 86_400_000));
    const row = byDay.get(day);
    return { day, answered: row?.answered ?? 0, correct: row?.correct ?? 0 };
  });
  const recent = activity.filter((a) => a.day.getTime() >= now.getTime() - 30 * 86_400_000);
  const answered = recent.reduce((n, a) => n + a.answered, 0);
  const timeMs = recent.reduce((n, a) => n + Number(a.timeSpentMs), 0);

  return {
    readiness,
    domainTitles: Object.fromEntries(domains.map((d) => [d.number, d.title])),
    scoreTrend: mocks
      .filter((m) => m.scaledScore !== null)
      .reverse()
      .map((m) => ({ attemptId: m.id, startedAt: m.startedAt.toISOString(), scaledScore: m.scaledScore!, passed: m.passed ?? false })),
    mastery: domains.map((d) => ({
      number: d.number,
      title: d.title,
      weight: d.weight,
      taskStatements: d.taskStatements.map((t) => {
        const m = tsMastery.get(t.code);
        return { code: t.code, title: t.title, mastery: m ? masteryLevel(m) : null, evidence: m?.evidence ?? 0 };
      }),
    })),
    weakTopics: rankWeakTopics(topicInfos, topicMastery, domainWeights, { limit: 5 }),
    due,
    lessonProgress: summariseDomainProgress(domains, lessons, completed.map((c) => c.lessonId)),
    activity: days,
    pacing: { answered, averageSeconds: answered > 0 ? Math.round(timeMs / answered / 1000) : null },
    openMock: openMock ? { attemptId: openMock.id, deadline: openMock.deadline!.toISOString() } : null,
  };
}
