// The security headers of every response, as pure functions of the request's
// nonce and protocol (applied by proxy.ts).
import { createHash } from "node:crypto";
import { THEME_SCRIPT } from "@/lib/theme-script";

const THEME_SCRIPT_HASH = `'sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}'`;

/**
 * Scripts run only with this request's nonce (Next.js adds it to its own
 * scripts) or, through 'strict-dynamic', when loaded by such a script; the
 * theme script by its hash. Styles allow inline: charts and mermaid diagrams
 * set style attributes and <style> elements at run time (no script can run
 * from a style). Nothing may frame the app.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic' ${THEME_SCRIPT_HASH}${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: { csp: string; https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": options.csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Largest server-action body Next.js accepts (its default bodySizeLimit). */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/**
 * Why a server-action POST is refused before Next.js sees it, or null.
 * Next.js compares Origin with Host itself, but answers a "null" or unparsable
 * Origin and an oversized body with a 500; these become clean 4xx here.
 */
export function serverActionProblem(headers: Headers): { status: number; message: string } | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    const expected = headers.get("x-forwarded-host") ?? headers.get("host");
    if (!host || !expected || host !== expected) return { status: 403, message: "Requests must come from Stratus itself." };
  }
  const length = Number(headers.get("content-length"));
  if (Number.isFinite(length) && length > SERVER_ACTION_MAX_BYTES) return { status: 413, message: "The request is too large." };
  return null;
}
