// POST /api/bench/raw-save?attemptId=…&userId=…&sid=… — only in the bench's own
// build (route.bench.ts: see next.config.mjs). A rung of the capacity ladder: a
// bare Next.js route handler sending the app's own answer-save statement
// (save-statement.ts), prepared as the app prepares it, through a module-level
// pg.Pool, with no session, zod or Prisma on purpose, so the ladder separates
// the framework's cost from the app's. It takes the user from the query string, so it also demands the
// server's AUTH_SECRET in x-bench-secret.
import pg from "pg";
import { queryConfig } from "@/lib/database/direct";
import { saveAnswerStatement } from "@/lib/exams/save-statement";

let pool: pg.Pool | undefined;
const benchPool = () => (pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) }));

type Save = { position: number; chosenKeys: string[]; flagged: boolean; unsure: boolean; timeSpentMs: number; seq: string };

export async function POST(request: Request) {
  const secret = process.env.AUTH_SECRET;
  if (!secret || request.headers.get("x-bench-secret") !== secret) return Response.json({ ok: false }, { status: 404 });
  const url = new URL(request.url);
  const ids = { attemptId: url.searchParams.get("attemptId") ?? "", userId: url.searchParams.get("userId") ?? "", sessionId: url.searchParams.get("sid") ?? "" };
  const { saves } = (await request.json()) as { saves: Save[] };
  const now = new Date();
  const graceSeconds = Number(process.env.STRATUS_SAVE_GRACE_SECONDS ?? 10);
  const results = [];
  for (const save of saves) {
    const statement = saveAnswerStatement({ save, ...ids, now, graceSeconds });
    const updated = await benchPool().query(queryConfig(statement, { prepared: true }));
    results.push({ position: save.position, status: updated.rowCount === 1 ? "saved" : "stale", seq: save.seq });
  }
  return Response.json({ ok: true, results, serverNow: now.toISOString() }, { headers: { "cache-control": "no-store" } });
}
