// Runs before every page and route: a fresh CSP nonce and the security headers
// (lib/security/headers.ts), and clean refusals of malformed server-action
// posts. Not an authorisation boundary (CVE-2025-29927): every page, action
// and route checks the session itself.
import { type NextRequest, NextResponse } from "next/server";
import { EDGE_HEADERS } from "@/lib/edge/request-edge";
import { contentSecurityPolicy, securityHeaders, serverActionProblem } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const problem = serverActionProblem(request.headers);
    if (problem) return new NextResponse(problem.message, { status: problem.status, headers: { "content-type": "text/plain" } });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = process.env.STRATUS_EDGE === "1" && request.headers.get(EDGE_HEADERS.protocol) === "https";
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders({ csp, https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
