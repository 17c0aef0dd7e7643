// Auth.js (next-auth v5): email + password sign-in. The session cookie is a
// signed, encrypted JWT holding the id of a server-side session row
// (session-store.ts); every read of the session checks that row, so a session
// that was signed out, revoked by a password change or reset, or whose account
// was disabled is dead whatever copy of the cookie calls whatever endpoint —
// including Auth.js's own POST /api/auth/session ("update"), which can never
// bring a dead session back: nothing a client sends is copied into the token.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientIpFrom } from "./client-ip";
import { authenticate } from "./authenticate";
import type { Role } from "./roles";
import { SESSION_MAX_AGE_SECONDS, createSession, readLiveSession, revokeSession } from "./session-store";
import { signInSchema } from "./validation";

export type { Role };

declare module "next-auth" {
  interface User {
    role?: Role;
    userAgent?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionId: string;
  }
}

/** The rate limit's wait travels in the error code: "rate_limited:<seconds>". */
class SignInRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await authenticate(db, { ...parsed.data, ip: clientIpFrom(request.headers) });
        if (outcome.status === "limited") throw new SignInRateLimited(outcome.retryAfterSeconds);
        if (outcome.status === "refused") return null;
        return { ...outcome.user, userAgent: request.headers.get("user-agent") ?? "" };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        // A fresh sign-in: open a server-side session and remember only its id.
        token.sub = user.id;
        token.sid = await createSession(db, { userId: user.id, userAgent: user.userAgent, now: new Date() });
        token.role = user.role;
        token.name = user.name;
        token.email = user.email;
        return token;
      }
      // Every other read, "update" included: the session row decides. Name,
      // role and email come from the database, never from the request.
      const live =
        typeof token.sid === "string" && typeof token.sub === "string"
          ? await readLiveSession(db, { sessionId: token.sid, userId: token.sub, now: new Date() })
          : null;
      if (!live) return null; // Auth.js then clears the cookie and reports no session
      token.name = live.name;
      token.email = live.email;
      token.role = live.role;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        role: (token.role as Role) ?? "STUDENT",
      };
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
  events: {
    // Signing out ends this session on the server, not only in this browser.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(db, sid);
    },
  },
});
