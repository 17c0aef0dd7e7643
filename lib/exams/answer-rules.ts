// The one place that knows what an answer looks like for each kind of item,
// whether it is complete, whether it is acceptable and whether it is right.
// Used by the exam runner, grading, practice checks, lesson checks and review
// cards. Pure.
//
// A response is a list of tokens, stored as an attempt item's chosen keys:
// - single / multiple: the chosen choice keys ("b"; "a","d")
// - ordering: every item key, in the order the student put them ("c","a","b")
// - matching: one "prompt:answer" token per prompt ("a:c","b:a")
// - numeric: one decimal number ("40", "2.5")

export type ItemKind = "single" | "multiple" | "ordering" | "matching" | "numeric";

/** What a student may do with an item, without the answer. */
export type ResponseShape =
  | { kind: "single" | "multiple"; keys: readonly string[]; chooseCount: number }
  | { kind: "ordering"; keys: readonly string[] }
  | { kind: "matching"; prompts: readonly string[]; answers: readonly string[] }
  | { kind: "numeric" };

/** The answer itself. */
export type AnswerKey =
  | { kind: "single" | "multiple"; correctKeys: readonly string[] }
  | { kind: "ordering"; order: readonly string[] }
  | { kind: "matching"; pairs: Readonly<Record<string, string>> }
  | { kind: "numeric"; answer: number; tolerance: number };

export type ResponseProblem =
  | { code: "EMPTY"; message: string }
  | { code: "FOREIGN"; message: string }
  | { code: "TOO_MANY"; message: string }
  | { code: "DUPLICATE"; message: string }
  | { code: "NOT_A_NUMBER"; message: string };

const NUMBER = /^-?\d{1,12}(\.\d{1,6})?$/;

export function parseMatchingToken(token: string): { prompt: string; answer: string } | null {
  const m = /^([a-j]):([a-j])$/.exec(token);
  return m ? { prompt: m[1]!, answer: m[2]! } : null;
}

/** Why a response can never be accepted for this item, or null. An empty response is acceptable (it clears the answer). */
export function responseProblem(shape: ResponseShape, response: readonly string[]): ResponseProblem | null {
  if (new Set(response).size !== response.length) return { code: "DUPLICATE", message: "The same answer was sent twice." };
  switch (shape.kind) {
    case "single":
    case "multiple": {
      const foreign = response.filter((k) => !shape.keys.includes(k));
      if (foreign.length) return { code: "FOREIGN", message: `This question has no choice ${foreign.join(", ")}.` };
      if (response.length > shape.chooseCount) {
        return { code: "TOO_MANY", message: `This question asks for ${shape.chooseCount} choice${shape.chooseCount === 1 ? "" : "s"}.` };
      }
      return null;
    }
    case "ordering": {
      const foreign = response.filter((k) => !shape.keys.includes(k));
      if (foreign.length) return { code: "FOREIGN", message: "That is not one of the steps to order." };
      return null;
    }
    case "matching": {
      const seenPrompts = new Set<string>();
      for (const token of response) {
        const pair = parseMatchingToken(token);
        if (!pair || !shape.prompts.includes(pair.prompt) || !shape.answers.includes(pair.answer)) {
          return { code: "FOREIGN", message: "That is not one of the items to match." };
        }
        if (seenPrompts.has(pair.prompt)) return { code: "DUPLICATE", message: "An item was matched twice." };
        seenPrompts.add(pair.prompt);
      }
      return null;
    }
    case "numeric":
      if (response.length > 1) return { code: "TOO_MANY", message: "Enter one number." };
      if (response.length === 1 && !NUMBER.test(response[0]!)) return { code: "NOT_A_NUMBER", message: "Enter a number, like 40 or 2.5." };
      return null;
  }
}

/** True when the student has given a whole answer (every choice asked for, every step placed, every item matched). */
export function isResponseComplete(shape: ResponseShape, response: readonly string[]): boolean {
  if (responseProblem(shape, response)) return false;
  switch (shape.kind) {
    case "single":
    case "multiple":
      return response.length === shape.chooseCount;
    case "ordering":
      return response.length === shape.keys.length;
    case "matching":
      return response.length === shape.prompts.length;
    case "numeric":
      return response.length === 1;
  }
}

export type ResponseProgress = { state: "unanswered" | "incomplete" | "complete"; label: string };

/** How far along an answer is, in words a student reads ("1 of 3 chosen"). */
export function responseProgress(shape: ResponseShape, response: readonly string[]): ResponseProgress {
  if (response.length === 0) return { state: "unanswered", label: "Not answered" };
  if (isResponseComplete(shape, response)) return { state: "complete", label: "Answered" };
  switch (shape.kind) {
    case "multiple":
    case "single":
      return { state: "incomplete", label: `${response.length} of ${shape.chooseCount} chosen` };
    case "ordering":
      return { state: "incomplete", label: `${response.length} of ${shape.keys.length} placed` };
    case "matching":
      return { state: "incomplete", label: `${response.length} of ${shape.prompts.length} matched` };
    case "numeric":
      return { state: "incomplete", label: "Not a number yet" };
  }
}

/** Right or wrong. Multiple response and the practice kinds are all-or-nothing; an incomplete answer is wrong. */
export function isResponseCorrect(key: AnswerKey, response: readonly string[]): boolean {
  if (response.length === 0 || new Set(response).size !== response.length) return false;
  switch (key.kind) {
    case "single":
    case "multiple": {
      if (response.length !== key.correctKeys.length) return false;
      const correct = new Set(key.correctKeys);
      return response.every((k) => correct.has(k));
    }
    case "ordering":
      return response.length === key.order.length && response.every((k, i) => k === key.order[i]);
    case "matching": {
      const prompts = Object.keys(key.pairs);
      if (response.length !== prompts.length) return false;
      return response.every((token) => {
        const pair = parseMatchingToken(token);
        return pair !== null && key.pairs[pair.prompt] === pair.answer;
      });
    }
    case "numeric": {
      if (response.length !== 1 || !NUMBER.test(response[0]!)) return false;
      return Math.abs(Number(response[0]) - key.answer) <= key.tolerance + 1e-9;
    }
  }
}

/** The response that is right, in the same token form (what a reveal shows). */
export function correctResponse(key: AnswerKey): string[] {
  switch (key.kind) {
    case "single":
    case "multiple":
      return [...key.correctKeys];
    case "ordering":
      return [...key.order];
    case "matching":
      return Object.entries(key.pairs).map(([prompt, answer]) => `${prompt}:${answer}`);
    case "numeric":
      return [String(key.answer)];
  }
}

/** Chance of being right by guessing a complete answer (for the learning model). */
export function guessChanceOf(shape: ResponseShape): number {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  switch (shape.kind) {
    case "single":
      return 1 / Math.max(1, shape.keys.length);
    case "multiple": {
      let c = 1;
      for (let i = 1; i <= shape.chooseCount; i++) c = (c * (shape.keys.length - shape.chooseCount + i)) / i;
      return 1 / c;
    }
    case "ordering":
      return 1 / factorial(shape.keys.length);
    case "matching":
      return 1 / factorial(shape.prompts.length);
    case "numeric":
      return 0;
  }
}
