// How an item of the content pack is shown and judged in one attempt. Pure.
// An attempt item stores a `choiceOrder` fixed when the attempt starts:
// - single / multiple: the choice keys in the order shown (tokens are the keys);
// - ordering: the content's step keys in the order shown; the student answers
//   with display tokens a, b, c… (by position), because the content lists the
//   steps in the correct order and its keys would give the order away;
// - matching: the content's pair keys in the order their answers are shown;
//   prompts keep their content keys, answers get display tokens a, b, c…;
// - numeric: ["#"].
import type { AnswerKey, ItemKind, ResponseShape } from "./answer-rules";
import { type Random, shuffled } from "./random";

export type ChoiceSnapshot = { key: string; text: string; correct: boolean; explanation: string };
export type PracticeSnapshot = {
  items?: Array<{ key: string; text: string }>;
  pairs?: Array<{ key: string; prompt: string; answer: string }>;
  answer?: number;
  tolerance?: number;
  unit?: string;
  explanation: string;
};
/** A question version as the content sync stored it (QuestionVersion.snapshot). */
export type QuestionSnapshot = {
  type: ItemKind;
  stem: string;
  difficulty: number;
  taskStatement: string;
  topic: string;
  lesson: string;
  references?: string[];
  choices: ChoiceSnapshot[];
  practice: PracticeSnapshot | null;
};

/** What the browser may see of an item before it is answered: no key, no explanation. */
export type ItemDisplay =
  | { kind: "single" | "multiple"; choices: Array<{ key: string; text: string }>; chooseCount: number }
  | { kind: "ordering"; steps: Array<{ key: string; text: string }> }
  | { kind: "matching"; prompts: Array<{ key: string; text: string }>; answers: Array<{ key: string; text: string }> }
  | { kind: "numeric"; unit: string };

export type AttemptItemKind = "CHOICE" | "ORDERING" | "MATCHING" | "NUMERIC";

const TOKENS = "abcdefghij";
const token = (index: number) => TOKENS[index]!;

export function itemKindOf(type: ItemKind): AttemptItemKind {
  return type === "single" || type === "multiple" ? "CHOICE" : (type.toUpperCase() as AttemptItemKind);
}

/** The order fixed for a new attempt item, and how many tokens a whole answer has. */
export function newItemLayout(snapshot: QuestionSnapshot, random: Random): { choiceOrder: string[]; chooseCount: number; kind: AttemptItemKind } {
  const kind = itemKindOf(snapshot.type);
  switch (snapshot.type) {
    case "single":
    case "multiple":
      return { kind, choiceOrder: shuffled(snapshot.choices.map((c) => c.key), random), chooseCount: snapshot.choices.filter((c) => c.correct).length };
    case "ordering": {
      const keys = (snapshot.practice?.items ?? []).map((i) => i.key);
      let order = shuffled(keys, random);
      // Never show the steps already in the right order.
      if (order.length > 1 && order.every((k, i) => k === keys[i])) order = [...order.slice(1), order[0]!];
      return { kind, choiceOrder: order, chooseCount: keys.length };
    }
    case "matching": {
      const keys = (snapshot.practice?.pairs ?? []).map((p) => p.key);
      return { kind, choiceOrder: shuffled(keys, random), chooseCount: keys.length };
    }
    case "numeric":
      return { kind, choiceOrder: ["#"], chooseCount: 1 };
  }
}

/** The item as one attempt shows it, with its response shape and (server-side) its answer key, in display tokens. */
/** What judging an item needs of its question version: no text, no explanation (grading reads only this). */
export type KeySnapshot = {
  type: ItemKind;
  choices: ReadonlyArray<Pick<ChoiceSnapshot, "key" | "correct">>;
  practice: Pick<PracticeSnapshot, "answer" | "tolerance"> & { items?: ReadonlyArray<{ key: string }>; pairs?: ReadonlyArray<{ key: string }> } | null;
};

/** The item's key as this attempt shows it (display tokens for ordering and matching answers). */
export function answerKeyOf(snapshot: KeySnapshot, choiceOrder: readonly string[]): AnswerKey {
  const tokenOf = () => new Map(choiceOrder.map((k, i) => [k, token(i)]));
  switch (snapshot.type) {
    case "single":
    case "multiple":
      return { kind: snapshot.type, correctKeys: snapshot.choices.filter((c) => c.correct).map((c) => c.key) };
    case "ordering": {
      const tokens = tokenOf();
      return { kind: "ordering", order: (snapshot.practice?.items ?? []).map((s) => tokens.get(s.key)!) };
    }
    case "matching": {
      const tokens = tokenOf();
      return { kind: "matching", pairs: Object.fromEntries((snapshot.practice?.pairs ?? []).map((p) => [p.key, tokens.get(p.key)!])) };
    }
    case "numeric":
      return { kind: "numeric", answer: snapshot.practice?.answer ?? Number.NaN, tolerance: snapshot.practice?.tolerance ?? 0 };
  }
}

export function presentItem(snapshot: QuestionSnapshot, choiceOrder: readonly string[]): { display: ItemDisplay; shape: ResponseShape; key: AnswerKey } {
  const key = answerKeyOf(snapshot, choiceOrder);
  switch (snapshot.type) {
    case "single":
    case "multiple": {
      const byKey = new Map(snapshot.choices.map((c) => [c.key, c]));
      const chooseCount = snapshot.choices.filter((c) => c.correct).length;
      const kind = snapshot.type;
      return {
        display: { kind, chooseCount, choices: choiceOrder.map((k) => ({ key: k, text: byKey.get(k)?.text ?? "" })) },
        shape: { kind, keys: [...choiceOrder], chooseCount },
        key,
      };
    }
    case "ordering": {
      const text = new Map((snapshot.practice?.items ?? []).map((s) => [s.key, s.text]));
      return {
        display: { kind: "ordering", steps: choiceOrder.map((k, i) => ({ key: token(i), text: text.get(k) ?? "" })) },
        shape: { kind: "ordering", keys: choiceOrder.map((_, i) => token(i)) },
        key,
      };
    }
    case "matching": {
      const pairs = snapshot.practice?.pairs ?? [];
      const byKey = new Map(pairs.map((p) => [p.key, p]));
      return {
        display: {
          kind: "matching",
          prompts: pairs.map((p) => ({ key: p.key, text: p.prompt })),
          answers: choiceOrder.map((k, i) => ({ key: token(i), text: byKey.get(k)?.answer ?? "" })),
        },
        shape: { kind: "matching", prompts: pairs.map((p) => p.key), answers: choiceOrder.map((_, i) => token(i)) },
        key,
      };
    }
    case "numeric":
      return { display: { kind: "numeric", unit: snapshot.practice?.unit ?? "" }, shape: { kind: "numeric" }, key };
  }
}
