"use client";
// A one-button form for a class action (archive, rotate the code, remove a
// student, leave, start…): hidden fields, progress while pending, the action's
// message, and for what cannot be undone a second, explicit confirmation.
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/auth/form-state";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md" | "lg";
  /** Asks this question, with Yes/Cancel, before it runs. */
  confirm?: string;
  className?: string;
};

export function InlineAction({ action, fields, label, pendingLabel, variant = "secondary", size = "sm", confirm, className }: Props) {
  const [state, run] = useActionState(action, {} as FormState);
  const [confirming, setConfirming] = useState(false);
  return (
    <ActionForm action={run} state={state} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && !confirming ? (
        <Button type="button" variant={variant} size={size} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      ) : confirm ? (
        <div role="group" aria-label={confirm} className="flex flex-wrap items-center gap-2">
          <span className="text-sm">{confirm}</span>
          <SubmitButton variant={variant} size={size} pendingLabel={pendingLabel}>
            {`Yes, ${label.toLowerCase()}`}
          </SubmitButton>
          <Button type="button" variant="ghost" size={size} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <SubmitButton variant={variant} size={size} pendingLabel={pendingLabel}>
          {label}
        </SubmitButton>
      )}
      <div className="mt-2 empty:hidden">
        <FormMessage state={state} />
      </div>
    </ActionForm>
  );
}
