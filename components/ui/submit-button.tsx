"use client";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that shows progress and blocks double submits while its form is pending. */
export function SubmitButton({ children, pendingLabel, className }: { children: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending && (
        <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />
      )}
      {pending ? pendingLabel : children}
    </Button>
  );
}
