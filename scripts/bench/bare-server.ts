// A rung of the capacity ladder: node:http + a pg.Pool sending the app's own
// answer-save statement (lib/exams/save-statement.ts), prepared as the app
// prepares it (lib/database/direct.ts), with no framework,
// session, zod or Prisma. Started by the bench runner: BENCH_BARE_PORT,
// DATABASE_URL, DATABASE_POOL_MAX.
// POST /save?attemptId=…&userId=…&sid=… with the answers route's JSON body.
import http from "node:http";
import pg from "pg";
import { queryConfig } from "../../lib/database/direct";
import { saveAnswerStatement } from "../../lib/exams/save-statement";

type BareSave = { position: number; chosenKeys: string[]; flagged: boolean; unsure: boolean; timeSpentMs: number; seq: string };

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
const graceSeconds = Number(process.env.STRATUS_SAVE_GRACE_SECONDS ?? 10);

async function save(url: URL, body: string): Promise<string> {
  const attemptId = url.searchParams.get("attemptId") ?? "";
  const userId = url.searchParams.get("userId") ?? "";
  const sessionId = url.searchParams.get("sid") ?? "";
  const { saves } = JSON.parse(body) as { saves: BareSave[] };
  const now = new Date();
  const results = [];
  for (const s of saves) {
    const statement = saveAnswerStatement({ save: s, attemptId, userId, sessionId, now, graceSeconds });
    const updated = await pool.query(queryConfig(statement, { prepared: true }));
    results.push({ position: s.position, status: updated.rowCount === 1 ? "saved" : "stale", seq: s.seq });
  }
  return JSON.stringify({ ok: true, results, serverNow: now.toISOString() });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bench");
  if (req.method === "GET" && url.pathname === "/health") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  if (req.method !== "POST" || url.pathname !== "/save") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    save(url, Buffer.concat(chunks).toString("utf8")).then(
      (json) => res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(json),
      (error: Error) => res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error: error.message })),
    );
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.BENCH_BARE_PORT ?? 3401), "127.0.0.1");

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
