// A student's progress through the lessons of each domain. Pure: no framework
// or database imports.
import { plural } from "@/lib/format/plural";

export type ProgressDomain = { id: string; number: number; title: string; weight: number };
export type ProgressLesson = { id: string; domainId: string };

export type DomainProgress = ProgressDomain & {
  total: number;
  completed: number;
  /** Whole percent, rounded down so a domain only shows 100 when every lesson is done. */
  percent: number;
};

/**
 * Counts, per domain, the lessons and the ones completed. Completions of
 * lessons not in `lessons` (retired, or another exam's) do not count.
 */
export function summariseDomainProgress(
  domains: readonly ProgressDomain[],
  lessons: readonly ProgressLesson[],
  completedLessonIds: Iterable<string>,
): DomainProgress[] {
  const completed = new Set(completedLessonIds);
  return [...domains]
    .sort((a, b) => a.number - b.number)
    .map((domain) => {
      const inDomain = lessons.filter((lesson) => lesson.domainId === domain.id);
      const done = inDomain.filter((lesson) => completed.has(lesson.id)).length;
      return {
        ...domain,
        total: inDomain.length,
        completed: done,
        percent: inDomain.length === 0 ? 0 : Math.floor((done / inDomain.length) * 100),
      };
    });
}

/** The text alternative of a progress bar: "3 of 27 lessons complete". */
export function describeLessonProgress(completed: number, total: number): string {
  if (total === 0) return "No lessons yet";
  return `${completed} of ${plural(total, "lesson")} complete`;
}
