// AWS does not publish how raw scores map to the 100–1000 scale. Stratus uses a
// documented estimate: piecewise linear through 0% → 100, 72% → 720 (the pass
// mark) and 100% → 1000. Pure.
import { EXAM_FORMAT } from "./exam-format";

export const SCALED_MIN = EXAM_FORMAT.scaledMin;
export const SCALED_MAX = EXAM_FORMAT.scaledMax;
export const PASSING_SCALED = EXAM_FORMAT.passingScaled;
/** Where the estimate puts the pass mark on the raw scale (72% → 720). */
export const PASSING_FRACTION = 0.72;

export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return SCALED_MIN;
  const fraction = Math.min(1, Math.max(0, correct / total));
  const scaled =
    fraction <= PASSING_FRACTION
      ? SCALED_MIN + ((PASSING_SCALED - SCALED_MIN) * fraction) / PASSING_FRACTION
      : PASSING_SCALED + ((SCALED_MAX - PASSING_SCALED) * (fraction - PASSING_FRACTION)) / (1 - PASSING_FRACTION);
  return Math.round(scaled);
}

export const isPassing = (scaled: number) => scaled >= PASSING_SCALED;
