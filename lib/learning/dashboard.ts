// Everything the student dashboard shows, for one student. Every query reads
// that student's rows by an index (Mastery and DailyActivity by primary key,
// Attempt by (userId, startedAt), ReviewCard by (userId, due), LessonProgress by
// primary key): none scans the attempt items. docs/benchmarks.md has the plans.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type DomainProgress, summariseDomainProgress } from "@/lib/lessons/lesson-progress";
import { masteryLevel } from "./mastery";
import { deferredNewCardsNotice } from "./new-card-limit";
import { loadNewCardLoad } from "./new-card-load";
import { type Pacing, assessPacing } from "./pacing";
import type { Readiness } from "./readiness";
import type { DueCounts } from "./review-queue";
import { addDays, daysEndingOn, endOfLocalDay, endOfLocalWeek, localDay } from "./study-day";
import type { StudySettings } from "./study-settings";
import { studentReadiness } from "./student-readiness";
import { type TopicInfo, type WeakTopic, rankWeakTopics } from "./weak-topics";

export const ACTIVITY_DAYS = 56;
/** Pacing looks at the last 30 of the student's days. */
export const PACING_DAYS = 30;

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
  /** New cards the daily limit moved to later days, in words; null when none wait. */
  newCardNotice: string | null;
  newCardsPerDay: number;
  lessonProgress: DomainProgress[];
  activity: Array<{ day: string; answered: number; correct: number }>;
  pacing: Pacing;
  openMock: { attemptId: string; deadline: string } | null;
  /**
   * A graded attempt whose learning job has not run yet: mastery, reviews and
   * activity do not include it for a moment (the page says so).
   */
  learningPending: boolean;
};

// PostgreSQL's json renders timestamp(3) without a zone; Prisma stores UTC.
const utc = (timestamp: string) => new Date(timestamp.endsWith("Z") ? timestamp : `${timestamp}Z`);

type Catalogue = {
  domains: Array<{ id: string; number: number; title: string; weight: number; taskStatements: Array<{ code: string; title: string }> }>;
  topics: TopicInfo[];
  lessons: Array<{ id: string; domainId: string }>;
};

// The blueprint, topics and lessons change only when content is synced: each
// app instance keeps them for a short while (read-only, nothing another instance needs).
const CATALOGUE_TTL_MS = 30_000;
const catalogueCache = new WeakMap<object, { at: number; value: Promise<Catalogue> }>();

export function catalogue(db: PrismaClient, nowMs: number): Promise<Catalogue> {
  const hit = catalogueCache.get(db);
  if (hit && nowMs - hit.at < CATALOGUE_TTL_MS) return hit.value;
  const value = (async (): Promise<Catalogue> => {
    const [domains, topics, lessons] = await Promise.all([
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
      db.lesson.findMany({ where: { retiredAt: null }, select: { id: true, domainId: true } }),
    ]);
    return {
      domains,
      lessons,
      topics: topics.map((t) => ({
        id: t.id,
        title: t.title,
        taskStatement: t.taskStatementId,
        domain: t.taskStatement.domain.number,
        lessonId: t.lessons[0]?.lessonId ?? null,
      })),
    };
  })();
  catalogueCache.set(db, { at: nowMs, value });
  value.catch(() => catalogueCache.delete(db));
  return value;
}

type StudentRows = {
  mastery: Array<{ scope: string; scopeId: string; rating: number; variance: number; evidence: number; correct: number }>;
  mocks: Array<{ id: string; startedAt: string; scaledScore: number | null; passed: boolean | null }>;
  due: DueCounts;
  completed: string[];
  activity: Array<{ day: string; answered: number; correct: number; timeSpentMs: number }>;
  openMock: { id: string; deadline: string } | null;
  learningPending: boolean;
};

