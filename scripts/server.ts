// The HTTP server for `npm start` / `npm run dev`: Next.js behind a thin edge
// that (1) deletes any x-stratus-* header a client sent, (2) stamps the
// client's address and the request's arrival time (lib/edge/request-edge.ts),
// then hands the request to Next, except answer saves and submits, which it
// serves itself through their own route handlers (lib/edge/hot-routes.ts). `npm start` runs a primary process that
// accepts connections and WEB_CONCURRENCY server processes (node:cluster), one
// per core by default; `npm run dev` is one process.
import cluster from "node:cluster";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { register } from "node:module";
import { createServer as createNetServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import next from "next";
import { type ServerProcessTunnels, handOffConnections, serveHandedConnections, takeHandedArrival } from "../lib/edge/connection-handoff";
import { type HotRouteHandlers, hotRouteOf, serveHotRoute } from "../lib/edge/hot-routes";
import { EDGE_HEADERS, edgeConfigFromEnv, stampEdgeHeaders } from "../lib/edge/request-edge";
import { requestGate } from "../lib/edge/request-gate";
import { recentMaximum, reportServerLoad } from "../lib/edge/server-load";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const workers = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

const READY = "stratus:ready";
/** The environment variable that tells a server process where to open its tunnels (lib/edge/connection-handoff.ts). */
const TUNNEL_SOCKET = "STRATUS_TUNNEL_SOCKET";

/**
 * STRATUS_EVENT_LOOP_LOG (the bench sets it): once a second, this process appends
 * how long its event loop was busy and idle, as "pid time activeMs idleMs". A
 * loop can be busy while /proc counts less than a core of CPU for the process
 * (time in a system call that waits, or a virtual CPU the host took away), so
 * the bench reports both.
 */
function logEventLoop(file: string): void {
  let last = performance.eventLoopUtilization();
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    const step = performance.eventLoopUtilization(now, last);
    last = now;
    appendFileSync(file, `${process.pid} ${Date.now()} ${step.active.toFixed(1)} ${step.idle.toFixed(1)}\n`);
  }, 1000).unref();
}

/**
 * STRATUS_HANDOFF_LOG (the bench sets it): each connection handed to this
 * process, as "pid receivedAt arrivedAt" (ms), appended four times a second
 * (the bench reads it as soon as a storm's last answer is back).
 */
function logHandoffs(file: string): (arrivedAt: number) => void {
  let lines: string[] = [];
  setInterval(() => {
    if (lines.length === 0) return;
    appendFileSync(file, lines.join(""));
    lines = [];
  }, 250).unref();
  return (arrivedAt) => void lines.push(`${process.pid} ${Date.now()} ${arrivedAt}\n`);
}

