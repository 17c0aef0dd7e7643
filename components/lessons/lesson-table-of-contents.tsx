// "On this page": the lesson's h2/h3 headings. A sticky list beside the
// lesson on wide screens; a collapsible list above it on a phone.
import type { TocEntry } from "@/lib/lessons/table-of-contents";
import { cn } from "@/components/ui/cn";

function TocList({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="space-y-1 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className={cn(entry.depth === 3 && "pl-4")}>
          <a
            href={`#${entry.id}`}
            className="block rounded px-2 py-1 text-[var(--text-muted)] hover:bg-[var(--surface-muted)] hover:text-[var(--text)]"
          >
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** On a phone: a disclosure above the lesson, closed by default. */
export function LessonTableOfContentsCollapsible({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="group rounded-xl border border-[var(--border)] bg-[var(--surface)] lg:hidden">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-xl px-4 py-3 font-semibold [&::-webkit-details-marker]:hidden">
        On this page
        <svg aria-hidden width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="transition-transform group-open:rotate-180">
          <path d="M6 9l6 6 6-6" />
        </svg>
      </summary>
      <nav aria-label="On this page" className="border-t border-[var(--border)] px-2 py-3">
        <TocList entries={entries} />
      </nav>
    </details>
  );
}

/** On a wide screen: a list that stays in view beside the lesson. */
export function LessonTableOfContentsSidebar({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav
      aria-labelledby="lesson-toc-heading"
      className="sticky top-20 hidden max-h-[calc(100vh-6rem)] overflow-y-auto pb-4 lg:block"
    >
      <h2 id="lesson-toc-heading" className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-[var(--text-muted)]">
        On this page
      </h2>
      <TocList entries={entries} />
    </nav>
  );
}
