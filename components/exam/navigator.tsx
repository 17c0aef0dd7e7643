"use client";
// One button per question, crossed with the arrow keys (one Tab stop for the
// whole grid, not 65). Every state is shown by shape and text, not colour
// alone: answered (filled), incomplete (half filled, "…"), unanswered
// (outline), flagged (a flag badge), current (a thick outline and "current").
import { type KeyboardEvent, useRef } from "react";
import { cn } from "@/components/ui/cn";

export type NavigatorItem = { position: number; state: "unanswered" | "incomplete" | "complete"; flagged: boolean; checked?: boolean };

export function Navigator({ items, current, onSelect }: { items: NavigatorItem[]; current: number; onSelect: (position: number) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const focusAt = (index: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    refs.current[clamped]?.focus();
  };
  const columns = () => {
    const first = refs.current[0];
    if (!first) return 1;
    return Math.max(1, refs.current.filter((b) => b && b.offsetTop === first.offsetTop).length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns(), ArrowUp: -columns() };
    if (event.key in moves) focusAt(index + moves[event.key]!);
    else if (event.key === "Home") focusAt(0);
    else if (event.key === "End") focusAt(items.length - 1);
    else return;
    event.preventDefault();
  };
  const tabStop = current >= 0 ? current : 0;
  return (
    <nav aria-label="Questions">
      <p className="sr-only">Use the arrow keys to move between questions, Enter to open one.</p>
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10 lg:grid-cols-5">
        {items.map((item, index) => {
          const isCurrent = item.position === current;
          const words = [item.state === "complete" ? "answered" : item.state === "incomplete" ? "partly answered" : "not answered", item.flagged ? "flagged" : null, isCurrent ? "current" : null]
            .filter(Boolean)
            .join(", ");
          return (
            <li key={item.position}>
              <button
                ref={(el) => {
                  refs.current[index] = el;
                }}
                type="button"
                tabIndex={index === tabStop ? 0 : -1}
                onClick={() => onSelect(item.position)}
                onKeyDown={(e) => onKeyDown(e, index)}
                aria-current={isCurrent ? "step" : undefined}
                aria-label={`Question ${item.position + 1}, ${words}`}
                data-state={item.state}
                data-flagged={item.flagged || undefined}
                className={cn(
                  "relative flex h-10 w-full items-center justify-center rounded-md border-2 text-xs font-semibold",
                  item.state === "complete" && "border-brand-700 bg-brand-700 text-white",
                  item.state === "incomplete" && "border-brand-700 bg-[linear-gradient(135deg,var(--color-brand-200)_50%,var(--surface)_50%)] text-[var(--text)] dark:bg-[linear-gradient(135deg,var(--color-brand-800)_50%,var(--surface)_50%)]",
                  item.state === "unanswered" && "border-[var(--border)] bg-[var(--surface)] text-[var(--text)]",
                  isCurrent && "outline outline-3 outline-offset-2 outline-[var(--text)]",
                )}
              >
                {item.position + 1}
                {item.state === "incomplete" && <span aria-hidden className="absolute bottom-0 right-1 leading-none">…</span>}
                {item.flagged && (
                  <span aria-hidden className="absolute -right-1.5 -top-1.5 flex h-4 w-4 items-center justify-center rounded-full border border-black bg-amber-300 text-[10px] leading-none text-black">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="mt-4 grid grid-cols-2 gap-x-3 gap-y-1.5 text-xs text-[var(--text-muted)]">
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-sm border-2 border-brand-700 bg-brand-700" /> answered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-sm border-2 border-brand-700 bg-[linear-gradient(135deg,var(--color-brand-200)_50%,transparent_50%)]" /> partly answered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-sm border-2 border-[var(--border)]" /> not answered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="flex h-3.5 w-3.5 items-center justify-center rounded-full border border-black bg-amber-300 text-[8px] text-black">⚑</span> flagged
        </li>
      </ul>
    </nav>
  );
}
