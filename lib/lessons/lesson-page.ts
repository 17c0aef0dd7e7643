// Everything the lesson page shows, for one student. The "Check yourself"
// questions carry each choice's key and text only: which choices are correct
// and why stay on the server until the student checks that question.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lessonCheckQuestionIds } from "./lesson-check-set";
import { lessonNeighbours } from "./lesson-sequence";

export type LessonCheckQuestion = {
  id: string;
  type: "SINGLE" | "MULTIPLE";
  stem: string;
  choices: Array<{ key: string; text: string }>;
  /** How many choices to pick (the number of correct ones, never which). */
  chooseCount: number;
};

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

/** The lesson's "Check yourself" questions for this student (lesson-check-set.ts), without keys. */
export async function loadLessonCheckQuestions(
  db: PrismaClient,
  { lessonId, userId }: { lessonId: string; userId: string },
): Promise<LessonCheckQuestion[]> {
  const ids = await lessonCheckQuestionIds(db, { lessonId, userId });
  const questions = await db.question.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      stem: true,
      choices: { orderBy: { position: "asc" }, select: { key: true, text: true } },
    },
  });
  if (questions.length === 0) return [];
  // Only the count of correct choices leaves the database here, never the flags.
  const correctCounts = await db.choice.groupBy({
    by: ["questionId"],
    where: { questionId: { in: questions.map((q) => q.id) }, correct: true },
    _count: { _all: true },
  });
  const countOf = new Map(correctCounts.map((row) => [row.questionId, row._count._all]));
  return questions.map((question) => ({
    id: question.id,
    type: question.type as LessonCheckQuestion["type"],
    stem: question.stem,
    choices: question.choices.map((choice) => ({ key: choice.key, text: choice.text })),
    chooseCount: countOf.get(question.id) ?? 1,
  }));
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
