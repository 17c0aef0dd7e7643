"use client";
// The assignment form: what (a full mock or a scoped set), when (in the
// instructor's time zone), how long, how many attempts and what students see
// afterwards. Once students have started, what would change their test is
// shown but locked (and sent unchanged), and the form says so.
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";
import { createAssignmentAction, updateAssignmentAction } from "@/lib/classes/actions";
import { type AssignmentFormValues, REVIEW_CONTENT_LABELS, REVIEW_TIMING_LABELS, type ScopeCatalogue } from "@/lib/classes/form-values";

const selectClass = "block w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base shadow-sm disabled:opacity-60";
const legendClass = "text-base font-semibold";

type Props = {
  target: { classId: string } | { assignmentId: string };
  values: AssignmentFormValues;
  catalogue: ScopeCatalogue;
  timeZone: string;
  /** Students who have started (edit only): the test itself is locked. */
  started?: number;
};

function Check({ name, value, label, checked, disabled }: { name: string; value: string; label: string; checked: boolean; disabled?: boolean }) {
  return (
    <label className="flex min-w-0 items-start gap-2 py-1 text-sm">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} disabled={disabled} className="mt-0.5 h-4 w-4 shrink-0" />
      <span className="min-w-0 wrap-anywhere">{label}</span>
    </label>
  );
}

