// Builds a Prisma client over node-postgres through the driver adapter. The app
// uses one (lib/db.ts); scripts and tests build their own.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { attachPool } from "./direct";

/**
 * `preparedStatements`: the hottest statements are named prepared statements (direct.ts); false on the
 * embedded database and behind a pooler that cannot keep them. Default: on unless
 * DATABASE_PREPARED_STATEMENTS=off, which `npm start` sets for every process it starts on the embedded
 * database (the app passes the value lib/env.ts validated).
 */
export function createPrismaClient(options: { url: string; max?: number; schema?: string; preparedStatements?: boolean }): PrismaClient {
  // The pool is made here, not by the adapter, so the hottest statements can use it too (direct.ts); $disconnect ends it.
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, allowExitOnIdle: true });
  // An idle connection that dies (PostgreSQL restarted) is replaced on next use. The adapter listens for this
  // too, but only once Prisma first connects; a direct statement may come first, and an unheard error would end the process.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, ...(options.schema ? { schema: options.schema } : {}) });
  const client = new PrismaClient({ adapter });
  attachPool(client, pool, { prepared: options.preparedStatements ?? process.env.DATABASE_PREPARED_STATEMENTS !== "off" });
  return client;
}

/** True for a database on this machine; seeds refuse anything else unless told. */
export function isLocalDatabaseUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return ["localhost", "127.0.0.1", "::1"].includes(host) || host.endsWith(".localhost");
  } catch {
    return false;
  }
}
