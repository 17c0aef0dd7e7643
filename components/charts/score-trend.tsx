"use client";
// Scaled scores of past mock exams over time, with the 720 pass line.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { label: string; score: number };

export function ScoreTrend({ points }: { points: TrendPoint[] }) {
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "var(--text-muted)" }} />
            <YAxis domain={[100, 1000]} ticks={[100, 400, 720, 1000]} tick={{ fontSize: 12, fill: "var(--text-muted)" }} />
            <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} />
            <ReferenceLine y={720} stroke="#16a34a" strokeDasharray="4 4" label={{ value: "720 pass", fontSize: 11, fill: "#16a34a", position: "insideTopLeft" }} />
            <Line type="monotone" dataKey="score" stroke="#1b5ff5" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        Mock exam scores, oldest first: {points.map((p) => `${p.label}: ${p.score}`).join("; ")}.
      </figcaption>
    </figure>
  );
}
