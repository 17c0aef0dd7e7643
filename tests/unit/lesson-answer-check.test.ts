import { describe, expect, test } from "vitest";
import { gradeChosenKeys, requiredChoiceCount, reviewChosenKeys } from "@/lib/lessons/answer-check";

const single = ["a", "b", "c", "d"].map((key) => ({ key, correct: key === "b" }));
const multiple = ["a", "b", "c", "d", "e"].map((key) => ({ key, correct: key === "a" || key === "d" }));
const multipleOfThree = ["a", "b", "c", "d", "e", "f"].map((key) => ({ key, correct: ["b", "c", "f"].includes(key) }));

describe("requiredChoiceCount", () => {
  test.each([
    { name: "single", choices: single, count: 1 },
    { name: "choose two", choices: multiple, count: 2 },
    { name: "choose three", choices: multipleOfThree, count: 3 },
  ])("$name", ({ choices, count }) => {
    expect(requiredChoiceCount(choices)).toBe(count);
  });
});

describe("reviewChosenKeys", () => {
  test.each([
    { name: "single, one valid key", choices: single, chosen: ["a"], problem: null },
    { name: "multiple, exactly N keys", choices: multiple, chosen: ["a", "e"], problem: null },
    { name: "multiple, fewer than N keys is still checkable (graded wrong)", choices: multiple, chosen: ["a"], problem: null },
    { name: "nothing chosen", choices: single, chosen: [], problem: "NO_KEYS" },
    { name: "the same key twice", choices: multiple, chosen: ["a", "a"], problem: "DUPLICATE_KEYS" },
    { name: "a key the question does not have", choices: single, chosen: ["e"], problem: "FOREIGN_KEYS" },
    { name: "a foreign key among valid ones", choices: multiple, chosen: ["a", "z"], problem: "FOREIGN_KEYS" },
    { name: "two keys for a single-answer question", choices: single, chosen: ["a", "b"], problem: "TOO_MANY_KEYS" },
    { name: "three keys for choose two", choices: multiple, chosen: ["a", "b", "d"], problem: "TOO_MANY_KEYS" },
    { name: "every key for choose three", choices: multipleOfThree, chosen: ["a", "b", "c", "d", "e", "f"], problem: "TOO_MANY_KEYS" },
  ])("$name", ({ choices, chosen, problem }) => {
    expect(reviewChosenKeys(choices, chosen)).toBe(problem);
  });
});

describe("gradeChosenKeys", () => {
  test.each([
    { name: "single right", choices: single, chosen: ["b"], correct: true, correctKeys: ["b"] },
    { name: "single wrong", choices: single, chosen: ["c"], correct: false, correctKeys: ["b"] },
    { name: "multiple, both right", choices: multiple, chosen: ["a", "d"], correct: true, correctKeys: ["a", "d"] },
    { name: "multiple, both right in another order", choices: multiple, chosen: ["d", "a"], correct: true, correctKeys: ["a", "d"] },
    { name: "multiple, half right is all wrong", choices: multiple, chosen: ["a", "b"], correct: false, correctKeys: ["a", "d"] },
    { name: "multiple, one of two right keys only", choices: multiple, chosen: ["d"], correct: false, correctKeys: ["a", "d"] },
    { name: "multiple, all wrong", choices: multiple, chosen: ["b", "c"], correct: false, correctKeys: ["a", "d"] },
    { name: "choose three, all right", choices: multipleOfThree, chosen: ["f", "b", "c"], correct: true, correctKeys: ["b", "c", "f"] },
    { name: "choose three, extra wrong key", choices: multipleOfThree, chosen: ["b", "c", "f", "a"], correct: false, correctKeys: ["b", "c", "f"] },
    { name: "nothing chosen", choices: single, chosen: [], correct: false, correctKeys: ["b"] },
    { name: "a question without a correct choice is never right", choices: single.map((c) => ({ ...c, correct: false })), chosen: [], correct: false, correctKeys: [] },
  ])("$name", ({ choices, chosen, correct, correctKeys }) => {
    expect(gradeChosenKeys(choices, chosen)).toEqual({ correct, correctKeys });
  });
});
