// pgbench, the database-only rung of the capacity ladder: the app's own
// answer-save statement (lib/exams/save-statement.ts, with pgbench variables for
// its $n placeholders, sent as a prepared statement, as the app sends it), at a fixed rate (-R,
// Poisson arrivals), latencies from each transaction's scheduled start, read
// from the per-transaction log.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type LatencySummary, summarise } from "./load";
import { saveAnswerStatement } from "../../lib/exams/save-statement";
import { STUDENT_PREFIX } from "./database";
import { track } from "./servers";

export function pgbenchPath(): string | null {
  for (const candidate of ["/usr/lib/postgresql/15/bin/pgbench", "/usr/bin/pgbench"]) if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * The statement's text with a pgbench variable for each placeholder. Which
 * placeholder is which is read off the statement itself: it is built once with
 * a distinct marker value for every input, and each value is named by its marker.
 */
function saveStatementForPgbench(): string {
  const keys = ["marker-keys"];
  const now = new Date(1_000_000_000_000);
  const statement = saveAnswerStatement({
    save: { position: 64_064, chosenKeys: keys, flagged: true, unsure: false, timeSpentMs: 1_201_201, seq: "9090909090" },
    attemptId: "marker-attempt",
    userId: "marker-user",
    sessionId: "marker-session",
    now,
    graceSeconds: 7,
  });
  const names = statement.values.map((v) => {
    if (v === keys) return "keys";
    if (v === now) return "now";
    if (v instanceof Date && v.getTime() === now.getTime() - 7_000) return "cutoff";
    const byValue: Record<string, string> = {
      "64064": "pos",
      true: "flagged",
      false: "unsure",
      "1201201": "spent",
      "9090909090": "seq",
      "marker-attempt": "attempt",
      "marker-user": "uid",
      "marker-session": "sid",
    };
    const name = byValue[String(v)];
    if (!name) throw new Error(`bench: the save statement has a parameter pgbench cannot supply (${String(v)})`);
    return name;
  });
  return statement.text.replace(/\$(\d+)(?!\d)/g, (_m, i: string) => `:${names[Number(i) - 1]}`);
}

/**
 * The transaction script. Each client binds itself once to one open bench
 * attempt (\gset on its first transaction), then saves a random position of it
 * with a sequence number that only grows. \gset on RETURNING makes a save that
 * changed nothing an error, so "0 errors" means every UPDATE applied.
 */
export function pgbenchScript(): string {
  const update = saveStatementForPgbench();
  return [
    "\\if :bound = 0",
    `SELECT id AS attempt, "userId" AS uid, 'bench-session-' || "userId" AS sid FROM "Attempt" WHERE "userId" LIKE '${STUDENT_PREFIX}%' AND status = 'IN_PROGRESS' AND mode = 'MOCK' ORDER BY id OFFSET :client_id LIMIT 1 \\gset`,
    "\\set bound 1",
    "\\endif",
    "\\set pos random(0, 64)",
    "\\set seq :seq + 1",
    // pgbench reads one SQL command per line unless it ends without ';' — keep it on one line.
    `${update.replace(/\s+/g, " ").trim()} \\gset saved_`,
    "",
  ].join("\n");
}

export type PgbenchResult = {
  rate: number;
  seconds: number;
  clients: number;
  transactions: number;
  failed: number;
  latency: LatencySummary;
  achievedRate: number;
  scheduleLagMaxMs: number;
  aborted: boolean;
  stderr: string;
};

export async function runPgbench(options: {
  bin: string;
  url: string;
  rate: number;
  seconds: number;
  clients: number;
  seqBase: bigint;
  workDir: string;
  onStart?: (pid: number) => void;
}): Promise<PgbenchResult> {
  const { bin, url, rate, seconds, clients, workDir } = options;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const scriptFile = path.join(workDir, "save.sql");
  writeFileSync(scriptFile, pgbenchScript());
  const now = new Date();
  const cutoff = new Date(now.getTime() - 10_000);
  const args = [
    "-n", // no vacuum of pgbench's own tables (there are none)
    "-M", "prepared", // as the app sends it (lib/database/direct.ts)
    "-f", scriptFile,
    "-c", String(clients),
    "-j", "1",
    "-R", String(rate),
    "-T", String(seconds),
    "-l", "--log-prefix", path.join(workDir, "tx"),
    "-D", "bound=0",
    "-D", `seq=${options.seqBase}`,
    "-D", "keys={a}",
    "-D", "flagged=false",
    "-D", "unsure=false",
    "-D", "spent=1200",
    "-D", `now=${now.toISOString()}`,
    "-D", `cutoff=${cutoff.toISOString()}`,
    url,
  ];
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, PGAPPNAME: "stratus-bench-pgbench" } });
    track(child);
    if (child.pid) options.onStart?.(child.pid);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (c) => resolve({ code: c ?? -1, stdout: out, stderr: err }));
  });
  // Per-transaction log: client_id transaction_no time script_no time_epoch time_us [schedule_lag].
  // Under -R, `time` is measured from the scheduled start (it includes the schedule lag).
  const latencies: number[] = [];
  let lagMax = 0;
  let failed = 0;
  for (const file of readdirSync(workDir).filter((f) => f.startsWith("tx"))) {
    for (const line of readFileSync(path.join(workDir, file), "utf8").split("\n")) {
      const f = line.split(" ");
      if (f.length < 6) continue;
      if (f[2] === "failed" || f[2] === "skipped") {
        failed++;
        continue;
      }
      latencies.push(Number(f[2]) / 1000);
      if (f[6]) lagMax = Math.max(lagMax, Number(f[6]) / 1000);
    }
  }
  const failedLine = /number of failed transactions: (\d+)/.exec(stdout);
  failed = Math.max(failed, failedLine ? Number(failedLine[1]) : 0);
  const aborted = code !== 0 || /aborted/.test(stderr) || /client \d+ aborted/.test(stdout);
  const expected = Math.round(rate * seconds);
  return {
    rate,
    seconds,
    clients,
    transactions: latencies.length,
    failed: failed + (aborted ? Math.max(0, expected - latencies.length - failed) : 0),
    latency: summarise(latencies),
    achievedRate: Math.round((latencies.length / seconds) * 10) / 10,
    scheduleLagMaxMs: Math.round(lagMax * 10) / 10,
    aborted,
    stderr: stderr.split("\n").slice(0, 5).join("\n"),
  };
}
