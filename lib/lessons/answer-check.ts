// Checking a student's answer to a lesson's exam question. Pure: no framework
// or database imports. Multiple response is all-or-nothing, as on the exam.

export type CheckChoice = { key: string; correct: boolean };

export type ChosenKeysProblem = "NO_KEYS" | "DUPLICATE_KEYS" | "FOREIGN_KEYS" | "TOO_MANY_KEYS";

/** How many choices the student must pick: the number of correct choices. */
export function requiredChoiceCount(choices: readonly CheckChoice[]): number {
  return choices.filter((choice) => choice.correct).length;
}

/** Why a set of chosen keys cannot be checked against this question, or null when it can. */
export function reviewChosenKeys(choices: readonly CheckChoice[], chosenKeys: readonly string[]): ChosenKeysProblem | null {
  if (chosenKeys.length === 0) return "NO_KEYS";
  if (new Set(chosenKeys).size !== chosenKeys.length) return "DUPLICATE_KEYS";
  const keys = new Set(choices.map((choice) => choice.key));
  if (chosenKeys.some((key) => !keys.has(key))) return "FOREIGN_KEYS";
  if (chosenKeys.length > requiredChoiceCount(choices)) return "TOO_MANY_KEYS";
  return null;
}

export const CHOSEN_KEYS_MESSAGES: Record<ChosenKeysProblem, string> = {
  NO_KEYS: "Choose an answer first.",
  DUPLICATE_KEYS: "Choose each answer only once.",
  FOREIGN_KEYS: "That answer is not one of this question's choices.",
  TOO_MANY_KEYS: "You chose more answers than the question asks for.",
};

/** Right only when the chosen keys are exactly the correct keys. Correct keys come back in choice order. */
export function gradeChosenKeys(
  choices: readonly CheckChoice[],
  chosenKeys: readonly string[],
): { correct: boolean; correctKeys: string[] } {
  const correctKeys = choices.filter((choice) => choice.correct).map((choice) => choice.key);
  const chosen = new Set(chosenKeys);
  const correct = correctKeys.length > 0 && chosen.size === correctKeys.length && correctKeys.every((key) => chosen.has(key));
  return { correct, correctKeys };
}
