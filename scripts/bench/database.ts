// The bench database: created fresh on the local PostgreSQL server, migrated
// with the real `prisma migrate deploy`, seeded with the app's seed, plus bench
// students created in bulk with one shared argon2 hash.
import { benchSessionId } from "./sessions";
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/database/client";
import { migrateJobQueue } from "../../lib/jobs/schema";
import { seed } from "../../lib/seed/seed";
import type { BenchUser } from "./sessions";

export const STUDENT_PREFIX = "bench-student-";
export const WARM_PREFIX = "bench-warm-";

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runPrisma(root: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", path.join(root, "prisma/unref-engine-timers.cjs"), path.join(root, "node_modules/prisma/build/index.js"), ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" } },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed:\n${output}`))));
  });
}

export const studentOf = (i: number): BenchUser => {
  const n = String(i + 1).padStart(4, "0");
  return { id: `${STUDENT_PREFIX}${n}`, email: `bench-${n}@bench.stratus.dev`, name: `Bench Student ${n}`, role: "STUDENT" };
};
export const warmUserOf = (i: number): BenchUser => {
  const n = String(i + 1).padStart(2, "0");
  return { id: `${WARM_PREFIX}${n}`, email: `bench-warm-${n}@bench.stratus.dev`, name: `Bench Warm-up ${n}`, role: "STUDENT" };
};

/** Drops and recreates the database, migrates, seeds, adds the bench students. Returns timings in ms. */
export async function createBenchDatabase(options: {
  root: string;
  serverUrl: string;
  name: string;
  students: number;
  warmUsers: number;
}): Promise<Record<string, number>> {
  const { root, serverUrl, name } = options;
  const timings: Record<string, number> = {};
  let t = Date.now();
  const admin = new pg.Client(databaseUrl(serverUrl, "postgres"));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(serverUrl, name);
  await runPrisma(root, ["migrate", "deploy"], url);
  await migrateJobQueue(url); // the job queue's schema, as `npm run db:migrate` and `npm start` make it
  timings.migrateMs = Date.now() - t;

  t = Date.now();
  const db = createPrismaClient({ url, max: 2 });
  await seed(db, { demo: false });
  timings.seedMs = Date.now() - t;

  t = Date.now();
  const passwordHash = await hashPassword("bench-password-not-used"); // one hash for all: nobody signs in
  const users = [
    ...Array.from({ length: options.students }, (_, i) => studentOf(i)),
    ...Array.from({ length: options.warmUsers }, (_, i) => warmUserOf(i)),
  ];
  await db.user.createMany({ data: users.map((u) => ({ ...u, passwordHash })) });
  await db.authSession.createMany({
    data: users.map((u) => ({ id: benchSessionId(u.id), userId: u.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) })),
  });
  timings.studentsMs = Date.now() - t;
  await db.$disconnect();
  await vacuum(url);
  return timings;
}

/** The server runs with autovacuum off here; the bench vacuums between scenarios so runs start alike. */
export async function vacuum(url: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`VACUUM (ANALYZE) "Attempt", "AttemptItem", "Mastery", "ReviewCard", "DailyActivity", "User"`);
  await client.end();
}

/** Removes every bench user's attempts and what grading wrote for them, so a storm starts from nothing. */
export async function resetBenchAttempts(sql: pg.Pool): Promise<void> {
  await sql.query(`DELETE FROM "Attempt" WHERE "userId" LIKE 'bench-%'`);
  for (const table of ["Mastery", "ReviewCard", "DailyActivity"]) {
    await sql.query(`DELETE FROM "${table}" WHERE "userId" LIKE 'bench-%'`);
  }
}

export type OpenAttempt = {
  attemptId: string;
  userId: string;
  items: Array<{ position: number; choiceOrder: string[]; chooseCount: number }>;
};

/** The bench students' open mock attempts with what a valid save needs. */
export async function openAttempts(sql: pg.Pool): Promise<OpenAttempt[]> {
  const rows = await sql.query<{ attemptId: string; userId: string; position: number; choiceOrder: string[]; chooseCount: number }>(
    `SELECT a.id AS "attemptId", a."userId", ai.position, ai."choiceOrder", ai."chooseCount"
     FROM "Attempt" a JOIN "AttemptItem" ai ON ai."attemptId" = a.id
     WHERE a."userId" LIKE '${STUDENT_PREFIX}%' AND a.status = 'IN_PROGRESS' AND a.mode = 'MOCK'
     ORDER BY a."userId", ai.position`,
  );
  const byAttempt = new Map<string, OpenAttempt>();
  for (const r of rows.rows) {
    let a = byAttempt.get(r.attemptId);
    if (!a) byAttempt.set(r.attemptId, (a = { attemptId: r.attemptId, userId: r.userId, items: [] }));
    a.items.push({ position: r.position, choiceOrder: r.choiceOrder, chooseCount: r.chooseCount });
  }
  return [...byAttempt.values()];
}

export async function maxSaveSeq(sql: pg.Pool): Promise<bigint> {
  const r = await sql.query<{ max: string | null }>(`SELECT max("saveSeq")::text AS max FROM "AttemptItem"`);
  return BigInt(r.rows[0]?.max ?? "0");
}
