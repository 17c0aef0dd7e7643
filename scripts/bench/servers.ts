// The processes the bench starts: the production build in its own dist dir
// (with the bench-only route.bench.ts routes), the app served as `npm start`
// serves it (scripts/server.ts: our edge in front of Next.js, WEB_CONCURRENCY
// processes), and the bare Node server of the ladder. Each is stopped by its
// own pid when the bench ends, even on failure.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DIST_DIR = ".next-bench";

const children = new Set<ChildProcess>();

/** Registers a child (pgbench) so stopAll() ends it too. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

export function logFile(root: string, name: string): string {
  const dir = path.join(root, "tmp", "bench");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** True when the bench build is missing or older than the sources it is built from. */
export function benchBuildIsStale(root: string): boolean {
  const buildId = path.join(root, DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(options.log);
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("exit", (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} exited with ${code}; see ${options.log}`));
    });
  });
}

export async function buildApp(root: string): Promise<number> {
  const started = Date.now();
  // next build rewrites tsconfig.json to include the types of any dist dir it builds into; put it back.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", STRATUS_BENCH_BUILD: "1" },
    log: logFile(root, "build.log"),
  }).finally(() => writeFileSync(path.join(root, "tsconfig.json"), tsconfig));
  return Date.now() - started;
}

export type Server = { pid: number; port: number; stop(): Promise<void>; eventLoopLog?: string; handoffLog?: string };

function serve(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; port: number; log: string; health: string }): Promise<Server> {
  const out = createWriteStream(options.log);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    let exited = false;
    child.on("exit", (code) => {
      exited = true;
      children.delete(child);
      reject(new Error(`${args.join(" ")} exited with ${code} before answering; see ${options.log}`));
    });
    const until = Date.now() + 60_000;
    const poll = async () => {
      if (exited) return;
      try {
        const response = await fetch(`http://127.0.0.1:${options.port}${options.health}`);
        if (response.ok) return resolve({ pid: child.pid!, port: options.port, stop });
      } catch {
        // not listening yet
      }
      if (Date.now() > until) {
        await stop();
        return reject(new Error(`nothing answered on port ${options.port} within 60 s; see ${options.log}`));
      }
      setTimeout(() => void poll(), 250);
    };
    void poll();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      children.delete(child);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startApp(options: { root: string; port: number; processes: number; env: NodeJS.ProcessEnv; profileDir?: string }): Promise<Server> {
  // --profile: V8 CPU profile of the server, written when it exits (scripts/bench/profile-summary.ts reads it).
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const eventLoopLog = logFile(options.root, `event-loop-${options.port}-${options.processes}p.log`);
  rmSync(eventLoopLog, { force: true });
  const handoffLog = logFile(options.root, `handoff-${options.port}-${options.processes}p.log`);
  rmSync(handoffLog, { force: true });
  const server = await serve(process.execPath, [...profile, "--import", "tsx", path.join(options.root, "scripts/server.ts")], {
    cwd: options.root,
    env: {
      ...options.env,
      NEXT_DIST_DIR: DIST_DIR,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOSTNAME_BIND: "127.0.0.1",
      WEB_CONCURRENCY: String(options.processes),
      STRATUS_EVENT_LOOP_LOG: eventLoopLog,
      STRATUS_HANDOFF_LOG: handoffLog,
    },
    port: options.port,
    log: logFile(options.root, `app-${options.port}-${options.processes}p.log`),
    health: "/api/health",
  });
  return { ...server, eventLoopLog, handoffLog };
}

/** The job worker (scripts/worker.ts), beside the app as `npm start` runs it; it answers no HTTP, so it is ready once it says so. */
export function startWorker(options: { root: string; env: NodeJS.ProcessEnv }): Promise<Server> {
  const log = logFile(options.root, "worker.log");
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(options.root, "scripts/worker.ts")], { cwd: options.root, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stderr!.pipe(out);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the job worker did not start within 60 s; see ${log}`)), 60_000);
    child.on("exit", (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`the job worker exited with ${code}; see ${log}`));
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      out.write(chunk);
      if (chunk.toString().includes("job worker running")) {
        clearTimeout(timer);
        resolve({ pid: child.pid!, port: 0, stop: () => stopChild(child) });
      }
    });
  });
}

/**
 * nginx from Debian's package in front of the app, with the cluster test's
 * configuration (e2e/cluster/nginx.conf: X-Request-Start stamped at the edge),
 * one upstream: the production setup of docs/deploy.md.
 */
export function startNginx(options: { root: string; port: number; upstreamPort: number }): Promise<Server> {
  const dir = logFile(options.root, "nginx");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "static"), { recursive: true });
  const config = readFileSync(path.join(options.root, "e2e/cluster/nginx.conf"), "utf8")
    .replaceAll("{{USER}}", process.getuid?.() === 0 ? "user root;" : "")
    .replaceAll("{{PREFIX}}", dir)
    .replaceAll("{{PORT}}", String(options.port))
    .replaceAll("{{STATIC_ROOT}}", path.join(dir, "static"))
    .replaceAll("{{UPSTREAMS}}", `    server 127.0.0.1:${options.upstreamPort} max_fails=0;`);
  writeFileSync(path.join(dir, "nginx.conf"), config);
  return serve("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], {
    cwd: options.root,
    env: process.env,
    port: options.port,
    log: path.join(dir, "stdout.log"),
    health: "/api/health",
  });
}

export function startBareServer(options: { root: string; port: number; env: NodeJS.ProcessEnv }): Promise<Server> {
  return serve(process.execPath, ["--import", "tsx", path.join(options.root, "scripts/bench/bare-server.ts")], {
    cwd: options.root,
    env: { ...options.env, BENCH_BARE_PORT: String(options.port) },
    port: options.port,
    log: logFile(options.root, `bare-${options.port}.log`),
    health: "/health",
  });
}

/** Stops everything this process started (on the way out, also after an error). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}
