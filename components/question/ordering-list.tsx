"use client";
// An ordering item answered by keyboard or pointer, never drag only: each step
// has Move up / Move down buttons (and Alt+↑ / Alt+↓ on a focused step), and
// every move is announced. Its buttons are type="button": inside a lesson
// check's form a move must never submit the answer.
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export function OrderingList({
  steps,
  response,
  onChange,
  correctOrder,
  disabled = false,
  label,
}: {
  steps: Array<{ key: string; text: string }>;
  response: readonly string[];
  onChange?: (response: string[]) => void;
  /** After a reveal: the right order, in the same tokens. */
  correctOrder?: readonly string[] | null;
  disabled?: boolean;
  label: string;
}) {
  const text = new Map(steps.map((s) => [s.key, s.text]));
  const order = response.length === steps.length ? [...response] : steps.map((s) => s.key);
  const [announcement, setAnnouncement] = useState("");
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const locked = disabled || !onChange || Boolean(correctOrder);

  const move = (key: string, by: -1 | 1) => {
    if (locked) return;
    const from = order.indexOf(key);
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    onChange!(next);
    setAnnouncement(`${text.get(key)} moved to position ${to + 1} of ${order.length}.`);
    requestAnimationFrame(() => itemRefs.current.get(key)?.focus());
  };

  return (
    <div>
      <p className="mb-2 text-sm text-[var(--text-muted)]" id={`${label}-how`}>
        Put the steps in order: use Move up and Move down, or focus a step and press Alt+↑ or Alt+↓.
      </p>
      <ol className="space-y-2" aria-label={label} aria-describedby={`${label}-how`}>
        {order.map((key, index) => {
          const right = correctOrder ? correctOrder[index] === key : null;
          return (
            <li
              key={key}
              ref={(el) => {
                if (el) itemRefs.current.set(key, el);
              }}
              tabIndex={locked ? undefined : 0}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
                e.preventDefault();
                move(key, e.key === "ArrowUp" ? -1 : 1);
              }}
              className={cn(
                "flex items-center gap-3 rounded-xl border p-3 focus-visible:outline focus-visible:outline-3 focus-visible:outline-brand-500",
                right === true && "border-green-600 bg-green-50 dark:bg-green-950",
                right === false && "border-red-500 bg-red-50 dark:bg-red-950",
                right === null && "border-[var(--border)]",
              )}
            >
              <span className="w-6 text-right font-semibold text-[var(--text-muted)]">{index + 1}.</span>
              <span className="flex-1 [overflow-wrap:anywhere]">{text.get(key)}</span>
              {right !== null && <span className="text-sm font-semibold">{right ? "✓" : `✗ belongs at ${correctOrder!.indexOf(key) + 1}`}</span>}
              {!locked && (
                <span className="flex gap-1">
                  <Button type="button" variant="secondary" size="sm" onClick={() => move(key, -1)} disabled={index === 0} aria-label={`Move “${text.get(key)}” up`}>
                    ↑
                  </Button>
                  <Button type="button" variant="secondary" size="sm" onClick={() => move(key, 1)} disabled={index === order.length - 1} aria-label={`Move “${text.get(key)}” down`}>
                    ↓
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!locked && response.length !== steps.length && (
        <Button type="button" variant="secondary" size="sm" className="mt-3" onClick={() => onChange!(order)}>
          This order is my answer
        </Button>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
