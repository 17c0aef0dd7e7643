// A server process for tests/unit/connection-handoff.test.ts: serves the
// connections its parent hands over through the tunnels it opens to
// TUNNEL_SOCKET, and spends BUSY_MS of CPU on each request before answering, as
// a server process grading a storm does. With LOOP_BUSY_MS, its event loop is
// also kept busy in slices of that length, so each turn of the loop is long.
import { createServer } from "node:http";
import { serveHandedConnections, takeHandedArrival } from "../../lib/edge/connection-handoff";

const busyMs = Number(process.env.BUSY_MS ?? 30);
const loopBusyMs = Number(process.env.LOOP_BUSY_MS ?? 0);
const spin = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until); // the event loop is busy
};
const server = createServer((req, res) => {
  const handedAt = takeHandedArrival(req.socket);
  const seenAt = Date.now();
  spin(busyMs);
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => res.end(JSON.stringify({ handedAt: handedAt ?? null, seenAt, body, address: req.socket.remoteAddress })));
});
if (loopBusyMs > 0) {
  const slice = () => {
    spin(loopBusyMs);
    setTimeout(slice, 0);
  };
  slice();
}
serveHandedConnections(server, process.env.TUNNEL_SOCKET!, { spare: 16 });
// Ready once the tunnels had a moment to open.
setTimeout(() => process.send!({ type: "ready" }), 200);