export function AssignmentForm({ target, values, catalogue, timeZone, started = 0 }: Props) {
  const editing = "assignmentId" in target;
  const [state, action] = useActionState(editing ? updateAssignmentAction : createAssignmentAction, {} as FormState);
  const [kind, setKind] = useState(values.kind);
  const [timed, setTimed] = useState(values.timed);
  const locked = started > 0;
  const errors = state.fieldErrors ?? {};
  const v = (name: keyof AssignmentFormValues) => state.values?.[name] ?? String(values[name]);

  return (
    <ActionForm action={action} state={state} className="space-y-8">
      <FormMessage state={state} />
      {"classId" in target ? <input type="hidden" name="classId" value={target.classId} /> : <input type="hidden" name="assignmentId" value={target.assignmentId} />}
      {locked && (
        <Alert tone="warning">
          {started === 1 ? "1 student has" : `${started} students have`} started this assignment, so its questions, opening time and time limit are locked.
          You can still change the title, the due time, the attempts allowed and the review policy; attempts in progress follow a new due time.
        </Alert>
      )}

      <Field label="Title" name="title" defaultValue={v("title")} errors={errors.title} required maxLength={120} />

      <fieldset className="space-y-3" disabled={locked}>
        <legend className={legendClass}>What students answer</legend>
        {locked && (
          <>
            <input type="hidden" name="kind" value={values.kind} />
            {values.domains.map((d) => (
              <input key={d} type="hidden" name="domains" value={d} />
            ))}
            {values.taskStatements.map((t) => (
              <input key={t} type="hidden" name="taskStatements" value={t} />
            ))}
            {values.topics.map((t) => (
              <input key={t} type="hidden" name="topics" value={t} />
            ))}
            <input type="hidden" name="questionCount" value={values.questionCount} />
          </>
        )}
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="kind" value="mock" checked={kind === "mock"} onChange={() => setKind("mock")} className="mt-0.5 h-4 w-4" />
          <span>
            <span className="font-medium">Full mock exam</span>
            <span className="block text-[var(--text-muted)]">65 questions balanced to the exam guide&apos;s domain weights, as the real exam.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="kind" value="scoped" checked={kind === "scoped"} onChange={() => setKind("scoped")} className="mt-0.5 h-4 w-4" />
          <span>
            <span className="font-medium">A scoped set</span>
            <span className="block text-[var(--text-muted)]">Questions from the domains, task statements or topics you choose.</span>
          </span>
        </label>
        {kind === "scoped" && (
          <div className="space-y-4 rounded-lg border border-[var(--border)] p-4">
            {errors.scope && (
              <p id="scope-error" className="text-sm text-red-700 dark:text-red-300">
                {errors.scope.join(" ")}
              </p>
            )}
            <fieldset>
              <legend className="text-sm font-medium">Whole domains</legend>
              <div className="grid gap-x-4 sm:grid-cols-2">
                {catalogue.map((d) => (
                  <Check key={d.number} name="domains" value={String(d.number)} label={`${d.number}. ${d.title}`} checked={values.domains.includes(String(d.number))} />
                ))}
              </div>
            </fieldset>
            {catalogue.map((d) => (
              <details key={d.number} open={d.taskStatements.some((t) => values.taskStatements.includes(t.code) || t.topics.some((p) => values.topics.includes(p.id)))}>
                <summary className="cursor-pointer text-sm font-medium">
                  Task statements and topics in domain {d.number}
                </summary>
                <div className="mt-2 space-y-3 pl-2">
                  {d.taskStatements.map((t) => (
                    <fieldset key={t.code} className="min-w-0">
                      <legend className="sr-only">Task statement {t.code}</legend>
                      <Check name="taskStatements" value={t.code} label={`${t.code} ${t.title} (whole task statement)`} checked={values.taskStatements.includes(t.code)} />
                      <div className="grid gap-x-4 pl-6 sm:grid-cols-2">
                        {t.topics.map((p) => (
                          <Check key={p.id} name="topics" value={p.id} label={p.title} checked={values.topics.includes(p.id)} />
                        ))}
                      </div>
                    </fieldset>
                  ))}
                </div>
              </details>
            ))}
            <Field
              label="Number of questions"
              name="questionCount"
              type="number"
              min={1}
              max={65}
              defaultValue={v("questionCount")}
              errors={errors.questionCount}
              hint="Drawn across what you chose; every student gets the same questions."
              className="max-w-48"
            />
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className={legendClass}>When</legend>
        <p className="text-sm text-[var(--text-muted)]">Times are in your time zone, {timeZone}. Each student sees them in theirs.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {locked && <input type="hidden" name="opensAt" value={values.opensAt} />}
          <Field label="Opens" name="opensAt" type="datetime-local" defaultValue={v("opensAt")} errors={errors.opensAt} disabled={locked} required />
          <Field label="Due" name="dueAt" type="datetime-local" defaultValue={v("dueAt")} errors={errors.dueAt} required />
        </div>
      </fieldset>

      <fieldset className="space-y-3" disabled={locked}>
        <legend className={legendClass}>Time and attempts</legend>
        {locked && (
          <>
            {values.timed && <input type="hidden" name="timed" value="on" />}
            <input type="hidden" name="timeLimitMinutes" value={values.timeLimitMinutes} />
          </>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="timed" checked={timed} onChange={(e) => setTimed(e.target.checked)} className="h-4 w-4" />
          <span className="font-medium">Timed</span>
        </label>
        {timed ? (
          <Field
            label="Time limit (minutes)"
            name="timeLimitMinutes"
            type="number"
            min={1}
            max={600}
            defaultValue={v("timeLimitMinutes")}
            errors={errors.timeLimitMinutes}
            hint="The real exam gives 130 minutes for 65 questions. Accommodations multiply this."
            className="max-w-48"
          />
        ) : (
          <p className="text-sm text-[var(--text-muted)]">Untimed: an attempt stays open until the due time.</p>
        )}
      </fieldset>
      <Field
        label="Attempts allowed"
        name="attemptsAllowed"
        type="number"
        min={1}
        max={10}
        defaultValue={v("attemptsAllowed")}
        errors={errors.attemptsAllowed}
        className="max-w-48"
      />

      <fieldset className="space-y-3">
        <legend className={legendClass}>After submitting, students see</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor="reviewContent" className="block text-sm font-medium">
              What
            </label>
            <select id="reviewContent" name="reviewContent" defaultValue={v("reviewContent")} className={selectClass}>
              {Object.entries(REVIEW_CONTENT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="reviewTiming" className="block text-sm font-medium">
              When
            </label>
            <select id="reviewTiming" name="reviewTiming" defaultValue={v("reviewTiming")} className={selectClass}>
              {Object.entries(REVIEW_TIMING_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="text-sm text-[var(--text-muted)]">
          Until then they see that it was submitted and when the review opens. The answers stay hidden everywhere else in Stratus too.
        </p>
      </fieldset>

      <SubmitButton pendingLabel="Saving…">{editing ? "Save changes" : "Assign to the class"}</SubmitButton>
    </ActionForm>
  );
}
