// npm run bench — load tests of the exam hot paths against a production build
// on PostgreSQL, served as `npm start` serves it (scripts/server.ts: our edge in
// front of Next.js), with 1 server process and then one per core in the same
// run (see docs/benchmarks.md for what each scenario does and what was
// measured). Not part of `npm test`.
//
//   npm run bench                        every exam scenario, 1 run each (~15 min), writes docs/benchmarks.md
//   npm run bench -- --quick             smoke run (short steps), writes tmp/bench/quick.{json,md}
//   npm run bench -- --scenario=capacity one scenario (costs, capacity, hot-path, start-storm, steady, submit-storm, class-storm, dashboard, insights; comma-separated)
//   dashboard: scripts/bench/dashboard.ts in a child process (react-server condition), only when asked for,
//   on its own database (10,000 students, generated when missing); writes docs/benchmarks/dashboard.{json,md}
//   insights: scripts/bench/insights.ts the same way (class dashboard, assignment report, item statistics); docs/benchmarks/insights.{json,md}
//   options: --runs=N --students=N --pool=N (DATABASE_POOL_MAX per process) --processes=1,2 --step=S (seconds per rung)
//            --patience=S (longest wait for a quiet machine) --targets=app,next-raw,node-bare,pgbench (capacity)
//            --edge=direct,nginx (the storms direct and again behind nginx, e2e/cluster/nginx.conf, which stamps
//            X-Request-Start; --edge=nginx: the storms behind nginx only) --warmup=N (warm-up rounds, 10)
//            --profile (V8 CPU profile of the app server into tmp/bench/profiles) --rebuild --out=file.json --doc=file.md
//   env: BENCH_DATABASE_SERVER (postgresql://postgres@127.0.0.1:5432), BENCH_DATABASE_NAME (stratus_bench), BENCH_PORT (3400), BENCH_BARE_PORT (3401), nginx on BENCH_PORT + 2
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import pg from "pg";
import { type BenchContext, type BenchOptions, SaveSeqClock, appRequest, inBatches, jsonHeaders, saveBody } from "./context";
import { calibrate } from "./cpu";
import { createBenchDatabase, databaseUrl, openAttempts, studentOf, warmUserOf } from "./database";
import { keepAliveAgent, seeded } from "./load";
import { machineInfo } from "./machine";
import { writeReport } from "./report";
import { DIST_DIR, benchBuildIsStale, buildApp, logFile, startApp, startNginx, startWorker, stopAll } from "./servers";
import { benchSessionId, sessionCookie } from "./sessions";
import { capacity, hotPath, TARGETS } from "./scenarios/capacity";
import { classStorm } from "./scenarios/class-storm";
import { operationCosts } from "./scenarios/costs";
import { startStorm } from "./scenarios/start-storm";
import { steadyAutosave } from "./scenarios/steady";
import { submitStorm } from "./scenarios/submit-storm";

const SCENARIOS = ["costs", "capacity", "hot-path", "start-storm", "steady", "submit-storm", "class-storm", "dashboard", "insights"] as const;
const EXAM_SCENARIOS: readonly string[] = SCENARIOS.filter((s) => s !== "dashboard" && s !== "insights");
const WARM_USERS = 20;
/** Connections per app instance for the bench; see docs/benchmarks.md ("Pool size") for the measurement behind it. */
const DEFAULT_POOL_MAX = 10;

const root = path.resolve(import.meta.dirname, "../..");
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

