// The authorisation boundary for pages: every page loader calls
// requireUser/requireRole (server actions use define-action.ts, route handlers
// lib/http/define-route.ts). Middleware/proxy is never relied upon.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { Role } from "./roles";
import { readLiveSession } from "./session-store";
import { VerifiedTokenCache } from "./verified-tokens";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, or null: the session cookie's claims (below), then the
 * session's row and its user in one statement (readLiveSession), so a signed-out,
 * revoked, expired or disabled session is null here. The same checks as Auth.js's
 * `auth()` with the jwt callback in auth.ts, without what `auth()` adds on every
 * call: it runs Auth.js's whole session endpoint (a Request, the callbacks, the
 * cookie encrypted again and a JSON response parsed back) and then drops the
 * re-issued cookie, since a page cannot set one.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await claimsFromHeaders(await headers());
  if (!claims) return null;
  const live = await readLiveSession(db, { ...claims, now: new Date() });
  if (!live) return null;
  return { id: live.userId, email: live.email, name: live.name, role: live.role };
});

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const verifiedTokens = new VerifiedTokenCache();

/**
 * The session cookie's claims for hot routes (answer saves): the JWT is
 * decrypted and verified (once per cookie value in this process, see
 * verified-tokens.ts), never re-issued, and nothing is read from the database
 * here; the caller's SQL statement checks that the session row is live.
 */
export function sessionClaims(request: Request): Promise<{ userId: string; sessionId: string } | null> {
  return claimsFromHeaders(request.headers);
}

async function claimsFromHeaders(headers: Headers): Promise<{ userId: string; sessionId: string } | null> {
  const cookies = headers.get("cookie") ?? "";
  const name = SESSION_COOKIES.find((n) => cookies.includes(`${n}=`) || cookies.includes(`${n}.0=`));
  if (!name) return null;
  try {
    const options = { req: { headers }, secret: serverEnv().AUTH_SECRET, secureCookie: name.startsWith("__Secure-"), salt: name, cookieName: name };
    const raw = await getToken({ ...options, raw: true });
    if (!raw) return null;
    const known = verifiedTokens.get(raw, Date.now());
    if (known) return { userId: known.userId, sessionId: known.sessionId };
    const token = await getToken(options);
    const userId = token?.sub;
    const sessionId = token?.sid;
    if (typeof userId !== "string" || typeof sessionId !== "string" || typeof token?.exp !== "number") return null;
    verifiedTokens.set(raw, { userId, sessionId, expiresAt: token.exp * 1000 });
    return { userId, sessionId };
  } catch {
    return null;
  }
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
