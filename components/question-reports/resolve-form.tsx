"use client";
// Staff closing reports of a question: one report, or every open one, as fixed
// in the content, rejected or a duplicate, with a note the student reads.
import { useActionState, useId } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";
import { RESOLUTION_NOTE_MAX_LENGTH, RESOLUTIONS, STATUS_LABEL } from "@/lib/question-reports/reasons";
import { resolveReportsAction } from "@/lib/question-reports/actions";

export function ResolveForm({ questionId, reportId, label }: { questionId: string; reportId?: string; label: string }) {
  const [state, action] = useActionState(resolveReportsAction, {} as FormState);
  const id = useId();
  const noteError = state.fieldErrors?.note?.[0];
  const resolutionError = state.fieldErrors?.resolution?.[0];
  if (state.ok) return <FormMessage state={state} />;
  return (
    <ActionForm action={action} state={state} className="space-y-3">
      <input type="hidden" name="questionId" value={questionId} />
      {reportId && <input type="hidden" name="reportId" value={reportId} />}
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-resolution`} className="block text-sm font-medium">
            Resolution
          </label>
          <select
            id={`${id}-resolution`}
            name="resolution"
            defaultValue={state.values?.resolution ?? "FIXED"}
            aria-invalid={resolutionError ? true : undefined}
            className="block w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-2 py-2 text-sm"
          >
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {STATUS_LABEL[r]}
              </option>
            ))}
          </select>
          {resolutionError && <p className="text-sm text-red-700 dark:text-red-300">{resolutionError}</p>}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">
            Note to the student <span className="font-normal text-[var(--text-muted)]">(required, up to {RESOLUTION_NOTE_MAX_LENGTH} characters)</span>
          </label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={2}
            defaultValue={state.values?.note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
            className={`block w-full rounded-lg border bg-[var(--surface)] px-3 py-2 text-base ${noteError ? "border-red-500" : "border-[var(--border)]"}`}
          />
          {noteError && (
            <p id={`${id}-note-error`} className="text-sm text-red-700 dark:text-red-300">
              {noteError}
            </p>
          )}
        </div>
      </div>
      <SubmitButton size="sm" pendingLabel="Resolving…">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
