"use client";
// Signing out also forgets what this browser kept for reloading an exam offline
// (components/offline/offline-copies.ts), before the server ends the session.
import { forgetOfflineCopies } from "@/components/offline/offline-copies";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={() => forgetOfflineCopies()}>
      <button
        type="submit"
        className="rounded-lg px-3 py-2 text-sm font-medium text-[var(--text-muted)] hover:bg-[var(--surface-muted)] hover:text-[var(--text)]"
      >
        Sign out
      </button>
    </form>
  );
}
