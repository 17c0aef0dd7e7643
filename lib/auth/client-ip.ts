// The caller's address for per-address rate limits, as the edge server
// (scripts/server.ts) resolved it from the socket or a trusted proxy
// (STRATUS_TRUSTED_PROXIES). A client's own x-stratus-* headers never get
// this far: the edge deletes them. Served any other way, every caller shares
// one "unknown" address, and the per-account limits still hold.
import { EDGE_HEADERS } from "@/lib/edge/request-edge";

export function clientIpFrom(headers: Headers): string {
  if (process.env.STRATUS_EDGE !== "1") return "unknown";
  return (headers.get(EDGE_HEADERS.clientIp) || "unknown").slice(0, 64);
}
