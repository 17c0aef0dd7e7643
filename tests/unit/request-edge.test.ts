import { afterEach, describe, expect, test } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";
import {
  EDGE_HEADERS,
  type EdgeConfig,
  parseRequestStart,
  parseTrustedProxies,
  resolveArrivedAt,
  resolveClientIp,
  resolveProtocol,
  stampEdgeHeaders,
} from "@/lib/edge/request-edge";
import { arrivedAt } from "@/lib/http/request-edge";

const config = (trusted = "", header: string | null = null): EdgeConfig => ({
  trustedProxies: parseTrustedProxies(trusted),
  requestStartHeader: header,
  maxSkewMs: 5_000,
  maxAgeMs: 600_000,
});

describe("the client's address (finding 4: never client-chosen)", () => {
  test.each([
    { name: "no proxy configured: the socket, whatever the client wrote", trusted: "", socket: "198.51.100.7", xff: "203.0.113.9", ip: "198.51.100.7" },
    { name: "IPv4-mapped socket address is normalised", trusted: "", socket: "::ffff:198.51.100.7", xff: undefined, ip: "198.51.100.7" },
    { name: "a request not from the trusted proxy: its socket", trusted: "10.0.0.5", socket: "198.51.100.7", xff: "203.0.113.9", ip: "198.51.100.7" },
    { name: "from the trusted proxy: the proxy's view of the client", trusted: "10.0.0.5", socket: "10.0.0.5", xff: "203.0.113.9", ip: "203.0.113.9" },
    { name: "the client's own X-Forwarded-For prefix is ignored", trusted: "10.0.0.5", socket: "10.0.0.5", xff: "1.2.3.4, 203.0.113.9", ip: "203.0.113.9" },
    { name: "a chain of trusted proxies (CIDR) is walked from the right", trusted: "10.0.0.0/8", socket: "10.0.0.5", xff: "1.2.3.4, 203.0.113.9, 10.1.1.1", ip: "203.0.113.9" },
    { name: "trusted proxy without the header: its own address", trusted: "127.0.0.1", socket: "127.0.0.1", xff: undefined, ip: "127.0.0.1" },
    { name: "IPv6 proxy range", trusted: "fd00::/8", socket: "fd00::1", xff: "2001:db8::7", ip: "2001:db8::7" },
  ])("$name", ({ trusted, socket, xff, ip }) => {
    expect(resolveClientIp(config(trusted), socket, xff)).toBe(ip);
  });

  test("a malformed proxy setting is refused at start-up", () => {
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow();
  });
});

describe("the protocol", () => {
  test.each([
    { trusted: "", socket: "198.51.100.7", proto: "https", expected: "http" },
    { trusted: "10.0.0.5", socket: "10.0.0.5", proto: "https", expected: "https" },
    { trusted: "10.0.0.5", socket: "10.0.0.5", proto: undefined, expected: "http" },
  ])("$proto via $socket (trusted: $trusted) → $expected", ({ trusted, socket, proto, expected }) => {
    expect(resolveProtocol(config(trusted), socket, proto)).toBe(expected);
  });
});

describe("when a request arrived", () => {
  const received = Date.parse("2026-12-05T10:00:10.000Z");
  test.each([
    { name: "header absent: the moment the process saw it", header: undefined, socket: "10.0.0.5", expected: received },
    { name: "trusted proxy's stamp (seconds with ms, nginx $msec)", header: `t=${(received - 1750) / 1000}`, socket: "10.0.0.5", expected: received - 1750 },
    { name: "trusted proxy's stamp in milliseconds", header: String(received - 1000), socket: "10.0.0.5", expected: received - 1000 },
    { name: "trusted proxy's stamp in microseconds", header: `${received - 500}000`, socket: "10.0.0.5", expected: received - 500 },
    { name: "a stamp exactly as old as allowed is used", header: String(received - 600_000), socket: "10.0.0.5", expected: received - 600_000 },
    { name: "header from an untrusted source is ignored", header: String(received - 5_000), socket: "198.51.100.7", expected: received },
    { name: "an implausibly old stamp is ignored", header: String(received - 600_001), socket: "10.0.0.5", expected: received },
    { name: "a stamp from the future is ignored", header: String(received + 5_001), socket: "10.0.0.5", expected: received },
    { name: "a proxy clock slightly ahead: our own moment", header: String(received + 2_000), socket: "10.0.0.5", expected: received },
    { name: "garbage is ignored", header: "yesterday", socket: "10.0.0.5", expected: received },
  ])("$name", ({ header, socket, expected }) => {
    const headers = header === undefined ? {} : { "x-request-start": header };
    expect(resolveArrivedAt(config("10.0.0.5", "x-request-start"), socket, headers, received)).toBe(expected);
  });

  test("without a configured header even the trusted proxy's stamp is ignored", () => {
    expect(resolveArrivedAt(config("10.0.0.5", null), "10.0.0.5", { "x-request-start": String(received - 3_000) }, received)).toBe(received);
  });

  test.each([
    ["t=1764928808.25", 1764928808250],
    ["1764928808", 1764928808000],
    ["-5", null],
  ])("parseRequestStart(%s) = %s", (raw, ms) => {
    expect(parseRequestStart(raw)).toBe(ms);
  });
});

describe("reading the edge's stamps inside the app", () => {
  afterEach(() => {
    delete process.env.STRATUS_EDGE;
  });
  const stamped = new Headers({ [EDGE_HEADERS.clientIp]: "203.0.113.9", [EDGE_HEADERS.arrivedAt]: "1764928808250" });
  const handlerNow = new Date(1764928812000);

  test("behind the edge: the stamps are used", () => {
    process.env.STRATUS_EDGE = "1";
    expect(clientIpFrom(stamped)).toBe("203.0.113.9");
    expect(arrivedAt(stamped, handlerNow, true).getTime()).toBe(1764928808250);
  });
  test("without the edge the headers could be the client's: ignored", () => {
    expect(clientIpFrom(stamped)).toBe("unknown");
    expect(arrivedAt(stamped, handlerNow, false)).toBe(handlerNow);
  });
  test("an arrival stamp later than the handler's clock is capped at it", () => {
    expect(arrivedAt(new Headers({ [EDGE_HEADERS.arrivedAt]: "1764928999000" }), handlerNow, true).getTime()).toBe(handlerNow.getTime());
  });
});

describe("the edge's stamping of a request", () => {
  test("a client's own x-stratus-* headers never get through, whatever their case", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-stratus-client-ip": "10.9.9.9",
      "X-Stratus-Arrived-At": "1",
      "x-stratus-anything": "x",
      "x-forwarded-for": "203.0.113.9",
      accept: "text/html",
    };
    stampEdgeHeaders(config(), { headers, socketAddress: "198.51.100.7" }, 1_000_000);
    expect(headers).toEqual({
      "x-forwarded-for": "203.0.113.9",
      accept: "text/html",
      [EDGE_HEADERS.clientIp]: "198.51.100.7",
      [EDGE_HEADERS.arrivedAt]: "1000000",
      [EDGE_HEADERS.protocol]: "http",
    });
  });
});
