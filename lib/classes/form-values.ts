// What the assignment form shows, as plain strings (client-safe: no zod, no
// server imports). The server reads the same names in inputs.ts.
import type { ReviewContent, ReviewTiming } from "./assignment-terms";

export type AssignmentFormValues = {
  title: string;
  kind: "mock" | "scoped";
  domains: string[];
  taskStatements: string[];
  topics: string[];
  questionCount: string;
  /** Wall-clock times in the instructor's zone ("2026-12-10T17:00"). */
  opensAt: string;
  dueAt: string;
  timed: boolean;
  timeLimitMinutes: string;
  attemptsAllowed: string;
  reviewContent: ReviewContent;
  reviewTiming: ReviewTiming;
};

export type ScopeCatalogue = Array<{
  number: number;
  title: string;
  taskStatements: Array<{ code: string; title: string; topics: Array<{ id: string; title: string }> }>;
}>;

export const REVIEW_CONTENT_LABELS: Record<ReviewContent, string> = {
  SCORE: "Score only",
  SCORE_AND_DOMAINS: "Score and per-domain results",
  FULL: "Full review with answers and explanations",
};

export const REVIEW_TIMING_LABELS: Record<ReviewTiming, string> = {
  IMMEDIATELY: "As soon as they submit",
  AFTER_DUE: "After the due time",
};

/** "1 h 30 min", "45 min", "untimed". */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return "untimed";
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
