// Prepares one migrated database image per test run, which every integration
// test file then copies into a database of its own:
// - TEST_DATABASE_URL set (CI: PostgreSQL on 127.0.0.1:5432): a template
//   database migrated with `prisma migrate deploy` and the job queue's own
//   migrations, cloned per file;
// - otherwise: an in-memory PGlite migrated the same way and dumped to a file
//   that each test file loads into its own PGlite instance.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrateJobQueue } from "@/lib/jobs/schema";
import { migrateDeploy } from "./migrations";

/**
 * Every database of a run starts with this prefix; STRATUS_TEST_DB_PREFIX gives
 * a second checkout its own (two runs on one server otherwise drop each other's).
 */
export const TEST_DATABASE_PREFIX = process.env.STRATUS_TEST_DB_PREFIX ?? "stratus_test";
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}_template`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client(serverUrl);
    await admin.connect();
    // Leftovers from an interrupted run are dropped first.
    const stale = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
      `${TEST_DATABASE_PREFIX}_`,
    ]);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    await admin.end();
    await migrateDeploy(withDatabase(serverUrl, TEMPLATE_DATABASE));
    await migrateJobQueue(withDatabase(serverUrl, TEMPLATE_DATABASE));
    process.env.STRATUS_TEST_TEMPLATE = TEMPLATE_DATABASE;
    process.env.STRATUS_TEST_DB_PREFIX = TEST_DATABASE_PREFIX;
    return async () => {
      const cleanup = new pg.Client(serverUrl);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
      await cleanup.end();
    };
  }

  const embedded = await startEmbeddedPostgres({ dataDir: "memory://", maxConnections: 4 });
  try {
    await migrateDeploy(embedded.url);
    await migrateJobQueue(embedded.url);
    const dump = await embedded.dumpDataDir();
    const dir = path.join(os.tmpdir(), `stratus-tests-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "migrated.tar.gz");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.STRATUS_TEST_PGLITE_IMAGE = file;
  } finally {
    await embedded.stop();
  }
}
