// Where the mock-score chart puts things, in percent of its plot area. Pure:
// the chart (score-trend.tsx) is drawn on the server from these numbers, with
// no chart library and no JavaScript in the browser.
import { PASSING_SCALED, SCALED_MAX, SCALED_MIN } from "@/lib/exams/scaled-score";

export const SCORE_TICKS = [SCALED_MIN, 400, PASSING_SCALED, SCALED_MAX] as const;

/** Height of a scaled score above the plot's bottom, in percent (100 → 0, 1000 → 100; clamped). */
export function scoreHeight(score: number): number {
  const clamped = Math.min(SCALED_MAX, Math.max(SCALED_MIN, score));
  return ((clamped - SCALED_MIN) / (SCALED_MAX - SCALED_MIN)) * 100;
}

/** Distance of point `index` of `count` from the plot's left edge, in percent; one point sits in the middle. */
export function pointLeft(index: number, count: number): number {
  return count <= 1 ? 50 : (index / (count - 1)) * 100;
}

/**
 * Which points get an x-axis label: all of them up to `most`, else `most`
 * spread evenly, always the first and the last (labels never crowd a phone).
 */
export function labelledIndexes(count: number, most = 6): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (most - 1);
  return [...new Set(Array.from({ length: most }, (_, i) => Math.round(i * step)))];
}
