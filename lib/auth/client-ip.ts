// The caller's IP for per-IP rate limits. `next start` fills X-Forwarded-For
// with the socket address only when the request has none, so behind no proxy a
// client can choose the value; the per-account limit still holds then. In
// production run behind a proxy/load balancer that overwrites the header; its
// last entry is the address that proxy saw.
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
