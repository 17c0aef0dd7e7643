// Questions answered per day over the last eight weeks (the student's own days).
// The bars are a picture; a visually hidden table lists the active days.
import { plural } from "@/lib/format/plural";
import { dayLabel } from "@/lib/learning/study-day";

export function ActivityBars({ days }: { days: Array<{ day: string; answered: number; correct: number }> }) {
  const max = Math.max(1, ...days.map((d) => d.answered));
  const total = days.reduce((n, d) => n + d.answered, 0);
  const active = days.filter((d) => d.answered > 0);
  const width = 8;
  const gap = 2;
  return (
    <figure>
      <svg viewBox={`0 0 ${days.length * (width + gap)} 64`} className="h-24 w-full" preserveAspectRatio="none" aria-hidden>
        {days.map((d, i) => {
          const h = (d.answered / max) * 60;
          const hc = (d.correct / max) * 60;
          return (
            <g key={d.day}>
              <rect x={i * (width + gap)} y={64 - Math.max(h, 1)} width={width} height={Math.max(h, 1)} rx="1.5" fill={d.answered ? "#93b9ff" : "var(--border)"} />
              {hc > 0 && <rect x={i * (width + gap)} y={64 - hc} width={width} height={hc} rx="1.5" fill="#1b5ff5" />}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-[var(--text-muted)]">
        {total === 0
          ? "No answers in the last eight weeks yet."
          : `${plural(total, "question")} answered on ${active.length} of the last ${days.length} days (dark: right answers).`}
      </figcaption>
      {active.length > 0 && (
        <div className="sr-only">
          <table>
            <caption>Days you answered questions, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Answered</th>
                <th scope="col">Right</th>
              </tr>
            </thead>
            <tbody>
              {active.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{dayLabel(d.day)}</th>
                  <td>{d.answered}</td>
                  <td>{d.correct}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
