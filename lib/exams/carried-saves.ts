// What the saves a submit carries do to an attempt's items, judged from one read
// of them by the rules of the save statement (save-statement.ts): a save's keys
// must belong to its item and be no more than it asks for, or the whole submit
// is refused; a save applies when its item is not checked yet and its sequence
// number is newer than the item's; otherwise it is reported stale or locked.
// Saves are taken in order, so a later save of the same item judges against
// the one before it. The submit's fast path (submit-attempt.ts) grades from
// this and writes it only if the items are still as read. Pure.
import { AppError } from "@/lib/app-error";
import type { AnswerSave } from "./inputs";

/** What judging a save needs of its item. */
export type SaveTarget = { kind: string; choiceOrder: readonly string[]; chooseCount: number; saveSeq: bigint; revealed: boolean };

/** Why a save can never be applied to its item (absent, foreign keys, too many), or null. */
export function saveProblem(save: Pick<AnswerSave, "position" | "chosenKeys">, item: Omit<SaveTarget, "saveSeq" | "revealed"> | undefined): AppError | null {
  const question = `Question ${save.position + 1}`;
  if (!item) return new AppError("INVALID", `${question} is not part of this attempt.`);
  const unknown = item.kind === "CHOICE" ? save.chosenKeys.filter((k) => !item.choiceOrder.includes(k)) : [];
  if (unknown.length) return new AppError("INVALID", `${question} has no choice ${unknown.join(", ")}.`);
  if (save.chosenKeys.length > item.chooseCount) {
    return new AppError("INVALID", `${question} asks for ${item.chooseCount} choice${item.chooseCount === 1 ? "" : "s"}.`);
  }
  return null;
}

/** What became of a save: applied, older than what the item holds, or refused because the item was checked already. */
export type SaveResult = { position: number; status: "saved" | "stale" | "locked"; seq: string };

export type CarriedSaves = {
  /** Each save's outcome, by position (a position's saves in the order sent). */
  results: SaveResult[];
  /** Per position, what the item holds once the saves are applied; only positions a save changed. */
  applied: Map<number, AnswerSave>;
};

/** Judges `saves` against `items` (by position). Throws INVALID, before anything is applied, if any save can never be. */
export function judgeCarriedSaves(items: ReadonlyMap<number, SaveTarget & { timeSpentMs: number }>, saves: readonly AnswerSave[]): CarriedSaves {
  for (const save of saves) {
    const problem = saveProblem(save, items.get(save.position));
    if (problem) throw problem;
  }
  const applied = new Map<number, AnswerSave>();
  const results: SaveResult[] = [];
  for (const save of saves) {
    const item = items.get(save.position)!;
    const before = applied.get(save.position);
    const seq = before?.seq ?? item.saveSeq;
    if (item.revealed) results.push({ position: save.position, status: "locked", seq: seq.toString() });
    else if (save.seq <= seq) results.push({ position: save.position, status: "stale", seq: seq.toString() });
    else {
      const timeSpentMs = Math.max(save.timeSpentMs, before?.timeSpentMs ?? item.timeSpentMs);
      applied.set(save.position, { ...save, timeSpentMs });
      results.push({ position: save.position, status: "saved", seq: save.seq.toString() });
    }
  }
  return { results: results.sort((a, b) => a.position - b.position), applied }; // a stable sort: a position's saves stay in order
}
