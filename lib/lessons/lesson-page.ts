// Everything the lesson page shows, for one student. The "Check yourself"
// questions come as the exam's item model shows them (study-item.ts): display
// tokens and texts only; what is right and why stay on the server until the
// student checks that question.
import "server-only";
import { type StudyItem, loadStudyQuestions, studyItemOf } from "@/lib/exams/study-item";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lessonCheckSeed } from "./lesson-check";
import { lessonCheckQuestionIds } from "./lesson-check-set";
import { lessonNeighbours } from "./lesson-sequence";

export type LessonCheckQuestion = StudyItem;

export type LessonLink = { id: string; title: string; domainNumber: number; readingMinutes: number };

export type LessonPage = {
  lesson: {
    id: string;
    title: string;
    body: string;
    readingMinutes: number;
    objectives: string[];
    domain: { number: number; title: string; weight: number };
    taskStatement: { code: string; title: string };
  };
  completedAt: Date | null;
  related: LessonLink[];
  previous: LessonLink | null;
  next: LessonLink | null;
  checkQuestions: LessonCheckQuestion[];
};

/** The lesson's "Check yourself" questions for this student (lesson-check-set.ts), without keys, in id order. */
export async function loadLessonCheckQuestions(
  db: PrismaClient,
  { lessonId, userId }: { lessonId: string; userId: string },
): Promise<LessonCheckQuestion[]> {
  const ids = await lessonCheckQuestionIds(db, { lessonId, userId });
  const questions = await loadStudyQuestions(db, ids);
  return ids.flatMap((id) => {
    const question = questions.get(id);
    return question ? [studyItemOf(question, lessonCheckSeed(userId, lessonId, id))] : [];
  });
}

/** The lesson page for one student, or null for an unknown or retired lesson. */
export async function loadLessonPage(db: PrismaClient, { lessonId, userId }: { lessonId: string; userId: string }): Promise<LessonPage | null> {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, retiredAt: null },
    select: {
      id: true,
      title: true,
      body: true,
      readingMinutes: true,
      objectives: true,
      related: true,
      domain: { select: { number: true, title: true, weight: true, examId: true } },
      taskStatement: { select: { code: true, title: true } },
    },
  });
  if (!lesson) return null;

  const [sequence, related, progress, checkQuestions] = await Promise.all([
    db.lesson.findMany({
      where: { retiredAt: null, domain: { examId: lesson.domain.examId } },
      select: { id: true, title: true, order: true, readingMinutes: true, domain: { select: { number: true } } },
    }),
    db.lesson.findMany({
      where: { id: { in: lesson.related }, retiredAt: null },
      select: { id: true, title: true, readingMinutes: true, domain: { select: { number: true } } },
    }),
    db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } }, select: { completedAt: true } }),
    loadLessonCheckQuestions(db, { lessonId, userId }),
  ]);

  const link = (l: { id: string; title: string; readingMinutes: number; domain: { number: number } }): LessonLink => ({
    id: l.id,
    title: l.title,
    readingMinutes: l.readingMinutes,
    domainNumber: l.domain.number,
  });
  const { previous, next } = lessonNeighbours(
    sequence.map((l) => ({ ...link(l), order: l.order })),
    lesson.id,
  );
  const relatedById = new Map(related.map((l) => [l.id, link(l)]));

  return {
    lesson: {
      id: lesson.id,
      title: lesson.title,
      body: lesson.body,
      readingMinutes: lesson.readingMinutes,
      objectives: lesson.objectives,
      domain: { number: lesson.domain.number, title: lesson.domain.title, weight: lesson.domain.weight },
      taskStatement: lesson.taskStatement,
    },
    completedAt: progress?.completedAt ?? null,
    // In the order the lesson lists them.
    related: lesson.related.flatMap((id) => relatedById.get(id) ?? []),
    previous: previous && { id: previous.id, title: previous.title, domainNumber: previous.domainNumber, readingMinutes: previous.readingMinutes },
    next: next && { id: next.id, title: next.title, domainNumber: next.domainNumber, readingMinutes: next.readingMinutes },
    checkQuestions,
  };
}

/** The title of a live lesson, for the page's metadata. */
export async function findLessonTitle(db: PrismaClient, { lessonId }: { lessonId: string }): Promise<string | null> {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, retiredAt: null }, select: { title: true } });
  return lesson?.title ?? null;
}
