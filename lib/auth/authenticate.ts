// Checking an email and password under the sign-in limits (rate-limit-policy.ts):
// one attempt is counted against the account and the address atomically BEFORE
// the password is verified, so concurrent guesses cannot slip past the limit;
// a success clears the account's count and gives the address its point back.
import "server-only";
import type { Db } from "@/lib/db";
import { decoyPasswordHash, verifyPassword } from "./password";
import { clearLimit, consumeLimit, refundLimit } from "./rate-limits";
import type { Role } from "./roles";

export type AuthenticationOutcome =
  | { status: "signed-in"; user: { id: string; email: string; name: string; role: Role } }
  | { status: "refused" }
  | { status: "limited"; retryAfterSeconds: number };

export async function authenticate(db: Db, options: { email: string; password: string; ip: string }): Promise<AuthenticationOutcome> {
  const { email, password, ip } = options;
  const [account, address] = await Promise.all([consumeLimit(db, "signInPerAccount", email), consumeLimit(db, "signInPerAddress", ip)]);
  if (!account.allowed || !address.allowed) {
    const waits = [account, address].flatMap((d) => (d.allowed ? [] : [d.retryAfterSeconds]));
    return { status: "limited", retryAfterSeconds: Math.max(...waits) };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  // Verify against a decoy when the account is unknown, so both paths take as long.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) return { status: "refused" };
  await Promise.all([clearLimit(db, "signInPerAccount", email), refundLimit(db, "signInPerAddress", ip)]);
  return { status: "signed-in", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
