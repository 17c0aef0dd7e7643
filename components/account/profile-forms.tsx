"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction, updateProfileAction } from "@/lib/auth/actions";
import { type FormState, PASSWORD_MIN_LENGTH } from "@/lib/auth/form-state";

export function ProfileNameForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateProfileAction, {} as FormState);
  return (
    <Card aria-labelledby="profile-name-heading">
      <h2 id="profile-name-heading" className="text-lg font-semibold">
        Your name
      </h2>
      <ActionForm action={action} state={state} className="mt-4 space-y-4">
        {state.message && <Alert tone="error">{state.message}</Alert>}
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          defaultValue={state.values?.name ?? name}
          errors={state.fieldErrors?.name}
          required
        />
        <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
      </ActionForm>
    </Card>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {} as FormState);
  return (
    <Card aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <ActionForm action={action} state={state} className="mt-4 space-y-4">
        {state.message && <Alert tone="error">{state.message}</Alert>}
        <PasswordField
          label="Current password"
          name="currentPassword"
          autoComplete="current-password"
          errors={state.fieldErrors?.currentPassword}
          required
        />
        <PasswordField
          label="New password"
          name="newPassword"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, mixing letters with a digit or symbol.`}
          errors={state.fieldErrors?.newPassword}
          required
        />
        <PasswordField
          label="Confirm new password"
          name="confirmPassword"
          autoComplete="new-password"
          errors={state.fieldErrors?.confirmPassword}
          required
        />
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </ActionForm>
    </Card>
  );
}
