// Scaled scores of past mock exams over time, with the 720 pass line. The
// drawing loads lazily (score-trend-lazy.tsx) into a box of fixed height; the
// numbers are in a visually hidden table, rendered on the server, so a screen
// reader (or a browser without JavaScript) gets every score.
import { PASSING_SCALED } from "@/lib/exams/scaled-score";
import { ScoreTrendChartLazy } from "./score-trend-lazy";

export type TrendPoint = { label: string; score: number };

export function ScoreTrend({ points, caption = "Mock exam scores, oldest first" }: { points: TrendPoint[]; caption?: string }) {
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden>
        <ScoreTrendChartLazy points={points} />
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
