// The one Prisma client of the app, created on first use (so `next build` never
// needs database settings) and shared across hot reloads in development.
import "server-only";
import { createPrismaClient } from "@/lib/database/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { stratusDb?: PrismaClient };

function client(): PrismaClient {
  const env = serverEnv();
  globalForDb.stratusDb ??= createPrismaClient({
    url: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
  });
  return globalForDb.stratusDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
