// Account rate limits stored in PostgreSQL with rate-limiter-flexible's
// RateLimiterPostgres, so they hold across app instances and restarts. Its
// upsert is one INSERT … ON CONFLICT … RETURNING statement: two requests
// counting at once each see a distinct count. Queries go through the app's
// Prisma client (one connection pool; the embedded database allows one).
import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";
import { ACCOUNT_LIMITS, type LimitRule } from "./rate-limit-policy";

type LimitName = keyof typeof ACCOUNT_LIMITS;
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The `query` interface RateLimiterPostgres calls, answered by Prisma raw SQL. */
function prismaStore(db: Db) {
  return {
    async query({ text, values }: { text: string; values?: unknown[] }) {
      const params = values ?? [];
      if (/^\s*(INSERT|SELECT)/i.test(text)) {
        const rows = await db.$queryRawUnsafe<Array<{ points: number; expire: bigint | null }>>(text, ...params);
        // The store does arithmetic on `expire` (ms since epoch): give it a number.
        return { rows: rows.map((r) => ({ points: r.points, expire: r.expire === null ? null : Number(r.expire) })), rowCount: rows.length };
      }
      const rowCount = await db.$executeRawUnsafe(text, ...params);
      return { rows: [], rowCount };
    },
  };
}

const limiters = new WeakMap<Db, Map<LimitName, RateLimiterPostgres>>();

function limiter(db: Db, name: LimitName): RateLimiterPostgres {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const rule: LimitRule = ACCOUNT_LIMITS[name];
    found = new RateLimiterPostgres({
      storeClient: prismaStore(db),
      storeType: "pool",
      tableName: "rate_limit", // created by a Prisma migration
      tableCreated: true,
      clearExpiredByTimeout: false, // the expired-row sweep runs with the other scheduled jobs
      keyPrefix: name,
      points: rule.points,
      duration: rule.durationSeconds,
    });
    byName.set(name, found);
  }
  return found;
}

/** Keys are hashed: an email can be longer than the store's key column, and the table need not hold addresses. */
const keyOf = (key: string) => createHash("sha256").update(key).digest("base64url");

/** Counts one attempt against `key`; refused once the rule's points are used up. */
export async function consumeLimit(db: Db, name: LimitName, key: string): Promise<LimitDecision> {
  try {
    await limiter(db, name).consume(keyOf(key), 1);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** Forgets `key`'s count (a successful sign-in clears the account's failures). */
export async function clearLimit(db: Db, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).delete(keyOf(key));
}

/** Gives one point back (a successful sign-in does not count against its address). */
export async function refundLimit(db: Db, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).reward(keyOf(key), 1);
}

/** Deletes expired counters; run by the scheduled jobs. */
export async function deleteExpiredLimits(db: Db, now = Date.now()): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit WHERE expire < ${now}`;
}
