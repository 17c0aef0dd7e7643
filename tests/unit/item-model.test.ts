import { describe, expect, test } from "vitest";
import { isResponseCorrect } from "@/lib/exams/answer-rules";
import { type QuestionSnapshot, newItemLayout, presentItem } from "@/lib/exams/item-model";
import { questionTextBlocks } from "@/lib/exams/question-text";
import { seededRandom } from "@/lib/exams/random";

const base = { stem: "s", difficulty: 2, taskStatement: "3.4", topic: "codedeploy", lesson: "x", choices: [] };
const ordering: QuestionSnapshot = {
  ...base,
  type: "ordering",
  practice: { items: ["ApplicationStop", "BeforeInstall", "AfterInstall", "ApplicationStart"].map((text, i) => ({ key: "abcd"[i]!, text })), explanation: "e" },
};
const matching: QuestionSnapshot = {
  ...base,
  type: "matching",
  practice: { pairs: [{ key: "a", prompt: "Fan out", answer: "SNS" }, { key: "b", prompt: "Queue", answer: "SQS" }, { key: "c", prompt: "Stream", answer: "Kinesis" }], explanation: "e" },
};

describe("ordering and matching items never give their answer away in the browser", () => {
  test.each(["seed-1", "seed-2", "seed-3", "seed-4"])("ordering, %s: shown out of order, answered by position tokens", (seed) => {
    const layout = newItemLayout(ordering, seededRandom(seed));
    expect(layout.choiceOrder).not.toEqual(["a", "b", "c", "d"]);
    const { display, key } = presentItem(ordering, layout.choiceOrder);
    if (display.kind !== "ordering") throw new Error();
    expect(display.steps.map((s) => s.key)).toEqual(["a", "b", "c", "d"]); // tokens by position: no information
    // Answering the steps in their true order, through the tokens, is right.
    const byText = new Map(display.steps.map((s) => [s.text, s.key]));
    const right = ordering.practice!.items!.map((i) => byText.get(i.text)!);
    expect(isResponseCorrect(key, right)).toBe(true);
    expect(isResponseCorrect(key, ["a", "b", "c", "d"])).toBe(false);
  });

  test("matching: answers carry position tokens, not the pair keys", () => {
    const layout = newItemLayout(matching, seededRandom("m"));
    const { display, key } = presentItem(matching, layout.choiceOrder);
    if (display.kind !== "matching") throw new Error();
    const tokenOf = new Map(display.answers.map((a) => [a.text, a.key]));
    const right = matching.practice!.pairs!.map((p) => `${p.key}:${tokenOf.get(p.answer)}`);
    expect(isResponseCorrect(key, right)).toBe(true);
    expect(display.answers.map((a) => a.key)).toEqual(["a", "b", "c"]);
  });
});

describe("question text (defect 2: stems broke mid-sentence)", () => {
  test.each([
    { name: "source line wraps are spaces", text: "A developer deploys\na function and sees\nerrors.", expected: [{ kind: "paragraph", runs: [{ code: false, text: "A developer deploys a function and sees errors." }] }] },
    { name: "a blank line starts a paragraph", text: "One.\n\nTwo.", expected: [{ kind: "paragraph", runs: [{ code: false, text: "One." }] }, { kind: "paragraph", runs: [{ code: false, text: "Two." }] }] },
    { name: "backticks mark code", text: "Set `MaxAge` now.", expected: [{ kind: "paragraph", runs: [{ code: false, text: "Set " }, { code: true, text: "MaxAge" }, { code: false, text: " now." }] }] },
    { name: "a fence keeps its lines", text: "Policy:\n```json\n{\n  \"a\": 1\n}\n```\nWhy?", expected: [{ kind: "paragraph", runs: [{ code: false, text: "Policy:" }] }, { kind: "code", text: "{\n  \"a\": 1\n}" }, { kind: "paragraph", runs: [{ code: false, text: "Why?" }] }] },
  ])("$name", ({ text, expected }) => {
    expect(questionTextBlocks(text)).toEqual(expected);
  });
});
