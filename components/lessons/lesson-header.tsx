// The top of a lesson: where it sits in the blueprint, its title, reading
// time and objectives.
import { Link } from "@/components/ui/link";
import type { LessonPage } from "@/lib/lessons/lesson-page";

export function LessonHeader({ lesson, completed }: { lesson: LessonPage["lesson"]; completed: boolean }) {
  return (
    <header>
      <nav aria-label="Breadcrumb" className="text-sm text-[var(--text-muted)]">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/learn" className="hover:text-[var(--text)] hover:underline">
              Learn
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link href={`/learn#domain-${lesson.domain.number}`} className="hover:text-[var(--text)] hover:underline">
              Domain {lesson.domain.number}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page">Task {lesson.taskStatement.code}</li>
        </ol>
      </nav>
      <h1 id="lesson-title" className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">
        {lesson.title}
      </h1>
      <dl className="mt-3 flex flex-wrap gap-x-5 gap-y-1.5 text-sm text-[var(--text-muted)] [&_dd]:inline [&_dt]:inline">
        <div>
          <dt className="font-medium text-[var(--text)]">Domain {lesson.domain.number}:</dt>{" "}
          <dd>
            {lesson.domain.title} ({lesson.domain.weight}% of the exam)
          </dd>
        </div>
        <div>
          <dt className="font-medium text-[var(--text)]">Task {lesson.taskStatement.code}:</dt>{" "}
          <dd>{lesson.taskStatement.title}</dd>
        </div>
        <div>
          <dt className="sr-only">Reading time</dt>
          <dd>{lesson.readingMinutes} min read</dd>
        </div>
        {completed && (
          <div>
            <dt className="sr-only">Status</dt>
            <dd className="font-medium text-green-800 dark:text-green-300">✓ Completed</dd>
          </div>
        )}
      </dl>
      {lesson.objectives.length > 0 && (
        <section aria-labelledby="lesson-objectives-heading" className="mt-5 rounded-xl border border-brand-200 bg-brand-50 px-5 py-4 dark:border-brand-800 dark:bg-brand-950">
          <h2 id="lesson-objectives-heading" className="text-sm font-semibold text-brand-900 dark:text-brand-100">
            After this lesson you can
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-brand-950 dark:text-brand-50">
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
