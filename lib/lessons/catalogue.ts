// The Learn overview: domains with their task statements and lessons in
// reading order, and one student's progress through them.
import "server-only";
import { EXAM_ID } from "@/lib/content/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { nextLessonToRead } from "./lesson-sequence";
import { type DomainProgress, summariseDomainProgress } from "./lesson-progress";

export type CatalogueLesson = {
  id: string;
  title: string;
  order: number;
  readingMinutes: number;
  completed: boolean;
};

export type CatalogueDomain = DomainProgress & {
  taskStatements: Array<{ id: string; code: string; title: string; lessons: CatalogueLesson[] }>;
};

export type LearnCatalogue = {
  domains: CatalogueDomain[];
  lessonCount: number;
  completedCount: number;
  /** The first lesson not yet complete, in reading order. */
  nextLesson: { id: string; title: string; domainNumber: number } | null;
};

export async function loadLearnCatalogue(db: PrismaClient, { userId }: { userId: string }): Promise<LearnCatalogue> {
  const [domains, lessons, progress] = await Promise.all([
    db.domain.findMany({
      where: { examId: EXAM_ID },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        weight: true,
        taskStatements: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true } },
      },
    }),
    db.lesson.findMany({
      where: { retiredAt: null, domain: { examId: EXAM_ID } },
      orderBy: [{ domain: { number: "asc" } }, { order: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        order: true,
        readingMinutes: true,
        domainId: true,
        taskStatementId: true,
        domain: { select: { number: true } },
      },
    }),
    db.lessonProgress.findMany({ where: { userId, lesson: { retiredAt: null } }, select: { lessonId: true } }),
  ]);

  const completedIds = new Set(progress.map((p) => p.lessonId));
  const summary = summariseDomainProgress(domains, lessons, completedIds);
  const next = nextLessonToRead(
    lessons.map((lesson) => ({ id: lesson.id, title: lesson.title, order: lesson.order, domainNumber: lesson.domain.number })),
    completedIds,
  );

  return {
    domains: summary.map((domainProgress) => ({
      ...domainProgress,
      taskStatements: (domains.find((d) => d.id === domainProgress.id)?.taskStatements ?? []).map((ts) => ({
        ...ts,
        lessons: lessons
          .filter((lesson) => lesson.taskStatementId === ts.id)
          .map((lesson) => ({
            id: lesson.id,
            title: lesson.title,
            order: lesson.order,
            readingMinutes: lesson.readingMinutes,
            completed: completedIds.has(lesson.id),
          })),
      })),
    })),
    lessonCount: lessons.length,
    completedCount: lessons.filter((lesson) => completedIds.has(lesson.id)).length,
    nextLesson: next ? { id: next.id, title: next.title, domainNumber: next.domainNumber } : null,
  };
}
