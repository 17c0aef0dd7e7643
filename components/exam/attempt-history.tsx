import { Link } from "@/components/ui/link";
import type { AttemptSummary } from "@/lib/exams/attempt-history";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function AttemptHistory({ attempts, emptyText }: { attempts: AttemptSummary[]; emptyText: string }) {
  if (attempts.length === 0) return <p className="text-sm text-[var(--text-muted)]">{emptyText}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-[var(--text-muted)]">
          <tr>
            <th className="py-2 pr-3 font-medium">Started</th>
            <th className="py-2 pr-3 font-medium">What</th>
            <th className="py-2 pr-3 font-medium">Result</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attemptId} className="border-t border-[var(--border)]">
              <td className="py-2 pr-3 whitespace-nowrap">{when(a.startedAt)}</td>
              <td className="py-2 pr-3">{a.title}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {a.status === "IN_PROGRESS"
                  ? "In progress"
                  : a.mode === "MOCK"
                    ? `${a.scaledScore} · ${a.passed ? "pass" : "below 720"}`
                    : `${a.rawScore}/${a.questionCount}`}
              </td>
              <td className="py-2 text-right">
                <Link
                  href={a.status === "IN_PROGRESS" ? `/attempts/${a.attemptId}` : `/attempts/${a.attemptId}/results`}
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  {a.status === "IN_PROGRESS" ? "Resume" : "Review"}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
