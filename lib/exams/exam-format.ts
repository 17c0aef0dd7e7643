// The DVA-C02 exam format and the app's exam rules, in one place. Pure.
// (content/dva-c02/blueprint.yaml carries the same facts for the Learn pages;
// the content check keeps the two in agreement.)

export const EXAM_FORMAT = {
  /** Questions in a full mock, as on the real exam. */
  questionCount: 65,
  /** Minutes for a full mock, as on the real exam. */
  minutes: 130,
  scaledMin: 100,
  scaledMax: 1000,
  /** The pass mark on the scaled score. */
  passingScaled: 720,
} as const;

/** Seconds after the deadline during which answers already in flight are still accepted. */
export const DEFAULT_GRACE_SECONDS = 10;

/** A final mock draws from the held-back pool: at most this many per student (the pool holds two mocks' worth). */
export const FINAL_MOCKS_PER_STUDENT = 2;
