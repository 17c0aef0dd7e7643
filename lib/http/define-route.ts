// One guard for every route handler (as defineAction is for server actions):
// cross-site check → size limit → session → role → zod params → zod body →
// handler, with expected failures (AppError) answered as JSON with their
// status and a body of { ok: false, error: { code, message, issues? } }.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { type SessionUser, currentUser, sessionClaims } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import { arrivedAt, behindEdge } from "./request-edge";

export type ApiError = { ok: false; error: { code: string; message: string; issues?: string[] } };

export function apiError(status: number, code: string, message: string, issues?: string[]): Response {
  return Response.json({ ok: false, error: { code, message, ...(issues ? { issues } : {}) } } satisfies ApiError, {
    status,
    headers: { "cache-control": "no-store" },
  });
}

export function apiOk<T extends object>(body: T): Response {
  return Response.json({ ok: true, ...body }, { headers: { "cache-control": "no-store" } });
}

export function appErrorResponse(error: AppError): Response {
  return apiError(error.status, error.code, error.message, error.fieldErrors ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v?.join(" ")}`) : undefined);
}

/** Default largest JSON body a route reads (a batch of 65 answer saves is ~8 KB). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Cookies ride along on cross-site requests. A write must say it comes from
 * our own origin when the browser says anything at all (Origin, Sec-Fetch-Site),
 * and send JSON, which a foreign form cannot do without a CORS preflight we
 * never grant. "null" and unparsable origins are refused.
 */
export function crossSiteProblem(request: Request): AppError | null {
  if (request.headers.get("sec-fetch-site") === "cross-site") return new AppError("CROSS_SITE", "Requests must come from Stratus itself.");
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || !originHost || originHost !== host) return new AppError("CROSS_SITE", "Requests must come from Stratus itself.");
  return null;
}

/** Reads at most `limit` bytes of the body; longer bodies are refused before they are parsed. */
async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new AppError("TOO_LARGE", `The request body is larger than ${limit} bytes.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", `The request body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

type SessionMode = "user" | "claims" | "none";
type Caller<M extends SessionMode> = M extends "user"
  ? { user: SessionUser }
  : M extends "claims"
    ? { claims: { userId: string; sessionId: string } }
    : object;

export type RouteContext<M extends SessionMode, P, B> = Caller<M> & {
  request: Request;
  params: P;
  body: B;
  /** When the request reached Stratus (lib/http/request-edge.ts). */
  arrivedAt: Date;
};

/**
 * Builds a route handler. `session: "user"` reads the full session (one query);
 * `"claims"` only decrypts the cookie, for hot routes whose own SQL checks the
 * session row; `"none"` is for public routes (they still get the other checks).
 */
export function defineRoute<M extends SessionMode, PS extends z.ZodType = z.ZodUndefined, BS extends z.ZodType = z.ZodUndefined>(
  options: {
    session: M;
    roles?: Role[];
    params?: PS;
    body?: BS;
    maxBodyBytes?: number;
    unauthenticatedMessage?: string;
  },
  handler: (context: RouteContext<M, z.output<PS>, z.output<BS>>) => Promise<Response>,
): (request: Request, context: { params: Promise<unknown> }) => Promise<Response> {
  return async (request, routeContext) => {
    const entered = new Date();
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        const problem = crossSiteProblem(request);
        if (problem) throw problem;
      }
      let bodyText: string | null = null;
      if (options.body) {
        if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
          throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON.");
        }
        bodyText = await readBodyText(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      }

      const caller: Record<string, unknown> = {};
      const unauthenticated = () =>
        new AppError("UNAUTHENTICATED", options.unauthenticatedMessage ?? "Your session has ended. Sign in again to continue.");
      if (options.session === "user") {
        const user = await currentUser();
        if (!user) throw unauthenticated();
        if (options.roles && !options.roles.includes(user.role)) throw new AppError("FORBIDDEN", "You do not have access to this.");
        caller.user = user;
      } else if (options.session === "claims") {
        const claims = await sessionClaims(request);
        if (!claims) throw unauthenticated();
        caller.claims = claims;
      }

      const rawParams = await routeContext.params;
      const params = options.params ? options.params.safeParse(rawParams) : { success: true as const, data: undefined };
      if (!params.success) throw new AppError("NOT_FOUND", "We could not find that.");

      let body: unknown = undefined;
      if (options.body) {
        let json: unknown;
        try {
          json = JSON.parse(bodyText ?? "");
        } catch {
          throw new AppError("BAD_JSON", "The request body is not valid JSON.");
        }
        const parsed = options.body.safeParse(json);
        if (!parsed.success) {
          return apiError(
            422,
            "INVALID",
            "Some of what was sent is not valid.",
            parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
          );
        }
        body = parsed.data;
      }

      return await handler({
        ...(caller as Caller<M>),
        request,
        params: params.data as z.output<PS>,
        body: body as z.output<BS>,
        arrivedAt: arrivedAt(request.headers, entered, behindEdge()),
      });
    } catch (error) {
      if (error instanceof AppError) return appErrorResponse(error);
      throw error;
    }
  };
}
