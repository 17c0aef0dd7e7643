// Lesson search results: title, place in the blueprint and a snippet of the
// body with the matched words marked.
import { Link } from "@/components/ui/link";
import type { LessonSearchHit } from "@/lib/lessons/lesson-search";
import { lessonPath } from "@/lib/lessons/lesson-links";
import { plural } from "@/lib/format/plural";

export function LessonSearchResults({ query, hits }: { query: string; hits: LessonSearchHit[] }) {
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="text-lg font-semibold" aria-live="polite">
        {plural(hits.length, "lesson")} for “{query}”
      </h2>
      <ol className="mt-4 space-y-3">
        {hits.map((hit) => (
          <li key={hit.id} className="rounded-xl border border-[var(--border)] bg-[var(--surface)] p-4 sm:p-5">
            <h3 className="font-semibold">
              <Link href={lessonPath(hit.id)} className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                {hit.title}
              </Link>
            </h3>
            <p className="mt-0.5 text-xs text-[var(--text-muted)]">
              Domain {hit.domainNumber} · Task {hit.taskStatementCode} · {hit.readingMinutes} min read
            </p>
            {hit.snippet.length > 0 && (
              <p className="search-snippet mt-2 text-sm text-[var(--text-muted)] [overflow-wrap:anywhere]">
                {hit.snippet.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
