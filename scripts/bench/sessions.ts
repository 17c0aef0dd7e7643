// Session cookies for simulated students, minted the way Auth.js mints them
// (lib/auth/auth.ts's jwt callback sets sub, sid, role and name; Auth.js adds
// email), so the bench never signs in through argon2 a thousand times.
import { encode } from "next-auth/jwt";

/** Auth.js's cookie name over plain http (the salt of the encryption key, too). */
export const SESSION_COOKIE = "authjs.session-token";

export type BenchUser = { id: string; email: string; name: string; role: "STUDENT" | "INSTRUCTOR" | "ADMIN" };

/** The AuthSession row the bench database holds for each simulated user (database.ts inserts them). */
export const benchSessionId = (userId: string) => `bench-session-${userId}`;

export async function sessionCookie(user: BenchUser, secret: string): Promise<string> {
  const value = await encode({
    token: { sub: user.id, sid: benchSessionId(user.id), email: user.email, name: user.name, role: user.role },
    secret,
    salt: SESSION_COOKIE,
    maxAge: 14 * 24 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${value}`;
}
