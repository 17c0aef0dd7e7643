// The primary stamps a connection's first request when it reads it, however
// busy the server process it hands the connection to (lib/edge/connection-handoff.ts).
// Real processes and sockets: a forked server process that spends 30 ms of CPU
// on every request, and new connections arriving all at once.
import { type ChildProcess, fork } from "node:child_process";
import http from "node:http";
import { type AddressInfo, type Server, createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOffConnections } from "@/lib/edge/connection-handoff";

type Answer = { handedAt: number | null; seenAt: number; body: string };

let child: ChildProcess;
let listener: Server;
let port: number;

beforeAll(async () => {
  child = fork(path.join(import.meta.dirname, "../support/handoff-server.ts"), { execArgv: ["--import", "tsx"], env: { ...process.env, BUSY_MS: "30" } });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`handoff server exited with ${code}`)));
  });
  listener = createServer();
  handOffConnections(listener, () => [{ isConnected: () => child.connected, send: (message, handle, options, callback) => child.send(message, handle, options, callback) }]);
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", 4096, resolve));
  port = (listener.address() as AddressInfo).port;
}, 30_000);

afterAll(() => {
  listener?.close();
  child?.kill();
});

/** A POST whose head and body leave in two writes 20 ms apart, so the body is read by the server process, not the primary. */
function post(agent: http.Agent | false, body: string): Promise<Answer & { sentAt: number }> {
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
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => post(false, `answer ${i}`)));
    expect(answers.map((a) => a.body).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `answer ${i}`).sort());
    const stampLag = Math.max(...answers.map((a) => (a.handedAt ?? Number.POSITIVE_INFINITY) - a.sentAt));
    const processLag = Math.max(...answers.map((a) => a.seenAt - a.sentAt));
    // 60 requests × 30 ms of CPU each: the last one reached the process's handler over a second late…
    expect(processLag).toBeGreaterThan(1_000);
    // …but every one was stamped as it arrived.
    expect(stampLag).toBeLessThan(500);
  }, 30_000);

  it("stamps only a connection's first request: the next on the same connection is the server process's to stamp", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await post(agent, "one");
    const second = await post(agent, "two");
    agent.destroy();
    expect(first.handedAt).not.toBeNull();
    expect(second.handedAt).toBeNull();
    expect([first.body, second.body]).toEqual(["one", "two"]);
  }, 30_000);
});