/** All of one student's rows in one round trip, each read through an index on the student. */
async function studentRows(db: PrismaClient, userId: string, now: Date, timeZone: string, since: string): Promise<StudentRows> {
  const rows = await db.$queryRaw<StudentRows[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('scope', scope, 'scopeId', "scopeId", 'rating', rating, 'variance', variance,
                                                  'evidence', evidence, 'correct', correct)), '[]')
         FROM "Mastery" WHERE "userId" = ${userId}) AS mastery,
      (SELECT coalesce(json_agg(m ORDER BY m."startedAt"), '[]') FROM (
         SELECT id, "startedAt", "scaledScore", passed FROM "Attempt"
         WHERE "userId" = ${userId} AND mode = 'MOCK' AND status IN ('SUBMITTED', 'EXPIRED')
         ORDER BY "startedAt" DESC LIMIT 20) m) AS mocks,
      (SELECT json_build_object('now', count(*) FILTER (WHERE c.due <= ${now}), 'today', count(*) FILTER (WHERE c.due <= ${endOfLocalDay(now, timeZone)}),
                                'week', count(*) FILTER (WHERE c.due <= ${endOfLocalWeek(now, timeZone)}), 'total', count(*))
         FROM "ReviewCard" c JOIN "Question" q ON q.id = c."questionId"
         WHERE c."userId" = ${userId} AND q."retiredAt" IS NULL) AS due,
      (SELECT coalesce(json_agg("lessonId"), '[]') FROM "LessonProgress" WHERE "userId" = ${userId}) AS completed,
      (SELECT coalesce(json_agg(json_build_object('day', day, 'answered', answered, 'correct', correct, 'timeSpentMs', "timeSpentMs")), '[]')
         FROM "DailyActivity" WHERE "userId" = ${userId} AND day >= ${since}::date) AS activity,
      (SELECT json_build_object('id', id, 'deadline', deadline) FROM "Attempt"
         WHERE "userId" = ${userId} AND mode = 'MOCK' AND status = 'IN_PROGRESS' AND deadline > ${now}
         ORDER BY "startedAt" DESC LIMIT 1) AS "openMock",
      EXISTS (SELECT 1 FROM "Attempt" WHERE "userId" = ${userId} AND status IN ('SUBMITTED', 'EXPIRED')
                AND "learningRecordedAt" IS NULL) AS "learningPending"`;
  return rows[0]!;
}

export async function loadDashboard(db: PrismaClient, options: { userId: string; now: Date; settings: StudySettings }): Promise<Dashboard> {
  const { userId, now, settings } = options;
  const { timeZone } = settings;
  // Days are the student's own: DailyActivity rows are written with their local date.
  const today = localDay(now, timeZone);
  const days = daysEndingOn(today, ACTIVITY_DAYS);

  const [{ domains, topics: topicInfos, lessons }, student, newCardLoad, finalMocks] = await Promise.all([
    catalogue(db, now.getTime()),
    studentRows(db, userId, now, timeZone, days[0]!),
    loadNewCardLoad(db, { userId, now, timeZone }),
    db.attempt.findMany({
      where: { userId, mode: "FINAL_MOCK", status: { in: ["SUBMITTED", "EXPIRED"] }, rawScore: { not: null } },
      select: { rawScore: true, questionCount: true },
    }),
  ]);
  const { mastery, due, completed } = student;
  const mocks = student.mocks;
  const openMock = student.openMock;
  const domainWeights = new Map(domains.map((d) => [d.number, d.weight]));
  const tsMastery = new Map(mastery.filter((m) => m.scope === "TASK_STATEMENT").map((m) => [m.scopeId, m]));
  const topicMastery = new Map(mastery.filter((m) => m.scope === "TOPIC").map((m) => [m.scopeId, m]));

  const readiness = studentReadiness({
    userId,
    domains,
    mastery: tsMastery,
    finalMocks: finalMocks.map((f) => ({ correct: f.rawScore!, questions: f.questionCount })),
  });

  const byDay = new Map(student.activity.map((a) => [a.day.slice(0, 10), a]));
  const activity = days.map((day) => ({ day, answered: byDay.get(day)?.answered ?? 0, correct: byDay.get(day)?.correct ?? 0 }));
  const pacingFrom = addDays(today, -(PACING_DAYS - 1));
  const pacing = assessPacing(
    student.activity.filter((a) => a.day.slice(0, 10) >= pacingFrom).map((a) => ({ answered: a.answered, timeSpentMs: Number(a.timeSpentMs) })),
  );

  return {
    readiness,
    domainTitles: Object.fromEntries(domains.map((d) => [d.number, d.title])),
    scoreTrend: mocks
      .filter((m) => m.scaledScore !== null)
      .map((m) => ({ attemptId: m.id, startedAt: utc(m.startedAt).toISOString(), scaledScore: m.scaledScore!, passed: m.passed ?? false })),
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
    newCardNotice: deferredNewCardsNotice({ now, timeZone, limit: settings.newCardsPerDay, ...newCardLoad }),
    newCardsPerDay: settings.newCardsPerDay,
    lessonProgress: summariseDomainProgress(domains, lessons, completed),
    activity,
    pacing,
    openMock: openMock ? { attemptId: openMock.id, deadline: utc(openMock.deadline).toISOString() } : null,
    learningPending: student.learningPending,
  };
}
