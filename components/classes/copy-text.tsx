"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A value with a Copy button that says when it worked (the value stays selectable without JavaScript). */
export function CopyText({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <div className="min-w-0">
      <p className="text-sm font-medium">{label}</p>
      <div className="mt-1 flex min-w-0 items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded-md bg-[var(--surface-muted)] px-2 py-1.5 text-sm select-all" title={value}>
          {value}
        </code>
        <Button type="button" size="sm" variant="secondary" onClick={copy}>
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-[var(--text-muted)]">
        {copied === "yes" ? "Copied." : copied === "no" ? "Could not copy: select it and copy by hand." : ""}
      </p>
    </div>
  );
}
