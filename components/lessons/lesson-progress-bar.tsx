// A domain's lesson progress: a bar with its text alternative ("3 of 27
// lessons complete"), which is also shown.
import { describeLessonProgress } from "@/lib/lessons/lesson-progress";

export function LessonProgressBar({ label, completed, total }: { label: string; completed: number; total: number }) {
  const text = describeLessonProgress(completed, total);
  const percent = total === 0 ? 0 : (completed / total) * 100;
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={text}
        className="h-2.5 overflow-hidden rounded-full bg-[var(--surface-muted)] ring-1 ring-inset ring-[var(--border)]"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] dark:bg-brand-400" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1.5 text-sm text-[var(--text-muted)]">{text}</p>
    </div>
  );
}