const quick = flag("quick");
/** Rounds of start → saves → submit before the first measurement of each server (--warmup=N). */
const warmUpRounds = Number(value("warmup") ?? 10);
const cores = availableParallelism();
const options: BenchOptions = {
  quick,
  runs: Number(value("runs") ?? 1),
  students: Number(value("students") ?? 1000),
  poolMax: Number(value("pool") ?? DEFAULT_POOL_MAX),
  scenarios: value("scenario")?.split(",") ?? [...EXAM_SCENARIOS],
  targets: value("targets")?.split(","),
  processes: value("processes")?.split(",").map(Number) ?? [...new Set([1, cores])],
  stepSeconds: Number(value("step") ?? (quick ? 3 : 6)),
  patienceSeconds: Number(value("patience") ?? (quick ? 0 : 30)),
  edges: (value("edge")?.split(",") ?? ["direct", "nginx"]) as Array<"direct" | "nginx">,
};
for (const s of options.scenarios) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}; one of ${SCENARIOS.join(", ")}`);
const complete = !quick && EXAM_SCENARIOS.every((s) => options.scenarios.includes(s)) && !options.targets && !flag("profile") && options.processes.length > 1;
const out = path.resolve(root, value("out") ?? (complete ? "docs/benchmarks/results.json" : `tmp/bench/${quick ? "quick" : "partial"}.json`));
const doc = path.resolve(root, value("doc") ?? (complete ? "docs/benchmarks.md" : out.replace(/\.json$/, ".md")));

const serverUrl = process.env.BENCH_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const dbName = process.env.BENCH_DATABASE_NAME ?? "stratus_bench";
const dbUrl = databaseUrl(serverUrl, dbName);
const port = Number(process.env.BENCH_PORT ?? 3400);
const authSecret = "stratus-bench-secret-stratus-bench-secret-0123456789";
const graceSeconds = 10;
const runLog = logFile(root, "run.log");
writeFileSync(runLog, "");
const began = Date.now();
const log = (message: string) => {
  const line = `[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`;
  console.log(line);
  writeFileSync(runLog, `${line}\n`, { flag: "a" });
};

async function warmUp(ctx: BenchContext): Promise<void> {
  // JIT, module loading, the question-pool cache and the pools' connections, not measured:
  // ten rounds of start → saves → submit for the warm-up users (200 of each, 800 saves),
  // so the first storm does not meet code the server has run only a few times.
  const random = seeded(1);
  for (let round = 0; round < warmUpRounds; round++) {
    const attemptIds = await inBatches(ctx.warmCookies, 4, async (cookie) => {
      const r = await appRequest(ctx, { method: "POST", path: "/api/bench/start", headers: jsonHeaders(cookie), body: '{"mode":"MOCK"}' });
      if (r.status !== 200) throw new Error(`warm-up start answered ${r.status}: ${r.body.slice(0, 300)}`);
      return (JSON.parse(r.body) as { attemptId: string }).attemptId;
    });
    const items = await ctx.sql.query<{ attemptId: string; position: number; choiceOrder: string[]; chooseCount: number }>(
      `SELECT ai."attemptId", ai.position, ai."choiceOrder", ai."chooseCount" FROM "AttemptItem" ai WHERE ai."attemptId" = ANY($1) ORDER BY ai.position`,
      [attemptIds],
    );
    const warm = attemptIds.map((id, i) => ({ attemptId: id, userId: warmUserOf(i).id, items: items.rows.filter((r) => r.attemptId === id), cookie: ctx.warmCookies[i]! }));
    await inBatches(Array.from({ length: 40 }, (_, i) => warm[i % warm.length]!), 8, async (w) => {
      const r = await appRequest(ctx, { method: "POST", path: `/api/attempts/${w.attemptId}/answers`, headers: jsonHeaders(w.cookie), body: saveBody(w, random, ctx.seq.next()).body });
      if (r.status !== 200) throw new Error(`warm-up save answered ${r.status}: ${r.body.slice(0, 300)}`);
      const raw = await appRequest(ctx, { method: "POST", path: `/api/bench/raw-save?attemptId=${w.attemptId}&userId=${w.userId}&sid=${benchSessionId(w.userId)}`, headers: { ...jsonHeaders(), "x-bench-secret": ctx.authSecret }, body: saveBody(w, random, ctx.seq.next()).body });
      if (raw.status !== 200) throw new Error(`warm-up bare save answered ${raw.status}: ${raw.body.slice(0, 300)}`);
    });
    await inBatches(warm, 4, async (w) => {
      const r = await appRequest(ctx, { method: "POST", path: `/api/attempts/${w.attemptId}/submit`, headers: jsonHeaders(w.cookie), body: "{}" });
      if (r.status !== 200) throw new Error(`warm-up submit answered ${r.status}: ${r.body.slice(0, 300)}`);
    });
  }
}

/** A minted cookie must open a protected page and save an answer, or nothing below means anything. */
async function checkSessions(ctx: BenchContext): Promise<void> {
  const anonymous = await appRequest(ctx, { method: "GET", path: "/dashboard" });
  const signedIn = await appRequest(ctx, { method: "GET", path: "/dashboard", headers: { cookie: ctx.cookies[0]! } });
  if (anonymous.status === 200) throw new Error("GET /dashboard without a session answered 200; the check below would prove nothing");
  if (signedIn.status !== 200 || !signedIn.body.includes(ctx.students[0]!.name.split(" ")[0]!)) {
    throw new Error(`a minted session cookie did not open /dashboard (status ${signedIn.status})`);
  }
  log(`session check: /dashboard → ${anonymous.status} without a cookie, ${signedIn.status} with a minted one`);
}

async function ensureOpenAttempts(ctx: BenchContext): Promise<void> {
  const open = (await openAttempts(ctx.sql)).length;
  if (open >= ctx.students.length) return;
  log(`starting ${ctx.students.length} mock attempts for the save scenarios …`);
  await inBatches(ctx.cookies, 16, (cookie) => appRequest(ctx, { method: "POST", path: "/api/bench/start", headers: jsonHeaders(cookie), body: '{"mode":"MOCK"}' }));
}

/** The dashboard and insights scenarios: their own scripts, as they import the app's server code (react-server condition). */
function scriptScenario(name: string, script: string): Promise<void> {
  log(`${name}: ${script} (10,000 students; data generated when missing) …`);
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script], { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the ${name} scenario exited with ${code}`))));
  });
}

