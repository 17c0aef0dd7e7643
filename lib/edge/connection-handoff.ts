// The primary process of `npm start` accepts every connection and hands it to a
// server process, so that a request's arrival is stamped when it reaches us, not
// when a busy server process gets round to it.
//
// Why the primary accepts: libuv (1.46, in Node.js 20) accepts one connection
// per turn of the event loop. A server process grading a storm of submits turns
// its loop about every 25 ms, so new connections waited in the kernel's accept
// queue, accepted about 40 a second, for up to 22 s; the arrival stamped when
// the process finally read the request was that late, and on-time submits were
// graded EXPIRED (docs/benchmarks.md). The primary does no request work, so its
// loop turns at once: it reads a connection's first bytes (its first request's
// head) and stamps that moment.
//
// How it hands a connection over: through a tunnel, a Unix-socket connection
// the server process opened to the primary beforehand. The primary writes a
// preamble (the arrival stamp and the client's address) and the bytes it read,
// then copies bytes both ways; the server process serves the tunnel as though
// it were the client's connection. Each server process keeps a number of spare
// tunnels open and opens a new one for each taken, so a burst of connections is
// handed over as fast as the primary reads them. Passing each socket's handle
// over the IPC channel, as this did before, could not do that: Node.js sends
// one handle at a time and waits for the receiver's acknowledgement, which a
// busy server process sends once per turn of its loop. In a 1,000-submit storm
// connections waited up to 4.6 s for their turn (docs/benchmarks.md).
//
// The stamp is the moment the first request's bytes were read, never the
// moment the connection opened: a client chooses when to send after connecting.
// The connection's later requests are stamped by the server process, which
// reads an open connection within a turn of its loop.
import type { Server as HttpServer } from "node:http";
import { type Server as NetServer, type Socket, connect, createServer } from "node:net";

const FIRST_ARRIVAL = Symbol("stratus.firstArrival");
type StampedSocket = Socket & { [FIRST_ARRIVAL]?: number };

/** The longest preamble a server process accepts: "<arrivedAt> <address> <port>\n". */
const MAX_PREAMBLE = 128;

/** One server process's tunnels, as the primary holds them. */
export type ServerProcessTunnels = {
  /** Stops taking its tunnels and closes the idle ones (the process left). */
  close(): void;
};

export type ConnectionHandOff = {
  /**
   * Listens on `socketPath` (a Unix socket in a directory only this user can
   * open) for one server process's tunnels; resolves once listening, so the
   * process can be started then.
   */
  addServerProcess(socketPath: string): Promise<ServerProcessTunnels>;
};

type Pool = { idle: Socket[]; closed: boolean };
type Waiting = { client: Socket; head: Buffer; arrivedAt: number };

/**
 * Primary: serves `listener`'s connections by handing each, once its first bytes
 * arrive, to a spare tunnel of the server processes in turn. A connection that
 * sends nothing for `idleMs` is closed, as a server process's own header timeout
 * would. The listener must allow half-open connections (`allowHalfOpen: true`),
 * as a Node.js HTTP server's does, so a client that ends its side still gets its
 * answer.
 */
export function handOffConnections(listener: NetServer, options: { idleMs?: number } = {}): ConnectionHandOff {
  const pools: Pool[] = [];
  const waiting: Waiting[] = [];
  let turn = 0;

  const takeTunnel = (): Socket | undefined => {
    for (let i = 0; i < pools.length; i++) {
      const pool = pools[turn++ % pools.length]!;
      const tunnel = pool.idle.shift();
      if (tunnel) return tunnel;
    }
    return undefined;
  };
  const drain = () => {
    while (waiting.length > 0) {
      if (waiting[0]!.client.destroyed) {
        waiting.shift();
        continue;
      }
      const tunnel = takeTunnel();
      if (!tunnel) return;
      carry(waiting.shift()!, tunnel);
    }
  };

  listener.on("connection", (client: Socket) => {
    client.on("error", () => client.destroy());
    client.setTimeout(options.idleMs ?? 60_000, () => client.destroy());
    client.setNoDelay(true);
    client.once("data", (head: Buffer) => {
      const arrivedAt = Date.now();
      // Whatever the client sends next stays with it until a tunnel carries it.
      client.pause();
      client.setTimeout(0);
      waiting.push({ client, head, arrivedAt });
      drain();
    });
  });

  return {
    addServerProcess(socketPath) {
      const pool: Pool = { idle: [], closed: false };
      pools.push(pool);
      const server = createServer({ allowHalfOpen: true }, (tunnel) => {
        tunnel.on("error", () => tunnel.destroy());
        if (pool.closed) return void tunnel.destroy();
        pool.idle.push(tunnel);
        tunnel.once("close", () => {
          const at = pool.idle.indexOf(tunnel);
          if (at >= 0) pool.idle.splice(at, 1);
        });
        drain();
      });
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(socketPath, 4096, () => {
          server.off("error", reject);
          resolve({
            close() {
              pool.closed = true;
              pools.splice(pools.indexOf(pool), 1);
              server.close();
              for (const tunnel of pool.idle.splice(0)) tunnel.destroy();
            },
          });
        });
      });
    },
  };
}

