// Reading what the edge stamped (lib/edge/request-edge.ts) inside a route.
import { EDGE_HEADERS } from "@/lib/edge/request-edge";

/** True when scripts/server.ts (our edge) serves this process, so x-stratus-* headers are its stamps. */
export const behindEdge = (): boolean => process.env.STRATUS_EDGE === "1";

/**
 * When the request reached Stratus: the edge's stamp (a trusted load balancer's
 * request-start time or the moment our process first saw it), else `fallback`.
 * Never a time the client chose: the edge deletes client copies of the header,
 * and without the edge (`edge` false: served by plain `next start`) the header
 * is ignored. Pure.
 */
export function arrivedAt(headers: Headers, fallback: Date, edge: boolean): Date {
  if (!edge) return fallback;
  const stamped = Number(headers.get(EDGE_HEADERS.arrivedAt));
  return Number.isFinite(stamped) && stamped > 0 ? new Date(Math.min(stamped, fallback.getTime())) : fallback;
}
