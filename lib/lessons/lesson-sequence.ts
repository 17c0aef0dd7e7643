// The reading order of lessons: domain by domain, then each domain's lesson
// order. Pure: no framework or database imports.

export type SequencedLesson = { id: string; domainNumber: number; order: number };

/** Lessons in reading order (domain number, then order; id breaks ties so the order never wobbles). */
export function inReadingOrder<T extends SequencedLesson>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.domainNumber - b.domainNumber || a.order - b.order || a.id.localeCompare(b.id));
}

/** The lessons before and after `lessonId` in reading order; null at either end or for an unknown id. */
export function lessonNeighbours<T extends SequencedLesson>(
  lessons: readonly T[],
  lessonId: string,
): { previous: T | null; next: T | null } {
  const ordered = inReadingOrder(lessons);
  const index = ordered.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) return { previous: null, next: null };
  return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null };
}

/** The first lesson in reading order that is not complete yet, or null when all are. */
export function nextLessonToRead<T extends SequencedLesson>(lessons: readonly T[], completedIds: ReadonlySet<string>): T | null {
  return inReadingOrder(lessons).find((lesson) => !completedIds.has(lesson.id)) ?? null;
}
