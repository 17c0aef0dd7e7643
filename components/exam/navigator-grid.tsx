"use client";
import { cn } from "@/components/ui/cn";

export type NavigatorItem = { position: number; answered: boolean; flagged: boolean; revealed?: boolean };

/** A button per question showing answered, unanswered, flagged and current. */
export function NavigatorGrid({
  items,
  current,
  onSelect,
}: {
  items: NavigatorItem[];
  current: number;
  onSelect: (position: number) => void;
}) {
  return (
    <nav aria-label="Questions">
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10 lg:grid-cols-5">
        {items.map((item) => {
          const state = [item.answered ? "answered" : "unanswered", item.flagged ? "flagged" : null].filter(Boolean).join(", ");
          return (
            <li key={item.position}>
              <button
                type="button"
                onClick={() => onSelect(item.position)}
                aria-current={item.position === current ? "step" : undefined}
                aria-label={`Question ${item.position + 1}, ${state}`}
                className={cn(
                  "relative flex h-9 w-full items-center justify-center rounded-md border text-xs font-semibold",
                  item.answered
                    ? "border-brand-600 bg-brand-600 text-white"
                    : "border-[var(--border)] bg-[var(--surface)] text-[var(--text)]",
                  item.position === current && "ring-2 ring-amber-500 ring-offset-1 ring-offset-[var(--surface)]",
                )}
              >
                {item.position + 1}
                {item.flagged && (
                  <span aria-hidden className="absolute -right-1 -top-1 text-[10px] leading-none text-amber-500">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-[var(--text-muted)]">
        <span>
          <span aria-hidden className="mr-1 inline-block h-3 w-3 rounded-sm bg-brand-600 align-middle" />
          answered
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block h-3 w-3 rounded-sm border border-[var(--border)] align-middle" />
          unanswered
        </span>
        <span>
          <span aria-hidden className="mr-1 text-amber-500">
            ⚑
          </span>
          flagged
        </span>
      </p>
    </nav>
  );
}
