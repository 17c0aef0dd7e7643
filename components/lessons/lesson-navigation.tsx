// Where to go after a lesson: its related lessons, and the previous and next
// lessons in reading order (domain by domain).
import { Link } from "@/components/ui/link";
import type { LessonLink } from "@/lib/lessons/lesson-page";
import { lessonPath } from "@/lib/lessons/lesson-links";

export function RelatedLessons({ lessons }: { lessons: LessonLink[] }) {
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="related-lessons-heading" className="mt-10">
      <h2 id="related-lessons-heading" className="text-lg font-semibold">
        Related lessons
      </h2>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {lessons.map((lesson) => (
          <li key={lesson.id}>
            <Link
              href={lessonPath(lesson.id)}
              className="block h-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-4 py-3 hover:border-brand-400"
            >
              <span className="block font-medium">{lesson.title}</span>
              <span className="block text-xs text-[var(--text-muted)]">
                Domain {lesson.domainNumber} · {lesson.readingMinutes} min read
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LessonPager({ previous, next }: { previous: LessonLink | null; next: LessonLink | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Previous and next lesson" className="mt-10 grid gap-3 border-t border-[var(--border)] pt-6 sm:grid-cols-2">
      {previous ? (
        <Link
          href={lessonPath(previous.id)}
          rel="prev"
          className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-4 py-3 hover:border-brand-400"
        >
          <span className="block text-xs font-semibold uppercase tracking-wide text-[var(--text-muted)]">← Previous lesson</span>
          <span className="block font-medium">{previous.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next && (
        <Link
          href={lessonPath(next.id)}
          rel="next"
          className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-4 py-3 text-right hover:border-brand-400"
        >
          <span className="block text-xs font-semibold uppercase tracking-wide text-[var(--text-muted)]">Next lesson →</span>
          <span className="block font-medium">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
