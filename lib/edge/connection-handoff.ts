// The primary process of `npm start` accepts every connection and hands it to a
// server process, so that a request's arrival is stamped when it reaches us, not
// when a busy server process gets round to it.
//
// Why: libuv (1.46, in Node.js 20) accepts one connection per turn of the event
// loop. A server process grading a storm of submits turns its loop about every
// 25 ms, so new connections waited in the kernel's accept queue, accepted about
// 40 a second, for up to 22 s; the arrival stamped when the process finally read
// the request was that late, and on-time submits were graded EXPIRED (measured:
// docs/benchmarks.md, "Reading this run"). The primary does no
// request work, so its loop turns at once: it reads a connection's first bytes
// (its first request's head), stamps that moment, stops reading, and sends the
// socket with those bytes to a server process, which parses them as though it
// had read them itself. The connection's later requests are read by the server
// process directly: it reads an accepted socket within a turn.
//
// The stamp is the moment the first request's bytes were read, never the
// moment the connection opened: a client chooses when to send after connecting.
import type { Server as HttpServer } from "node:http";
import type { Server as NetServer, Socket } from "node:net";

const MESSAGE = "stratus:connection";
const FIRST_ARRIVAL = Symbol("stratus.firstArrival");

type HandOff = { type: typeof MESSAGE; arrivedAt: number; head: string };
type StampedSocket = Socket & { [FIRST_ARRIVAL]?: number };

/** A server process as the primary sees it (a cluster worker or a forked child). */
export type HandOffTarget = {
  isConnected(): boolean;
  send(message: HandOff, handle: Socket, options: { keepOpen: boolean }, callback: (error: Error | null) => void): boolean;
};

/**
 * Primary: serves `listener`'s connections by handing each, once its first bytes
 * arrive, to the next connected target in turn. A connection that sends nothing
 * for `idleMs` is closed, as a server process's own header timeout would.
 */
export function handOffConnections(listener: NetServer, targets: () => HandOffTarget[], options: { idleMs?: number } = {}): void {
  let turn = 0;
  listener.on("connection", (socket: Socket) => {
    socket.on("error", () => socket.destroy());
    socket.setTimeout(options.idleMs ?? 60_000, () => socket.destroy());
    socket.once("data", (head: Buffer) => {
      const arrivedAt = Date.now();
      // Stop reading now, inside the read that brought these bytes: whatever the
      // client sends next stays in the kernel for the server process to read.
      socket.pause();
      (socket as Socket & { _handle?: { readStop?: () => number } })._handle?.readStop?.();
      socket.setTimeout(0);
      const live = targets().filter((t) => t.isConnected());
      if (live.length === 0) return void socket.destroy();
      const target = live[turn++ % live.length]!;
      const message: HandOff = { type: MESSAGE, arrivedAt, head: head.toString("base64") };
      target.send(message, socket, { keepOpen: false }, (error) => {
        if (error) socket.destroy();
      });
    });
  });
}

type MessageSource = { on(event: "message", listener: (message: unknown, handle: unknown) => void): unknown };

/** Server process: takes the connections the primary hands over and serves them with `httpServer`. */
export function serveHandedConnections(httpServer: HttpServer, source: MessageSource = process): void {
  source.on("message", (message, handle) => {
    if (!isHandOff(message) || !handle) return;
    const socket = handle as StampedSocket;
    socket[FIRST_ARRIVAL] = message.arrivedAt;
    socket.setNoDelay(true);
    httpServer.emit("connection", socket);
    socket.emit("data", Buffer.from(message.head, "base64"));
    socket.resume();
  });
}

/**
 * When the primary read this socket's first request, for that request only:
 * the next call for the same socket (its next request) gets undefined, and the
 * caller stamps that request itself.
 */
export function takeHandedArrival(socket: Socket): number | undefined {
  const stamped = socket as StampedSocket;
  const arrivedAt = stamped[FIRST_ARRIVAL];
  delete stamped[FIRST_ARRIVAL];
  return arrivedAt;
}

function isHandOff(message: unknown): message is HandOff {
  if (typeof message !== "object" || message === null) return false;
  const m = message as Partial<HandOff>;
  return m.type === MESSAGE && typeof m.arrivedAt === "number" && typeof m.head === "string";
}
