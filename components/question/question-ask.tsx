// What an item asks for ("Choose 2.", "Put the steps in order.") and how far
// along the answer is ("1 of 2 chosen"), the same in the runner, review cards
// and lesson checks. Also the notice for a full multiple-response question.
import { responseProgress } from "@/lib/exams/answer-rules";
import type { ResponseShape } from "@/lib/exams/answer-rules";
import type { ItemDisplay } from "@/lib/exams/item-model";

export function askFor(display: ItemDisplay): string | null {
  switch (display.kind) {
    case "single":
      return null;
    case "multiple":
      return `Choose ${display.chooseCount}.`;
    case "ordering":
      return "Put the steps in order.";
    case "matching":
      return "Match each item.";
    case "numeric":
      return "Enter a number.";
  }
}

/** Said when a full multiple-response question is asked for one more choice. */
export function fullNotice(display: ItemDisplay, response: readonly string[]): string {
  return `You have chosen ${response.length} of ${display.kind === "multiple" ? display.chooseCount : 1}. Clear one of your choices to pick another.`;
}

export function QuestionAsk({ id, display, shape, response }: { id: string; display: ItemDisplay; shape: ResponseShape; response: readonly string[] }) {
  const ask = askFor(display);
  if (!ask) return null;
  const progress = responseProgress(shape, response);
  return (
    <p className="mt-3 text-sm font-semibold text-brand-800 dark:text-brand-200" id={id}>
      {ask} {progress.state === "incomplete" && <span data-progress>({progress.label})</span>}
      {progress.state === "complete" && display.kind === "multiple" && <span data-progress>({response.length} chosen)</span>}
    </p>
  );
}
