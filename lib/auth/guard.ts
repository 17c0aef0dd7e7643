// The authorisation boundary. Every page loader calls requireUser/requireRole;
// every server action is built with defineAction, which resolves the session
// into a typed user, checks the role, validates input with zod and turns
// expected failures into values. Middleware/proxy is never relied upon.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { db } from "@/lib/db";
import { auth } from "./auth";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The signed-in user, or null. A session older than the user's sessionVersion counts as signed out. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/**
 * The session's claims without a database read, for the answer-save hot path,
 * whose single SQL statement checks the session version itself.
 */
export async function sessionClaims(): Promise<{ userId: string; sessionVersion: number } | null> {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? { userId, sessionVersion: session.sessionVersion } : null;
}

export function signInPath(returnTo?: string): string {
  return returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in";
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

/** For pages: the user if their role is allowed, else the 403 page. */
export async function requireRole(roles: Role[], returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export type ActionErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "CONFLICT" | "EXPIRED";

/** An expected failure of an action: returned to the caller as a value, never a crash. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Partial<Record<string, string[]>>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/** Resolves the caller for an action or throws ActionError. */
export async function actionUser(roles?: Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new ActionError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  if (roles && !roles.includes(user.role)) throw new ActionError("FORBIDDEN", "You do not have access to this.");
  return user;
}

/**
 * Builds a server action body: session → role → zod input → handler.
 * Expected errors (ActionError) come back as `{ ok: false }`; anything else
 * (including Next's redirect/notFound signals) propagates.
 */
export function defineAction<S extends z.ZodType, T>(
  options: { input: S; roles?: Role[] },
  handler: (context: { user: SessionUser; input: z.output<S> }) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await actionUser(options.roles);
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Partial<Record<string, string[]>> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return { ok: false, code: "INVALID", message: "Some of what was sent is not valid.", fieldErrors };
      }
      return { ok: true, data: await handler({ user, input: parsed.data }) };
    } catch (error) {
      if (error instanceof ActionError) {
        return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      }
      throw error;
    }
  };
}
