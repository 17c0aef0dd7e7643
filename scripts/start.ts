// npm start — one command from a clean clone to a running app:
// 1. with no DATABASE_URL, starts the embedded database (PGlite, data in .data/pglite);
// 2. applies migrations (prisma migrate deploy) and seeds (demo users + content);
// 3. builds the app if the build is missing or older than the sources;
// 4. serves it with scripts/server.ts (Next.js behind our edge, one process per
//    core) on PORT (3000) and prints the URL and, on a demo database, the demo logins;
// 5. runs the job worker (scripts/worker.ts: learning after each grade, the
//    overdue sweep every minute) beside it, restarted if it dies; set
//    STRATUS_JOB_WORKER=0 where the worker runs as its own service.
// `npm run dev` runs the same steps but serves in development mode (no build).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../lib/database/embedded";
import { migrateJobQueue } from "../lib/jobs/schema";
import { DEMO_USERS } from "../lib/seed/demo-users";
import { assertSeedable, seed } from "../lib/seed/seed";

const root = process.cwd();
const dataDir = process.env.STRATUS_DATA_DIR ? path.resolve(process.env.STRATUS_DATA_DIR) : path.join(root, ".data");
const port = Number(process.env.PORT ?? 3000);
const devMode = process.argv.includes("--dev");
const log = (message: string) => console.log(`[stratus] ${message}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  // Always asynchronous: the embedded database lives in this process's event loop.
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

/** One app per embedded data folder: PGlite must never be opened twice. */
function takeLock(): () => void {
  const lock = path.join(dataDir, "pglite.lock");
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8"));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive && pid !== process.pid) {
      throw new Error(`Another Stratus (pid ${pid}) is using ${path.relative(root, dataDir)}/pglite. Stop it first.`);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lock, String(process.pid));
  return () => {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let releaseLock = () => {};
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: authSecret(), NODE_ENV: devMode ? "development" : "production" };

  // Demo accounts belong to the embedded default and to a database the operator marked as a demo.
  const demo = !env.DATABASE_URL || env.STRATUS_DEMO_DATA === "1";
  if (!env.DATABASE_URL) {
    releaseLock = takeLock();
    log("No DATABASE_URL: starting the embedded database (PGlite) in .data/pglite …");
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      port: Number(process.env.STRATUS_EMBEDDED_DB_PORT ?? 0),
    });
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX = "1"; // one connection: transactions never interleave on PGlite
    // Its connections share one PGlite session: a new connection could prepare a name the session already holds (lib/database/direct.ts).
    env.DATABASE_PREPARED_STATEMENTS = "off";
    // PGlite answers one query at a time in this process, so more app processes would only queue on it.
    env.WEB_CONCURRENCY ??= "1";
    // The socket server runs each message on the one PGlite session as it comes, so two of the
    // worker's connections could interleave an unnamed Parse and Bind ("bind message supplies 1
    // parameters, but prepared statement requires 2"): one job at a time here (measured: with 2,
    // the worker crashed twice on the demo class's 7 learning jobs; with 1, none).
    env.STRATUS_JOB_CONCURRENCY ??= "1";
    // No mail server on the embedded default: mail goes to a local folder that /outbox shows.
    env.STRATUS_LOCAL_OUTBOX ??= path.join(dataDir, "outbox");
  } else {
    log(`Using DATABASE_URL (${new URL(env.DATABASE_URL).host}).`);
  }

  let server: ReturnType<typeof spawn> | undefined;
  let worker: ReturnType<typeof spawn> | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    stopping = true;
    server?.kill("SIGTERM");
    worker?.kill("SIGTERM");
    if (worker && worker.exitCode === null) await new Promise((r) => setTimeout(r, 500));
    await embedded?.stop().catch(() => {});
    releaseLock();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    log("Applying migrations …");
    await run(
      process.execPath,
      ["-r", path.join(root, "prisma/unref-engine-timers.cjs"), path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
      env,
    );
    await migrateJobQueue(env.DATABASE_URL!);

    log(demo ? "Seeding content, demo accounts and the demo class …" : "Syncing content (no demo accounts: set STRATUS_DEMO_DATA=1 for a demo database) …");
    assertSeedable(env.DATABASE_URL!, process.env.STRATUS_ALLOW_REMOTE_SEED === "1");
    const db = createPrismaClient({ url: env.DATABASE_URL!, max: 1 });
    const seeded = await seed(db, { demo });
    await db.$disconnect();
    log(
      `Content: ${seeded.content.created.questions} new / ${seeded.content.updated.questions} changed / ${seeded.content.unchanged.questions} unchanged questions, ` +
        `${seeded.content.created.lessons + seeded.content.updated.lessons} lessons written.`,
    );
    if (seeded.demoClass.created) log("Demo class created: the demo instructor's class, with six students and three assignments.");

    if (devMode) {
      log("Development mode: serving with next dev (hot reload, no build).");
    } else if (buildIsStale()) {
      log("Building the app (first run or sources changed; takes a few minutes) …");
      await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], env);
    } else {
      log("Build is up to date.");
    }

    env.PORT = String(port);
    env.STRATUS_PUBLIC_URL ??= `http://localhost:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/server.ts"), ...(devMode ? ["--dev"] : [])], {
      env,
      stdio: "inherit",
    });
    server.on("exit", (code) => void shutdown(code ?? 0));

    // One job worker per instance, with few jobs at once: it shares the database with the web requests.
    const startWorker = () => {
      if (stopping || env.STRATUS_JOB_WORKER === "0") return;
      worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")], { env, stdio: "inherit" });
      worker.on("exit", (code, signal) => {
        if (stopping) return;
        log(`job worker exited (${signal ?? code}); starting another in 2 s`);
        setTimeout(startWorker, 2_000);
      });
    };
    startWorker();

    const url = `http://localhost:${port}`;
    if (await waitForHealth(`${url}/api/health`, 60_000)) {
      console.log(
        [
          "",
          `  Stratus is running at ${url}`,
          "",
          ...(demo
            ? ["  Demo logins (created once; change them like any account):", ...DEMO_USERS.map((u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${u.password}`), ""]
            : []),
          env.STRATUS_LOCAL_OUTBOX && !env.SMTP_URL
            ? `  Mail (password resets): no SMTP_URL, so messages are written to ${env.STRATUS_LOCAL_OUTBOX} and shown at ${url}/outbox\n`
            : "",
          embedded ? `  Data: ${path.relative(root, dataDir)}/pglite (kept between runs; delete the folder to start over)` : "",
          "  Press Ctrl+C to stop.",
          "",
        ].join("\n"),
      );
    } else {
      log(`The server did not answer ${url}/api/health within 60 s; see its output above.`);
    }
  } catch (error) {
    console.error(`[stratus] ${(error as Error).message}`);
    await shutdown(1);
  }
}

void main();
