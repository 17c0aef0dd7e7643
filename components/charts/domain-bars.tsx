// Horizontal bars per domain (or task statement) with the 72% mark drawn in.
// The figure's caption and each bar's label carry the numbers as text.
import { cn } from "@/components/ui/cn";

export type BarRow = { label: string; percent: number; detail: string };

export function ScoreBars({ rows, caption, mark = 72 }: { rows: BarRow[]; caption: string; mark?: number }) {
  return (
    <figure>
      <figcaption className="mb-3 text-sm text-[var(--text-muted)]">{caption}</figcaption>
      <ul className="space-y-3">
        {rows.map((row) => (
          <li key={row.label}>
            <div className="flex justify-between gap-3 text-sm">
              <span>{row.label}</span>
              <span className="shrink-0 font-semibold tabular-nums">
                {row.percent}% <span className="font-normal text-[var(--text-muted)]">({row.detail})</span>
              </span>
            </div>
            <div className="relative mt-1 h-3 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]" aria-hidden>
              <div
                className={cn("h-3 rounded-full", row.percent >= mark ? "bg-green-600" : row.percent >= 50 ? "bg-amber-500" : "bg-red-500")}
                style={{ width: `${Math.max(2, row.percent)}%` }}
              />
              <div className="absolute inset-y-[-3px] w-0.5 bg-[var(--text)]" style={{ left: `${mark}%` }} title={`${mark}% mark`} />
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-[var(--text-muted)]">The line marks {mark}%, about where the pass mark sits.</p>
    </figure>
  );
}
