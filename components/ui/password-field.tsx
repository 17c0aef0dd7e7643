"use client";
import { type ComponentProps, useState } from "react";
import { cn } from "./cn";

/** A password input with a show/hide toggle, its hint and errors wired up for screen readers. */
export function PasswordField({
  label,
  name,
  hint,
  errors,
  className,
  ...input
}: Omit<ComponentProps<"input">, "type"> & { label: string; name: string; hint?: string; errors?: string[] }) {
  const [visible, setVisible] = useState(false);
  const id = input.id ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className={cn(
            "block w-full rounded-lg border bg-[var(--surface)] py-2 pl-3 pr-20 text-base text-[var(--text)] shadow-sm",
            errors?.length ? "border-red-500" : "border-[var(--border)]",
          )}
          {...input}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={id}
          className="absolute inset-y-1 right-1 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-[var(--surface-muted)] dark:text-brand-300"
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
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
