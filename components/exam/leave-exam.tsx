"use client";
// The only way out of the runner's focused layout. During a timed attempt it
// asks first: answers are saved, but the clock keeps running.
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";

export function LeaveExam({ timed }: { timed: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const leave = () => router.push("/exams");
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => (timed ? dialog.current?.showModal() : leave())}>
        Leave
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="leave-heading"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-6 text-[var(--text)] backdrop:bg-black/50"
      >
        <h2 id="leave-heading" className="text-lg font-bold">
          Leave the exam?
        </h2>
        <p className="mt-2 text-[var(--text-muted)]">Your answers are saved, but the clock keeps running. You can come back from the Exams page.</p>
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Stay
          </Button>
          <Button variant="danger" onClick={leave}>
            Leave the exam
          </Button>
        </div>
      </dialog>
    </>
  );
}
