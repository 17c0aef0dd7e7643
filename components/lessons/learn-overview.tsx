// The Learn overview: a card per domain with its weight and the student's
// progress, then each domain's task statements and lessons in reading order.
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { CatalogueDomain } from "@/lib/lessons/catalogue";
import { lessonPath } from "@/lib/lessons/lesson-links";
import { LessonProgressBar } from "./lesson-progress-bar";

const domainAnchor = (number: number) => `domain-${number}`;

export function DomainProgressCards({ domains }: { domains: CatalogueDomain[] }) {
  return (
    <section aria-labelledby="domain-progress-heading">
      <h2 id="domain-progress-heading" className="sr-only">
        Your progress by domain
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {domains.map((domain) => (
          <li key={domain.id}>
            <Card className="flex h-full flex-col gap-3">
              <div className="flex items-start justify-between gap-3">
                <p className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
                  Domain {domain.number}
                </p>
                <p className="shrink-0 rounded-full bg-[var(--surface-muted)] px-2 py-0.5 text-xs font-semibold ring-1 ring-[var(--border)]">
                  {domain.weight}% of the exam
                </p>
              </div>
              <h3 className="font-semibold leading-snug">
                <a href={`#${domainAnchor(domain.number)}`} className="hover:underline">
                  {domain.title}
                </a>
              </h3>
              <div className="mt-auto">
                <LessonProgressBar
                  label={`Domain ${domain.number} progress`}
                  completed={domain.completed}
                  total={domain.total}
                />
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CompletedMark() {
  return (
    <span className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-green-700 text-white dark:bg-green-600">
      <svg aria-hidden width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3.5">
        <path d="M5 12l5 5L20 7" />
      </svg>
    </span>
  );
}

export function DomainLessons({ domain }: { domain: CatalogueDomain }) {
  const headingId = `${domainAnchor(domain.number)}-heading`;
  return (
    <section id={domainAnchor(domain.number)} aria-labelledby={headingId} className="scroll-mt-20">
      <div className="flex flex-col gap-1 border-b border-[var(--border)] pb-3 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id={headingId} className="text-xl font-bold tracking-tight">
          <span className="text-brand-700 dark:text-brand-300">Domain {domain.number}:</span> {domain.title}
        </h2>
        <p className="shrink-0 text-sm text-[var(--text-muted)]">
          {domain.weight}% of the exam · {domain.completed} of {domain.total} done
        </p>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        {domain.taskStatements.map((ts) => (
          <section
            key={ts.id}
            aria-labelledby={`task-${ts.id}`}
            className="overflow-hidden rounded-xl border border-[var(--border)] bg-[var(--surface)] shadow-sm"
          >
            <h3 id={`task-${ts.id}`} className="border-b border-[var(--border)] px-5 py-3 text-sm font-semibold">
              <span className="mr-1.5 rounded bg-brand-50 px-1.5 py-0.5 text-brand-800 dark:bg-brand-950 dark:text-brand-200">
                Task {ts.code}
              </span>
              {ts.title}
            </h3>
            {ts.lessons.length === 0 ? (
              <p className="px-5 py-4 text-sm text-[var(--text-muted)]">No lessons for this task statement yet.</p>
            ) : (
              <ol className="divide-y divide-[var(--border)]">
                {ts.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    <Link
                      href={lessonPath(lesson.id)}
                      className="flex items-center gap-3 px-5 py-3 hover:bg-[var(--surface-muted)] focus-visible:-outline-offset-4"
                    >
                      {lesson.completed ? (
                        <CompletedMark />
                      ) : (
                        <span
                          aria-hidden
                          className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-[var(--text-muted)] ring-1 ring-[var(--border)]"
                        >
                          {lesson.order}
                        </span>
                      )}
                      <span className="min-w-0 flex-1">
                        <span className={cn("block font-medium", lesson.completed && "text-[var(--text-muted)]")}>{lesson.title}</span>
                        <span className="block text-xs text-[var(--text-muted)]">
                          {lesson.readingMinutes} min read
                          {lesson.completed && <span> · Completed</span>}
                        </span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
