"use client";
// A <form> for a useActionState action that keeps what the person typed when
// the action answers with an error, and moves focus to the first field in
// error (or to the message) so keyboard and screen-reader users land on it.
// Without JavaScript it still posts to the action (progressive enhancement);
// with it, the submit runs in a transition instead, so React's automatic form
// reset never wipes the fields.
import { type ComponentProps, type FormEvent, useEffect, useRef, useTransition } from "react";
import type { FormState } from "@/lib/auth/form-state";

export function ActionForm({
  action,
  state,
  children,
  ...props
}: Omit<ComponentProps<"form">, "action" | "onSubmit"> & { action: (formData: FormData) => void; state: FormState }) {
  const ref = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const message = form.querySelector<HTMLElement>("[data-form-message]");
    (invalid ?? (state.message && !state.ok ? message : null))?.focus();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form ref={ref} action={action} onSubmit={onSubmit} noValidate {...props}>
      {children}
    </form>
  );
}
