// Builds a Prisma client over node-postgres through the driver adapter. The app
// uses one (lib/db.ts); scripts and tests build their own.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(options: { url: string; max?: number; schema?: string }): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: options.url, max: options.max ?? 10, allowExitOnIdle: true },
    options.schema ? { schema: options.schema } : undefined,
  );
  return new PrismaClient({ adapter });
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
