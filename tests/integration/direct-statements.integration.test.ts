// The hottest statements (an answer save, a submit's read and its guarded
// grade) are named prepared statements on PostgreSQL (lib/database/direct.ts):
// a connection prepares each once and runs it again by name, and a client made
// without them (the embedded database, a pooler that cannot keep them)
// prepares none. pg_prepared_statements lists what the connection holds; each
// client here has one connection, so it is the one that ran them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { directQuery } from "@/lib/database/direct";
import { answerSaveSchema } from "@/lib/exams/inputs";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { createTestSession } from "../support/sessions";

const postgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-03-01T10:00:00Z");
const clients: PrismaClient[] = [];

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestDatabase();
  await seed(t.db, { demo: false });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await t?.close();
});

let users = 0;
/** Saves one answer and submits a fresh mock through `db`, twice over, as a student does. */
async function saveAndSubmit(db: PrismaClient) {
  for (let round = 0; round < 2; round++) {
    users++;
    const userId = (await t.db.user.create({ data: { email: `direct${users}@example.com`, name: `Direct ${users}`, passwordHash: "x" } })).id;
    const sessionId = await createTestSession(t.db, userId, T0);
    const { attemptId } = await startAttempt(t.db, { userId, input: { mode: "MOCK" }, now: T0, settings });
    const save = answerSaveSchema.parse({ position: 0, chosenKeys: [], flagged: true, unsure: false, timeSpentMs: 1000, seq: 1 });
    expect(await saveAnswers(db, { userId, sessionId, attemptId, saves: [save], now: T0, settings })).toEqual([expect.objectContaining({ status: "saved" })]);
    const outcome = await submitAttempt(db, { userId, sessionId, attemptId, now: new Date(T0.getTime() + 60_000), settings });
    expect(outcome).toMatchObject({ alreadyGraded: false, status: "SUBMITTED" });
  }
}

/** The named statements this client's one connection holds, by what they start with. */
async function prepared(db: PrismaClient) {
  const rows = await directQuery<{ name: string; statement: string }>(
    db,
    Prisma.sql`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'stratus\_%' ORDER BY prepare_time`,
  );
  return rows.map((r) => ({ name: r.name, starts: r.statement.trim().split(/\s+/).slice(0, 2).join(" ") }));
}

describe.skipIf(!postgres)("direct statements", () => {
  test("are prepared once per connection, by a name their text decides", async () => {
    const db = createPrismaClient({ url: t.url, max: 1 });
    clients.push(db);
    await saveAndSubmit(db);
    const held = await prepared(db);
    // The save, the submit's read and its guarded grade, once each though each ran twice (and this listing's own query).
    expect(held.map((h) => h.starts)).toEqual(["UPDATE \"AttemptItem\"", "SELECT a.status::text", "WITH locked", "SELECT name,"]);
    expect(new Set(held.map((h) => h.name)).size).toBe(4);
  });

  test("are sent unnamed by a client made while DATABASE_PREPARED_STATEMENTS=off (as npm start sets it on the embedded database)", async () => {
    const before = process.env.DATABASE_PREPARED_STATEMENTS;
    process.env.DATABASE_PREPARED_STATEMENTS = "off";
    try {
      const db = createPrismaClient({ url: t.url, max: 1 });
      clients.push(db);
      await saveAndSubmit(db);
      expect(await prepared(db)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.DATABASE_PREPARED_STATEMENTS;
      else process.env.DATABASE_PREPARED_STATEMENTS = before;
    }
  });

  test("are sent unnamed by a client made without prepared statements", async () => {
    const db = createPrismaClient({ url: t.url, max: 1, preparedStatements: false });
    clients.push(db);
    await saveAndSubmit(db);
    expect(await prepared(db)).toEqual([]);
  });
});
