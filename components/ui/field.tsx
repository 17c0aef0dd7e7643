import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A labelled input with its hint and errors wired up for screen readers. */
export function Field({
  label,
  name,
  hint,
  errors,
  className,
  ...input
}: ComponentProps<"input"> & { label: string; name: string; hint?: string; errors?: string[] }) {
  const id = input.id ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "block w-full rounded-lg border bg-[var(--surface)] px-3 py-2 text-base text-[var(--text)] shadow-sm",
          errors?.length ? "border-red-500" : "border-[var(--border)]",
        )}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-[var(--text-muted)]">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <ul id={errorId} className="space-y-0.5 text-sm text-red-700 dark:text-red-300">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
