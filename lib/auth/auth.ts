// Auth.js (next-auth v5): email + password sign-in with JWT sessions in a
// signed cookie (no server session store, so any app instance can serve any
// request). Sessions carry the user's sessionVersion; the guard rejects a
// session whose version is older than the database's (password changed).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientIpFrom } from "./client-ip";
import { decoyPasswordHash, verifyPassword } from "./password";
import { checkSignInAllowed, recordSignInAttempt } from "./sign-in-attempts";
import { signInSchema } from "./validation";

import type { Role } from "./roles";

export type { Role };

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionVersion: number;
  }
}

/** The rate limit's wait travels in the error code: "rate_limited:<seconds>". */
export class SignInRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  session: { strategy: "jwt", maxAge: 14 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIpFrom(request.headers);

        const decision = await checkSignInAllowed(db, email, ip);
        if (decision.limited) throw new SignInRateLimited(decision.retryAfterSeconds);

        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
        });
        // Verify against a decoy when the account is unknown, so both paths take as long.
        const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
        await recordSignInAttempt(db, email, ip, Boolean(user && ok));
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        token.name = user.name;
      }
      if (trigger === "update" && token.sub) {
        // Re-read from the database; never trust values sent by the client.
        const fresh = await db.user.findUnique({
          where: { id: token.sub },
          select: { name: true, role: true, sessionVersion: true },
        });
        if (fresh) {
          token.name = fresh.name;
          token.role = fresh.role;
          token.sv = fresh.sessionVersion;
        }
      }
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
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
