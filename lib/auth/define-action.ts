// One guard for every server action: session → role → zod input → handler.
// A server action is a public HTTP endpoint (anyone can POST to it with any
// body), so nothing runs before the caller and the input have been checked.
// Expected failures (AppError) come back as values; anything else propagates
// to error.tsx. Two shapes:
// - defineAction: called from client code, returns { ok, data } | { ok: false, code, message, fieldErrors }.
// - defineFormAction: for <form action> with useActionState, returns FormState
//   (message, fieldErrors, and the values typed so the form keeps them).
import "server-only";
import type { z } from "zod";
import { AppError, type AppErrorCode, type FieldErrors, fieldErrorsOf } from "@/lib/app-error";
import { type SessionUser, currentUser } from "./guard";
import type { Role } from "./roles";
import type { FormState } from "./validation";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: FieldErrors };

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

/** Resolves the caller for an action or throws AppError. */
export async function actionUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", SESSION_ENDED);
  if (roles && !roles.includes(user.role)) throw new AppError("FORBIDDEN", "You do not have access to this.");
  return user;
}

export function defineAction<S extends z.ZodType, T>(
  options: { input: S; roles?: readonly Role[] },
  handler: (context: { user: SessionUser; input: z.output<S> }) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await actionUser(options.roles);
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, code: "INVALID", message: "Some of what was sent is not valid.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
      }
      return { ok: true, data: await handler({ user, input: parsed.data }) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
}

/** The text fields of a form, as typed (never passwords), so a form can show them again after an error. */
function typedValues(formData: FormData, keep: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of keep) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/**
 * A form action for useActionState. `session: "none"` is only for the forms a
 * signed-out person uses (sign in, sign up, password reset). `lists` names the
 * fields that carry several values (checkbox groups).
 */
export function defineFormAction<S extends z.ZodType>(
  options: { input: S; session: "user" | "none"; roles?: readonly Role[]; keepValues?: readonly string[]; lists?: readonly string[] },
  handler: (context: { user: SessionUser | null; input: z.output<S>; formData: FormData }) => Promise<FormState | void>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const values = typedValues(formData, options.keepValues ?? []);
    try {
      const user = options.session === "user" ? await actionUser(options.roles) : null;
      const fields: Record<string, unknown> = Object.fromEntries(formData.entries());
      // Checkbox groups and multiple selects: every value, as a list.
      for (const name of options.lists ?? []) fields[name] = formData.getAll(name);
      const parsed = options.input.safeParse(fields);
      if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };
      const state = await handler({ user, input: parsed.data, formData });
      return state ? { values, ...state } : { ok: true };
    } catch (error) {
      if (error instanceof AppError) return { message: error.message, fieldErrors: error.fieldErrors, values };
      throw error;
    }
  };
}
