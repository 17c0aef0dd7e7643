// On time means on time (issue 14): whether a save or submit is accepted is
// judged by when it ARRIVED, as the edge stamps it, against deadline + grace;
// never by when its handler finally ran, and never by a time the client sent.
// The whole rule, composed from its pure parts: the edge's stamping
// (lib/edge/request-edge.ts), the route's reading of the stamp
// (lib/http/request-edge.ts) and the deadline (lib/exams/deadline.ts).
import { describe, expect, test } from "vitest";
import { type EdgeConfig, parseTrustedProxies, stampEdgeHeaders } from "@/lib/edge/request-edge";
import { acceptsSaves, isOverdue, mayCloseAsExpired, QUEUE_ALLOWANCE_SECONDS } from "@/lib/exams/deadline";
import { arrivedAt } from "@/lib/http/request-edge";

const deadline = new Date("2026-12-05T10:00:00.000Z");
const GRACE = 10;
const ms = (offset: number) => deadline.getTime() + offset;
const LOAD_BALANCER = "10.0.0.5";
const STUDENT = "198.51.100.7";

/** Behind a load balancer that stamps X-Request-Start (nginx: "t=${msec}"), as documented in the README. */
const withBalancer: EdgeConfig = { trustedProxies: parseTrustedProxies(LOAD_BALANCER), requestStartHeader: "x-request-start", maxSkewMs: 5_000, maxAgeMs: 600_000 };
/** No proxy configured: the moment our process saw the request. */
const direct: EdgeConfig = { trustedProxies: parseTrustedProxies(""), requestStartHeader: null, maxSkewMs: 5_000, maxAgeMs: 600_000 };

type Case = {
  name: string;
  config: EdgeConfig;
  socket: string;
  /** What the request carried when it reached us. */
  headers: Record<string, string>;
  /** When our process first saw it (the edge's clock), relative to the deadline. */
  receivedAt: number;
  /** When the route handler finally ran, after queueing. */
  handledAt: number;
  /** Served by scripts/server.ts (our edge) or by plain `next start`. */
  edge: boolean;
  accepted: boolean;
};

const grace = GRACE * 1000;
const cases: Case[] = [
  { name: "arrived well before, handled at once", config: direct, socket: STUDENT, headers: {}, receivedAt: -60_000, handledAt: -60_000, edge: true, accepted: true },
  { name: "deadline exactly, handled 30 s later behind a storm", config: direct, socket: STUDENT, headers: {}, receivedAt: 0, handledAt: 30_000, edge: true, accepted: true },
  { name: "grace exactly, handled 45 s later", config: direct, socket: STUDENT, headers: {}, receivedAt: grace, handledAt: grace + 45_000, edge: true, accepted: true },
  { name: "1 ms past the grace, handled at once", config: direct, socket: STUDENT, headers: {}, receivedAt: grace + 1, handledAt: grace + 1, edge: true, accepted: false },
  { name: "header absent behind the balancer: our own moment", config: withBalancer, socket: LOAD_BALANCER, headers: {}, receivedAt: grace, handledAt: grace + 20_000, edge: true, accepted: true },
  {
    name: "the balancer's stamp at grace exactly, reaching us 2 s later",
    config: withBalancer,
    socket: LOAD_BALANCER,
    headers: { "x-request-start": `t=${ms(grace) / 1000}` },
    receivedAt: grace + 2_000,
    handledAt: grace + 9_000,
    edge: true,
    accepted: true,
  },
  {
    name: "the balancer's stamp 1 ms past the grace",
    config: withBalancer,
    socket: LOAD_BALANCER,
    headers: { "x-request-start": String(ms(grace + 1)) },
    receivedAt: grace + 5,
    handledAt: grace + 5,
    edge: true,
    accepted: false,
  },
  {
    name: "request-start header from an untrusted source (the client) is ignored",
    config: withBalancer,
    socket: STUDENT,
    headers: { "x-request-start": `t=${ms(-1_000) / 1000}` },
    receivedAt: grace + 1,
    handledAt: grace + 1,
    edge: true,
    accepted: false,
  },
  {
    name: "request-start header when no header is configured is ignored, even from the proxy",
    config: { ...withBalancer, requestStartHeader: null },
    socket: LOAD_BALANCER,
    headers: { "x-request-start": String(ms(0)) },
    receivedAt: grace + 1,
    handledAt: grace + 1,
    edge: true,
    accepted: false,
  },
  {
    name: "a client's forged arrival stamp is deleted at the edge",
    config: direct,
    socket: STUDENT,
    headers: { "x-stratus-arrived-at": String(ms(0)) },
    receivedAt: grace + 1,
    handledAt: grace + 1,
    edge: true,
    accepted: false,
  },
  {
    name: "without our edge (plain next start) any stamp is ignored: the handler's clock",
    config: direct,
    socket: STUDENT,
    headers: { "x-stratus-arrived-at": String(ms(0)) },
    receivedAt: grace + 1,
    handledAt: grace + 1,
    edge: false,
    accepted: false,
  },
];

describe("a save or submit is on time when it arrived by deadline + grace", () => {
  test.each(cases)("$name → accepted: $accepted", ({ config, socket, headers, receivedAt, handledAt, edge, accepted }) => {
    // The edge (scripts/server.ts) stamps what it received; Next.js then hands the route a Headers object.
    const raw: Record<string, string | string[] | undefined> = { ...headers };
    if (edge) stampEdgeHeaders(config, { headers: raw, socketAddress: socket }, ms(receivedAt));
    const routeHeaders = new Headers(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
    const arrival = arrivedAt(routeHeaders, new Date(ms(handledAt)), edge);
    expect(acceptsSaves(arrival, deadline, GRACE)).toBe(accepted);
    expect(isOverdue(arrival, deadline, GRACE)).toBe(!accepted);
  });
});

describe("expiry never overtakes an on-time request still queued", () => {
  const allowance = QUEUE_ALLOWANCE_SECONDS * 1000;
  test.each([
    { name: "deadline exactly", at: 0, closes: false },
    { name: "grace exactly", at: grace, closes: false },
    { name: "just past the grace: on-time requests may still be queued", at: grace + 1, closes: false },
    { name: "grace + allowance exactly", at: grace + allowance, closes: false },
    { name: "1 ms after grace + allowance", at: grace + allowance + 1, closes: true },
  ])("$name → the sweep or a late save may close it: $closes", ({ at, closes }) => {
    expect(mayCloseAsExpired(new Date(ms(at)), deadline, GRACE)).toBe(closes);
  });
  test("an untimed attempt never expires", () => {
    expect(mayCloseAsExpired(new Date(ms(10 ** 9)), null, GRACE)).toBe(false);
  });
});
