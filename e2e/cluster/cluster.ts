// The pieces of the cluster fault test, each a real process: a PostgreSQL
// server of the test's own (initdb in a temporary folder, so restarting it
// touches nobody else's database), Stratus instances started by `npm start`'s
// own script (scripts/start.ts: migrations, content, server, job worker), and
// nginx from Debian's package with e2e/cluster/nginx.conf.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const root = path.resolve(import.meta.dirname, "../..");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Runs a command as the postgres user when we are root (initdb and postgres refuse root). */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function postgresBin(name: string): string {
  for (const dir of ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]) {
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return name;
}

export class PrivatePostgres {
  readonly dataDir: string;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(dir, "data");
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/stratus`;
  }

  async create(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    chmodSync(this.dir, 0o777);
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres", this.dir]);
    const [cmd, args] = asPostgres(postgresBin("initdb"), ["-D", this.dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    execFileSync(cmd, args, { stdio: "ignore" });
    await this.start();
    const [psql, psqlArgs] = asPostgres("psql", ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-c", "CREATE DATABASE stratus"]);
    execFileSync(psql, psqlArgs, { stdio: "ignore" });
  }

  /** Asynchronous: the browser keeps being driven while PostgreSQL stops and starts. */
  private async ctl(...args: string[]): Promise<void> {
    const [cmd, full] = asPostgres(postgresBin("pg_ctl"), ["-D", this.dataDir, "-l", path.join(this.dir, "postgres.log"), ...args]);
    await run(cmd, full);
  }

  async start(): Promise<void> {
    await this.ctl("-o", `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "-w", "start");
    await waitFor("PostgreSQL", () => portIsOpen(this.port), 30_000);
  }

  /**
   * A restart as an operator (or a managed failover) does it: every connection
   * is cut, and the server is away for `downMs` (a Multi-AZ failover takes longer).
   */
  async restart(downMs = 5_000): Promise<void> {
    await this.ctl("-m", "fast", "-w", "stop");
    await sleep(downMs);
    await this.start();
  }

  async stop(): Promise<void> {
    await this.ctl("-m", "immediate", "-w", "stop").catch(() => {});
  }
}

export type Build = { distDir: string; deploymentId: string };

/** The build's folder is newer than every source it was built from. */
function buildIsFresh(distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "public", "next.config.mjs", "package-lock.json", "prisma/schema.prisma"]
    .map((s) => path.join(root, s))
    .filter((s) => existsSync(s));
  return execFileSync("find", [...sources, "-newer", buildId, "-type", "f", "-print", "-quit"], { encoding: "utf8" }).trim() === "";
}

/**
 * A production build with its own deployment id and the cluster's shared
 * server-action encryption key. Reused when it is newer than the sources.
 */
export async function buildApp(build: Build, encryptionKey: string): Promise<void> {
  if (buildIsFresh(build.distDir)) return;
  // next build adds its dist folder's types to tsconfig.json (and reformats it):
  // put the committed file back afterwards, so a test run leaves git status clean.
  const tsconfig = path.join(root, "tsconfig.json");
  const committed = readFileSync(tsconfig, "utf8");
  try {
    await nextBuild(build, encryptionKey);
  } finally {
    writeFileSync(tsconfig, committed);
  }
}

function nextBuild(build: Build, encryptionKey: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: build.distDir, NEXT_DEPLOYMENT_ID: build.deploymentId, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: encryptionKey, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build (${build.distDir}) exited with ${code}`))));
  });
}

export type InstanceOptions = {
  name: string;
  port: number;
  databaseUrl: string;
  publicUrl: string;
  build: Build;
  encryptionKey: string;
  logDir: string;
};

/** One Stratus instance: `npm start`'s script in a process group of its own (server, worker and all). */
export class Instance {
  private child: ChildProcess | undefined;
  build: Build;
  constructor(private readonly options: InstanceOptions) {
    this.build = options.build;
  }

  get port(): number {
    return this.options.port;
  }

  async start(build: Build = this.build): Promise<void> {
    this.build = build;
    const log = path.join(this.options.logDir, `${this.options.name}.log`);
    const out = openSync(log, "a");
    this.child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/start.ts")], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        PORT: String(this.options.port),
        DATABASE_URL: this.options.databaseUrl,
        DATABASE_POOL_MAX: "5",
        AUTH_SECRET: "cluster-test-secret-cluster-test-secret-00",
        STRATUS_PUBLIC_URL: this.options.publicUrl,
        NEXT_DIST_DIR: build.distDir,
        NEXT_DEPLOYMENT_ID: build.deploymentId,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: this.options.encryptionKey,
        // One server process per instance: two instances already use both cores of a CI machine.
        WEB_CONCURRENCY: "1",
        STRATUS_JOB_CONCURRENCY: "1",
        STRATUS_TRUSTED_PROXIES: "127.0.0.1",
        STRATUS_REQUEST_START_HEADER: "x-request-start",
        STRATUS_LOCAL_OUTBOX: path.join(this.options.logDir, `${this.options.name}-outbox`),
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    await waitFor(`${this.options.name} on port ${this.options.port}`, async () => {
      try {
        return (await fetch(`http://127.0.0.1:${this.options.port}/api/health`)).ok;
      } catch {
        return false;
      }
    }, 180_000);
  }

  /** The whole instance dies at once, as a container does when its task is killed. */
  kill(): void {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = undefined;
  }

  /** A rolling deploy's stop: SIGTERM, a few seconds to finish, then the rest is killed. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, sleep(10_000)]);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // all gone
    }
    this.child = undefined;
  }
}

export class Nginx {
  private child: ChildProcess | undefined;
  readonly staticRoot: string;
  constructor(
    readonly dir: string,
    readonly port: number,
    private readonly upstreams: number[],
  ) {
    this.staticRoot = path.join(dir, "static");
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Adds a build's assets to the shared folder; earlier builds' stay (pages still open need them). */
  publish(build: Build): void {
    cpSync(path.join(root, build.distDir, "static"), path.join(this.staticRoot, "_next", "static"), { recursive: true });
  }

  async start(): Promise<void> {
    mkdirSync(this.staticRoot, { recursive: true });
    const template = readFileSync(path.join(root, "e2e/cluster/nginx.conf"), "utf8");
    const config = template
      .replaceAll("{{USER}}", process.getuid?.() === 0 ? "user root;" : "")
      .replaceAll("{{PREFIX}}", this.dir)
      .replaceAll("{{PORT}}", String(this.port))
      .replaceAll("{{STATIC_ROOT}}", this.staticRoot)
      .replaceAll("{{UPSTREAMS}}", this.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n"));
    const file = path.join(this.dir, "nginx.conf");
    writeFileSync(file, config);
    this.child = spawn("nginx", ["-p", this.dir, "-c", file], { stdio: ["ignore", "inherit", "inherit"] });
    await waitFor("nginx", () => portIsOpen(this.port), 10_000);
  }

  stop(): void {
    this.child?.kill("SIGQUIT");
  }
}