async function main() {
  if (options.scenarios.some((s) => EXAM_SCENARIOS.includes(s))) await examScenarios();
  if (options.scenarios.includes("dashboard")) await scriptScenario("dashboard", "scripts/bench/dashboard.ts");
  if (options.scenarios.includes("insights")) await scriptScenario("insights", "scripts/bench/insights.ts");
}

async function examScenarios() {
  calibrate(); // warm the calibration's JIT before the first measurement uses it
  log(
    `${quick ? "quick" : "full"} run: scenarios ${options.scenarios.join(", ")}; ${options.runs} runs; ${options.students} students; ` +
      `server processes ${options.processes.join(" then ")} (${cores} cores); DATABASE_POOL_MAX=${options.poolMax} per process`,
  );
  const admin = new pg.Pool({ connectionString: databaseUrl(serverUrl, "postgres"), max: 1 });
  const machine = await machineInfo(root, admin);
  await admin.end();

  log(`creating ${dbName} (migrate deploy, seed, ${options.students} students) …`);
  const setup = await createBenchDatabase({ root, serverUrl, name: dbName, students: options.students, warmUsers: WARM_USERS });
  log(`database ready: ${JSON.stringify(setup)}`);

  let buildMs: number | null = null;
  if (flag("rebuild") || benchBuildIsStale(root)) {
    log(`building the app into ${DIST_DIR} (next build) …`);
    buildMs = await buildApp(root);
    log(`built in ${(buildMs / 1000).toFixed(0)} s`);
  } else log(`${DIST_DIR} is up to date with the sources; not rebuilding`);

  const profileDir = flag("profile") ? logFile(root, "profiles") : undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  // The app trusts X-Request-Start from nginx on this machine (the storms' nginx variant). The load generator
  // never sends that header, so without nginx every arrival time is the edge's own stamp (scripts/server.ts).
  const appEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    DATABASE_POOL_MAX: String(options.poolMax),
    AUTH_SECRET: authSecret,
    STRATUS_SAVE_GRACE_SECONDS: String(graceSeconds),
    STRATUS_TRUSTED_PROXIES: "127.0.0.1",
    STRATUS_REQUEST_START_HEADER: "x-request-start",
  };
  const students = Array.from({ length: options.students }, (_, i) => studentOf(i));
  const sql = new pg.Pool({ connectionString: dbUrl, max: 4 });
  const ctx: BenchContext = {
    root,
    options,
    dbName,
    dbUrl,
    authSecret,
    graceSeconds,
    sql,
    agent: keepAliveAgent(options.students * 4),
    app: { pid: 0, port, stop: async () => {} },
    students,
    cookies: await Promise.all(students.map((s) => sessionCookie(s, authSecret))),
    warmCookies: await Promise.all(Array.from({ length: WARM_USERS }, (_, i) => sessionCookie(warmUserOf(i), authSecret))),
    seq: new SaveSeqClock(),
    log,
  };
  const save = () => {
    const report = {
      date: new Date().toISOString(),
      command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
      durationSeconds: Math.round((Date.now() - began) / 1000),
      machine,
      config: {
        ...options,
        database: `${dbName} on ${new URL(serverUrl).host}`,
        appPort: port,
        cores,
        distDir: DIST_DIR,
        graceSeconds,
        buildSeconds: buildMs === null ? null : Math.round(buildMs / 1000),
        setupMs: setup,
        httpClient: `node:http keep-alive agent, up to ${options.students * 4} sockets (4 per student, as a browser may open several), in the runner's process`,
      },
      results,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  };
  const has = (s: string) => options.scenarios.includes(s);
  // A scenario that fails is recorded as failed and the run goes on; the JSON is written after every scenario.
  const attempt = async <T>(label: string, work: () => Promise<T>): Promise<T | { failed: string }> => {
    try {
      return await work();
    } catch (error) {
      log(`${label} failed: ${(error as Error).stack ?? String(error)}`);
      return { failed: (error as Error).message };
    }
  };
  const results: Record<string, unknown> = { phases: [] as Array<Record<string, unknown>> };
  try {
    // The job worker beside the app, as `npm start` runs it: the learning after each grade is its work.
    ctx.worker = await startWorker({ root, env: { ...appEnv, STRATUS_JOB_WORKER: "1" } });
    log(`job worker: scripts/worker.ts (pid ${ctx.worker.pid})`);
    if (has("costs")) results.costs = await attempt("costs", () => operationCosts(ctx));
    save();
    for (const [index, processes] of options.processes.entries()) {
      // Each process count gets a fresh server (same build, same database), warmed up the same way.
      ctx.agent.destroy();
      ctx.agent = keepAliveAgent(options.students * 4);
      ctx.app = await startApp({ root, port, processes, profileDir: processes === 1 ? profileDir : undefined, env: appEnv });
      log(`app: scripts/server.ts with ${processes} process${processes === 1 ? "" : "es"} on port ${port} (pid ${ctx.app.pid})`);
      const phase: Record<string, unknown> = { processes };
      (results.phases as unknown[]).push(phase);
      await checkSessions(ctx);
      await warmUp(ctx);
      log("warm-up done");
      // The ladder's other rungs are single processes, so the full ladder runs on the first process count;
      // the hot-path price is a per-save CPU figure, measured there too.
      if (has("capacity")) {
        await ensureOpenAttempts(ctx);
        phase.capacity = await attempt("capacity", () => capacity(ctx, index === 0 ? TARGETS : ["app"]));
        save();
      }
      if (has("hot-path") && index === 0) {
        await ensureOpenAttempts(ctx);
        phase.hotPath = await attempt("hot path", () => hotPath(ctx));
        save();
      }
      if (has("start-storm")) phase.startStorm = await attempt("start storm", () => startStorm(ctx));
      save();
      if (has("steady")) {
        await ensureOpenAttempts(ctx);
        phase.steady = await attempt("steady", () => steadyAutosave(ctx));
        save();
      }
      const direct = options.edges.includes("direct");
      if (has("submit-storm") && direct) {
        phase.submitStorm = await attempt("submit storm", () => submitStorm(ctx, 1));
        save();
        phase.submitStormDense = await attempt("dense submit storm", () => submitStorm(ctx, 2));
        save();
      }
      if (has("class-storm") && direct) phase.classStorm = await attempt("class storm", () => classStorm(ctx));
      save();
      if (options.edges.includes("nginx") && (has("submit-storm") || has("class-storm"))) {
        // The storms again behind nginx (the production setup of docs/deploy.md): it stamps each request's
        // arrival (X-Request-Start) before the busy Node.js process reads it.
        ctx.agent.destroy();
        ctx.agent = keepAliveAgent(options.students * 4);
        ctx.proxy = await startNginx({ root, port: port + 2, upstreamPort: port });
        log(`nginx on port ${port + 2} in front of the app (pid ${ctx.proxy.pid})`);
        const behind: Record<string, unknown> = { processes, edge: "nginx" };
        (results.phases as unknown[]).push(behind);
        if (has("submit-storm")) {
          behind.submitStorm = await attempt("submit storm behind nginx", () => submitStorm(ctx, 1));
          save();
          behind.submitStormDense = await attempt("dense submit storm behind nginx", () => submitStorm(ctx, 2));
          save();
        }
        if (has("class-storm")) behind.classStorm = await attempt("class storm behind nginx", () => classStorm(ctx));
        save();
        await ctx.proxy.stop();
        ctx.proxy = undefined;
      }
      await ctx.app.stop();
    }

    save();
    writeReport(out, doc);
    log(`wrote ${path.relative(root, out)} and ${path.relative(root, doc)} in ${((Date.now() - began) / 60000).toFixed(1)} min`);
  } finally {
    ctx.agent.destroy();
    await sql.end();
    await stopAll();
  }
}

// Ctrl+C or a kill: stop the servers this run started before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the servers this run started`);
    void stopAll().then(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
