// Scaled scores of past mock exams over time, with the 720 pass line. Drawn on
// the server (positions from score-trend-geometry.ts): no chart library, no
// JavaScript in the browser, nothing that moves when the page hydrates. The
// drawing is a picture, hidden from assistive technology; the numbers are in a
// visually hidden table, so a screen reader (or a browser without JavaScript
// or CSS) gets every score.
//
// The line is an SVG stretched over the plot (its stroke does not scale);
// dots and labels are HTML placed in percent, so they keep their size and
// shape at any width.
import { PASSING_SCALED } from "@/lib/exams/scaled-score";
import { SCORE_TICKS, labelledIndexes, pointLeft, scoreHeight } from "./score-trend-geometry";

export type TrendPoint = { label: string; score: number };

export function ScoreTrend({ points, caption = "Mock exam scores, oldest first" }: { points: TrendPoint[]; caption?: string }) {
  const labelled = new Set(labelledIndexes(points.length));
  const line = points.map((p, i) => `${pointLeft(i, points.length)},${100 - scoreHeight(p.score)}`).join(" ");
  return (
    <figure>
      <div className="relative h-56 w-full text-xs text-[var(--text-muted)]" aria-hidden data-testid="score-trend-drawing">
        {/* The plot: left gutter for the score axis, bottom gutter for the mock labels. */}
        <div className="absolute top-3 right-4 bottom-7 left-10">
          {SCORE_TICKS.map((tick) => (
            <div key={tick} className="absolute inset-x-0" style={{ bottom: `${scoreHeight(tick)}%` }}>
              <div className={tick === PASSING_SCALED ? "border-t-2 border-dashed border-green-700 dark:border-green-500" : "border-t border-dashed border-[var(--border)]"} />
              <span className="absolute -left-10 w-8 -translate-y-1/2 text-right tabular-nums">{tick}</span>
            </div>
          ))}
          <span className="absolute left-1 font-medium text-green-700 dark:text-green-400" style={{ bottom: `calc(${scoreHeight(PASSING_SCALED)}% + 2px)` }}>
            {PASSING_SCALED} pass
          </span>
          {points.length > 1 && (
            <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
              <polyline points={line} fill="none" stroke="#1b5ff5" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            </svg>
          )}
          {points.map((p, i) => (
            <span
              key={p.label}
              data-testid="score-trend-dot"
              title={`${p.label}: ${p.score}`}
              className="absolute size-2.5 -translate-x-1/2 translate-y-1/2 rounded-full border-2 border-[var(--surface)] bg-brand-600"
              style={{ left: `${pointLeft(i, points.length)}%`, bottom: `${scoreHeight(p.score)}%` }}
            />
          ))}
          {points.map((p, i) =>
            labelled.has(i) ? (
              <span
                key={p.label}
                className={`absolute top-full mt-1.5 whitespace-nowrap ${i === 0 && points.length > 1 ? "" : i === points.length - 1 && points.length > 1 ? "-translate-x-full" : "-translate-x-1/2"}`}
                style={{ left: `${pointLeft(i, points.length)}%` }}
              >
                {p.label}
              </span>
            ) : null,
          )}
        </div>
      </div>
      {/* sr-only on a wrapper: a table ignores overflow:hidden, so a hidden table itself can widen the page. */}
      <div className="sr-only">
        <table>
          <caption>
            {caption}. The pass mark is {PASSING_SCALED}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Mock exam</th>
              <th scope="col">Scaled score</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{p.score}</td>
                <td>{p.score >= PASSING_SCALED ? "pass" : "below the pass mark"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
