"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { type StartState, startAttemptAction } from "@/lib/exams/actions";

/** Starts a full-length set: a mock, the final mock or a review exam (which may run against the clock). */
export function StartExamForm({ mode, label, timedOption = false }: { mode: "MOCK" | "FINAL_MOCK" | "REVIEW_EXAM"; label: string; timedOption?: boolean }) {
  const [state, action] = useActionState(startAttemptAction, {} as StartState);
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="mode" value={mode} />
      {timedOption && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="timed" className="h-4 w-4 accent-brand-600" />
          Run against the clock (you can pause it)
        </label>
      )}
      <SubmitButton pendingLabel="Preparing your questions…">{label}</SubmitButton>
    </form>
  );
}

export type ScopeOption = { value: string; label: string; group: string };

export function StartQuizForm({ options }: { options: ScopeOption[] }) {
  const [state, action] = useActionState(startAttemptAction, {} as StartState);
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <form action={action} className="space-y-4">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="mode" value="QUIZ" />
      <div className="space-y-1.5">
        <label htmlFor="quiz-scope" className="block text-sm font-medium">
          What to practise
        </label>
        <select id="quiz-scope" name="scope" required className="block w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2">
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {options
                .filter((o) => o.group === group)
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Questions</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {[5, 10, 20].map((n) => (
            <label key={n} className="inline-flex items-center gap-2 rounded-lg border border-[var(--border)] px-3 py-1.5 text-sm has-[:checked]:border-brand-600">
              <input type="radio" name="count" value={n} defaultChecked={n === 10} className="accent-brand-600" />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Preparing your quiz…">Start quiz</SubmitButton>
    </form>
  );
}

export function StartDrillForm() {
  const [state, action] = useActionState(startAttemptAction, {} as StartState);
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="mode" value="DRILL" />
      <input type="hidden" name="count" value="10" />
      <SubmitButton pendingLabel="Preparing your drill…">Drill my weak topics</SubmitButton>
    </form>
  );
}

/** A short quiz on one topic: the "drill" next to each weak topic. */
export function DrillTopicButton({ topicId, title }: { topicId: string; title: string }) {
  const [state, action] = useActionState(startAttemptAction, {} as StartState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="mode" value="QUIZ" />
      <input type="hidden" name="scope" value={`topic:${topicId}`} />
      <input type="hidden" name="count" value="5" />
      <button type="submit" className="font-medium text-brand-700 underline dark:text-brand-300" aria-label={`Drill ${title}`}>
        Drill
      </button>
      {state.message && (
        <span role="alert" className="ml-2 text-red-700 dark:text-red-300">
          {state.message}
        </span>
      )}
    </form>
  );
}
