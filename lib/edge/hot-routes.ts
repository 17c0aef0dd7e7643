// The exam's two hottest routes, answer saves and submit, served by the edge
// (scripts/server.ts) straight to their route handlers, without Next.js's
// routing, proxy and request/response adaptation: at a class's due time every
// student sends both at once, and the bench's ladder measured a bare Next.js
// route at 4.43 ms of CPU per save against 0.26 ms for plain node:http with
// the same statement (docs/benchmarks.md). The handlers are the same functions
// (app/api/attempts/[attemptId]/{answers,submit}/route.ts, built with
// defineRoute: cross-site, size, session, zod), so every check stays; what the
// edge adds is what proxy.ts adds to every response, the security headers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { securityHeaders } from "@/lib/security/headers";

export type HotRouteName = "answers" | "submit";
export type HotRoute = { name: HotRouteName; attemptId: string };
export type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
export type HotRouteHandlers = Record<HotRouteName, RouteHandler>;

const HOT_PATH = /^\/api\/attempts\/([^/?#]+)\/(answers|submit)\/?(?:\?.*)?$/;

/** The hot route a request is for, or null (Next.js serves it). Only POST: any other method gets Next.js's own 405. */
export function hotRouteOf(method: string | undefined, url: string | undefined): HotRoute | null {
  if (method !== "POST" || !url) return null;
  const match = HOT_PATH.exec(url);
  if (!match) return null;
  let attemptId: string;
  try {
    attemptId = decodeURIComponent(match[1]!);
  } catch {
    return null; // a malformed escape: Next.js answers it as it would
  }
  return { name: match[2] as HotRouteName, attemptId };
}

/** JSON answers have nothing to run, frame or load: the strictest policy. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The request as a route handler receives it: the same headers (the edge's stamps included) and the body as a stream. */
export function webRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // As Next.js does for its handlers: the host the client asked for, unless a proxy said otherwise.
  if (!headers.has("x-forwarded-host") && req.headers.host) headers.set("x-forwarded-host", req.headers.host);
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  return new Request(url, {
    method: req.method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

/** Writes the handler's response, with the security headers every response carries. */
export async function sendResponse(res: ServerResponse, response: Response, options: { https: boolean }): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(securityHeaders({ csp: API_CONTENT_SECURITY_POLICY, https: options.https }))) res.setHeader(name, value);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}

/** Serves one hot request; an error the handler throws is a 500 with no detail, as Next.js answers it. */
export async function serveHotRoute(handlers: HotRouteHandlers, route: HotRoute, req: IncomingMessage, res: ServerResponse, options: { https: boolean }): Promise<void> {
  let response: Response;
  try {
    response = await handlers[route.name](webRequestOf(req), { params: Promise.resolve({ attemptId: route.attemptId }) });
  } catch (error) {
    console.error(error);
    response = new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain" } });
  }
  try {
    await sendResponse(res, response, options);
  } catch (error) {
    // The client went away, or the body could not be read: nothing more to send.
    console.error(error);
    res.destroy();
  }
}
