"use client";
// The drawing of the mock-score trend (recharts, about 100 KB): loaded lazily by
// score-trend.tsx, never in a page's first JavaScript. A picture only: it is
// hidden from assistive technology and takes no keyboard focus (recharts'
// accessibility layer would put a tabIndex=0 surface inside aria-hidden); the
// figure's table carries the same numbers as text.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "./score-trend";

// Text colours reach 4.5:1 on the card in both themes (--text-muted), and the
// pass line's label uses green-700 (5.0:1 on white) instead of green-600 (3.3:1).
const PASS_GREEN = "#15803d";

export default function ScoreTrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "var(--text-muted)" }} />
        <YAxis domain={[100, 1000]} ticks={[100, 400, 720, 1000]} tick={{ fontSize: 12, fill: "var(--text-muted)" }} />
        <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} />
        <ReferenceLine y={720} stroke={PASS_GREEN} strokeDasharray="4 4" label={{ value: "720 pass", fontSize: 12, fill: PASS_GREEN, position: "insideTopLeft" }} />
        <Line type="monotone" dataKey="score" stroke="#1b5ff5" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
