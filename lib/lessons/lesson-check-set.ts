// Which of a lesson's questions its "Check yourself" asks this student: the
// first few live main-pool items of the lesson by id, of any kind (so a
// lesson's ordering, matching or numeric items, "p-…", come before its exam
// questions, "q-…"), leaving out any that is in the student's timed attempt in
// progress. The page shows exactly these,
// and the check action answers for these only, so it cannot be used to read
// the key of any other question (a mock's, the final pool's).
import "server-only";
import { lockedQuestionIds } from "@/lib/exams/key-lock";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How many of the lesson's questions "Check yourself" asks. */
export const LESSON_CHECK_SIZE = 3;

export async function lessonCheckQuestionIds(db: PrismaClient, options: { lessonId: string; userId: string }): Promise<string[]> {
  const [candidates, locked] = await Promise.all([
    db.question.findMany({
      where: { lessonId: options.lessonId, retiredAt: null, pool: "MAIN", lesson: { retiredAt: null } },
      orderBy: { id: "asc" },
      select: { id: true },
    }),
    lockedQuestionIds(db, { userId: options.userId }),
  ]);
  return candidates
    .map((q) => q.id)
    .filter((id) => !locked.has(id))
    .slice(0, LESSON_CHECK_SIZE);
}
