// A database of this test file's own, copied from the migrated image that
// global-setup made, and a Prisma client for it.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { createPrismaClient } from "@/lib/database/client";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TestDatabase = {
  kind: "postgres" | "embedded";
  url: string;
  db: PrismaClient;
  close(): Promise<void>;
};

export async function createTestDatabase(options: { poolMax?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.STRATUS_TEST_TEMPLATE;
  if (serverUrl && template) {
    const name = `${process.env.STRATUS_TEST_DB_PREFIX ?? "stratus_test"}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = new pg.Client(serverUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = createPrismaClient({ url: url.toString(), max: options.poolMax ?? 10 });
    return {
      kind: "postgres",
      url: url.toString(),
      db,
      async close() {
        await db.$disconnect();
        const cleanup = new pg.Client(serverUrl);
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }

  const image = process.env.STRATUS_TEST_PGLITE_IMAGE;
  if (!image) throw new Error("global-setup did not prepare a test database image");
  const embedded = await startEmbeddedPostgres({
    dataDir: "memory://",
    loadDataDir: new Blob([readFileSync(image)]),
    maxConnections: 32,
  });
  // The app uses one connection on the embedded database; tests do the same by default.
  const db = createPrismaClient({ url: embedded.url, max: options.poolMax ?? 1, preparedStatements: false });
  return {
    kind: "embedded",
    url: embedded.url,
    db,
    async close() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}
