"use client";
// Confirm before submitting: says how many questions are not answered or only
// partly answered (both score as wrong), and that answers are final afterwards.
import { type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format/plural";

export function submitWarning(unanswered: number, incomplete: number): string {
  const parts: string[] = [];
  if (unanswered) parts.push(`${plural(unanswered, "question")} ${plural(unanswered, "is", "are", { bare: true })} not answered`);
  if (incomplete) parts.push(`${incomplete} ${plural(incomplete, "is", "are", { bare: true })} only partly answered`);
  return parts.length ? `${parts.join(" and ")}, and will count as wrong.` : "Every question has a complete answer.";
}

export function SubmitDialog({
  dialogRef,
  practice,
  unanswered,
  incomplete,
  busy,
  onConfirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  practice: boolean;
  unanswered: number;
  incomplete: number;
  busy: boolean;
  onConfirm: () => void;
}) {
  const warning = submitWarning(unanswered, incomplete);
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-text"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-6 text-[var(--text)] backdrop:bg-black/50"
    >
      <h2 id="confirm-heading" className="text-lg font-bold">
        {practice ? "Finish this practice?" : "Submit your exam?"}
      </h2>
      <p id="confirm-text" className="mt-2 text-[var(--text-muted)]">
        <span className={unanswered || incomplete ? "font-semibold text-[var(--text)]" : undefined}>{warning}</span> You cannot change your answers
        afterwards.
      </p>
      <div className="mt-6 flex justify-end gap-3">
        <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
          Keep working
        </Button>
        <Button
          onClick={() => {
            dialogRef.current?.close();
            onConfirm();
          }}
          disabled={busy}
        >
          {busy ? "Submitting…" : practice ? "Finish" : "Submit"}
        </Button>
      </div>
    </dialog>
  );
}
