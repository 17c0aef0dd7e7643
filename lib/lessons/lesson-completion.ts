// Marking a lesson complete for a student, or not complete again.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Records (or removes) the student's completion of a live lesson. Marking a
 * lesson complete twice keeps the first completion time. Returns null for an
 * unknown or retired lesson.
 */
export async function setLessonCompletion(
  db: PrismaClient,
  { userId, lessonId, completed }: { userId: string; lessonId: string; completed: boolean },
): Promise<{ lessonId: string; completed: boolean } | null> {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, retiredAt: null }, select: { id: true } });
  if (!lesson) return null;
  if (completed) {
    await db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId },
      update: {},
    });
  } else {
    await db.lessonProgress.deleteMany({ where: { userId, lessonId } });
  }
  return { lessonId, completed };
}
