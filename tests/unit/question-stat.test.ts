import { describe, expect, test } from "vitest";
import { type QuestionAggregates, type QuestionFacts, guessOf, questionStatOf } from "@/lib/insights/question-stat";
import { fitDifficulty, abilityFromRestScore } from "@/lib/insights/rasch";

const single: QuestionFacts = {
  id: "q1",
  type: "SINGLE",
  difficulty: 2,
  choices: [
    { key: "a", correct: true },
    { key: "b", correct: false },
    { key: "c", correct: false },
    { key: "d", correct: false },
  ],
};
const aggregates = (over: Partial<QuestionAggregates> = {}): QuestionAggregates => ({
  answers: 40,
  right: 30,
  students: 35,
  discrimination: 0.4,
  choiceCounts: { a: 30, b: 6, c: 4, d: 1 },
  restGroups: [
    { restRight: 40, restTotal: 64, answers: 20, right: 18 },
    { restRight: 25, restTotal: 64, answers: 20, right: 12 },
  ],
  ...over,
});

describe("a question's bank-wide row", () => {
  test("facility, counts and the fit from the rest-score groups", () => {
    const row = questionStatOf(single, aggregates());
    expect(row).toMatchObject({ questionId: "q1", answerCount: 40, rightCount: 30, facility: 0.75, answeredByCount: 35, discrimination: 0.4, fitAnswerCount: 40, flags: [] });
    const expected = fitDifficulty(
      [
        { theta: abilityFromRestScore(40, 64), answers: 20, right: 18 },
        { theta: abilityFromRestScore(25, 64), answers: 20, right: 12 },
      ],
      { prior: 0, guess: 0.25 },
    );
    expect(row.fittedDifficulty).toBe(expected.difficulty);
    expect(row.fittedDifficultySe).toBe(expected.se);
  });

  test.each([
    { name: "no answers", over: { answers: 0, right: 0, students: 0, discrimination: null, choiceCounts: {}, restGroups: [] }, facility: null, flags: [] },
    { name: "too few answers for flags", over: { answers: 4, right: 4, discrimination: null, choiceCounts: { a: 4 }, restGroups: [] }, facility: 1, flags: [] },
    { name: "negative discrimination", over: { discrimination: -0.1 }, facility: 0.75, flags: ["NEGATIVE_DISCRIMINATION"] },
    { name: "low discrimination", over: { discrimination: 0.1 }, facility: 0.75, flags: ["LOW_DISCRIMINATION"] },
    { name: "all right: no variance, low", over: { right: 40, discrimination: null, choiceCounts: { a: 40 } }, facility: 1, flags: ["LOW_DISCRIMINATION", "UNUSED_DISTRACTOR"] },
    { name: "a distractor nobody picks", over: { choiceCounts: { a: 30, b: 10 } }, facility: 0.75, flags: ["UNUSED_DISTRACTOR"] },
  ])("$name", ({ over, facility, flags }) => {
    const row = questionStatOf(single, aggregates(over as Partial<QuestionAggregates>));
    expect(row.facility).toBe(facility);
    expect(row.flags).toEqual(flags);
  });

  test("picks list every key, zero for the unpicked", () => {
    expect(questionStatOf(single, aggregates({ choiceCounts: { a: 3 } })).choiceCounts).toEqual({ a: 3, b: 0, c: 0, d: 0 });
  });

  test("no fit under 30 answers in the fit", () => {
    const row = questionStatOf(single, aggregates({ restGroups: [{ restRight: 30, restTotal: 64, answers: 29, right: 20 }] }));
    expect(row).toMatchObject({ fittedDifficulty: null, fittedDifficultySe: null, fitAnswerCount: 29 });
  });

  test.each([
    { q: single, guess: 0.25 },
    { q: { ...single, type: "MULTIPLE" as const, choices: ["a", "b", "c", "d", "e"].map((key, i) => ({ key, correct: i < 2 })) }, guess: 0.1 },
    { q: { ...single, type: "NUMERIC" as const, choices: [] }, guess: 0 },
  ])("guessing chance of a $q.type question: $guess", ({ q, guess }) => {
    expect(guessOf(q)).toBeCloseTo(guess, 10);
  });
});
