"use client";
// The choices of a single- or multiple-response question: radios or
// checkboxes, one list for the runner, review cards, lesson checks and
// results. A full multiple-response question keeps every option focusable and
// clickable: a click on another option says why it did not take (defect 4).
import { cn } from "@/components/ui/cn";
import type { Reveal } from "@/lib/exams/attempt-items";

export const CHOICE_LETTERS = ["A", "B", "C", "D", "E", "F"];

export function ChoiceList({
  name,
  kind,
  choices,
  chooseCount,
  response,
  onChange,
  onFull,
  reveal,
  disabled = false,
  describedBy,
}: {
  name: string;
  kind: "single" | "multiple";
  choices: Array<{ key: string; text: string }>;
  chooseCount: number;
  response: readonly string[];
  onChange?: (response: string[]) => void;
  /** Called when a full multiple-response question is asked for one more choice. */
  onFull?: () => void;
  reveal?: Reveal | null;
  disabled?: boolean;
  describedBy?: string;
}) {
  const locked = disabled || Boolean(reveal) || !onChange;
  const explanation = new Map(reveal?.choiceExplanations.map((e) => [e.key, e]));
  const toggle = (key: string) => {
    if (locked || !onChange) return;
    if (kind === "single") return onChange([key]);
    if (response.includes(key)) return onChange(response.filter((k) => k !== key));
    if (response.length >= chooseCount) return onFull?.();
    onChange([...response, key]);
  };
  return (
    // A div, not a list: a radiogroup role on <ul> leaves its <li> items outside any list (axe "listitem").
    <div className="space-y-3" role={kind === "single" ? "radiogroup" : "group"} aria-describedby={describedBy}>
      {choices.map((choice, index) => {
        const checked = response.includes(choice.key);
        const shown = explanation.get(choice.key);
        return (
          <div key={choice.key}>
            <label
              className={cn(
                "flex gap-3 rounded-xl border p-3 transition-colors has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500",
                locked ? "cursor-default" : "cursor-pointer hover:bg-[var(--surface-muted)]",
                checked ? "border-brand-600 bg-brand-50 dark:bg-brand-950" : "border-[var(--border)]",
                shown?.correct && "border-green-600 bg-green-50 dark:bg-green-950",
                shown && !shown.correct && checked && "border-red-500 bg-red-50 dark:bg-red-950",
              )}
            >
              <input
                type={kind === "single" ? "radio" : "checkbox"}
                name={name}
                value={choice.key}
                checked={checked}
                onChange={() => toggle(choice.key)}
                // Never `disabled` while answering: a disabled option drops out of the Tab order.
                aria-disabled={locked || undefined}
                readOnly={locked}
                className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
              />
              <span className="font-semibold text-[var(--text-muted)]" aria-hidden>
                {CHOICE_LETTERS[index]}.
              </span>
              <span className="flex-1 [overflow-wrap:anywhere]">
                <span className="sr-only">{CHOICE_LETTERS[index]}. </span>
                {choice.text}
                {shown && (
                  <span className="mt-2 block text-sm text-[var(--text-muted)]">
                    <strong className={shown.correct ? "text-green-800 dark:text-green-200" : "text-[var(--text)]"}>
                      {shown.correct ? "Correct answer. " : checked ? "Your choice, not correct. " : "Not correct. "}
                    </strong>
                    {shown.explanation}
                  </span>
                )}
              </span>
              {shown && (checked || shown.correct) && (
                <span aria-hidden className={cn("text-sm font-semibold", shown.correct ? "text-green-800 dark:text-green-200" : "text-red-800 dark:text-red-200")}>
                  {shown.correct ? "✓" : "✗"}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </div>
  );
}
