"use client";
// "Mark complete" / "Mark as not complete" for the lesson. The server action
// revalidates the lesson and the Learn overview, so the new state arrives with
// its answer.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setLessonCompletionAction } from "@/lib/lessons/actions";

export function LessonCompletion({ lessonId, completed }: { lessonId: string; completed: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "status" | "error"; text: string } | null>(null);

  const change = (next: boolean) =>
    startTransition(async () => {
      try {
        const result = await setLessonCompletionAction({ lessonId, completed: next });
        setMessage(
          result.ok
            ? { tone: "status", text: next ? "Lesson marked complete." : "Lesson marked as not complete." }
            : { tone: "error", text: result.message },
        );
      } catch {
        setMessage({ tone: "error", text: "We could not save that. Check your connection and try again." });
      }
    });

  return (
    <section
      aria-labelledby="lesson-completion-heading"
      className="mt-10 flex flex-col gap-3 rounded-xl border border-[var(--border)] bg-[var(--surface)] p-5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div>
        <h2 id="lesson-completion-heading" className="flex items-center gap-2 font-semibold">
          {completed ? (
            <>
              <svg aria-hidden width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3" className="text-green-700 dark:text-green-400">
                <path d="M5 12l5 5L20 7" />
              </svg>
              You have completed this lesson
            </>
          ) : (
            "Finished this lesson?"
          )}
        </h2>
        <p className="mt-0.5 text-sm text-[var(--text-muted)]">
          {completed ? "It counts towards your progress in this domain." : "Mark it complete to track your progress in this domain."}
        </p>
        <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
          {message?.tone === "status" ? message.text : ""}
        </p>
        {message?.tone === "error" && (
          <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {message.text}
          </p>
        )}
      </div>
      {completed ? (
        <Button variant="secondary" onClick={() => change(false)} disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : "Mark as not complete"}
        </Button>
      ) : (
        <Button onClick={() => change(true)} disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : "Mark complete"}
        </Button>
      )}
    </section>
  );
}
