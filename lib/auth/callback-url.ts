// Where to send someone after signing in. Only a path on this site is
// followed, judged AFTER the browser's own URL normalisation: WHATWG URL
// parsing drops tabs and newlines and reads "\" as "/", so "/\evil.example"
// and "/\t/evil.example" (a decoded "%09") both become "//evil.example",
// another host. We parse the value the way the browser will, keep it only if
// it stays on our origin, and hand the browser the normalised path.
const BASE = "http://stratus.invalid";

export function safeCallbackPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalised path must itself be unambiguous (never "//host" or "/\host").
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
