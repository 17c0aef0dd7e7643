"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeRoleAction } from "@/lib/admin/actions";
import type { FormState } from "@/lib/auth/form-state";
import type { Role } from "@/lib/auth/roles";

/** A user's role, changed in place. */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [state, action] = useActionState(changeRoleAction, {} as FormState);
  const id = `role-${userId}`;
  return (
    <ActionForm action={action} state={state} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select id={id} name="role" defaultValue={role} className="rounded-lg border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm">
        <option value="STUDENT">Student</option>
        <option value="INSTRUCTOR">Instructor</option>
        <option value="ADMIN">Admin</option>
      </select>
      <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
        Change role
      </SubmitButton>
      <div className="basis-full empty:hidden">
        <FormMessage state={state} />
      </div>
    </ActionForm>
  );
}
