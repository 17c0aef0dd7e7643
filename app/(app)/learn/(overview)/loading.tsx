// Shown while the Learn overview or search results load. The lesson page
// ([lessonId]) sits outside this group on purpose: a loading boundary starts
// streaming with status 200, and an unknown lesson must answer 404.
export default function LearnLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 rounded-lg bg-[var(--border)]" />
      <div className="h-4 w-full max-w-prose rounded bg-[var(--border)]" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-36 rounded-xl bg-[var(--surface)] ring-1 ring-[var(--border)]" />
        ))}
      </div>
      <div className="h-64 rounded-xl bg-[var(--surface)] ring-1 ring-[var(--border)]" />
    </div>
  );
}
