// Sign-in attempts stored in the database, so the limit holds across app
// instances and restarts.
import "server-only";
import type { Db } from "@/lib/db";
import {
  type RateLimitDecision,
  SIGN_IN_LIMITS,
  combineDecisions,
  evaluateRateLimit,
} from "./rate-limit-policy";

const accountKey = (email: string) => `email:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

export async function checkSignInAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<RateLimitDecision> {
  const since = new Date(now.getTime() - Math.max(SIGN_IN_LIMITS.account.windowMs, SIGN_IN_LIMITS.ip.windowMs));
  const rows = await db.signInAttempt.findMany({
    where: { key: { in: [accountKey(email), ipKey(ip)] }, createdAt: { gt: since } },
    select: { key: true, createdAt: true, succeeded: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return combineDecisions(
    evaluateRateLimit(rows.filter((r) => r.key === accountKey(email)), now, SIGN_IN_LIMITS.account),
    evaluateRateLimit(rows.filter((r) => r.key === ipKey(ip)), now, SIGN_IN_LIMITS.ip),
  );
}

export async function recordSignInAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.createMany({
    data: [
      { key: accountKey(email), succeeded },
      { key: ipKey(ip), succeeded },
    ],
  });
}
