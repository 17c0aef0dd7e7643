// Cost of one request, one at a time: the exam operations called directly
// (lib/exams/* through Prisma and the pg adapter, as the app calls
// them, without Next.js), each measured for wall time, this process's CPU time,
// the SQL statements it sends and the time PostgreSQL reports for them. Plus
// the session cookie's decryption, which every request pays. Serial, so each
// figure belongs to its operation; it explains the storms' CPU profile.
import { benchSessionId } from "../sessions";
import { Auth } from "@auth/core";
import { PrismaPg } from "@prisma/adapter-pg";
import { decode } from "next-auth/jwt";
import pg from "pg";
import { submitAttempt } from "../../../lib/exams/submit-attempt";
import { loadRunnerView } from "../../../lib/exams/runner-view";
import { saveAnswers } from "../../../lib/exams/save-answers";
import { startAttempt } from "../../../lib/exams/start-attempt";
import { type VersionRef, questionSnapshots } from "../../../lib/exams/question-versions";
import { PrismaClient } from "../../../lib/generated/prisma/client";
import type { BenchContext } from "../context";
import { warmUserOf } from "../database";
import { attachPool, queryConfig } from "../../../lib/database/direct";
import { saveAnswerStatement } from "../../../lib/exams/save-statement";
import { SESSION_COOKIE } from "../sessions";

export type OperationCost = { operation: string; samples: number; wallMs: number; nodeCpuMs: number; statements: number; databaseMs: number };

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};
const round = (n: number) => Math.round(n * 100) / 100;

export async function operationCosts(ctx: BenchContext): Promise<OperationCost[]> {
  const pool = new pg.Pool({ connectionString: ctx.dbUrl, max: 2 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  let databaseMs = 0;
  db.$on("query", (e) => {
    statements++;
    databaseMs += e.duration;
  });
  // The hottest statements skip Prisma (lib/database/direct.ts), so Prisma's events miss them: count those
  // where they are sent, timing each round trip as Prisma's event does.
  const counted = {
    async query(config: pg.QueryConfig) {
      statements++;
      const started = performance.now();
      try {
        return await pool.query(config);
      } finally {
        databaseMs += performance.now() - started;
      }
    },
  };
  attachPool(db, counted as unknown as pg.Pool, { prepared: true });
  const settings = { mockMinutes: 130, graceSeconds: ctx.graceSeconds };
  const samples: Record<string, Array<{ wall: number; cpu: number; statements: number; db: number }>> = {};
  const measure = async <T>(operation: string, work: () => Promise<T>, record = true): Promise<T> => {
    statements = 0;
    databaseMs = 0;
    const cpu = process.cpuUsage();
    const t = performance.now();
    const value = await work();
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (record) (samples[operation] ??= []).push({ wall, cpu: (used.user + used.system) / 1000, statements, db: databaseMs });
    return value;
  };
  // A running server holds every question version after its first attempts
  // (lib/exams/question-versions.ts); so does this process before it measures.
  await questionSnapshots(db, await db.$queryRaw<VersionRef[]>`SELECT "questionId", version, "contentHash" FROM "QuestionVersion"`);
  // Users 3…20 of the warm-up set: their warm-up attempts are graded, so each starts a fresh mock.
  const users = Array.from({ length: 18 }, (_, i) => warmUserOf(i + 2).id);
  for (const [i, userId] of users.entries()) {
    const record = i >= 2; // the first two warm this process up (JIT, the question-pool cache)
    const now = () => new Date();
    const { attemptId } = await measure("startAttempt (mock, 65 questions)", () => startAttempt(db, { userId, input: { mode: "MOCK" }, now: now(), settings }), record);
    await measure("loadRunnerView (the runner page's data)", () => loadRunnerView(db, { userId, attemptId, now: now(), settings }), record);
    for (let k = 0; k < 5; k++) {
      await measure(
        "saveAnswers (one save)",
        () =>
          saveAnswers(db, {
            userId,
            sessionId: benchSessionId(userId),
            attemptId,
            saves: [{ position: k, chosenKeys: ["a"], flagged: false, unsure: false, timeSpentMs: 1000, seq: BigInt(ctx.seq.next()) }],
            now: now(),
            settings,
          }),
        record,
      );
    }
    await measure("submitAttempt (grade; learning follows in a job)", () => submitAttempt(db, { userId, attemptId, now: now(), settings }), record);
  }
  const { attemptId: openAttemptId } = await startAttempt(db, { userId: users[0]!, input: { mode: "MOCK" }, now: new Date(), settings });
  await db.$disconnect();

  // The session cookie every request decrypts (Auth.js JWE: HKDF key derivation + A256CBC-HS512).
  const token = ctx.cookies[0]!.slice(SESSION_COOKIE.length + 1);
  for (let i = 0; i < 220; i++) {
    await measure("session cookie decode only (jwt decode)", () => decode({ token, secret: ctx.authSecret, salt: SESSION_COOKIE }), i >= 20);
  }
  // What next-auth's auth() does on every call (next-auth/lib getSession): build a Request, run
  // @auth/core's session action (decode, jwt and session callbacks, re-encode the rolled token,
  // Set-Cookie), then read the JSON back. Same engine and callbacks shape as lib/auth/auth.ts.
  const config = {
    secret: ctx.authSecret,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" as const, maxAge: 14 * 24 * 60 * 60 },
    providers: [],
    callbacks: {
      jwt: ({ token: t }: { token: Record<string, unknown> }) => t,
      session: ({ session, token: t }: { session: Record<string, unknown>; token: Record<string, unknown> }) => ({
        ...session,
        user: { id: t.sub, email: t.email, name: t.name, role: t.role },
        sessionId: t.sid,
      }),
    },
  };
  for (let i = 0; i < 220; i++) {
    await measure(
      "session check as auth() runs it (@auth/core session action)",
      async () => {
        const response = (await Auth(new Request("http://127.0.0.1/api/auth/session", { headers: { cookie: ctx.cookies[0]! } }), config as never)) as unknown as Response;
        return response.json();
      },
      i >= 20,
    );
  }
  // saveAnswers' statement without Prisma: the same SQL and parameters through node-postgres.
  const raw = new pg.Pool({ connectionString: ctx.dbUrl, max: 1 });
  for (let i = 0; i < 100; i++) {
    const now = new Date();
    await measure(
      "the same save UPDATE through pg directly (no Prisma)",
      () =>
        (() => {
          const statement = saveAnswerStatement({
            save: { position: i % 65, chosenKeys: ["a"], flagged: false, unsure: false, timeSpentMs: 1000, seq: ctx.seq.next() },
            attemptId: openAttemptId,
            userId: users[0]!,
            sessionId: benchSessionId(users[0]!),
            now,
            graceSeconds: ctx.graceSeconds,
          });
          return raw.query(queryConfig(statement, { prepared: true }));
        })(),
      i >= 20,
    );
  }
  await raw.end();

  return Object.entries(samples).map(([operation, s]) => ({
    operation,
    samples: s.length,
    wallMs: round(median(s.map((x) => x.wall))),
    nodeCpuMs: round(median(s.map((x) => x.cpu))),
    statements: median(s.map((x) => x.statements)),
    databaseMs: round(median(s.map((x) => x.db))),
  }));
}
