// After an answer is checked (or in results): the verdict, the explanation of
// an ordering/matching/numeric item, the AWS pages that support the key and
// the lesson. Choice explanations sit beside each choice (choice-list.tsx).
import { Link } from "@/components/ui/link";
import { cn } from "@/components/ui/cn";
import type { Reveal } from "@/lib/exams/attempt-items";

export function awsPageLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const page = pathname.split("/").filter(Boolean).pop()?.replace(/\.html$/, "").replace(/[-_]/g, " ") ?? hostname;
    return page.length > 60 ? `${page.slice(0, 57)}…` : page;
  } catch {
    return url;
  }
}

export function References({ urls }: { urls: readonly string[] }) {
  if (urls.length === 0) return null;
  return (
    <div className="mt-3 text-sm">
      <p className="font-semibold">In the AWS documentation</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {urls.map((url) => (
          <li key={url}>
            <a href={url} target="_blank" rel="noreferrer" className="break-all text-brand-700 underline dark:text-brand-300">
              {awsPageLabel(url)}
              <span className="sr-only"> (AWS documentation, opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RevealPanel({ reveal, showVerdict = true, lessonLink = true }: { reveal: Reveal; showVerdict?: boolean; lessonLink?: boolean }) {
  return (
    <div
      className={cn(
        "mt-5 rounded-xl border p-4",
        reveal.correct ? "border-green-600 bg-green-50 dark:border-green-800 dark:bg-green-950" : "border-red-500 bg-red-50 dark:border-red-800 dark:bg-red-950",
      )}
    >
      {showVerdict && <p className="font-semibold">{reveal.correct ? "✓ Correct." : "✗ Not quite."}</p>}
      {reveal.explanation && <p className="mt-2 whitespace-pre-line text-sm [overflow-wrap:anywhere]">{reveal.explanation}</p>}
      <References urls={reveal.references} />
      {lessonLink && (
        <Link href={`/learn/${reveal.lessonId}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300">
          Study the lesson
        </Link>
      )}
    </div>
  );
}
