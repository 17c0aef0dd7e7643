// The HTTP server for `npm start` / `npm run dev`: Next.js behind a thin edge
// that (1) deletes any x-stratus-* header a client sent, (2) stamps the
// client's address and the request's arrival time (lib/edge/request-edge.ts),
// then hands the request to Next. With WEB_CONCURRENCY > 1 it forks that many
// worker processes sharing the port (node:cluster), one per core by default.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { edgeConfigFromEnv, stampEdgeHeaders } from "../lib/edge/request-edge";
import { requestGate } from "../lib/edge/request-gate";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const workers = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

async function serve() {
  // Route handlers trust x-stratus-* headers only when this edge stamped them.
  process.env.STRATUS_EDGE = "1";
  const edge = edgeConfigFromEnv(process.env);
  const httpServer = createServer();
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The earliest moment this process can stamp a request: Node emits "request"
  // from the very callback that read its header bytes off the socket (the HTTP
  // parser consumes the socket directly), so no earlier JavaScript sees it. A
  // "connection" event is per connection, not per request, and a client chooses
  // when to send after connecting, so it cannot stand for arrival. While this
  // event loop is busy (grading a storm) the kernel holds the bytes and this
  // stamp is late by that lag; a load balancer's request-start header, stamped
  // outside this process (nginx: e2e/cluster/nginx.conf, docs/deploy.md), is
  // not, and is used when STRATUS_TRUSTED_PROXIES says it comes from one.
  //
  // Stamped, a request then waits at the gate (lib/edge/request-gate.ts) for one
  // of STRATUS_REQUESTS_IN_PROGRESS places (default 12, a little above the
  // default database pool of 10): with a bounded number in progress each
  // event-loop turn stays short, so the next request is read, and stamped, soon
  // after its bytes arrive, even while a storm of submits waits. The health
  // check does not wait: it says whether this process is alive, not how busy.
  // docs/benchmarks/request-gate.md has the measurements behind 12.
  const gate = requestGate(Number(process.env.STRATUS_REQUESTS_IN_PROGRESS ?? 12));
  httpServer.on("request", (req, res) => {
    stampEdgeHeaders(edge, { headers: req.headers, socketAddress: req.socket.remoteAddress }, Date.now());
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
      if (closed) gate.leave(); // the client went away while it waited
      else void handle(req, res);
    });
  });
  // A deep accept queue (the kernel caps it at net.core.somaxconn): at a class's due time
  // a load balancer opens many connections at once while this process is busy grading.
  httpServer.listen(port, hostname, 4096);
}

if (workers > 1 && cluster.isPrimary) {
  console.log(`[stratus] serving on port ${port} with ${workers} processes`);
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`[stratus] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
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
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
