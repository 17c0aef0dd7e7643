// The edge's hot routes (lib/edge/hot-routes.ts): which requests it serves
// itself, and that a handler sees the request and the client the response as
// Next.js would give them. The real handlers behind it are driven end to end
// (e2e/security.spec.ts, the exam journeys, the cluster test).
import { once } from "node:events";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { API_CONTENT_SECURITY_POLICY, type HotRouteHandlers, hotRouteOf, serveHotRoute } from "@/lib/edge/hot-routes";

describe("hotRouteOf", () => {
  test.each([
    ["POST", "/api/attempts/abc123/answers", { name: "answers", attemptId: "abc123" }],
    ["POST", "/api/attempts/abc123/submit", { name: "submit", attemptId: "abc123" }],
    ["POST", "/api/attempts/abc123/submit/", { name: "submit", attemptId: "abc123" }],
    ["POST", "/api/attempts/abc123/answers?x=1", { name: "answers", attemptId: "abc123" }],
    ["POST", "/api/attempts/a%20b/answers", { name: "answers", attemptId: "a b" }],
    // Everything else is Next.js's: other methods (its 405), other routes, malformed escapes.
    ["GET", "/api/attempts/abc123/answers", null],
    ["PUT", "/api/attempts/abc123/submit", null],
    ["POST", "/api/attempts/abc123/pause", null],
    ["POST", "/api/attempts/abc123/items/3/check", null],
    ["POST", "/api/attempts//answers", null],
    ["POST", "/api/attempts/a/b/answers", null],
    ["POST", "/api/attempts/%E0%A4%A/answers", null],
    ["POST", "/x/api/attempts/abc123/answers", null],
    ["POST", "/api/attempts/abc123/answersx", null],
    [undefined, "/api/attempts/abc123/answers", null],
  ])("%s %s", (method, url, expected) => {
    expect(hotRouteOf(method, url)).toEqual(expected);
  });
});

describe("serveHotRoute", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.close();
    server = undefined;
  });

  async function serving(handlers: HotRouteHandlers, https = false): Promise<string> {
    server = createServer((req, res) => {
      const route = hotRouteOf(req.method, req.url);
      if (route) void serveHotRoute(handlers, route, req, res, { https });
      else res.writeHead(404).end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test("the handler gets the method, headers, body and route params; the client gets its status, headers, cookies and body with the security headers", async () => {
    const seen: Array<{ method: string; host: string | null; forwardedHost: string | null; cookie: string | null; body: string; params: unknown }> = [];
    const handler = async (request: Request, context: { params: Promise<unknown> }) => {
      seen.push({
        method: request.method,
        host: request.headers.get("host"),
        forwardedHost: request.headers.get("x-forwarded-host"),
        cookie: request.headers.get("cookie"),
        body: await request.text(),
        params: await context.params,
      });
      const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response(JSON.stringify({ ok: false, error: { code: "INVALID" } }), { status: 422, headers });
    };
    const base = await serving({ answers: handler, submit: handler });
    const response = await fetch(`${base}/api/attempts/att-1/submit`, { method: "POST", headers: { cookie: "s=tok", "content-type": "application/json" }, body: '{"saves":[]}' });

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ ok: false, error: { code: "INVALID" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const host = new URL(base).host;
    expect(seen).toEqual([{ method: "POST", host, forwardedHost: host, cookie: "s=tok", body: '{"saves":[]}', params: { attemptId: "att-1" } }]);
  });

  test("a proxy's X-Forwarded-Host is kept; HSTS only over HTTPS", async () => {
    let forwardedHost: string | null = null;
    const handler = async (request: Request) => {
      forwardedHost = request.headers.get("x-forwarded-host");
      return Response.json({ ok: true });
    };
    const base = await serving({ answers: handler, submit: handler }, true);
    const response = await fetch(`${base}/api/attempts/att-1/answers`, { method: "POST", headers: { "x-forwarded-host": "stratus.example" }, body: "{}" });
    expect(response.status).toBe(200);
    expect(forwardedHost).toBe("stratus.example");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });

  test("a response whose body fails closes the connection instead of crashing the process", async () => {
    const broken = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new Error("stream broke"));
          },
        }),
      );
    const base = await serving({ answers: broken, submit: broken });
    const original = console.error;
    console.error = () => {};
    try {
      await expect(fetch(`${base}/api/attempts/att-1/answers`, { method: "POST", body: "{}" })).rejects.toThrow();
    } finally {
      console.error = original;
    }
  });

  test("a handler that throws is a bare 500, its message not sent", async () => {
    const failing = async () => {
      throw new Error("secret detail");
    };
    const base = await serving({ answers: failing, submit: failing });
    const original = console.error;
    console.error = () => {};
    try {
      const response = await fetch(`${base}/api/attempts/att-1/answers`, { method: "POST", body: "{}" });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain("secret");
    } finally {
      console.error = original;
    }
  });
});
