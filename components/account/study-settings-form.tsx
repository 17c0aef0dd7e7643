"use client";
// Study settings on the profile page: the time zone Stratus counts days in
// (taken from the browser until the student picks one) and the limit on new
// review cards a day.
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";
import { updateStudySettingsAction } from "@/lib/learning/actions";
import { MAX_NEW_CARDS_PER_DAY, MIN_NEW_CARDS_PER_DAY } from "@/lib/learning/new-card-limit";

export function StudySettingsForm({
  timeZone,
  newCardsPerDay,
  timeZones,
  browserZone,
}: {
  timeZone: string;
  newCardsPerDay: number;
  timeZones: string[];
  browserZone: string | null;
}) {
  const [state, action] = useActionState(updateStudySettingsAction, {} as FormState);
  const zone = state.values?.timeZone ?? timeZone;
  const zones = timeZones.includes(zone) ? timeZones : [zone, ...timeZones];
  const zoneErrors = state.fieldErrors?.timeZone;
  return (
    <Card id="study-settings" aria-labelledby="study-settings-heading" className="scroll-mt-24 lg:col-span-2">
      <h2 id="study-settings-heading" className="text-lg font-semibold">
        Study settings
      </h2>
      <ActionForm action={action} state={state} className="mt-4 grid gap-4 sm:grid-cols-2">
        {state.message && <Alert tone="error">{state.message}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor="field-timeZone" className="block text-sm font-medium">
            Time zone
          </label>
          <select
            id="field-timeZone"
            name="timeZone"
            defaultValue={zone}
            aria-invalid={zoneErrors?.length ? true : undefined}
            aria-describedby={cn("field-timeZone-hint", zoneErrors?.length ? "field-timeZone-error" : null)}
            className={cn(
              "block w-full rounded-lg border bg-[var(--surface)] px-3 py-2 text-base text-[var(--text)] shadow-sm",
              zoneErrors?.length ? "border-red-500" : "border-[var(--border)]",
            )}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <p id="field-timeZone-hint" className="text-xs text-[var(--text-muted)]">
            Your days start at midnight here: reviews due today and this week, and your activity chart.
            {browserZone && browserZone !== timeZone
              ? ` Your browser is set to ${browserZone.replaceAll("_", " ")}; your choice stays while it is.`
              : " Stratus follows your browser's time zone unless you choose another here."}
          </p>
          {zoneErrors?.length ? (
            <ul id="field-timeZone-error" className="space-y-0.5 text-sm text-red-700 dark:text-red-300">
              {zoneErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Field
          label="New review cards a day"
          name="newCardsPerDay"
          type="number"
          inputMode="numeric"
          min={MIN_NEW_CARDS_PER_DAY}
          max={MAX_NEW_CARDS_PER_DAY}
          step={1}
          defaultValue={state.values?.newCardsPerDay ?? String(newCardsPerDay)}
          hint={`When a quiz or mock makes more new cards than this, the rest start on the following days, so no day floods (${MIN_NEW_CARDS_PER_DAY}–${MAX_NEW_CARDS_PER_DAY}; cards you have already studied are never held back).`}
          errors={state.fieldErrors?.newCardsPerDay}
          required
        />
        <div className="sm:col-span-2">
          <SubmitButton pendingLabel="Saving…">Save study settings</SubmitButton>
        </div>
      </ActionForm>
    </Card>
  );
}