async function serve(options: { handed: boolean }) {
  // Route handlers trust x-stratus-* headers only when this edge stamped them.
  process.env.STRATUS_EDGE = "1";
  const edge = edgeConfigFromEnv(process.env);
  const httpServer = createServer();
  // Idle connections stay open 65 s, longer than a load balancer's own idle
  // timeout (the ALB's default is 60 s; e2e/cluster/nginx.conf uses 4 s), so the
  // balancer reuses its connections and never sends on one this process is
  // closing (a 502 it does not retry for a POST). Node's default is 5 s.
  httpServer.keepAliveTimeout = 65_000;
  if (process.env.STRATUS_EVENT_LOOP_LOG) logEventLoop(process.env.STRATUS_EVENT_LOOP_LOG);
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Answer saves and submits go straight to their route handlers (lib/edge/hot-routes.ts),
  // in production; `npm run dev` leaves them to Next.js, which reloads them on edits.
  // STRATUS_HOT_ROUTES=0 turns this off (the bench compares both).
  const hot = dev || process.env.STRATUS_HOT_ROUTES === "0" ? null : await hotRouteHandlers();
  // When the request arrived: for a connection's first request, the moment the
  // primary read it (lib/edge/connection-handoff.ts says why that matters);
  // for later requests on the connection, this process's own "request" event,
  // which Node emits from the very callback that read the header bytes off the
  // socket (this process reads an accepted socket within a turn of its loop,
  // however busy). A load balancer's request-start header, stamped outside us
  // (nginx: e2e/cluster/nginx.conf, docs/deploy.md), is used instead when
  // STRATUS_TRUSTED_PROXIES says it comes from one.
  //
  // Stamped, a request then waits at the gate (lib/edge/request-gate.ts) for one
  // of STRATUS_REQUESTS_IN_PROGRESS places (default 12, a little above the
  // default database pool of 10): with a bounded number in progress each
  // event-loop turn stays short, so the next request is read, and stamped, soon
  // after its bytes arrive, even while a storm of submits waits. The health
  // check does not wait: it says whether this process is alive, not how busy.
  // docs/benchmarks/request-gate.md has the measurements behind 12.
  const gate = requestGate(Number(process.env.STRATUS_REQUESTS_IN_PROGRESS ?? 12));
  // Grading puts the learning jobs off while the gate is full or requests wait
  // long for their turn (lib/edge/server-load.ts, lib/learning/learning-delay.ts).
  const waits = recentMaximum(1_000);
  reportServerLoad(() => ({ requests: gate.inProgress + gate.waiting, recentWaitMs: waits.value(Date.now()) }));
  httpServer.on("request", (req, res) => {
    const arrivedAt = takeHandedArrival(req.socket) ?? Date.now();
    stampEdgeHeaders(edge, { headers: req.headers, socketAddress: req.socket.remoteAddress }, arrivedAt);
    if (req.url === "/api/health") {
      void handle(req, res);
      return;
    }
    let started = false;
    let closed = false;
    res.once("close", () => {
      closed = true;
      if (started) gate.leave();
    });
    gate.enter(() => {
      started = true;
      const now = Date.now();
      waits.note(now - arrivedAt, now);
      if (closed) {
        gate.leave(); // the client went away while it waited
        return;
      }
      const route = hot && hotRouteOf(req.method, req.url);
      if (hot && route) void serveHotRoute(hot, route, req, res, { https: req.headers[EDGE_HEADERS.protocol] === "https" });
      else void handle(req, res);
    });
  });
  if (options.handed) {
    serveHandedConnections(httpServer, process.env[TUNNEL_SOCKET]!, {
      onHanded: process.env.STRATUS_HANDOFF_LOG ? logHandoffs(process.env.STRATUS_HANDOFF_LOG) : undefined,
    });
    process.send?.({ type: READY });
  } else {
    httpServer.listen(port, hostname, 4096);
  }
}

/** The hot routes' handlers, loaded from source into this process (not from the Next.js build). */
async function hotRouteHandlers(): Promise<HotRouteHandlers> {
  register("./hooks/server-only.mjs", import.meta.url);
  const [answers, submit] = await Promise.all([import("../app/api/attempts/[attemptId]/answers/route"), import("../app/api/attempts/[attemptId]/submit/route")]);
  return { answers: answers.POST, submit: submit.POST };
}

if (dev) {
  serve({ handed: false }).catch(exit);
} else if (cluster.isPrimary) {
  console.log(`[stratus] serving on port ${port} with ${workers} processes`);
  // Each server process opens its tunnels to a Unix socket of its own, in a
  // directory only this user can open (mkdtemp makes it 0700): a tunnel carries
  // clients' connections, so no other user may open one.
  const tunnels = mkdtempSync(path.join(tmpdir(), "stratus-tunnels-"));
  const listener = createNetServer({ allowHalfOpen: true });
  const handOff = handOffConnections(listener);
  const pools = new Map<number, ServerProcessTunnels>();
  let forked = 0;
  const fork = async () => {
    const socketPath = path.join(tunnels, `${++forked}.sock`);
    const pool = await handOff.addServerProcess(socketPath);
    const worker = cluster.fork({ [TUNNEL_SOCKET]: socketPath });
    pools.set(worker.id, pool);
  };
  // The port opens when the first process has prepared Next.js (and so opened its tunnels).
  cluster.on("message", (_worker, message: { type?: string }) => {
    if (message?.type !== READY) return;
    // A deep accept queue (the kernel caps it at net.core.somaxconn): at a class's due time
    // a load balancer opens many connections at once.
    if (!listener.listening) listener.listen(port, hostname, 4096);
  });
  for (let i = 0; i < workers; i++) void fork().catch(exit);
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    pools.get(worker.id)?.close();
    pools.delete(worker.id);
    if (stopping) return;
    console.error(`[stratus] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    void fork().catch(exit);
  });
  process.once("exit", () => rmSync(tunnels, { recursive: true, force: true }));
  const stop = () => {
    stopping = true;
    listener.close();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  // Exit (rather than die of the signal) so `node --cpu-prof` writes its profile (npm run bench -- --profile).
  process.once("SIGTERM", () => process.exit(0));
  serve({ handed: true }).catch(exit);
}

function exit(error: unknown) {
  console.error(error);
  process.exit(1);
}
