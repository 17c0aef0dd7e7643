// What the edge of the app knows about a request before any route runs: the
// client's address and the moment the request arrived. Pure: the HTTP server
// (scripts/server.ts) feeds it the socket address, the headers and the clock,
// and stamps the answers into headers of its own (EDGE_HEADERS), after
// deleting any such header the client sent.
//
// Forwarded headers are trusted only from a configured proxy
// (STRATUS_TRUSTED_PROXIES: addresses or CIDR ranges). Without one, the client
// address is the socket's and the arrival time is this process's clock.
import { BlockList, isIPv6 } from "node:net";

export const EDGE_HEADERS = {
  clientIp: "x-stratus-client-ip",
  arrivedAt: "x-stratus-arrived-at",
  /** "https" when the client reached us over TLS (as a trusted proxy says), else "http". */
  protocol: "x-stratus-protocol",
} as const;
/** Every header with this prefix is ours: a client's copy is deleted at the edge. */
export const EDGE_HEADER_PREFIX = "x-stratus-";

export type EdgeConfig = {
  trustedProxies: BlockList;
  /** A header the trusted proxy sets to the time it received the request (nginx: `X-Request-Start: t=${msec}`). */
  requestStartHeader: string | null;
  /** How far a proxy's clock may be ahead of ours, and how old its stamp may be, before we ignore it. */
  maxSkewMs: number;
  maxAgeMs: number;
};

/** Parses "127.0.0.1, 10.0.0.0/8, ::1" into a block list. Throws on a malformed entry. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix] = raw.split("/");
    const type = isIPv6(address!) ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(normalise(address!), type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (type === "ipv6" ? 128 : 32)) throw new Error(`bad CIDR prefix in ${raw}`);
      list.addSubnet(normalise(address!), bits, type);
    }
  }
  return list;
}

export function edgeConfigFromEnv(env: NodeJS.ProcessEnv): EdgeConfig {
  return {
    trustedProxies: parseTrustedProxies(env.STRATUS_TRUSTED_PROXIES),
    requestStartHeader: env.STRATUS_REQUEST_START_HEADER?.trim().toLowerCase() || null,
    maxSkewMs: 5_000,
    maxAgeMs: 10 * 60_000,
  };
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything else as it is. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(config: EdgeConfig, address: string): boolean {
  const a = normalise(address);
  try {
    return config.trustedProxies.check(a, isIPv6(a) ? "ipv6" : "ipv4");
  } catch {
    return false;
  }
}

type HeaderValue = string | string[] | undefined;
const first = (value: HeaderValue) => (Array.isArray(value) ? value.join(",") : value);

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy (the
 * left part of that header is whatever the client wrote).
 */
export function resolveClientIp(config: EdgeConfig, socketAddress: string | undefined, forwardedFor: HeaderValue): string {
  const socket = normalise(socketAddress ?? "unknown");
  if (!socketAddress || !isTrusted(config, socket)) return socket;
  const hops = (first(forwardedFor) ?? "").split(",").map((s) => normalise(s.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(config, hops[i]!)) return hops[i]!.slice(0, 64);
  }
  return hops[0]?.slice(0, 64) ?? socket;
}

/** The client's protocol: a trusted proxy's X-Forwarded-Proto, else "http" (this server speaks plain HTTP). */
export function resolveProtocol(config: EdgeConfig, socketAddress: string | undefined, forwardedProto: HeaderValue): "http" | "https" {
  if (!socketAddress || !isTrusted(config, socketAddress)) return "http";
  const last = (first(forwardedProto) ?? "").split(",").pop()?.trim().toLowerCase();
  return last === "https" ? "https" : "http";
}

/** Reads "t=1733400000.123", "1733400000.123" (seconds) or "1733400000123" (ms) / µs forms. */
export function parseRequestStart(value: string): number | null {
  const match = /^(?:t=)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const whole = Number(match[1]);
  if (match[2] !== undefined) return Math.round(Number(`${match[1]}.${match[2]}`) * 1000); // seconds with a fraction
  if (whole > 1e15) return Math.round(whole / 1000); // microseconds
  if (whole > 1e12) return whole; // milliseconds
  return whole * 1000; // whole seconds
}

/**
 * When the request arrived (ms since epoch): the trusted proxy's stamp when one
 * is configured, came from a trusted proxy and is plausible; else `receivedAt`,
 * the moment this process first saw the request.
 */
export function resolveArrivedAt(
  config: EdgeConfig,
  socketAddress: string | undefined,
  headers: Record<string, HeaderValue>,
  receivedAt: number,
): number {
  if (!config.requestStartHeader || !socketAddress || !isTrusted(config, socketAddress)) return receivedAt;
  const raw = first(headers[config.requestStartHeader]);
  const stamped = raw ? parseRequestStart(raw) : null;
  if (stamped === null) return receivedAt;
  if (stamped > receivedAt + config.maxSkewMs || stamped < receivedAt - config.maxAgeMs) return receivedAt;
  return Math.min(stamped, receivedAt);
}

/**
 * What the edge server does to every request before Next.js sees it: deletes
 * any x-stratus-* header the client sent, then stamps the client address, the
 * arrival time and the protocol. Mutates and returns `headers`.
 */
export function stampEdgeHeaders(
  config: EdgeConfig,
  request: { headers: Record<string, HeaderValue>; socketAddress: string | undefined },
  receivedAt: number,
): Record<string, HeaderValue> {
  const { headers, socketAddress } = request;
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase().startsWith(EDGE_HEADER_PREFIX)) delete headers[name];
  }
  headers[EDGE_HEADERS.clientIp] = resolveClientIp(config, socketAddress, headers["x-forwarded-for"]);
  headers[EDGE_HEADERS.arrivedAt] = String(resolveArrivedAt(config, socketAddress, headers, receivedAt));
  headers[EDGE_HEADERS.protocol] = resolveProtocol(config, socketAddress, headers["x-forwarded-proto"]);
  return headers;
}
