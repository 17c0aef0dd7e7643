import { describe, expect, test } from "vitest";
import { reviewAnswerSchema } from "@/lib/learning/review-validation";

const valid = { questionId: "q-kms-envelope-encryption-001", due: "2026-04-10T09:00:00.000Z", version: 2, response: ["b"] };

describe("reviewAnswerSchema: an answer to a due card of any item kind", () => {
  test.each([
    { name: "a choice", input: valid, ok: true },
    { name: "a practice item's id with an ordering", input: { ...valid, questionId: "p-kms-envelope-encryption-001", response: ["c", "a", "b"] }, ok: true },
    { name: "matching pairs", input: { ...valid, response: ["a:b", "b:a"] }, ok: true },
    { name: "a negative decimal", input: { ...valid, response: ["-2.5"] }, ok: true },
    { name: "no answer", input: { ...valid, response: [] }, ok: false },
    { name: "a token twice", input: { ...valid, response: ["a", "a"] }, ok: false },
    { name: "a token that is no answer", input: { ...valid, response: ["<script>"] }, ok: false },
    { name: "a due that is not a time", input: { ...valid, due: "tomorrow" }, ok: false },
    { name: "no due", input: { questionId: valid.questionId, version: 1, response: ["a"] }, ok: false },
    { name: "a fractional version", input: { ...valid, version: 1.5 }, ok: false },
    { name: "a question id with a path", input: { ...valid, questionId: "../q-1" }, ok: false },
    { name: "negative time spent", input: { ...valid, timeSpentMs: -1 }, ok: false },
  ])("$name", ({ input, ok }) => {
    expect(reviewAnswerSchema.safeParse(input).success).toBe(ok);
  });

  test("unsure and the time spent default to false and 0", () => {
    expect(reviewAnswerSchema.parse(valid)).toMatchObject({ unsure: false, timeSpentMs: 0 });
  });
});
