"use client";
import { useId, useState } from "react";

const NUMBER = /^-?\d{1,12}(\.\d{1,6})?$/;

/** A numeric item: a number with its unit; only a well-formed number is sent. */
export function NumericAnswer({
  unit,
  response,
  onChange,
  correct,
  disabled = false,
}: {
  unit: string;
  response: readonly string[];
  onChange?: (response: string[]) => void;
  correct?: readonly string[] | null;
  disabled?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(response[0] ?? "");
  const invalid = draft.trim() !== "" && !NUMBER.test(draft.trim());
  const locked = disabled || !onChange || Boolean(correct);
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        Your answer{unit ? ` (${unit})` : ""}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          readOnly={locked}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            const value = e.target.value;
            setDraft(value);
            const trimmed = value.trim().replace(",", ".");
            if (trimmed === "") onChange?.([]);
            else if (NUMBER.test(trimmed)) onChange?.([trimmed]);
          }}
          className="w-40 rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base"
        />
        {unit && <span className="text-[var(--text-muted)]">{unit}</span>}
      </div>
      {invalid && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          Enter a number, like 40 or 2.5.
        </p>
      )}
      {correct && (
        <p className="text-sm">
          Right answer: <strong>{correct[0]}</strong> {unit}
        </p>
      )}
    </div>
  );
}
