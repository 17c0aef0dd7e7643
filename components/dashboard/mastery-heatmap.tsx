// Mastery by domain and task statement as a heat map (a table underneath, so
// screen readers get the same numbers), with the evidence behind each cell.
import { cn } from "@/components/ui/cn";
import type { DomainMastery } from "@/lib/learning/dashboard";
import { plural } from "@/lib/format/plural";

/** A mastery cell's colours (text contrast checked against each background). */
export function masteryTone(mastery: number | null): string {
  if (mastery === null) return "bg-[var(--surface-muted)] text-[var(--text-muted)]";
  // White on green-700 is 5.0:1 (green-600 was 3.3:1, an axe contrast failure).
  if (mastery >= 0.75) return "bg-green-700 text-white";
  if (mastery >= 0.6) return "bg-green-300 text-green-950";
  if (mastery >= 0.45) return "bg-amber-300 text-amber-950";
  return "bg-red-400 text-red-950";
}

export function MasteryHeatmap({ domains }: { domains: DomainMastery[] }) {
  return (
    <div className="space-y-4">
      <table className="w-full border-separate border-spacing-1 text-sm">
        <caption className="sr-only">Mastery by task statement: the chance of answering a medium question right, and how many answers it rests on.</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Task statement</th>
            <th scope="col">Mastery</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.number}>
              <th scope="row" className="w-32 pr-2 text-left align-top text-xs font-medium text-[var(--text-muted)] sm:w-48">
                {d.number}. {d.title} <span className="font-normal">({d.weight}%)</span>
              </th>
              <td>
                <ul className="grid grid-cols-2 gap-1 sm:grid-cols-4">
                  {d.taskStatements.map((t) => (
                    <li
                      key={t.code}
                      className={cn("rounded-md px-2 py-1.5", masteryTone(t.mastery))}
                      title={`${t.code} ${t.title}`}
                    >
                      <span className="block text-xs font-semibold">{t.code}</span>
                      <span className="block text-sm font-bold tabular-nums">{t.mastery === null ? "—" : `${Math.round(t.mastery * 100)}%`}</span>
                      <span className="block text-xs">{plural(t.evidence, "answer")}</span>
                      <span className="sr-only">
                        {t.title}: {t.mastery === null ? "no answers yet" : `${Math.round(t.mastery * 100)}% mastery from ${plural(t.evidence, "answer")}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex flex-wrap gap-3 text-xs text-[var(--text-muted)]" aria-hidden>
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-red-400 align-middle" />under 45%</span>
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-amber-300 align-middle" />45–60%</span>
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-green-300 align-middle" />60–75%</span>
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-green-700 align-middle" />75%+</span>
      </p>
    </div>
  );
}
