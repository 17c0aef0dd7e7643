// The real migrations through the real Prisma CLI (JS schema engine and our
// adapter) on a database that has never seen them: deploy, status, reset.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/database/embedded";
import { runPrisma } from "../support/migrations";

const migrationNames = readdirSync(path.resolve(__dirname, "../../prisma/migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let url = "";
let embedded: EmbeddedPostgres | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `stratus_test_migrate_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client(serverUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client(serverUrl);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
    url = embedded.url;
  }
});

afterAll(async () => {
  await dropDatabase?.();
  await embedded?.stop();
});

async function tables(): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  await client.end();
  return rows.map((r) => r.table_name);
}

describe("prisma migrate on a fresh database", () => {
  test("status reports every migration as pending before deploy", async () => {
    const status = await runPrisma(["migrate", "status"], url);
    expect(status.code).not.toBe(0);
    for (const name of migrationNames) expect(status.output).toContain(name);
  });

  test("deploy applies every migration and creates the whole data model", async () => {
    const deploy = await runPrisma(["migrate", "deploy"], url);
    expect(deploy.code, deploy.output).toBe(0);
    expect(await tables()).toEqual(
      expect.arrayContaining([
        "User", "AuthSession", "PasswordResetToken", "MailMessage", "rate_limit", "Exam", "Domain", "TaskStatement", "Topic", "Lesson", "LessonTopic",
        "LessonProgress", "Question", "Choice", "QuestionVersion", "Attempt", "AttemptItem", "Mastery",
        "ReviewCard", "Class", "Enrollment", "Assignment", "Accommodation", "_prisma_migrations",
      ]),
    );
    const status = await runPrisma(["migrate", "status"], url);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");
  });

  test("attempt items keep room on each page for in-place updates (fillfactor 70, which the Prisma schema cannot say)", async () => {
    const client = new pg.Client(url);
    await client.connect();
    const { rows } = await client.query<{ options: string[] | null }>(`SELECT reloptions AS options FROM pg_class WHERE oid = '"AttemptItem"'::regclass`);
    await client.end();
    expect(rows[0]!.options).toEqual(["fillfactor=70"]);
  });

  test("reset drops and re-applies everything, leaving status up to date", async () => {
    const client = new pg.Client(url);
    await client.connect();
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'a@b.c', 'A', 'x', now())`);
    await client.end();

    const reset = await runPrisma(["migrate", "reset", "--force", "--skip-generate", "--skip-seed"], url);
    expect(reset.code, reset.output).toBe(0);

    const after = new pg.Client(url);
    await after.connect();
    const { rows } = await after.query(`SELECT count(*)::int AS n FROM "User"`);
    await after.end();
    expect(rows[0].n).toBe(0);
    const status = await runPrisma(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
  });
});
