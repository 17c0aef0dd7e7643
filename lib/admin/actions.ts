"use server";
// The admin console's forms. Admins only (defineFormAction checks the session
// and the role, zod checks the input); each operation writes the audit log.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { adminStartReset, changeRole, setDisabled } from "./users";

const admin = { session: "user" as const, roles: ["ADMIN" as const] };
const userId = z.string().trim().min(1).max(64).regex(/^[\w-]+$/);

export const changeRoleAction = defineFormAction(
  { ...admin, input: z.object({ userId, role: z.enum(["STUDENT", "INSTRUCTOR", "ADMIN"]) }) },
  async ({ user, input }) => {
    await changeRole(db, user!, input.userId, input.role, new Date());
    revalidatePath("/admin");
    return { ok: true, message: `Role changed to ${input.role.toLowerCase()}.` };
  },
);

export const setDisabledAction = defineFormAction(
  { ...admin, input: z.object({ userId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async ({ user, input }) => {
    await setDisabled(db, user!, input.userId, input.disabled, new Date());
    revalidatePath("/admin");
    return { ok: true, message: input.disabled ? "Disabled: their sessions have ended." : "Enabled again." };
  },
);

export const startResetAction = defineFormAction({ ...admin, input: z.object({ userId }) }, async ({ user, input }) => {
  await adminStartReset(db, user!, input.userId, { now: new Date(), publicUrl: serverEnv().STRATUS_PUBLIC_URL });
  revalidatePath("/admin");
  return { ok: true, message: "Reset link sent: it works once, for 30 minutes." };
});
