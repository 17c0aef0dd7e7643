// Database reachability and the newest applied migration, for /api/health.
import type { Db } from "@/lib/db";

export type HealthReport =
  | { status: "ok"; database: "reachable"; migration: string | null; checkedAt: string }
  | { status: "error"; database: "unreachable"; error: string; checkedAt: string };

const TIMEOUT_MS = 3_000;

export async function checkHealth(db: Db): Promise<HealthReport> {
  const checkedAt = new Date().toISOString();
  try {
    const rows = await Promise.race([
      db.$queryRaw<Array<{ migration_name: string }>>`
        SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY finished_at DESC, migration_name DESC LIMIT 1`,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
    ]);
    return { status: "ok", database: "reachable", migration: rows[0]?.migration_name ?? null, checkedAt };
  } catch (error) {
    return { status: "error", database: "unreachable", error: (error as Error).message.split("\n")[0]!.slice(0, 200), checkedAt };
  }
}
