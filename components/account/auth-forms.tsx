"use client";
import { Link } from "@/components/ui/link";
import { useActionState, useEffect } from "react";
import { forgetOfflineCopies } from "@/components/offline/offline-copies";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PasswordField } from "@/components/ui/password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestPasswordResetAction, resetPasswordAction, signInAction, signUpAction } from "@/lib/auth/actions";
import { type FormState, PASSWORD_MIN_LENGTH } from "@/lib/auth/form-state";

const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";
const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, mixing letters with a digit or symbol.`;

/** Whoever signs in next on this browser must not find the last person's exam kept for offline use. */
const useForgetOfflineCopies = () => useEffect(() => forgetOfflineCopies(), []);

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, {} as FormState);
  useForgetOfflineCopies();
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/dashboard"} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
      />
      <PasswordField label="Password" name="password" autoComplete="current-password" errors={state.fieldErrors?.password} required />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className={linkClass}>
          Forgot password?
        </Link>
      </p>
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-[var(--text-muted)]">
        New to Stratus?{" "}
        <Link href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"} className={linkClass}>
          Create an account
        </Link>
      </p>
    </ActionForm>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signUpAction, {} as FormState);
  useForgetOfflineCopies();
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} required />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
      />
      <PasswordField label="Password" name="password" autoComplete="new-password" hint={PASSWORD_HINT} errors={state.fieldErrors?.password} required />
      <SubmitButton pendingLabel="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-[var(--text-muted)]">
        Already have an account?{" "}
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"} className={linkClass}>
          Sign in
        </Link>
      </p>
    </ActionForm>
  );
}

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, {} as FormState);
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
      />
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Send me a reset link
      </SubmitButton>
      <p className="text-center text-sm text-[var(--text-muted)]">
        Remembered it?{" "}
        <Link href="/sign-in" className={linkClass}>
          Sign in
        </Link>
      </p>
    </ActionForm>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {} as FormState);
  return (
    <ActionForm action={action} state={state} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <PasswordField label="New password" name="newPassword" autoComplete="new-password" hint={PASSWORD_HINT} errors={state.fieldErrors?.newPassword} required />
      <PasswordField label="Confirm new password" name="confirmPassword" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} required />
      <SubmitButton pendingLabel="Saving…" className="w-full">
        Set new password
      </SubmitButton>
    </ActionForm>
  );
}
