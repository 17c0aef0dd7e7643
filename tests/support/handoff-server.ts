// A server process for tests/unit/connection-handoff.test.ts: serves the
// connections its parent hands over and spends BUSY_MS of CPU on each request
// before answering, as a server process grading a storm does.
import { createServer } from "node:http";
import { serveHandedConnections, takeHandedArrival } from "../../lib/edge/connection-handoff";

const busyMs = Number(process.env.BUSY_MS ?? 30);
const server = createServer((req, res) => {
  const handedAt = takeHandedArrival(req.socket);
  const seenAt = Date.now();
  const until = seenAt + busyMs;
  while (Date.now() < until); // the event loop is busy
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => res.end(JSON.stringify({ handedAt: handedAt ?? null, seenAt, body })));
});
serveHandedConnections(server);
process.send!({ type: "ready" });
