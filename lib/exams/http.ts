// Shared plumbing for the attempt route handlers: JSON in and out, same-origin
// requests only, expected errors as clear JSON with the right status.
import "server-only";
import { z } from "zod";
import { ExamError } from "./errors";

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

/**
 * Cookies ride along on cross-site requests, so writes accept only JSON (which a
 * foreign form cannot send without a CORS preflight we never grant) and, when
 * the browser says where it came from, only our own origin.
 */
export function refuseCrossSite(request: Request): Response | null {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return apiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON.");
  }
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!host || new URL(origin).host !== host) return apiError(403, "CROSS_SITE", "Requests must come from Stratus itself.");
  }
  return null;
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S> | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "BAD_JSON", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return apiError(
      422,
      "INVALID",
      "Some of what was sent is not valid.",
      parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
    );
  }
  return parsed.data;
}

export function examErrorResponse(error: unknown): Response {
  if (error instanceof ExamError) return apiError(error.status, error.code, error.message);
  throw error;
}

export const attemptIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);
