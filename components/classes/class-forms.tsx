"use client";
// The class forms: a class's name and description, joining by code, a
// student's accommodation and a student's override on one assignment.
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";
import { accommodationAction, createClassAction, joinClassAction, overrideAction, updateClassAction } from "@/lib/classes/actions";

const selectClass = "block w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base shadow-sm";

function TextArea({ label, name, defaultValue, errors, hint }: { label: string; name: string; defaultValue?: string; errors?: string[]; hint?: string }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined}
        className={`${selectClass} ${errors?.length ? "border-red-500" : ""}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-[var(--text-muted)]">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** New class (no `editing`) or a class's settings. */
export function ClassForm({ editing }: { editing?: { classId: string; name: string; description: string } }) {
  const [state, action] = useActionState(editing ? updateClassAction : createClassAction, {} as FormState);
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      {editing && <input type="hidden" name="classId" value={editing.classId} />}
      <Field label="Class name" name="name" defaultValue={state.values?.name ?? editing?.name} errors={state.fieldErrors?.name} required maxLength={80} />
      <TextArea
        label="Description (optional)"
        name="description"
        defaultValue={state.values?.description ?? editing?.description}
        errors={state.fieldErrors?.description}
        hint="What students see when they join: the course, the term, when you meet."
      />
      <SubmitButton pendingLabel={editing ? "Saving…" : "Creating…"}>{editing ? "Save class" : "Create class"}</SubmitButton>
    </ActionForm>
  );
}

export function JoinClassForm({ code }: { code?: string }) {
  const [state, action] = useActionState(joinClassAction, {} as FormState);
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      <Field
        label="Join code"
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="8 letters and digits, from your instructor."
        defaultValue={state.values?.code ?? code}
        errors={state.fieldErrors?.code}
        required
        className="max-w-xs"
      />
      <SubmitButton pendingLabel="Joining…">Join class</SubmitButton>
    </ActionForm>
  );
}

const MULTIPLIERS = [
  { value: "1", label: "Standard time" },
  { value: "1.25", label: "×1.25 time" },
  { value: "1.5", label: "×1.5 time" },
  { value: "2", label: "×2 time" },
  { value: "unlimited", label: "Unlimited time (until the due time)" },
];

export function AccommodationForm({
  classId,
  userId,
  studentName,
  current,
}: {
  classId: string;
  userId: string;
  studentName: string;
  current: { timeMultiplier: number | null; extraAttempts: number; note: string } | null;
}) {
  const [state, action] = useActionState(accommodationAction, {} as FormState);
  const id = (name: string) => `acc-${userId}-${name}`;
  const multiplier = current ? (current.timeMultiplier === null ? "unlimited" : String(current.timeMultiplier)) : "1";
  return (
    <ActionForm action={action} state={state} className="space-y-3" aria-label={`Accommodation for ${studentName}`}>
      <FormMessage state={state} />
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={id("time")} className="block text-sm font-medium">
            Time
          </label>
          <select id={id("time")} name="timeMultiplier" defaultValue={multiplier} className={selectClass}>
            {MULTIPLIERS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          id={id("attempts")}
          label="Extra attempts"
          name="extraAttempts"
          type="number"
          min={0}
          max={5}
          defaultValue={current?.extraAttempts ?? 0}
          errors={state.fieldErrors?.extraAttempts}
        />
      </div>
      <Field id={id("note")} label="Note (only staff see it)" name="note" defaultValue={current?.note ?? ""} errors={state.fieldErrors?.note} maxLength={200} />
      <p className="text-xs text-[var(--text-muted)]">Applies to every assignment of this class, including attempts in progress.</p>
      <SubmitButton pendingLabel="Saving…" size="sm">
        Save accommodation
      </SubmitButton>
    </ActionForm>
  );
}

export function OverrideForm({
  assignmentId,
  userId,
  studentName,
  current,
}: {
  assignmentId: string;
  userId: string;
  studentName: string;
  /** Wall-clock due time in the instructor's zone, minutes or "untimed", attempts. */
  current: { dueAt: string; timeLimit: string; attemptsAllowed: string };
}) {
  const [state, action] = useActionState(overrideAction, {} as FormState);
  const id = (name: string) => `ov-${userId}-${name}`;
  return (
    <ActionForm action={action} state={state} className="space-y-3" aria-label={`Override for ${studentName}`}>
      <FormMessage state={state} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("due")} label="Due time" name="dueAt" type="datetime-local" defaultValue={current.dueAt} errors={state.fieldErrors?.dueAt} />
        <div className="space-y-1.5">
          <label htmlFor={id("limit")} className="block text-sm font-medium">
            Time limit
          </label>
          <input
            id={id("limit")}
            name="timeLimit"
            inputMode="numeric"
            placeholder="minutes"
            defaultValue={current.timeLimit}
            aria-describedby={`${id("limit")}-hint`}
            className={selectClass}
          />
          <p id={`${id("limit")}-hint`} className="text-xs text-[var(--text-muted)]">
            Minutes, or “untimed”.
          </p>
        </div>
        <Field id={id("attempts")} label="Attempts" name="attemptsAllowed" type="number" min={1} max={20} defaultValue={current.attemptsAllowed} errors={state.fieldErrors?.attemptsAllowed} />
      </div>
      <p className="text-xs text-[var(--text-muted)]">Leave a box empty to keep the assignment&apos;s own value (and the class accommodation). Empty them all to remove the override.</p>
      <SubmitButton pendingLabel="Saving…" size="sm">
        Save override
      </SubmitButton>
    </ActionForm>
  );
}
