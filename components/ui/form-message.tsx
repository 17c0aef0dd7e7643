"use client";
import type { FormState } from "@/lib/auth/form-state";
import { Alert } from "./alert";

/** A form action's message; ActionForm moves focus here when it is an error. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <div data-form-message tabIndex={-1} className="focus:outline-none">
      <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
    </div>
  );
}
