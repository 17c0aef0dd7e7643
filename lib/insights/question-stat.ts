// One question's bank-wide statistics from the aggregates the refresh job reads
// (docs/item-analysis.md, "Bank-wide statistics"). Pure: counts in, a row out.
import { guessChanceOf } from "@/lib/exams/answer-rules";
import { difficultyLogit } from "@/lib/learning/mastery";
import { LOW_DISCRIMINATION, MIN_ATTEMPTS_FOR_FLAGS } from "./item-analysis";
import { MIN_ANSWERS_FOR_FIT, abilityFromRestScore, fitDifficulty } from "./rasch";

/** The attempts whose answers count: timed, no feedback until the end, a whole test to score the rest against. */
export const STAT_MODES = ["MOCK", "FINAL_MOCK", "ASSIGNMENT"] as const;
/** Discrimination and the fit use attempts of at least this many questions (a shorter rest score says too little about the student). */
export const MIN_QUESTIONS_FOR_TOTAL = 10;

export type QuestionStatFlag = "NEGATIVE_DISCRIMINATION" | "LOW_DISCRIMINATION" | "UNUSED_DISTRACTOR";
export const QUESTION_STAT_FLAGS: readonly QuestionStatFlag[] = ["NEGATIVE_DISCRIMINATION", "LOW_DISCRIMINATION", "UNUSED_DISTRACTOR"];

export type QuestionFacts = {
  id: string;
  type: "SINGLE" | "MULTIPLE" | "ORDERING" | "MATCHING" | "NUMERIC";
  /** Authored 1–3. */
  difficulty: number;
  choices: ReadonlyArray<{ key: string; correct: boolean }>;
};

export type QuestionAggregates = {
  answers: number;
  right: number;
  students: number;
  /** corr(item score, rest-of-attempt share right) over attempts of MIN_QUESTIONS_FOR_TOTAL+ questions; null without variance. */
  discrimination: number | null;
  choiceCounts: Record<string, number>;
  /** Answers grouped by the rest of their attempt: right of the other `restTotal` questions. */
  restGroups: Array<{ restRight: number; restTotal: number; answers: number; right: number }>;
};

export type QuestionStatRow = {
  questionId: string;
  answerCount: number;
  rightCount: number;
  facility: number | null;
  answeredByCount: number;
  discrimination: number | null;
  choiceCounts: Record<string, number>;
  fittedDifficulty: number | null;
  fittedDifficultySe: number | null;
  fitAnswerCount: number;
  flags: QuestionStatFlag[];
};

/** The chance of a complete guess being right, as the learning model counts it. */
export function guessOf(question: Pick<QuestionFacts, "type" | "choices">): number {
  if (question.type === "SINGLE" || question.type === "MULTIPLE") {
    return guessChanceOf({
      kind: question.type === "SINGLE" ? "single" : "multiple",
      keys: question.choices.map((c) => c.key),
      chooseCount: Math.max(1, question.choices.filter((c) => c.correct).length),
    });
  }
  return 0;
}

export function questionStatOf(question: QuestionFacts, aggregates: QuestionAggregates): QuestionStatRow {
  const fitAnswerCount = aggregates.restGroups.reduce((n, g) => n + g.answers, 0);
  const fit =
    fitAnswerCount >= MIN_ANSWERS_FOR_FIT
      ? fitDifficulty(
          aggregates.restGroups.map((g) => ({ theta: abilityFromRestScore(g.restRight, g.restTotal), answers: g.answers, right: g.right })),
          { prior: difficultyLogit(question.difficulty), guess: guessOf(question) },
        )
      : null;
  const choiceCounts = Object.fromEntries(question.choices.map((c) => [c.key, aggregates.choiceCounts[c.key] ?? 0]));
  const flags: QuestionStatFlag[] = [];
  if (aggregates.answers >= MIN_ATTEMPTS_FOR_FLAGS) {
    const d = aggregates.discrimination;
    if (d !== null && d < 0) flags.push("NEGATIVE_DISCRIMINATION");
    else if (d === null || d < LOW_DISCRIMINATION) flags.push("LOW_DISCRIMINATION");
    if (question.choices.some((c) => !c.correct && choiceCounts[c.key] === 0)) flags.push("UNUSED_DISTRACTOR");
  }
  return {
    questionId: question.id,
    answerCount: aggregates.answers,
    rightCount: aggregates.right,
    facility: aggregates.answers ? aggregates.right / aggregates.answers : null,
    answeredByCount: aggregates.students,
    discrimination: aggregates.discrimination,
    choiceCounts,
    fittedDifficulty: fit?.difficulty ?? null,
    fittedDifficultySe: fit?.se ?? null,
    fitAnswerCount,
    flags,
  };
}
