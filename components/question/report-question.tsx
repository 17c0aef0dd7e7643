"use client";
// "Report a problem" beside a question whose answer has been shown: a modal
// dialog (native <dialog>: focus stays inside, Escape closes, focus returns to
// the button) with the reason as a radio group and a comment. Errors show next
// to their field with what was typed kept. Past reports of this question by
// this student, with the staff's note, show under the button.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";
import { REASON_LABEL, REASON_SHORT, REPORT_COMMENT_MAX_LENGTH, REPORT_REASONS, STATUS_LABEL } from "@/lib/question-reports/reasons";
import type { ReportReason, ReportStatus } from "@/lib/question-reports/reasons";
import { reportQuestionAction } from "@/lib/question-reports/actions";

/** Where the student saw the question answered (the server checks it). */
export type ReportTarget =
  | { source: "attempt"; attemptId: string; position: number }
  | { source: "review"; questionId: string }
  | { source: "lesson"; lessonId: string; questionId: string };

export type ReportNote = { reason: ReportReason; status: ReportStatus; resolutionNote: string | null };

export function ReportNotes({ notes }: { notes: readonly ReportNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Your reports of this question">
      {notes.map((n, i) => (
        <li key={i} className="wrap-anywhere">
          <span className="font-medium">You reported: {REASON_SHORT[n.reason].toLowerCase()}</span> ·{" "}
          <span className={n.status === "OPEN" ? "text-[var(--text-muted)]" : "font-medium"}>{STATUS_LABEL[n.status]}</span>
          {n.resolutionNote && <span className="text-[var(--text-muted)]"> · Staff note: “{n.resolutionNote}”</span>}
        </li>
      ))}
    </ul>
  );
}

function hiddenFields(target: ReportTarget): Record<string, string> {
  if (target.source === "attempt") return { source: "attempt", attemptId: target.attemptId, position: String(target.position) };
  if (target.source === "lesson") return { source: "lesson", lessonId: target.lessonId, questionId: target.questionId };
  return { source: "review", questionId: target.questionId };
}

export function ReportQuestion({ target, notes = [], className }: { target: ReportTarget; notes?: readonly ReportNote[]; className?: string }) {
  const [state, action] = useActionState(reportQuestionAction, {} as FormState);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const firstRadioRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  // An error stays until the student changes something; then it waits for the next send.
  const [editedWith, setEditedWith] = useState<FormState | null>(null);
  const errors = editedWith === state ? {} : (state.fieldErrors ?? {});
  const reasonError = errors.reason?.[0];
  const commentError = errors.comment?.[0];
  const formError = Object.entries(errors).find(([k]) => k !== "reason" && k !== "comment")?.[1]?.[0];
  // The state when the dialog last opened: a success before that is old news, so reopening shows the form.
  const [openedWith, setOpenedWith] = useState<FormState | null>(null);
  const sent = state.ok === true && state !== openedWith;

  useEffect(() => {
    if (!open) return;
    dialogRef.current?.showModal();
    firstRadioRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent, state]);

  const close = () => dialogRef.current?.close();
  const headingId = `${id}-heading`;

  return (
    <div className={className}>
      <Button ref={triggerRef} type="button" variant="secondary" size="sm" aria-haspopup="dialog" onClick={() => {
          setOpenedWith(state);
          setOpen(true);
        }}
      >
        <span aria-hidden>⚐</span> {state.ok ? "Reported · report again" : "Report a problem"}
      </Button>
      <ReportNotes notes={notes} />
      {open &&
        createPortal(
          <dialog
            ref={dialogRef}
            aria-labelledby={headingId}
            // A portal still bubbles React events up the component tree: keep this form's submit from reaching a form around the button (a lesson check).
            onSubmit={(event) => event.stopPropagation()}
            onClose={() => {
              setOpen(false);
              triggerRef.current?.focus();
            }}
            className="m-auto max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-2rem))] overflow-y-auto rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-5 text-[var(--text)] backdrop:bg-black/50 sm:p-6"
          >
            <h2 id={headingId} className="text-lg font-bold">
              Report a problem with this question
            </h2>
            <p className="mt-1 text-sm text-[var(--text-muted)]">Staff read every report and answer with a note you will see under My question reports.</p>
            {sent ? (
              <div className="mt-4">
                <FormMessage state={state} />
                <div className="mt-5 flex justify-end">
                  <Button ref={doneRef} type="button" onClick={close}>
                    Close
                  </Button>
                </div>
              </div>
            ) : (
              <ActionForm action={action} state={state} onChange={() => setEditedWith(state)} className="mt-4 space-y-4">
                {Object.entries(hiddenFields(target)).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <FormMessage state={state.message || !formError ? state : { message: formError }} />
                <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
                  <legend className="text-sm font-semibold">What is wrong?</legend>
                  <div className="mt-2 space-y-1.5">
                    {REPORT_REASONS.map((reason, i) => (
                      <label key={reason} className="flex items-start gap-2 text-sm">
                        <input
                          ref={i === 0 ? firstRadioRef : undefined}
                          type="radio"
                          name="reason"
                          value={reason}
                          defaultChecked={state.values?.reason === reason}
                          aria-invalid={reasonError && i === 0 ? true : undefined}
                          className="mt-0.5 h-4 w-4 accent-brand-600"
                        />
                        {REASON_LABEL[reason]}
                      </label>
                    ))}
                  </div>
                  {reasonError && (
                    <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                      {reasonError}
                    </p>
                  )}
                </fieldset>
                <div className="space-y-1.5">
                  <label htmlFor={`${id}-comment`} className="block text-sm font-semibold">
                    Comment <span className="font-normal text-[var(--text-muted)]">(needed for “Something else”)</span>
                  </label>
                  <textarea
                    id={`${id}-comment`}
                    name="comment"
                    rows={4}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    aria-invalid={commentError ? true : undefined}
                    aria-describedby={`${id}-comment-hint${commentError ? ` ${id}-comment-error` : ""}`}
                    className={`block w-full rounded-lg border bg-[var(--surface)] px-3 py-2 text-base ${commentError ? "border-red-500" : "border-[var(--border)]"}`}
                  />
                  <p id={`${id}-comment-hint`} className={`text-xs ${comment.length > REPORT_COMMENT_MAX_LENGTH ? "font-semibold text-red-700 dark:text-red-300" : "text-[var(--text-muted)]"}`}>
                    What should it say, and where did you read it? {comment.length} of {REPORT_COMMENT_MAX_LENGTH} characters.
                  </p>
                  {commentError && (
                    <p id={`${id}-comment-error`} className="text-sm text-red-700 dark:text-red-300">
                      {commentError}
                    </p>
                  )}
                </div>
                <div className="flex flex-wrap justify-end gap-3">
                  <Button type="button" variant="secondary" onClick={close}>
                    Cancel
                  </Button>
                  <SubmitButton pendingLabel="Sending…">Send report</SubmitButton>
                </div>
              </ActionForm>
            )}
          </dialog>,
          document.body,
        )}
    </div>
  );
}
