// The primary stamps a connection's first request when it reads it, however
// busy the server process it hands the connection to, and hands connections
// over as fast as they come (lib/edge/connection-handoff.ts). Real processes and
// sockets: forked server processes, and new connections arriving all at once.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { type AddressInfo, connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOffConnections, parsePreamble } from "@/lib/edge/connection-handoff";

type Answer = { handedAt: number | null; seenAt: number; body: string; address: string };
type Primary = { port: number; close(): void };

const directory = mkdtempSync(path.join(tmpdir(), "stratus-handoff-test-"));
let primaries: Primary[] = [];

/** A primary listening on a free port, handing its connections to one forked server process started with `env`. */
async function startPrimary(name: string, env: Record<string, string>): Promise<Primary> {
  const listener = createServer({ allowHalfOpen: true });
  const handOff = handOffConnections(listener);
  const socketPath = path.join(directory, `${name}.sock`);
  const tunnels = await handOff.addServerProcess(socketPath);
  const child: ChildProcess = fork(path.join(import.meta.dirname, "../support/handoff-server.ts"), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, TUNNEL_SOCKET: socketPath },
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`handoff server exited with ${code}`)));
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", 4096, resolve));
  const primary = {
    port: (listener.address() as AddressInfo).port,
    close() {
      listener.close();
      tunnels.close();
      child.kill();
    },
  };
  primaries.push(primary);
  return primary;
}

let busyRequests: Primary;
let busyLoop: Primary;

beforeAll(async () => {
  [busyRequests, busyLoop] = await Promise.all([
    // 30 ms of CPU for every request.
    startPrimary("busy-requests", { BUSY_MS: "30" }),
    // Nothing per request, but every turn of the event loop takes 20 ms.
    startPrimary("busy-loop", { BUSY_MS: "0", LOOP_BUSY_MS: "20" }),
  ]);
}, 30_000);

afterAll(() => {
  for (const primary of primaries) primary.close();
  primaries = [];
  rmSync(directory, { recursive: true, force: true });
});

/** A POST whose head and body leave in two writes 20 ms apart, so the body is read by the server process, not the primary. */
function post(port: number, agent: http.Agent | false, body: string): Promise<Answer & { sentAt: number }> {
  return new Promise((resolve, reject) => {
    const sentAt = Date.now();
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", agent, headers: { "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ ...(JSON.parse(text) as Answer), sentAt }));
    });
    req.on("error", reject);
    req.flushHeaders();
    setTimeout(() => req.end(body), 20);
  });
}

describe("handing connections to a busy server process", () => {
  it("stamps each new connection's request when it arrived, not when the busy process read it, and loses none of its body", async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => post(busyRequests.port, false, `answer ${i}`)));
    expect(answers.map((a) => a.body).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `answer ${i}`).sort());
    const stampLag = Math.max(...answers.map((a) => (a.handedAt ?? Number.POSITIVE_INFINITY) - a.sentAt));
    const processLag = Math.max(...answers.map((a) => a.seenAt - a.sentAt));
    // 60 requests × 30 ms of CPU each: the last one reached the process's handler over a second late…
    expect(processLag).toBeGreaterThan(1_000);
    // …but every one was stamped as it arrived.
    expect(stampLag).toBeLessThan(500);
    // The server process sees the client's address, not the tunnel's.
    expect(new Set(answers.map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
  }, 30_000);

  it("stamps only a connection's first request: the next on the same connection is the server process's to stamp", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await post(busyRequests.port, agent, "one");
    const second = await post(busyRequests.port, agent, "two");
    agent.destroy();
    expect(first.handedAt).not.toBeNull();
    expect(second.handedAt).toBeNull();
    expect([first.body, second.body]).toEqual(["one", "two"]);
  }, 30_000);

  it("hands over many connections in each turn of a busy process's event loop, not one", async () => {
    // 200 connections at once to a process whose every loop turn takes 20 ms. Passing
    // sockets over the IPC channel, one per turn, took 200 turns: over 4 s.
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(busyLoop.port, false, `answer ${i}`)));
    expect(answers.map((a) => a.body).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `answer ${i}`).sort());
    const processLag = Math.max(...answers.map((a) => a.seenAt - a.sentAt));
    expect(processLag).toBeLessThan(2_000);
  }, 30_000);

  it("answers a client that ends its side of the connection after sending its request", async () => {
    const response = await new Promise<string>((resolve, reject) => {
      const socket = connect(busyRequests.port, "127.0.0.1");
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (text += chunk));
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
      socket.end("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nConnection: close\r\n\r\nlast");
    });
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain('"body":"last"');
  }, 30_000);
});

describe("parsePreamble", () => {
  it.each([
    ["1765094400000 127.0.0.1 54321", { arrivedAt: 1765094400000, address: "127.0.0.1", port: 54321 }],
    ["1765094400000 ::ffff:10.0.0.7 443", { arrivedAt: 1765094400000, address: "::ffff:10.0.0.7", port: 443 }],
    ["1765094400000 2001:db8::1 0", { arrivedAt: 1765094400000, address: "2001:db8::1", port: 0 }],
  ])("reads %j", (line, expected) => {
    expect(parsePreamble(line)).toEqual(expected);
  });

  it.each([[""], ["GET / HTTP/1.1"], ["1765094400000 127.0.0.1"], ["1765094400000 127.0.0.1 54321 extra"], ["-1 127.0.0.1 1"], ["1765094400000 evil.example 80"]])(
    "refuses %j",
    (line) => {
      expect(parsePreamble(line)).toBeUndefined();
    },
  );
});
