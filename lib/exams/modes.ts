// What each attempt mode means. Pure and free of zod, so client components may
// import it (zod 4 probes `new Function` when a schema is built, which the
// Content-Security-Policy reports as a blocked eval). Inputs are in inputs.ts.

export const ATTEMPT_MODES = ["MOCK", "REVIEW_EXAM", "FINAL_MOCK", "QUIZ", "DRILL", "ASSIGNMENT"] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

export const PRACTICE_SIZES = [5, 10, 15, 20, 30] as const;

/** No feedback until the end (mocks and class assignments) vs an explanation after each answer (everything else). */
export const revealsAsYouGo = (mode: AttemptMode) => mode !== "MOCK" && mode !== "FINAL_MOCK" && mode !== "ASSIGNMENT";
/** Full-length, blueprint-balanced sets of exam-style (single/multiple) questions, as the real exam. */
export const isExamLength = (mode: AttemptMode) => mode === "MOCK" || mode === "FINAL_MOCK" || mode === "REVIEW_EXAM";

/** Which questions a mode may draw: the held-back pool only for the final mock; exam-length sets only scored single/multiple. */
export function drawsFrom(mode: AttemptMode, question: { pool: "MAIN" | "FINAL"; scored: boolean; type: string }): boolean {
  if (isExamLength(mode)) {
    const examStyle = question.type === "single" || question.type === "multiple";
    return examStyle && question.scored && question.pool === (mode === "FINAL_MOCK" ? "FINAL" : "MAIN");
  }
  return question.pool === "MAIN";
}
