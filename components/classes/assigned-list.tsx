// "Assigned to you": each assignment with its class, due time (relative and in
// the student's zone), time limit with their accommodation, attempts left and
// status. Server component.
import { Link } from "@/components/ui/link";
import { cn } from "@/components/ui/cn";
import type { AssignmentStatus } from "@/lib/classes/assignment-terms";
import { minutesText } from "@/lib/classes/form-values";
import type { AssignedToStudent } from "@/lib/classes/student-assignments";
import { formatInZone } from "@/lib/classes/wall-time";
import { plural, relativeTime } from "@/lib/format/plural";

const STATUS: Record<AssignmentStatus, { label: string; className: string }> = {
  NOT_OPEN: { label: "Not open yet", className: "bg-[var(--surface-muted)] text-[var(--text)]" },
  OPEN: { label: "Open", className: "bg-brand-100 text-brand-900 dark:bg-brand-950 dark:text-brand-100" },
  IN_PROGRESS: { label: "In progress", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100" },
  SUBMITTED: { label: "Submitted", className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100" },
  MISSED: { label: "Missed", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" },
};

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const s = STATUS[status];
  return <span className={cn("inline-block shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold", s.className)}>{s.label}</span>;
}

export function AssignedList({ items, now, timeZone, showClass = true }: { items: AssignedToStudent[]; now: Date; timeZone: string; showClass?: boolean }) {
  return (
    <ul className="divide-y divide-[var(--border)]">
      {items.map((a) => (
        <li key={a.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/assignments/${a.id}`} className="font-medium wrap-anywhere underline-offset-2 hover:underline">
                {a.title}
              </Link>
              <StatusBadge status={a.status} />
            </p>
            <p className="text-sm text-[var(--text-muted)] wrap-anywhere">
              {showClass && <>{a.className} · </>}
              {a.status === "NOT_OPEN" ? `Opens ${relativeTime(a.opensAt, now)}` : `Due ${relativeTime(a.dueAt, now)}`} ·{" "}
              <time dateTime={(a.status === "NOT_OPEN" ? a.opensAt : a.dueAt).toISOString()}>
                {formatInZone(a.status === "NOT_OPEN" ? a.opensAt : a.dueAt, timeZone, { zoneName: false })}
              </time>
            </p>
            <p className="text-sm text-[var(--text-muted)]">
              {a.what} · {minutesText(a.timeLimitMinutes)}
              {a.adjustments.length > 0 && ` (${a.adjustments.join(", ")})`} · {plural(a.attemptsLeft, "attempt")} left
            </p>
          </div>
          <div className="shrink-0">
            {a.status === "IN_PROGRESS" && a.openAttemptId ? (
              <Link href={`/attempts/${a.openAttemptId}`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
                Resume
              </Link>
            ) : a.status === "OPEN" ? (
              <Link href={`/assignments/${a.id}`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
                Start<span className="sr-only"> {a.title}</span>
              </Link>
            ) : a.lastGradedAttemptId ? (
              <Link href={`/attempts/${a.lastGradedAttemptId}/results`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
                Results<span className="sr-only"> of {a.title}</span>
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
