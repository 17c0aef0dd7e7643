import { describe, expect, test } from "vitest";
import {
  type AnswerKey,
  type ResponseShape,
  correctResponse,
  guessChanceOf,
  isResponseComplete,
  isResponseCorrect,
  responseProblem,
  responseProgress,
} from "@/lib/exams/answer-rules";

const single: ResponseShape = { kind: "single", keys: ["a", "b", "c", "d"], chooseCount: 1 };
const multiple: ResponseShape = { kind: "multiple", keys: ["a", "b", "c", "d", "e"], chooseCount: 3 };
const ordering: ResponseShape = { kind: "ordering", keys: ["a", "b", "c"] };
const matching: ResponseShape = { kind: "matching", prompts: ["a", "b"], answers: ["a", "b"] };
const numeric: ResponseShape = { kind: "numeric" };

describe("progress and completeness (defect 1: a partly answered multiple response is not answered)", () => {
  test.each([
    { name: "nothing chosen", shape: multiple, response: [], state: "unanswered", label: "Not answered" },
    { name: "multiple response half done", shape: multiple, response: ["a"], state: "incomplete", label: "1 of 3 chosen" },
    { name: "multiple response two of three", shape: multiple, response: ["a", "c"], state: "incomplete", label: "2 of 3 chosen" },
    { name: "multiple response complete", shape: multiple, response: ["a", "c", "e"], state: "complete", label: "Answered" },
    { name: "single", shape: single, response: ["b"], state: "complete", label: "Answered" },
    { name: "ordering partly placed", shape: ordering, response: ["b"], state: "incomplete", label: "1 of 3 placed" },
    { name: "ordering complete", shape: ordering, response: ["b", "a", "c"], state: "complete", label: "Answered" },
    { name: "matching one of two", shape: matching, response: ["a:b"], state: "incomplete", label: "1 of 2 matched" },
    { name: "numeric", shape: numeric, response: ["40"], state: "complete", label: "Answered" },
  ])("$name → $label", ({ shape, response, state, label }) => {
    expect(responseProgress(shape, response)).toEqual({ state, label });
    expect(isResponseComplete(shape, response)).toBe(state === "complete");
  });
});

describe("acceptable responses", () => {
  test.each([
    { name: "empty clears an answer", shape: multiple, response: [], code: null },
    { name: "a key the question lacks", shape: single, response: ["f"], code: "FOREIGN" },
    { name: "more keys than asked", shape: multiple, response: ["a", "b", "c", "d"], code: "TOO_MANY" },
    { name: "a key twice", shape: multiple, response: ["a", "a"], code: "DUPLICATE" },
    { name: "an ordering step that is not there", shape: ordering, response: ["d"], code: "FOREIGN" },
    { name: "a matching prompt twice", shape: matching, response: ["a:a", "a:b"], code: "DUPLICATE" },
    { name: "a malformed matching token", shape: matching, response: ["ab"], code: "FOREIGN" },
    { name: "text where a number belongs", shape: numeric, response: ["forty"], code: "NOT_A_NUMBER" },
    { name: "two numbers", shape: numeric, response: ["1", "2"], code: "TOO_MANY" },
    { name: "a negative decimal", shape: numeric, response: ["-2.5"], code: null },
  ])("$name → $code", ({ shape, response, code }) => {
    expect(responseProblem(shape, response)?.code ?? null).toBe(code);
  });
});

describe("right or wrong", () => {
  const mKey: AnswerKey = { kind: "multiple", correctKeys: ["a", "c", "e"] };
  const oKey: AnswerKey = { kind: "ordering", order: ["c", "a", "b"] };
  const pKey: AnswerKey = { kind: "matching", pairs: { a: "b", b: "a" } };
  const nKey: AnswerKey = { kind: "numeric", answer: 40, tolerance: 0.5 };
  test.each([
    { name: "multiple: all three, any order", key: mKey, response: ["e", "a", "c"], correct: true },
    { name: "multiple: two of three is wrong", key: mKey, response: ["a", "c"], correct: false },
    { name: "multiple: a wrong one swapped in", key: mKey, response: ["a", "c", "d"], correct: false },
    { name: "unanswered is wrong", key: mKey, response: [], correct: false },
    { name: "ordering in order", key: oKey, response: ["c", "a", "b"], correct: true },
    { name: "ordering one swap", key: oKey, response: ["a", "c", "b"], correct: false },
    { name: "matching all right", key: pKey, response: ["b:a", "a:b"], correct: true },
    { name: "matching one wrong", key: pKey, response: ["a:a", "b:b"], correct: false },
    { name: "numeric inside tolerance", key: nKey, response: ["40.5"], correct: true },
    { name: "numeric just outside", key: nKey, response: ["40.6"], correct: false },
  ])("$name", ({ key, response, correct }) => {
    expect(isResponseCorrect(key, response)).toBe(correct);
  });

  test("the correct response of every kind is itself judged right", () => {
    for (const key of [mKey, oKey, pKey, nKey]) expect(isResponseCorrect(key, correctResponse(key))).toBe(true);
  });
});

describe("guess chance", () => {
  test.each([
    { shape: single, chance: 1 / 4 },
    { shape: multiple, chance: 1 / 10 },
    { shape: ordering, chance: 1 / 6 },
    { shape: matching, chance: 1 / 2 },
    { shape: numeric, chance: 0 },
  ])("$shape.kind → $chance", ({ shape, chance }) => {
    expect(guessChanceOf(shape)).toBeCloseTo(chance, 10);
  });
});
