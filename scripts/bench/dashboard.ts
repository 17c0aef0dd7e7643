// npm run bench:dashboard — students' dashboards at scale (10,000 students,
// 1.7 million answered items; run `npm run bench:data` first or pass --generate).
// Measures, three runs each, 8 requests at a time:
//   - server time of the dashboard's data (loadDashboard, in this process);
//   - the whole page: GET /dashboard from a production build (`next start`);
// and records EXPLAIN (ANALYZE, BUFFERS) of every query the dashboard sends.
// Writes docs/benchmarks/dashboard.json and docs/benchmarks/dashboard.md.
//
// Run with the react-server condition (the npm script does): lib/learning/dashboard
// imports "server-only", which resolves to an empty module under that condition.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { createPrismaClient } from "../../lib/database/client";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { loadDashboard } from "../../lib/learning/dashboard";
import { closedLoop, summary } from "./closed-loop";
import { DASHBOARD_DB_URL, ensureDashboardData } from "./dashboard-data";
import { type DashboardResult, renderDashboardReport } from "./dashboard-report";
import { writeReport } from "./report";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3500);
const DIST = ".next-dash";
const SECRET = "bench-dashboard-secret-bench-dashboard-secret";
const CONCURRENCY = 8;
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 400);
const RUNS = 3;
/** The bench's students keep the defaults (UTC, 20 new cards a day). */
const STUDY_SETTINGS = { timeZone: "UTC", newCardsPerDay: 20 };


function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

async function explainDashboardQueries(userId: string): Promise<DashboardResult["plans"]> {
  const captured: Array<{ query: string; params: string }> = [];
  // A client with the query log on, to capture the exact SQL the dashboard sends.
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: DASHBOARD_DB_URL, max: 2 }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  await loadDashboard(db, { userId, now: new Date(), settings: STUDY_SETTINGS });
  await db.$disconnect();

  const pgClient = new pg.Client({ connectionString: DASHBOARD_DB_URL });
  await pgClient.connect();
  const plans = [];
  for (const { query, params } of captured) {
    const values = JSON.parse(params) as unknown[];
    const explained = await pgClient.query({ text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, values });
    const plan = explained.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
    plans.push({ sql: query, plan, readsItems: /"?AttemptItem"?/.test(plan), seqScanOnItems: /Seq Scan on "?AttemptItem"?/.test(plan) });
  }
  await pgClient.end();
  return plans;
}

async function main() {
  const counts = await ensureDashboardData(process.argv.includes("--generate"));
  console.log(`Data: ${counts.students} students, ${counts.items} attempt items.`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST,
    DATABASE_URL: DASHBOARD_DB_URL,
    DATABASE_POOL_MAX: "10",
    AUTH_SECRET: SECRET,
  };
  if (!process.argv.includes("--no-build") || !existsSync(path.join(root, DIST, "BUILD_ID"))) {
    console.log("Building the app into .next-dash …");
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], env);
  }
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/health`, 60_000);
    const students = Array.from({ length: 500 }, (_, i) => `bench-${String(1 + ((i * 7919) % 10_000)).padStart(5, "0")}`);
    const cookies = await Promise.all(
      students.map(async (id) => {
        const token = await encode({
          token: { sub: id, email: `${id}@example.com`, name: id, role: "STUDENT", sv: 0 },
          secret: SECRET,
          salt: "authjs.session-token",
        });
        return `authjs.session-token=${token}`;
      }),
    );
    const check = await fetch(`http://127.0.0.1:${PORT}/dashboard`, { headers: { cookie: cookies[0]! }, redirect: "manual" });
    if (check.status !== 200 || !(await check.text()).includes("Readiness")) throw new Error(`a minted session did not open the dashboard (status ${check.status})`);

    const db = createPrismaClient({ url: DASHBOARD_DB_URL, max: 10 });
    // Warm-up: JIT, connection pools, PostgreSQL's cache.
    await closedLoop(80, CONCURRENCY, async (i) => void (await loadDashboard(db, { userId: students[i % students.length]!, now: new Date(), settings: STUDY_SETTINGS })));
    await closedLoop(80, CONCURRENCY, async (i) => void (await (await fetch(`http://127.0.0.1:${PORT}/dashboard`, { headers: { cookie: cookies[i % cookies.length]! } })).text()));

    const runs: Array<{ data: ReturnType<typeof summary>; page: ReturnType<typeof summary>; errors: number }> = [];
    for (let r = 0; r < RUNS; r++) {
      const offset = r * 131;
      const data = await closedLoop(REQUESTS, CONCURRENCY, async (i) => {
        await loadDashboard(db, { userId: students[(i + offset) % students.length]!, now: new Date(), settings: STUDY_SETTINGS });
      });
      let errors = 0;
      const page = await closedLoop(REQUESTS, CONCURRENCY, async (i) => {
        const response = await fetch(`http://127.0.0.1:${PORT}/dashboard`, { headers: { cookie: cookies[(i + offset) % cookies.length]! } });
        const body = await response.text();
        if (response.status !== 200 || !body.includes("Readiness")) errors++;
      });
      runs.push({ data: summary(data), page: summary(page), errors });
      console.log(`run ${r + 1}: data p50 ${runs[r]!.data.p50} ms p95 ${runs[r]!.data.p95} ms · page p50 ${runs[r]!.page.p50} ms p95 ${runs[r]!.page.p95} ms · errors ${errors}`);
    }
    await db.$disconnect();
    const medianRun = (key: "data" | "page") => [...runs].sort((a, b) => a[key].p95 - b[key].p95)[1]!;
    const plans = await explainDashboardQueries(students[0]!);

    const result: DashboardResult = {
      date: new Date().toISOString(),
      command: "npm run bench:dashboard",
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      data: counts,
      concurrency: CONCURRENCY,
      requestsPerRun: REQUESTS,
      runs,
      median: { data: medianRun("data").data, page: medianRun("page").page },
      target: { p95Ms: 100 },
      plans,
    };
    const dir = path.join(root, "docs", "benchmarks");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "dashboard.json"), JSON.stringify(result, null, 2));
    writeFileSync(path.join(dir, "dashboard.md"), renderDashboardReport(result));
    // docs/benchmarks.md carries this section too (after the exam scenarios of the last full run).
    const results = path.join(dir, "results.json");
    if (existsSync(results)) writeReport(results, path.join(root, "docs", "benchmarks.md"));
    console.log(`Median run: data p95 ${result.median.data.p95} ms, page p95 ${result.median.page.p95} ms. Wrote docs/benchmarks/dashboard.{json,md}${existsSync(results) ? " and docs/benchmarks.md" : ""}`);
  } finally {
    server.kill("SIGTERM");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
