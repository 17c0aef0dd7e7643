// Stratus service worker: an exam in progress survives a reload while offline.
//
// What it keeps (CacheStorage, this browser only):
// - the runner page of an attempt in progress (/attempts/<id>), fetched again
//   each time the runner opens online (components/exam/use-offline-copy.ts
//   asks for it) and on every online full load of that page;
// - the build's static files (/_next/static/…, hashed and public) that runner
//   pages load.
// What it never touches: API routes (answers, checks, submit), RSC/data
// requests, server actions, any non-GET request, any other page. The runner
// page it keeps shows only what the runner shows: the student's own saved
// answers, never a key the rules have not released.
//
// Navigation to a runner page goes to the network first; only when the network
// fails does the kept copy answer (marked with a meta tag, so the runner says it
// is working offline), or, with no copy, a page of its own saying the answers
// are safe on this device, with a retry button.
//
// Sign-out (components/shell/sign-out-button.tsx) and the sign-in and sign-up
// forms drop everything kept (components/offline/offline-copies.ts), so one
// person's exam is never shown to the next person on this browser.
//
// Its scope is /attempts/ (components/offline/runner-worker.ts registers it
// from the runner only): no other page is controlled by it, so no other
// navigation waits for it to start. A registration for the whole site (an
// earlier version's) removes itself.

const PAGES = "stratus-runner-pages-v1";
const ASSETS = "stratus-runner-assets-v1";
const RUNNER = /^\/attempts\/[^/]+\/?$/;
/** The one scope this worker serves (components/offline/offline-copies.ts, WORKER_SCOPE). */
const SCOPE = "/attempts/";
const misplaced = () => new URL(self.registration.scope).pathname !== SCOPE;
const STATIC = "/_next/static/";
/** Copies kept at once (the most recent runner pages). */
const MAX_PAGES = 3;
/** Static files kept at once; past it the oldest go (a new build's files replace an old build's). */
const MAX_ASSETS = 250;
/**
 * Bumped by every "forget": a fetch that was in flight when a person signed out
 * must not write their page back afterwards.
 */
let generation = 0;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      if (misplaced()) {
        await self.registration.unregister();
        return;
      }
      const keep = new Set([PAGES, ASSETS]);
      for (const name of await caches.keys()) if (name.startsWith("stratus-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || misplaced()) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (RUNNER.test(url.pathname)) event.respondWith(runnerNavigation(event, url.pathname));
    return;
  }
  if (url.pathname.startsWith(STATIC)) event.respondWith(staticFile(event));
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data !== "object") return;
  if (data.type === "keep-runner" && typeof data.path === "string" && RUNNER.test(data.path)) {
    const assets = Array.isArray(data.assets) ? data.assets.filter((a) => typeof a === "string") : [];
    event.waitUntil(keepRunner(data.path, assets).catch(() => undefined));
  } else if (data.type === "forget") {
    event.waitUntil(forgetAll());
  }
});

async function runnerNavigation(event, path) {
  const since = generation;
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    const kept = await caches.match(path, { cacheName: PAGES });
    return kept ? markedAsKept(kept) : offlinePage(path);
  }
  // The server answered: that is the truth. A runner page becomes the kept copy;
  // anything else (a redirect to results or sign-in, a 404) removes it.
  if (response.ok && response.type === "basic" && !response.redirected) event.waitUntil(putPage(path, response.clone(), since));
  else event.waitUntil(dropPage(path));
  return response;
}

async function keepRunner(path, assets) {
  const since = generation;
  const response = await fetch(path, { credentials: "same-origin", headers: { accept: "text/html" } });
  if (!response.ok || response.redirected || !(response.headers.get("content-type") || "").includes("text/html")) return dropPage(path);
  const html = await response.clone().text();
  if (since !== generation) return;
  await putPage(path, response, since);
  const files = new Set(assets.map(ownStaticPath).filter(Boolean));
  for (const match of html.matchAll(/\/_next\/static\/[^"'\s\\<>)]+/g)) files.add(match[0]);
  const cache = await caches.open(ASSETS);
  await Promise.all(
    [...files].map(async (file) => {
      if (await cache.match(file)) return;
      try {
        const asset = await fetch(file);
        if (asset.ok && since === generation) await cache.put(file, asset);
      } catch {
        // Not reachable now: fetched again on the next visit.
      }
    }),
  );
  await trim(cache, MAX_ASSETS);
}

function ownStaticPath(href) {
  try {
    const url = new URL(href, self.location.origin);
    return url.origin === self.location.origin && url.pathname.startsWith(STATIC) ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

async function putPage(path, response, since) {
  if (since !== generation) return;
  const cache = await caches.open(PAGES);
  await cache.put(path, response);
  await trim(cache, MAX_PAGES);
}

async function dropPage(path) {
  if (await caches.has(PAGES)) await (await caches.open(PAGES)).delete(path);
}

/** Keeps the newest `max` entries (CacheStorage lists them in insertion order). */
async function trim(cache, max) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function forgetAll() {
  generation++;
  await Promise.all([caches.delete(PAGES), caches.delete(ASSETS)]);
}

async function staticFile(event) {
  // caches.match never creates the cache (caches.open would, on every page).
  const kept = await caches.match(event.request, { cacheName: ASSETS });
  if (kept) return kept;
  const since = generation;
  const response = await fetch(event.request);
  if (response.ok && (await fromRunner(event)) && since === generation) {
    const copy = response.clone();
    event.waitUntil(caches.open(ASSETS).then(async (cache) => {
      await cache.put(event.request, copy);
      await trim(cache, MAX_ASSETS);
    }));
  }
  return response;
}

async function fromRunner(event) {
  const id = event.clientId || event.resultingClientId;
  const client = id ? await self.clients.get(id) : undefined;
  return Boolean(client && RUNNER.test(new URL(client.url).pathname));
}

/** The kept copy, marked so the runner knows it opened offline (and does not trust the page's clock). */
async function markedAsKept(response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const marked = html.replace(/<head>/i, '<head><meta name="stratus-offline-copy" content="1">');
  return new Response(marked, { status: 200, statusText: "OK", headers });
}

function offlinePage(path) {
  const retry = path.replace(/[^\w/-]/g, "");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>You are offline · Stratus</title>
<style>
  :root { color-scheme: light dark; --bg: #f5f7fb; --card: #fff; --text: #111827; --muted: #4b5563; --brand: #1449e1; }
  @media (prefers-color-scheme: dark) { :root { --bg: #0f1524; --card: #151d31; --text: #e8ecf5; --muted: #a7b0c4; --brand: #8ec4ff; } }
  body { margin: 0; font-family: ui-sans-serif, system-ui, sans-serif; background: var(--bg); color: var(--text); }
  main { max-width: 34rem; margin: 10vh auto; padding: 2rem 1.5rem; background: var(--card); border-radius: 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  p { line-height: 1.5; color: var(--muted); }
  button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.6rem 1.2rem; border: 0; border-radius: 0.5rem; background: #1449e1; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #337dff; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>You are offline</h1>
<p>Your exam could not be opened because this device has no connection. Your answers are safe: those already saved are on the server, and any not yet sent are kept on this device and sent as soon as the exam opens again online.</p>
<p>Your exam resumes when you are back online.</p>
<form method="get" action="${retry}"><button type="submit">Try again</button></form>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  });
}
