"use client";
import { cn } from "@/components/ui/cn";
import type { SyncStatus } from "./use-answer-sync";
import { plural } from "@/lib/format/plural";

/** Whether every answer has reached the server, in words and an icon. */
export function SaveStatus({ status, unsent }: { status: SyncStatus; unsent: number }) {
  const text =
    status === "signed-out"
      ? `Signed out — ${plural(unsent, "answer")} kept on this device`
      : status === "retrying"
        ? `Offline — will retry (${unsent} unsent)`
        : status === "saving" || unsent > 0
          ? "Saving…"
          : "All answers saved";
  const warn = status === "retrying" || status === "signed-out";
  return (
    <p className={cn("text-sm", warn ? "text-amber-800 dark:text-amber-200" : "text-[var(--text-muted)]")} role="status" aria-live="polite" data-save-state={status}>
      <span aria-hidden className="mr-1">
        {warn ? "⚠" : unsent > 0 ? "⟳" : "✓"}
      </span>
      {text}
      {status === "signed-out" && (
        <>
          {" "}
          <a href="/sign-in" target="_blank" rel="noreferrer" className="underline">
            Sign in again
          </a>
        </>
      )}
    </p>
  );
}
