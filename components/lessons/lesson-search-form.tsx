// The lesson search box. A GET form, so it works before JavaScript loads and
// the results page has a shareable URL; next/form navigates client-side.
import Form from "next/form";
import { LESSON_SEARCH_MAX_LENGTH } from "@/lib/lessons/validation";

export function LessonSearchForm({ defaultQuery = "", errors }: { defaultQuery?: string; errors?: string[] }) {
  return (
    <Form action="/learn/search" role="search" aria-label="Lessons" className="w-full">
      <label htmlFor="lesson-search" className="block text-sm font-medium">
        Search lessons
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id="lesson-search"
          name="q"
          type="search"
          defaultValue={defaultQuery}
          maxLength={LESSON_SEARCH_MAX_LENGTH}
          placeholder="e.g. visibility timeout, envelope encryption"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? "lesson-search-error" : undefined}
          className="block w-full min-w-0 rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base text-[var(--text)] shadow-sm placeholder:text-[var(--text-muted)]"
        />
        <button
          type="submit"
          className="inline-flex shrink-0 items-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          <svg aria-hidden width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5">
            <circle cx="11" cy="11" r="7" />
            <path d="M20 20l-3.5-3.5" />
          </svg>
          Search
        </button>
      </div>
      {errors?.length ? (
        <p id="lesson-search-error" className="mt-1.5 text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </Form>
  );
}