/** Writes the preamble and the bytes read so far into the tunnel, then copies both ways until either side closes. */
function carry({ client, head, arrivedAt }: Waiting, tunnel: Socket): void {
  const address = client.remoteAddress;
  if (address === undefined) {
    // The client is already gone. The tunnel closes unused, and its server process opens another.
    client.destroy();
    tunnel.destroy();
    return;
  }
  tunnel.write(Buffer.concat([Buffer.from(`${arrivedAt} ${address} ${client.remotePort ?? 0}\n`, "latin1"), head]));
  client.pipe(tunnel);
  tunnel.pipe(client);
  const closeBoth = () => {
    client.destroy();
    tunnel.destroy();
  };
  client.once("close", closeBoth);
  tunnel.once("close", closeBoth);
  client.resume();
}

/**
 * Server process: opens `spare` tunnels to the primary at `socketPath` and
 * serves each connection they carry with `httpServer`, opening a new tunnel for
 * each one taken. `onHanded` hears each connection's arrival stamp as it comes.
 */
export function serveHandedConnections(httpServer: HttpServer, socketPath: string, options: { spare?: number; onHanded?: (arrivedAt: number) => void } = {}): void {
  const open = () => {
    const tunnel = connect({ path: socketPath, allowHalfOpen: true });
    let read: Buffer = Buffer.alloc(0);
    let taken = false;
    const onData = (chunk: Buffer) => {
      read = read.length === 0 ? chunk : Buffer.concat([read, chunk]);
      const end = read.indexOf(10);
      if (end < 0) {
        if (read.length > MAX_PREAMBLE) tunnel.destroy();
        return;
      }
      taken = true;
      tunnel.off("data", onData);
      tunnel.pause();
      open();
      const preamble = parsePreamble(read.subarray(0, end).toString("latin1"));
      if (!preamble) return void tunnel.destroy();
      const socket = tunnel as StampedSocket;
      socket[FIRST_ARRIVAL] = preamble.arrivedAt;
      // The client's address, where Node.js and Next.js look for it.
      Object.defineProperties(socket, {
        remoteAddress: { value: preamble.address },
        remotePort: { value: preamble.port },
        remoteFamily: { value: preamble.address.includes(":") ? "IPv6" : "IPv4" },
      });
      options.onHanded?.(preamble.arrivedAt);
      httpServer.emit("connection", socket);
      const head = read.subarray(end + 1);
      if (head.length > 0) socket.emit("data", head);
      socket.resume();
    };
    tunnel.on("data", onData);
    tunnel.on("error", () => tunnel.destroy());
    // A spare tunnel that closes unused (the primary restarting its side) is replaced, slowly enough not to spin.
    tunnel.once("close", () => {
      if (!taken) setTimeout(open, 1_000).unref();
    });
  };
  for (let i = 0; i < (options.spare ?? 64); i++) open();
}

export function parsePreamble(line: string): { arrivedAt: number; address: string; port: number } | undefined {
  const match = /^(\d{1,15}) ([0-9A-Fa-f.:]{1,45}) (\d{1,5})$/.exec(line);
  if (!match) return undefined;
  return { arrivedAt: Number(match[1]), address: match[2]!, port: Number(match[3]) };
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
