import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/app-error";
import { judgeCarriedSaves, saveProblem } from "@/lib/exams/carried-saves";
import { type AnswerSave, answerSaveSchema } from "@/lib/exams/inputs";

const save = (position: number, chosenKeys: string[], seq: number, timeSpentMs = 1_000): AnswerSave =>
  answerSaveSchema.parse({ position, chosenKeys, flagged: false, unsure: false, timeSpentMs, seq });

const choice = (saveSeq: bigint, extra: { chooseCount?: number; revealed?: boolean; timeSpentMs?: number } = {}) => ({
  kind: "CHOICE",
  choiceOrder: ["c", "a", "d", "b"],
  chooseCount: extra.chooseCount ?? 1,
  saveSeq,
  revealed: extra.revealed ?? false,
  timeSpentMs: extra.timeSpentMs ?? 0,
});

const items = new Map([
  [0, choice(0n)],
  [1, choice(20n, { chooseCount: 2, timeSpentMs: 5_000 })],
  [2, choice(3n, { revealed: true })],
  [3, { kind: "ORDERING", choiceOrder: ["a", "b", "c"], chooseCount: 3, saveSeq: 0n, revealed: false, timeSpentMs: 0 }],
]);

const invalid = (fn: () => unknown, message: string) =>
  expect(fn).toThrow(expect.objectContaining({ code: "INVALID", message }) as unknown as AppError);

describe("judgeCarriedSaves", () => {
  test("a newer save applies, an older or equal one is stale and reports what the item holds", () => {
    const { results, applied } = judgeCarriedSaves(items, [save(0, ["a"], 7), save(1, ["a"], 20), save(1, ["b"], 19)]);
    expect(results).toEqual([
      { position: 0, status: "saved", seq: "7" },
      { position: 1, status: "stale", seq: "20" },
      { position: 1, status: "stale", seq: "20" },
    ]);
    expect([...applied.keys()]).toEqual([0]);
    expect(applied.get(0)).toMatchObject({ chosenKeys: ["a"], seq: 7n });
  });

  test("a checked item's save is locked, whatever its sequence number", () => {
    const { results, applied } = judgeCarriedSaves(items, [save(2, ["c"], 99)]);
    expect(results).toEqual([{ position: 2, status: "locked", seq: "3" }]);
    expect(applied.size).toBe(0);
  });

  test("saves of one item are taken in order: each judged against the one before, the last applied one wins", () => {
    const { results, applied } = judgeCarriedSaves(items, [save(0, ["a"], 7, 4_000), save(0, ["d"], 6), save(0, ["b"], 9, 2_000)]);
    expect(results).toEqual([
      { position: 0, status: "saved", seq: "7" },
      { position: 0, status: "stale", seq: "7" },
      { position: 0, status: "saved", seq: "9" },
    ]);
    // Time spent never goes down: the most of the item's and every applied save's.
    expect(applied.get(0)).toMatchObject({ chosenKeys: ["b"], seq: 9n, timeSpentMs: 4_000 });
  });

  test("time spent keeps the item's own when it is more", () => {
    expect(judgeCarriedSaves(items, [save(1, ["a", "b"], 21, 1_000)]).applied.get(1)!.timeSpentMs).toBe(5_000);
  });

  test("results come by position", () => {
    expect(judgeCarriedSaves(items, [save(3, ["b", "a", "c"], 1), save(0, [], 1)]).results.map((r) => r.position)).toEqual([0, 3]);
  });

  test("one save that can never be applied refuses them all, before anything is judged", () => {
    invalid(() => judgeCarriedSaves(items, [save(0, ["a"], 7), save(1, ["a", "j"], 30)]), "Question 2 has no choice j.");
    invalid(() => judgeCarriedSaves(items, [save(0, ["a", "b"], 7)]), "Question 1 asks for 1 choice.");
    invalid(() => judgeCarriedSaves(items, [save(9, ["a"], 7)]), "Question 10 is not part of this attempt.");
    // A stale save is still checked: a foreign key is never merely stale.
    invalid(() => judgeCarriedSaves(items, [save(1, ["i"], 1)]), "Question 2 has no choice i.");
  });

  test("no saves, nothing applied", () => {
    expect(judgeCarriedSaves(items, [])).toEqual({ results: [], applied: new Map() });
  });
});

describe("saveProblem", () => {
  test("keys outside the choice order are foreign to a choice item only", () => {
    expect(saveProblem(save(3, ["b", "a", "c"], 1), items.get(3))).toBeNull();
    expect(saveProblem(save(0, ["h"], 1), items.get(0))?.message).toBe("Question 1 has no choice h.");
  });

  test("a multiple-response item says how many it asks for", () => {
    expect(saveProblem(save(1, ["a", "b", "c"], 1), items.get(1))?.message).toBe("Question 2 asks for 2 choices.");
    expect(saveProblem(save(1, ["a", "b"], 1), items.get(1))).toBeNull();
  });
});
