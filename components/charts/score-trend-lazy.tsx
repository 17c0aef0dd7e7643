"use client";
// Loads the score chart after the page is interactive (next/dynamic, not
// rendered on the server), so recharts is not part of the page's first
// JavaScript. The placeholder has the chart's size: nothing moves when it lands.
import dynamic from "next/dynamic";

export const ScoreTrendChartLazy = dynamic(() => import("./score-trend-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-lg bg-[var(--surface-muted)]" data-testid="score-trend-placeholder" />,
});
