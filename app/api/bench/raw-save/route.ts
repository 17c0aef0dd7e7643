// POST /api/bench/raw-save?attemptId=…&userId=…&sv=… — bench only: 404 unless
// the bench runner started this server with STRATUS_BENCH_ROUTES=1. A rung of
// the capacity ladder: a bare Next.js route handler running saveAnswers' exact
// UPDATE through a module-level pg.Pool. It skips the session, zod and Prisma on
// purpose, so the ladder can separate the framework's cost from the app's. As it
// takes the user from the query string, it also demands the server's AUTH_SECRET
// in x-stratus-bench: a server started with the flag by mistake still refuses strangers.
import pg from "pg";
import { SAVE_ANSWER_SQL, type BareSave, saveAnswerParams } from "@/scripts/bench/save-sql";

export const dynamic = "force-dynamic";

let pool: pg.Pool | undefined;
const benchPool = () =>
  (pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) }));

export async function POST(request: Request) {
  const secret = process.env.AUTH_SECRET;
  if (process.env.STRATUS_BENCH_ROUTES !== "1" || !secret || request.headers.get("x-stratus-bench") !== secret) {
    return Response.json({ ok: false }, { status: 404 });
  }
  const url = new URL(request.url);
  const attemptId = url.searchParams.get("attemptId") ?? "";
  const userId = url.searchParams.get("userId") ?? "";
  const sessionVersion = Number(url.searchParams.get("sv") ?? 0);
  const { saves } = (await request.json()) as { saves: BareSave[] };
  const now = new Date();
  const cutoff = new Date(now.getTime() - Number(process.env.STRATUS_SAVE_GRACE_SECONDS ?? 10) * 1000);
  const results = [];
  for (const save of saves) {
    const updated = await benchPool().query<{ saveSeq: string }>(
      SAVE_ANSWER_SQL,
      saveAnswerParams({ save, attemptId, userId, sessionVersion, now, cutoff }),
    );
    results.push({ position: save.position, status: updated.rowCount === 1 ? "saved" : "stale", seq: save.seq });
  }
  return Response.json({ ok: true, results, serverNow: now.toISOString() }, { headers: { "cache-control": "no-store" } });
}
